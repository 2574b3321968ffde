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

import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import type { StoredEvaluation } from '@build-vs-buy/plugin-build-vs-buy-common';
import { EntityBuildVsBuyContent } from './EntityBuildVsBuyContent';

const named = (
  kind: string,
  name: string,
  metadata: object,
  spec: object = {},
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
  spec,
});

/** The catalog the ADR's names come from. */
const catalogEntities = [
  named('Component', 'product-similarity-store', {
    title: 'Product similarity store',
  }),
  named('User', 'grace', {}, { profile: { displayName: 'Grace Hopper' } }),
  named(
    'Group',
    'ml-platform',
    { title: 'ML platform (title)' },
    { profile: { displayName: 'ML Platform' } },
  ),
  named('Component', 'product-page', { title: 'Product page' }),
];

function renderContent(
  stored: StoredEvaluation = storedEvaluation('ecommerce-vector-database'),
) {
  const api = {
    getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
    listRevisions: jest.fn().mockResolvedValue({
      items: [3, 2, 1].map(version => ({
        evaluationId: stored.id,
        version,
        status: version === 3 ? 'complete' : 'draft',
        verdictKind: version === 3 ? 'buy' : 'incomplete',
        createdAt: `2026-01-0${version}T10:00:00.000Z`,
        createdBy: 'user:default/grace',
      })),
    }),
    diffRevisions: jest.fn().mockImplementation(async (_id, from, to) => ({
      evaluationId: stored.id,
      from,
      to,
      changes: [
        {
          path: 'failureModes.migrationPlan.alternative',
          before: undefined,
          after: 'Self-hosted open-source vector database',
        },
      ],
    })),
  };
  return {
    stored,
    api,
    rendered: renderWithApis(<EntityBuildVsBuyContent />, {
      api,
      catalogEntities,
    }),
  };
}

