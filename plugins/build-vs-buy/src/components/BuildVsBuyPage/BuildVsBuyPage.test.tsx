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

import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { mockApis } from '@backstage/test-utils';
import type { DecisionSummary } from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  cleanup,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  catalogEntities,
  evaluationSummary,
  storedEvaluation,
} from '../../__testUtils__/storedEvaluations';
import { BuildVsBuyPage } from './BuildVsBuyPage';
import { entityDisplayName } from '../catalogSearch';

const summary: DecisionSummary = {
  total: 3,
  drafts: 1,
  byVerdict: { buy: 2, build: 1 },
  byReviewStatus: { current: 1, 'due-soon': 1, overdue: 1 },
  byOwnerGroup: [{ groupRef: 'group:default/ml-platform', count: 3 }],
  revisitsByMonth: [
    { month: '2026-06', count: 1 },
    { month: '2026-07', count: 1 },
  ],
  revisitsOverdue: 1,
  revisitsLater: 0,
};

const entities: Entity[] = [
  ...catalogEntities,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'search',
      namespace: 'default',
      title: 'Search Platform',
    },
    spec: { owner: 'group:default/ml-platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'rag-platform', namespace: 'default', title: 'RAG' },
    spec: { owner: 'group:default/ml-platform' },
  },
];

/*
 * The app's entity presentation, as the catalog plugin provides it: the
 * name people know an entity by.
 */
