/*
 * Copyright 2026 The Build vs Buy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import type { Entity } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import type { EvaluationSummary } from '@build-vs-buy/plugin-build-vs-buy-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildVsBuyApiRef, type BuildVsBuyApi } from '../../api';
import {
  evaluationSummary,
  storedEvaluation,
} from '../../__testUtils__/storedEvaluations';
import { createBuildVsBuyCatalogColumn } from './BuildVsBuyCatalogColumn';
import {
  BuildVsBuyCatalogFilter,
  BuildVsBuyEntityFilter,
} from './BuildVsBuyCatalogFilter';

function component(name: string, kind = 'Component'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/ml-platform' },
  };
}

const vector = component('vector-db');
const search = component('search-pipeline');
const rag = component('rag-search');
const fresh = component('newcomer');
const draft = component('half-done');
const api = component('vector-api', 'API');

function decision(
  key: string,
  entity: Entity,
  overrides: Partial<EvaluationSummary> = {},
): EvaluationSummary {
  const stored = storedEvaluation(key);
  return {
    ...evaluationSummary(stored),
    entityRef: `component:default/${entity.metadata.name}`,
    ...overrides,
  };
}

const decisions = [
  decision('ecommerce-vector-database', vector, { reviewStatus: 'current' }),
  decision('search-retrieval-pipeline', search, { reviewStatus: 'overdue' }),
  decision('rag-hybrid-search', rag, { reviewStatus: 'due-soon' }),
  decision('startup-llm-observability', draft, {
    status: 'draft',
    reviewStatus: 'current',
  }),
];

/** A backend that answers a page of entity refs with their decisions. */
function batchedApi() {
  const listEvaluations = jest.fn(
    async (options: Parameters<BuildVsBuyApi['listEvaluations']>[0] = {}) => {
      const refs = (options.entityRef ?? []).map(ref => ref.toLowerCase());
      return { items: decisions.filter(d => refs.includes(d.entityRef)) };
    },
  );
  const getEvaluationByEntity = jest.fn();
  return {
    api: { listEvaluations, getEvaluationByEntity } as Partial<BuildVsBuyApi>,
    listEvaluations,
    getEvaluationByEntity,
  };
}

describe('the catalog column', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error');
  });
  afterEach(() => consoleError.mockRestore());

  it('shows each row’s decision and review status in words, read in one request for the page', async () => {
    const {
      api: buildVsBuyApi,
      listEvaluations,
      getEvaluationByEntity,
    } = batchedApi();
    const rows = [vector, search, rag, fresh, draft, api].map(entity => ({
      entity,
    }));
    await renderInTestApp(
      <TestApiProvider apis={[[buildVsBuyApiRef, buildVsBuyApi]]}>
        <Table
          title="Components"
          options={{ paging: false }}
          columns={[
            { title: 'Name', field: 'entity.metadata.name' },
            createBuildVsBuyCatalogColumn(),
          ]}
          data={rows}
        />
      </TestApiProvider>,
    );

    const rowOf = async (name: string) =>
      (await screen.findByText(name)).closest('tr') as HTMLElement;
    await waitFor(() =>
      expect(
        within(
          (screen.getByText('vector-db').closest('tr') as HTMLElement)!,
        ).getByText('Current'),
      ).toBeInTheDocument(),
    );
    expect(
      within(await rowOf('vector-db')).getByText(
        /^Buy VectorCloud Managed|^Buy /,
      ),
    ).toBeInTheDocument();
    expect(
      within(await rowOf('search-pipeline')).getByText('Revisit overdue'),
    ).toBeInTheDocument();
    expect(
      within(await rowOf('rag-search')).getByText('Revisit due soon'),
    ).toBeInTheDocument();
    expect(
      within(await rowOf('newcomer')).getByText('No decision'),
    ).toBeInTheDocument();
    const draftRow = within(await rowOf('half-done'));
    expect(draftRow.getByText('No decision')).toBeInTheDocument();
    expect(draftRow.getByText('Draft in progress')).toBeInTheDocument();
    // An API carries no decision: an empty cell, and not asked for.
    expect(
      within(await rowOf('vector-api')).queryByText(/decision/i),
    ).toBeNull();

    expect(listEvaluations).toHaveBeenCalledTimes(1);
    expect(listEvaluations.mock.calls[0][0]?.entityRef?.sort()).toEqual(
      [
        'component:default/half-done',
        'component:default/newcomer',
        'component:default/rag-search',
        'component:default/search-pipeline',
        'component:default/vector-db',
      ].sort(),
    );
    expect(getEvaluationByEntity).not.toHaveBeenCalled();
    // Components without a decision leave the browser console quiet
    // (the table library's React deprecation warnings aside).
    expect(
      consoleError.mock.calls.filter(
        ([message]) => !String(message).startsWith('Warning: '),
      ),
    ).toEqual([]);
  });

  it('names the team’s decision, not the tree’s code', async () => {
    const { api: buildVsBuyApi } = batchedApi();
    await renderInTestApp(
      <TestApiProvider apis={[[buildVsBuyApiRef, buildVsBuyApi]]}>
        <Table
          options={{ paging: false }}
          columns={[createBuildVsBuyCatalogColumn({ title: 'Decision' })]}
          data={[{ entity: vector }]}
        />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Decision')).toBeInTheDocument();
    const cell = await screen.findByText(/^Buy /);
    expect(cell.textContent).toContain(
      (decisions[0].teamDecision as { candidateName: string }).candidateName,
    );
    expect(screen.queryByText(/buy-with-wrapper|component:default/)).toBeNull();
  });
});

