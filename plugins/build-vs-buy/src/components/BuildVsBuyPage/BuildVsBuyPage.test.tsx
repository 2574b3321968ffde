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

import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import type { DecisionSummary } from '@build-vs-buy/plugin-build-vs-buy-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  evaluationSummary,
  storedEvaluation,
} from '../../__testUtils__/storedEvaluations';
import { BuildVsBuyPage } from './BuildVsBuyPage';

const summary: DecisionSummary = {
  total: 3,
  byVerdict: { buy: 2, build: 1 },
  byReviewStatus: { current: 1, 'due-soon': 1, overdue: 1 },
  byOwnerGroup: [{ groupRef: 'group:default/ml-platform', count: 3 }],
  revisitsByMonth: [
    { month: '2026-06', count: 2 },
    { month: '2026-07', count: 1 },
  ],
};

function renderDashboard() {
  const overdue = storedEvaluation('search-retrieval-pipeline');
  overdue.review = { ...overdue.review, status: 'overdue' };
  const api = {
    getDecisionSummary: jest.fn().mockResolvedValue(summary),
    getDashboardList: jest
      .fn()
      .mockResolvedValueOnce({
        items: [evaluationSummary(overdue)],
        nextCursor: 'page-2',
      })
      .mockResolvedValue({
        // A draft, as the list of components gone from the catalog has them.
        items: [
          evaluationSummary(
            storedEvaluation('rag-hybrid-search', { status: 'draft' }),
          ),
        ],
      }),
    getUnevaluatedEntities: jest.fn().mockResolvedValue({
      items: [
        {
          entityRef: 'component:default/feature-store',
          ownerRef: 'group:default/ml-platform',
        },
      ],
    }),
  };
  const identityApi = mockApis.identity({
    userEntityRef: 'user:default/ada',
    ownershipEntityRefs: ['user:default/ada', 'group:default/ml-platform'],
  });
  return {
    api,
    rendered: renderWithApis(<BuildVsBuyPage />, {
      api,
      extraApis: [[identityApiRef, identityApi]],
    }),
  };
}

describe('BuildVsBuyPage', () => {
  it('lists decisions due for revisit owned by me, with summary charts', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;

    const link = await screen.findByRole('link', {
      name: /retrieval-pipeline/,
    });
    expect(
      within(link.closest('tr')!).getByText('Revisit overdue'),
    ).toBeInTheDocument();
    expect(api.getDashboardList).toHaveBeenCalledWith('due-for-revisit', {
      ownerGroups: ['user:default/ada', 'group:default/ml-platform'],
      system: undefined,
      verdict: undefined,
      lifecycle: undefined,
      limit: 50,
      cursor: undefined,
    });
    expect(screen.getByLabelText('Buy: 2')).toBeInTheDocument();
    expect(screen.getByLabelText('2026-06: 2')).toBeInTheDocument();
  });

  it('loads the next page with the cursor', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );

    const draft = await screen.findByRole('link', { name: /rag-retriever/ });
    const row = within(draft.closest('tr')!);
    expect(
      row.getByTitle('Last saved by grace on 2026-02-01'),
    ).toHaveTextContent('Draft in progress');
    expect(row.queryByText('Current')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /retrieval-pipeline/ }),
    ).toBeInTheDocument();
    expect(api.getDashboardList).toHaveBeenLastCalledWith(
      'due-for-revisit',
      expect.objectContaining({ cursor: 'page-2' }),
    );
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('builds the query from the filters', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;
    await screen.findByRole('link', { name: /retrieval-pipeline/ });

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Owned by me' }),
    );
    await userEvent.click(screen.getByLabelText('Owner groups'));
    await userEvent.paste('group:default/search, group:default/ads');
    await userEvent.click(screen.getByLabelText('System'));
    await userEvent.paste('search');
    await userEvent.click(
      within(screen.getByRole('search')).getByRole('button', {
        name: /The tree's verdict/,
      }),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('Build in-house'),
    );

    await waitFor(() =>
      expect(api.getDashboardList).toHaveBeenLastCalledWith('due-for-revisit', {
        ownerGroups: ['group:default/search', 'group:default/ads'],
        system: 'search',
        verdict: 'build',
        lifecycle: undefined,
        limit: 50,
        cursor: undefined,
      }),
    );
    expect(api.getDecisionSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ system: 'search', verdict: 'build' }),
    );
  }, 30_000);

  it('filters the decisions that went against the tree, and shows them in a column', async () => {
    const example = storedEvaluation('ecommerce-vector-database');
    const against = storedEvaluation('ecommerce-vector-database', {
      evaluation: {
        ...example.evaluation,
        teamDecision: { kind: 'build', rationale: 'We own the index.' },
      },
    });
    const { api, rendered } = renderDashboard();
    api.getDashboardList.mockReset().mockResolvedValue({
      items: [evaluationSummary(against)],
    });
    await rendered;

    const link = await screen.findByRole('link', {
      name: /product-similarity-store/,
    });
    const row = within(link.closest('tr')!);
    expect(row.getByText('Build in-house')).toBeInTheDocument();
    expect(row.getByText('Buy VectorCloud Managed')).toBeInTheDocument();
    expect(row.getByText('Against the tree')).toBeInTheDocument();
    for (const title of [
      "Team's decision",
      'The tree recommends',
      'Against the tree',
    ]) {
      expect(
        screen.getByRole('columnheader', { name: title }),
      ).toBeInTheDocument();
    }
    expect(api.getDashboardList).toHaveBeenLastCalledWith(
      'due-for-revisit',
      expect.objectContaining({ decidedAgainstTree: undefined }),
    );

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Decided against the tree' }),
    );
    await waitFor(() =>
      expect(api.getDashboardList).toHaveBeenLastCalledWith(
        'due-for-revisit',
        expect.objectContaining({ decidedAgainstTree: true }),
      ),
    );
    expect(api.getDecisionSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ decidedAgainstTree: true }),
    );
  });

  it('lists components nobody evaluated yet', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;

    await userEvent.click(
      screen.getByRole('tab', { name: 'Not yet evaluated' }),
    );

    expect(
      await screen.findByRole('link', { name: /feature-store/ }),
    ).toBeInTheDocument();
    expect(api.getUnevaluatedEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        ownerGroups: ['user:default/ada', 'group:default/ml-platform'],
      }),
    );
  });
});
