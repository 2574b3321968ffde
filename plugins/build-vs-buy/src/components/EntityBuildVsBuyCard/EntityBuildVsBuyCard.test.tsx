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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { StoredEvaluation } from '@build-vs-buy/plugin-build-vs-buy-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BuildVsBuyApi } from '../../api';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { EntityBuildVsBuyCard } from './EntityBuildVsBuyCard';

function renderCard(
  stored: StoredEvaluation | undefined,
  authorize:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  api: Partial<BuildVsBuyApi> = {},
) {
  return renderWithApis(<EntityBuildVsBuyCard />, {
    api: {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      ...api,
    },
    authorize,
  });
}

describe('EntityBuildVsBuyCard', () => {
  it('shows the verdict, the chosen product, the owner and the revisit status', async () => {
    await renderCard(storedEvaluation('search-retrieval-pipeline'));

    expect(await screen.findByText('Build in-house')).toBeInTheDocument();
    expect(screen.getByText('Build')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /search\/retrieval/ }),
    ).toHaveAttribute('href', '/catalog/search/group/retrieval');
    expect(screen.getByText('2026-10-01')).toBeInTheDocument();
    expect(screen.getByText('Current')).toBeInTheDocument();
    expect(screen.getByText(/on 2026-02-01/)).toBeInTheDocument();
    // The article asks a migration plan of a purchase, not of a build.
    expect(
      within(screen.getByText('Migration plan').parentElement!).getByText(
        'Not needed for a build',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Re-evaluate')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Confirm still valid' }),
    ).not.toBeInTheDocument();
  });

  it('names the product of a buy and whether a migration plan exists', async () => {
    await renderCard(storedEvaluation('ecommerce-vector-database'));

    expect(
      await screen.findByText('Buy VectorCloud Managed'),
    ).toBeInTheDocument();
    expect(screen.getByText('VectorCloud Managed')).toBeInTheDocument();
    expect(screen.getByText('No maintenance owner')).toBeInTheDocument();
    expect(
      within(screen.getByText('Migration plan').parentElement!).getByText(
        'Yes',
      ),
    ).toBeInTheDocument();
  });

  it('"It is not a formula": shows the team\'s decision, the tree\'s recommendation and why they differ', async () => {
    const example = storedEvaluation('ecommerce-vector-database');
    await renderCard(
      storedEvaluation('ecommerce-vector-database', {
        evaluation: {
          ...example.evaluation,
          teamDecision: {
            kind: 'build',
            rationale: 'The ranking team needs to own the index format.',
          },
        },
      }),
    );

    const decision = await screen.findByRole('region', {
      name: "The team's decision",
    });
    expect(
      within(decision).getByText("Team's decision: Build in-house"),
    ).toBeInTheDocument();
    expect(
      within(decision).getByText(
        'The tree recommends: Buy VectorCloud Managed',
      ),
    ).toBeInTheDocument();
    expect(within(decision).getByText('Against the tree')).toBeInTheDocument();
    expect(
      within(decision).getByText(
        "The team's rationale: The ranking team needs to own the index format.",
      ),
    ).toBeInTheDocument();
    // The chip and the chosen option are the team's.
    expect(screen.getByText('Build in-house')).toBeInTheDocument();
    expect(
      within(screen.getByText('Chosen').parentElement!).getByText('Build'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/vectorcloud/)).not.toBeInTheDocument();
  });

  it('says the team follows the tree when it recorded no option of its own', async () => {
    await renderCard(storedEvaluation('ecommerce-vector-database'));

    const decision = await screen.findByRole('region', {
      name: "The team's decision",
    });
    expect(decision).toHaveTextContent(
      "The team's decision follows the tree's recommendation.",
    );
    // The chip names the decision once; the summary does not repeat it.
    expect(decision).not.toHaveTextContent('VectorCloud');
    expect(screen.getAllByText('Buy VectorCloud Managed')).toHaveLength(1);
    expect(
      within(decision).queryByText('Against the tree'),
    ).not.toBeInTheDocument();
  });

  it('offers Re-evaluate when the revisit date has passed', async () => {
    const overdue = storedEvaluation('search-retrieval-pipeline');
    overdue.review = { ...overdue.review, status: 'overdue' };
    await renderCard(overdue);

    expect(await screen.findByText('Revisit overdue')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Re-evaluate' })).toHaveAttribute(
      'href',
      '/catalog/default/component/product-similarity-store/build-vs-buy/evaluate',
    );
  });

  it('shows a draft as a draft in progress, never as current, with who last saved it', async () => {
    const draft = storedEvaluation('search-retrieval-pipeline', {
      status: 'draft',
    });
    expect(draft.review.status).toBe('current');
    await renderCard(draft);

    expect(await screen.findByText('Draft in progress')).toBeInTheDocument();
    expect(screen.queryByText('Current')).not.toBeInTheDocument();
    expect(screen.getByText('Last saved by')).toBeInTheDocument();
    // Said relative to now: the fixture was saved days before the test runs.
    expect(screen.getByText(/^Draft in progress, saved/)).toHaveTextContent(
      /^Draft in progress, saved \d+ days? ago by \S+/,
    );
    expect(screen.queryByText('Decided by')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Resume draft' }),
    ).toBeInTheDocument();
  });

  it('confirms an overdue decision as still valid, then shows its new revisit date and status', async () => {
    const overdue = storedEvaluation('search-retrieval-pipeline');
    overdue.review = {
      status: 'overdue',
      revisitBy: '2026-05-01',
      reasons: [
        {
          code: 'revisit-date-passed',
          message: 'The revisit date 2026-05-01 has passed.',
        },
      ],
    };
    const confirmed: StoredEvaluation = {
      ...overdue,
      version: overdue.version + 1,
      review: { status: 'current', revisitBy: '2026-12-01', reasons: [] },
    };
    const confirmEvaluation = jest.fn().mockResolvedValue(confirmed);
    await renderCard(overdue, AuthorizeResult.ALLOW, { confirmEvaluation });

    expect(await screen.findByText('Revisit overdue')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm still valid' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox'),
      'Retrieval is still what sets our search apart.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm still valid' }),
    );

    expect(await screen.findByText('2026-12-01')).toBeInTheDocument();
    expect(screen.getByText('Current')).toBeInTheDocument();
    expect(screen.queryByText('Revisit overdue')).not.toBeInTheDocument();
    expect(
      screen.queryByText('The revisit date 2026-05-01 has passed.'),
    ).not.toBeInTheDocument();
    expect(confirmEvaluation).toHaveBeenCalledWith(overdue.id, {
      version: overdue.version,
      note: 'Retrieval is still what sets our search apart.',
    });
    // No longer due: nothing left to confirm or re-evaluate on the card.
    expect(
      screen.queryByRole('button', { name: 'Confirm still valid' }),
    ).not.toBeInTheDocument();
  });

  it('does not offer Confirm still valid to those who may not update the decision', async () => {
    const overdue = storedEvaluation('search-retrieval-pipeline');
    overdue.review = { ...overdue.review, status: 'overdue' };
    await renderCard(overdue, AuthorizeResult.DENY);

    await screen.findByRole('note', {
      name: 'You do not have permission to edit this evaluation.',
    });
    expect(
      screen.queryByRole('button', { name: 'Confirm still valid' }),
    ).not.toBeInTheDocument();
  });

  it('offers to start an evaluation when there is none', async () => {
    await renderCard(undefined);

    expect(await screen.findByText('No decision yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start evaluation' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/product-similarity-store/build-vs-buy/evaluate',
    );
  });

  it('disables Start evaluation and says why when creating is not allowed', async () => {
    await renderCard(undefined, AuthorizeResult.DENY);

    // The permission answer is cached between renders; wait for the denial.
    const reason = await screen.findByRole('note', {
      name: 'You do not have permission to start an evaluation.',
    });
    expect(
      within(reason).getByRole('button', { name: 'Start evaluation' }),
    ).toBeDisabled();
    await userEvent.hover(reason);
    expect(
      await screen.findByRole('tooltip', {
        name: 'You do not have permission to start an evaluation.',
      }),
    ).toBeInTheDocument();
  });

  it('shows the error when the decision cannot be loaded', async () => {
    await renderWithApis(<EntityBuildVsBuyCard />, {
      api: {
        getEvaluationByEntity: jest
          .fn()
          .mockRejectedValue(new Error('backend unavailable')),
      },
    });
    expect(
      await screen.findByText('Error: backend unavailable', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