describe('the catalog filter', () => {
  const entities = [vector, search, rag, fresh, draft, api];

  async function renderFilter(queryParameters: Record<string, string> = {}) {
    const { api: buildVsBuyApi, listEvaluations } = batchedApi();
    const updateFilters = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[buildVsBuyApiRef, buildVsBuyApi]]}>
        <MockEntityListContextProvider
          value={{ backendEntities: entities, updateFilters, queryParameters }}
        >
          <BuildVsBuyCatalogFilter />
        </MockEntityListContextProvider>
      </TestApiProvider>,
    );
    return { updateFilters, listEvaluations };
  }

  function lastFilter(updateFilters: jest.Mock) {
    const calls = updateFilters.mock.calls;
    return calls[calls.length - 1][0].buildVsBuy as
      | BuildVsBuyEntityFilter
      | undefined;
  }

  const openFilter = () =>
    userEvent.click(
      within(screen.getByTestId('build-vs-buy-catalog-filter')).getByRole(
        'button',
      ),
    );

  const kept = (filter: BuildVsBuyEntityFilter) =>
    entities.filter(e => filter.filterEntity(e)).map(e => e.metadata.name);

  it('keeps the components due for revisit, restored from the URL', async () => {
    const { updateFilters, listEvaluations } = await renderFilter({
      buildVsBuy: 'due-for-revisit',
    });
    await waitFor(() =>
      expect(lastFilter(updateFilters)).toBeInstanceOf(BuildVsBuyEntityFilter),
    );
    const filter = lastFilter(updateFilters)!;
    expect(kept(filter)).toEqual(['search-pipeline', 'rag-search']);
    expect(filter.toQueryValue()).toBe('due-for-revisit');
    expect(listEvaluations).toHaveBeenCalledTimes(1);
  });

  it('offers no decision / due for revisit / current, and filters on the choice', async () => {
    const { updateFilters } = await renderFilter();
    expect(lastFilter(updateFilters)).toBeUndefined();

    await openFilter();
    const options = screen.getAllByRole('option').map(o => o.textContent);
    expect(options).toEqual([
      'All',
      'No decision',
      'Due for revisit',
      'Current',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'No decision' }));
    await waitFor(() =>
      expect(lastFilter(updateFilters)?.value).toBe('no-decision'),
    );
    // A draft is no decision yet; an API has none.
    expect(kept(lastFilter(updateFilters)!)).toEqual([
      'newcomer',
      'half-done',
      'vector-api',
    ]);

    await openFilter();
    await userEvent.click(screen.getByRole('option', { name: 'Current' }));
    await waitFor(() =>
      expect(lastFilter(updateFilters)?.value).toBe('current'),
    );
    expect(kept(lastFilter(updateFilters)!)).toEqual(['vector-db']);

    await openFilter();
    await userEvent.click(screen.getByRole('option', { name: 'All' }));
    await waitFor(() => expect(lastFilter(updateFilters)).toBeUndefined());
  });
});