describe('EntityBuildVsBuyContent', () => {
  it('shows the prerequisites, the node answers, the matrix and the failure modes', async () => {
    const { rendered } = renderContent();
    await rendered;

    expect(
      await screen.findByText(/Should we build our own vector store/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Two competitors on the same vector database/),
    ).toBeInTheDocument();
    const matrix = screen.getByRole('table', { name: 'Requirements matrix' });
    expect(matrix).toHaveTextContent('Must-haves');
    expect(matrix).toHaveTextContent('Nice-to-haves');
    expect(matrix).toHaveTextContent(
      '3/3 must-haves, 83.3% of should-haves; chosen',
    );
    expect(
      screen.getByText('Buying without a migration plan'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Point-in-time backup \(should-have, partial\)/),
    ).toBeInTheDocument();
  });

  it('"It is not a formula": the decision tab shows the team\'s decision, the tree\'s and why, and the ADR records them', async () => {
    const example = storedEvaluation('ecommerce-vector-database');
    const { rendered } = renderContent(
      storedEvaluation('ecommerce-vector-database', {
        evaluation: {
          ...example.evaluation,
          teamDecision: {
            kind: 'buy',
            candidateId: 'newvec',
            rationale: 'NewVec signed our latency SLA.',
          },
        },
      }),
    );
    await rendered;

    const decision = await screen.findByRole('region', {
      name: "The team's decision",
    });
    expect(decision).toHaveTextContent("Team's decision: Buy NewVec");
    expect(decision).toHaveTextContent(
      'The tree recommends: Buy VectorCloud Managed',
    );
    expect(decision).toHaveTextContent('Against the tree');
    expect(decision).toHaveTextContent(
      "The team's rationale: NewVec signed our latency SLA.",
    );
    expect(decision).not.toHaveTextContent(/newvec|buy-with-wrapper/);

    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:adr';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: 'Download ADR' }));
    const markdown = await blobs[0].text();
    expect(markdown).toContain(
      'Chosen option: "Buy NewVec", the team\'s decision against the tree\'s recommendation.',
    );
    expect(markdown).toContain(
      'The tree recommends: "Buy VectorCloud Managed", because',
    );
    expect(markdown).toContain(
      "The team's rationale: NewVec signed our latency SLA.",
    );
    click.mockRestore();
  });

  it('highlights the path taken through the decision tree', async () => {
    const { rendered } = renderContent();
    await rendered;
    await screen.findByRole('img', { name: /Decision tree/ });

    const onPath = (testId: string) =>
      screen.getByTestId(testId).getAttribute('data-on-path');
    expect(onPath('node-core-differentiator')).toBe('true');
    expect(onPath('node-gap-classification')).toBe('true');
    expect(onPath('node-buy')).toBe('true');
    expect(onPath('node-maintenance')).toBe('false');
    expect(onPath('node-build')).toBe('false');
    expect(onPath('edge-core-differentiator-mature-option')).toBe('true');
    expect(onPath('edge-core-differentiator-maintenance')).toBe('false');
    expect(onPath('edge-gap-classification-buy')).toBe('true');
    expect(
      screen.getByRole('img', {
        name: /Path taken: Prerequisites → Node 1: Core differentiator\? → Node 2: Mature option\? → Node 3: Meets 80%\+ of requirements\? → Node 4: Core or edge gaps\? → Buy$/,
      }),
    ).toBeInTheDocument();
  });

  /** Clicks Download ADR and returns the Markdown downloaded. */
  async function downloadAdr(): Promise<string> {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:adr';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download ADR' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    click.mockRestore();
    return blobs[0].text();
  }

  it('downloads the decision as a Markdown ADR', async () => {
    const { rendered } = renderContent();
    await rendered;
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:adr';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function clickLink(this: HTMLAnchorElement) {
        expect(this.download).toBe(
          'adr-build-vs-buy-default-product-similarity-store.md',
        );
      });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download ADR' }),
    );

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(blobs[0].type).toBe('text/markdown');
    const markdown = await blobs[0].text();
    expect(markdown).toContain('# Build vs buy: Product similarity store\n');
    expect(markdown).toContain('- Status: accepted\n');
    expect(markdown).toContain('- Component: Product similarity store\n');
    expect(markdown).toContain('- Deciders: Grace Hopper\n');
    expect(markdown).toContain('- Component owner: ML Platform\n');
    // Not in the catalog: the short form of its reference.
    expect(markdown).toContain(
      '- Dependents: Product page, recommendations-api\n',
    );
    expect(markdown).toContain('VectorCloud Managed');
    expect(markdown).toContain('### Migration plan');
    expect(markdown).not.toMatch(/(component|user|group):default\//);
    click.mockRestore();
  });

  it('writes in the ADR why the decision is due for revisit when it is', async () => {
    const stored = storedEvaluation('ecommerce-vector-database');
    const message =
      'New information arrived: VectorCloud Managed had a deprecation on 2026-11-30. Revisit the decision to buy it.';
    await renderWithApis(<EntityBuildVsBuyContent />, {
      api: {
        getEvaluationByEntity: jest.fn().mockResolvedValue({
          ...stored,
          review: {
            status: 'due-soon',
            revisitBy: stored.review.revisitBy,
            reasons: [{ code: 'vendor-event', message }],
          },
        }),
        listRevisions: jest.fn().mockResolvedValue({ items: [] }),
      },
    });
    const markdown = await downloadAdr();
    expect(markdown).toContain(
      `Revisit due soon when this record was made:\n\n- ${message}\n`,
    );
  });

  it('still downloads, with short names, when the catalog cannot answer', async () => {
    const stored = storedEvaluation('search-retrieval-pipeline');
    const getEntitiesByRefs = jest.fn().mockRejectedValue(new Error('down'));
    await renderWithApis(<EntityBuildVsBuyContent />, {
      api: {
        getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
        listRevisions: jest.fn().mockResolvedValue({ items: [] }),
      },
      extraApis: [[catalogApiRef, catalogApiMock.mock({ getEntitiesByRefs })]],
    });
    const markdown = await downloadAdr();
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(markdown).toContain(
      '# Build vs buy: Search company retrieval pipeline\n',
    );
    expect(markdown).toContain('- Deciders: grace\n');
    expect(markdown).toContain('- Owner: search/retrieval\n');
  });

  it('shows a draft as a draft in progress and downloads it as a proposed ADR', async () => {
    const { rendered } = renderContent(
      storedEvaluation('ecommerce-vector-database', { status: 'draft' }),
    );
    await rendered;

    expect(await screen.findByText('Draft in progress')).toBeInTheDocument();
    expect(screen.queryByText('Current')).not.toBeInTheDocument();
    expect(
      screen.getByText(/Not decided yet: last saved on/),
    ).toHaveTextContent(/on 2026-02-01\. Version 3\./);
    expect(screen.getByText(/^Draft in progress, saved/)).toHaveTextContent(
      /^Draft in progress, saved \d+ days? ago by /,
    );
    expect(
      screen.getByRole('button', { name: 'Resume draft' }),
    ).toBeInTheDocument();

    const markdown = await downloadAdr();
    expect(markdown).toContain('- Status: proposed\n');
  });

  it('never doubles a full stop or writes a unit after an unanswered number', async () => {
    const example = storedEvaluation('ecommerce-vector-database');
    const { rendered } = renderContent(
      storedEvaluation('ecommerce-vector-database', {
        evaluation: {
          ...example.evaluation,
          failureModes: {
            migrationPlan: {
              dataExtraction: 'Nightly export.',
              alternative: 'Switch to another gateway.',
            },
            twelveMonthRoadmap: 'Images?',
          },
        },
      }),
    );
    await rendered;

    const failureModes = await screen.findByText(
      'Buying without a migration plan',
    );
    const card = failureModes.closest('ul') as HTMLElement;
    expect(card).toHaveTextContent(
      'Data extraction: Nightly export. Alternative: Switch to another gateway.',
    );
    expect(card).toHaveTextContent('Integration budget: 4 weeks');
    expect(card).toHaveTextContent(
      'Engineers operating it: Not answered. Ramp-up in total: Not answered',
    );
    expect(card).toHaveTextContent(
      'Twelve-month roadmap: Images? Requirements: Not answered.',
    );
    expect(card.textContent).not.toMatch(/[.!?]\.|Not answered weeks/);
  });

  it('does not count a build without a migration plan as the failure mode of buying without one', async () => {
    const { rendered } = renderContent(
      storedEvaluation('search-retrieval-pipeline'),
    );
    await rendered;

    const mode = await screen.findByText('Buying without a migration plan');
    const item = mode.closest('li') as HTMLElement;
    expect(item).toHaveTextContent('Not needed for a build.');
    expect(within(item).getByTitle('Addressed')).toBeInTheDocument();
  });

  it('shows what changed between two revisions', async () => {
    const { api, rendered } = renderContent();
    await rendered;

    expect(
      await screen.findByRole('table', {
        name: 'Changes from version 2 to 3',
      }),
    ).toHaveTextContent(
      'Failure modes: What would you switch to?(not answered)Self-hosted open-source vector database',
    );

    await userEvent.click(screen.getByRole('button', { name: /Compare from/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Version 1' }),
    );

    await waitFor(() =>
      expect(api.diffRevisions).toHaveBeenLastCalledWith(
        'evaluation-ecommerce-vector-database',
        1,
        3,
      ),
    );
    expect(
      await screen.findByRole('table', { name: 'Changes from version 1 to 3' }),
    ).toBeInTheDocument();
  });

  it('confirms the decision as still valid from the tab, and the history says who and why', async () => {
    const { stored, api, rendered } = renderContent();
    await rendered;
    const confirmed = {
      ...stored,
      version: 4,
      review: {
        status: 'current' as const,
        revisitBy: '2027-01-01',
        reasons: [],
      },
      updatedBy: 'user:default/ada',
    };
    const note =
      'No vendor has caught up on hybrid search; VectorCloud held its SLA.';
    const history = (await api.listRevisions()).items;
    const confirmEvaluation = jest.fn().mockResolvedValue(confirmed);
    const confirmation = {
      evaluationId: stored.id,
      version: 4,
      status: 'complete',
      verdictKind: 'buy',
      revisitBy: '2027-01-01',
      confirmationNote: note,
      createdAt: '2026-06-01T10:00:00.000Z',
      createdBy: 'user:default/ada',
    };
    Object.assign(api, {
      confirmEvaluation,
      // The history as the backend has it before and after the confirmation.
      listRevisions: jest.fn(async () => ({
        items: confirmEvaluation.mock.calls.length
          ? [confirmation, ...history]
          : history,
      })),
    });
    await screen.findByText(/Revisit by 2026-12-01\. Version 3\./);

    // On the tab it is there whatever the status, for those who may update.
    await userEvent.click(
      await screen.findByRole('button', { name: 'Confirm still valid' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox'), note);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm still valid' }),
    );

    expect(
      await screen.findByText(/Revisit by 2027-01-01\. Version 4\./),
    ).toBeInTheDocument();
    // The history is read again from the top, the confirmation first.
    await waitFor(() =>
      expect(
        screen.getByRole('table', { name: 'Revisions' }),
      ).toHaveTextContent(
        `ada confirmed the decision is still valid: “${note}”Next revisit by 2027-01-01.`,
      ),
    );
    expect(confirmEvaluation).toHaveBeenCalledWith(stored.id, {
      version: 3,
      note,
    });
  });

  it('does not offer Confirm still valid to those who may not update', async () => {
    const stored = storedEvaluation('ecommerce-vector-database');
    await renderWithApis(<EntityBuildVsBuyContent />, {
      api: {
        getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
        listRevisions: jest.fn().mockResolvedValue({ items: [] }),
      },
      authorize: AuthorizeResult.DENY,
    });
    await screen.findByRole('note', {
      name: 'You do not have permission to edit this evaluation.',
    });
    expect(
      screen.queryByRole('button', { name: 'Confirm still valid' }),
    ).not.toBeInTheDocument();
  });
});