const entityPresentationApi = {
  forEntity: (ref: string) => {
    const entity = entities.find(
      candidate => stringifyEntityRef(candidate) === ref,
    );
    const snapshot = {
      entityRef: ref,
      primaryTitle: entity ? entityDisplayName(entity) : ref,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

/** The query string the page wrote, to read back in a test. */
const LocationProbe = () => (
  <output data-testid="location">{useLocation().search}</output>
);

function currentParams() {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

const overdue = storedEvaluation('search-retrieval-pipeline');
overdue.review = { ...overdue.review, status: 'overdue' };
const draft = storedEvaluation('rag-hybrid-search', { status: 'draft' });

function renderDashboard(
  routeEntries?: string[],
  listed = [evaluationSummary(overdue), evaluationSummary(draft)],
) {
  const api = {
    getDecisionSummary: jest.fn().mockResolvedValue(summary),
    listEvaluations: jest.fn().mockResolvedValue({ items: listed }),
    getDashboardList: jest
      .fn()
      .mockResolvedValueOnce({
        items: [evaluationSummary(overdue)],
        nextCursor: 'page-2',
      })
      .mockResolvedValue({ items: [evaluationSummary(draft)] }),
    getEvaluationsCsv: jest
      .fn()
      .mockResolvedValue('entityRef,status\ncomponent:default/a,draft\n'),
    getTeamCoverage: jest.fn().mockResolvedValue({
      items: [
        {
          ownerRef: 'group:default/ml-platform',
          components: 5,
          current: 1,
          dueSoon: 1,
          overdue: 2,
          withoutDecision: 1,
          draftsInProgress: 0,
        },
        {
          ownerRef: 'group:default/applied-ml-startup',
          components: 2,
          current: 0,
          dueSoon: 0,
          overdue: 0,
          withoutDecision: 2,
          draftsInProgress: 0,
        },
        {
          ownerRef: 'group:default/search-relevance',
          components: 4,
          current: 0,
          dueSoon: 0,
          overdue: 0,
          withoutDecision: 4,
          draftsInProgress: 1,
        },
      ],
    }),
    getTeamCoverageCsv: jest
      .fn()
      .mockResolvedValue('Owner,Components\nML Platform,5\n'),
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
    rendered: renderWithApis(
      <>
        <BuildVsBuyPage />
        <LocationProbe />
      </>,
      {
        api,
        catalogEntities: entities,
        routeEntries,
        extraApis: [
          [identityApiRef, identityApi],
          [entityPresentationApiRef, entityPresentationApi],
        ],
      },
    ),
  };
}

describe('BuildVsBuyPage', () => {
  it('opens on all decisions, drafts included, for everyone, with names not refs', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;

    expect(
      screen.getByRole('tab', { name: 'All decisions', selected: true }),
    ).toBeInTheDocument();
    const draftLink = await screen.findByRole('link', {
      name: /rag-retriever/,
    });
    const draftRow = within(draftLink.closest('tr')!);
    expect(
      draftRow.getByTitle('Last saved by grace on 2026-02-01'),
    ).toHaveTextContent('Draft in progress');
    expect(draftRow.queryByText('Current')).not.toBeInTheDocument();
    const row = within(
      screen.getByRole('link', { name: /retrieval-pipeline/ }).closest('tr')!,
    );
    expect(row.getByText('Revisit overdue')).toBeInTheDocument();
    expect(row.getByText('ML Platform')).toBeInTheDocument();
    expect(row.getByText('Search Platform')).toBeInTheDocument();
    expect(
      screen.queryByText(/system:default\/search/),
    ).not.toBeInTheDocument();

    // "Owned by me" is off: nobody's view is empty for owning nothing.
    expect(
      screen.getByRole('checkbox', { name: 'Owned by me' }),
    ).not.toBeChecked();
    expect(api.listEvaluations).toHaveBeenCalledWith(
      expect.objectContaining({
        ownerGroups: [],
        order: 'updated',
        limit: 50,
        cursor: undefined,
      }),
    );
    expect(api.getDashboardList).not.toHaveBeenCalled();
  });

  it('says where a decision starts when there is none, and blames the filters only when some are set', async () => {
    renderDashboard(undefined, []);
    expect(
      await screen.findByText(
        "No decision yet: start one from a component's Build vs Buy tab",
      ),
    ).toBeInTheDocument();

    cleanup();
    renderDashboard(['/?verdict=build'], []);
    expect(
      await screen.findByText('No decision or draft matches these filters'),
    ).toBeInTheDocument();
  });

  it('carries its own header on the legacy frontend system', async () => {
    const { rendered } = renderDashboard();
    await rendered;
    expect(
      screen.getByRole('heading', { name: 'Build vs Buy' }),
    ).toBeInTheDocument();
  });

  it('counts drafts as in progress and overdue revisits in a bar of their own', async () => {
    const { rendered } = renderDashboard();
    await rendered;

    const verdicts = await screen.findByRole('list', {
      name: 'Verdicts (3 decisions, 1 draft)',
    });
    expect(
      within(verdicts).getByLabelText('Draft in progress: 1'),
    ).toBeInTheDocument();
    expect(within(verdicts).getByLabelText('Buy: 2')).toBeInTheDocument();
    const months = screen.getByRole('list', {
      name: 'Revisits due per month (3 decisions)',
    });
    expect(within(months).getByLabelText('Overdue: 1')).toBeInTheDocument();
    expect(within(months).getByLabelText('June 2026: 1')).toBeInTheDocument();
    expect(within(months).getByLabelText('July 2026: 1')).toBeInTheDocument();
  });

  it('filters the table when a chart bar is clicked, and puts the filter in the URL', async () => {
    const { api, rendered } = renderDashboard(['/?tab=due-for-revisit']);
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'Build in-house: 1' }),
    );

    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({ verdict: 'build', status: 'complete' }),
      ),
    );
    expect(api.getDecisionSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ verdict: 'build', status: 'complete' }),
    );
    expect(
      screen.getByRole('tab', { name: 'All decisions', selected: true }),
    ).toBeInTheDocument();
    expect(currentParams().get('verdict')).toBe('build');
    expect(currentParams().get('status')).toBe('complete');
    expect(currentParams().get('tab')).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Build in-house: 1' }),
    ).toHaveAttribute('aria-pressed', 'true');

    const months = screen.getByRole('list', {
      name: 'Revisits due per month (3 decisions)',
    });
    await userEvent.click(
      within(months).getByRole('button', { name: 'Overdue: 1' }),
    );
    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({
          reviewStatus: 'overdue',
          status: 'complete',
        }),
      ),
    );
    expect(api.listEvaluations.mock.lastCall[0].verdict).toBeUndefined();
    expect(currentParams().get('verdict')).toBeNull();

    const [draftBar] = screen.getAllByRole('button', {
      name: 'Draft in progress: 1',
    });
    await userEvent.click(draftBar);
    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: 'draft' }),
      ),
    );
    expect(api.listEvaluations.mock.lastCall[0].reviewStatus).toBeUndefined();
    expect(currentParams().get('status')).toBe('draft');
  }, 30_000);

  it('opens the view a shared URL names, the owner shown by name, and keeps it in the URL', async () => {
    const { api, rendered } = renderDashboard([
      '/?tab=due-for-revisit&ownerGroup=group%3Adefault%2Fml-platform&system=system%3Adefault%2Fsearch&verdict=build&reviewStatus=overdue&lifecycle=production&organisationProfile=regulated',
    ]);
    await rendered;

    expect(
      screen.getByRole('tab', { name: 'Due for revisit', selected: true }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getDashboardList).toHaveBeenCalledWith('due-for-revisit', {
        ownerGroups: ['group:default/ml-platform'],
        system: 'system:default/search',
        verdict: 'build',
        reviewStatus: 'overdue',
        lifecycle: 'production',
        organisationProfile: 'regulated',
        limit: 50,
        cursor: undefined,
      }),
    );
    const filters = within(screen.getByRole('search'));
    expect(await filters.findByText('ML Platform')).toBeInTheDocument();
    expect(filters.getByLabelText('System')).toHaveValue('Search Platform');
    expect(filters.getByLabelText('Lifecycle')).toHaveValue('production');
    expect(
      filters.getByRole('button', { name: /Organisation profile/ }),
    ).toHaveTextContent('Regulated industry');

    await userEvent.click(
      filters.getByRole('checkbox', { name: 'Decided against the tree' }),
    );
    await waitFor(() =>
      expect(api.getDashboardList).toHaveBeenLastCalledWith(
        'due-for-revisit',
        expect.objectContaining({
          decidedAgainstTree: true,
          ownerGroups: ['group:default/ml-platform'],
        }),
      ),
    );
    const params = currentParams();
    expect(params.get('decidedAgainstTree')).toBe('true');
    expect(params.getAll('ownerGroup')).toEqual(['group:default/ml-platform']);
    expect(params.get('tab')).toBe('due-for-revisit');
    expect(params.get('verdict')).toBe('build');
    expect(params.get('organisationProfile')).toBe('regulated');
  }, 30_000);

  it('picks owner groups from the catalog by display name', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;
    await screen.findByRole('link', { name: /rag-retriever/ });

    await userEvent.type(screen.getByLabelText('Owner groups'), 'ML Plat');
    // The catalog search answers each keystroke: let the last answer land
    // before choosing, or the click can hit an option that is replaced.
    await new Promise(resolve => setTimeout(resolve, 1500));
    await userEvent.click(
      await screen.findByRole('option', { name: /ML Platform/ }),
    );

    await waitFor(
      () =>
        expect(api.listEvaluations).toHaveBeenLastCalledWith(
          expect.objectContaining({
            ownerGroups: ['group:default/ml-platform'],
          }),
        ),
      { timeout: 10_000 },
    );
    expect(currentParams().getAll('ownerGroup')).toEqual([
      'group:default/ml-platform',
    ]);
    expect(api.getDecisionSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ ownerGroups: ['group:default/ml-platform'] }),
    );
  }, 30_000);

  it('picks a system by its title', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;
    await screen.findByRole('link', { name: /rag-retriever/ });

    await userEvent.type(screen.getByLabelText('System'), 'RAG');
    await userEvent.click(await screen.findByRole('option', { name: /RAG/ }));

    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({ system: 'system:default/rag-platform' }),
      ),
    );
    expect(currentParams().get('system')).toBe('system:default/rag-platform');
  }, 30_000);

  it('sorts all decisions on the server, earliest revisit first', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;
    await screen.findByRole('link', { name: /rag-retriever/ });

    await userEvent.click(screen.getByRole('button', { name: /Sort by/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('Earliest revisit first'),
    );

    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({ order: 'revisit', cursor: undefined }),
      ),
    );
    expect(currentParams().get('order')).toBe('revisit');
  });

  it('filters by the organisation profile the decision was judged for', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;
    await screen.findByRole('link', { name: /rag-retriever/ });

    await userEvent.click(
      screen.getByRole('button', { name: /Organisation profile/ }),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('Early-stage startup'),
    );

    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({ organisationProfile: 'early-stage-startup' }),
      ),
    );
    expect(api.getDecisionSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ organisationProfile: 'early-stage-startup' }),
    );
    expect(currentParams().get('organisationProfile')).toBe(
      'early-stage-startup',
    );
  });

  it('downloads all decisions of the view as CSV', async () => {
    const { api, rendered } = renderDashboard(['/?status=draft&order=revisit']);
    await rendered;
    await screen.findByRole('link', { name: /rag-retriever/ });
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:csv';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0].text()).toBe(
      'entityRef,status\ncomponent:default/a,draft\n',
    );
    expect(api.getEvaluationsCsv).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'draft', order: 'revisit' }),
    );
    click.mockRestore();
  });

  it('loads the next page with the cursor', async () => {
    const { api, rendered } = renderDashboard(['/?tab=due-for-revisit']);
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );

    expect(
      await screen.findByRole('link', { name: /rag-retriever/ }),
    ).toBeInTheDocument();
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

  it('narrows to what I own when asked', async () => {
    const { api, rendered } = renderDashboard();
    await rendered;
    await screen.findByRole('link', { name: /rag-retriever/ });

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Owned by me' }),
    );

    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({
          ownerGroups: ['user:default/ada', 'group:default/ml-platform'],
        }),
      ),
    );
    expect(currentParams().get('ownedByMe')).toBe('true');
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
      expect.objectContaining({ ownerGroups: [] }),
    );
    expect(currentParams().get('tab')).toBe('not-evaluated');
  });

  it('shows coverage by team, by name, the least covered first, and opens what a count counts', async () => {
    const { api, rendered } = renderDashboard(['/?tab=coverage-by-team']);
    await rendered;

    expect(
      screen.getByRole('tab', { name: 'Coverage by team', selected: true }),
    ).toBeInTheDocument();
    await screen.findByRole('button', {
      name: 'Show the components not yet evaluated of Search Relevance (4)',
    });
    const owners = () =>
      screen
        .getAllByRole('link')
        .map(link => link.textContent)
        .filter(name =>
          ['ML Platform', 'Search Relevance', 'Applied ML Startup'].includes(
            name ?? '',
          ),
        );
    // Without a decision, the largest first.
    expect(owners()).toEqual([
      'Search Relevance',
      'Applied ML Startup',
      'ML Platform',
    ]);
    expect(
      screen.getByRole('columnheader', { name: /Revisit overdue/ }),
    ).toBeInTheDocument();
    expect(api.getTeamCoverage).toHaveBeenCalledWith(
      expect.objectContaining({ ownerGroups: [], limit: 500 }),
    );

    // Sorted by the owner's name. (One click event: the header's drag
    // handle takes a user's click as two.)
    const byName = ['Applied ML Startup', 'ML Platform', 'Search Relevance'];
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: 'Owner' })).getAllByRole(
        'button',
        { name: 'Owner' },
      )[0],
    );
    await waitFor(() =>
      expect([byName, [...byName].reverse()]).toContainEqual(owners()),
    );

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Show the decisions overdue for revisit of ML Platform (2)',
      }),
    );
    await waitFor(() => expect(currentParams().get('tab')).toBeNull());
    expect(currentParams().getAll('ownerGroup')).toEqual([
      'group:default/ml-platform',
    ]);
    expect(currentParams().get('reviewStatus')).toBe('overdue');
    expect(currentParams().get('status')).toBe('complete');
    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenLastCalledWith(
        expect.objectContaining({
          ownerGroups: ['group:default/ml-platform'],
          reviewStatus: 'overdue',
          status: 'complete',
        }),
      ),
    );
  });

  it('opens the components of a team nobody evaluated from its count', async () => {
    const { rendered } = renderDashboard(['/?tab=coverage-by-team']);
    await rendered;
    await screen.findByRole('link', { name: 'Search Relevance' });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the components not yet evaluated of Search Relevance (4)',
      }),
    );

    await waitFor(() =>
      expect(currentParams().get('tab')).toBe('not-evaluated'),
    );
    expect(currentParams().getAll('ownerGroup')).toEqual([
      'group:default/search-relevance',
    ]);
  });

  it('downloads coverage by team as CSV', async () => {
    const { api, rendered } = renderDashboard([
      '/?tab=coverage-by-team&lifecycle=production',
    ]);
    await rendered;
    await screen.findByRole('link', { name: 'ML Platform' });
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:csv';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0].text()).toBe('Owner,Components\nML Platform,5\n');
    expect(api.getTeamCoverageCsv).toHaveBeenCalledWith(
      expect.objectContaining({ lifecycle: 'production' }),
    );
    click.mockRestore();
  });
});
