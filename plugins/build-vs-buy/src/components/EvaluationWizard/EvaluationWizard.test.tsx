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

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { EvaluationConflictError } from '../../api';
import { ResponseError } from '@backstage/errors';
import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EvaluationWizard } from './EvaluationWizard';

function previewOf(key: string) {
  const stored = storedEvaluation(key);
  return { outcome: stored.outcome, review: stored.review };
}

describe('EvaluationWizard', () => {
  // The wizard keeps its step and unsaved answers in the browser.
  beforeEach(() => window.localStorage.clear());

  it('prefills from the catalog and previews the verdict from the server', async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
    };
    await renderWithApis(<EvaluationWizard />, { api });

    expect(await screen.findByLabelText(/The question/)).toHaveValue(
      'Should we build product-similarity-store ourselves or buy it? Vector store behind product similarity search',
    );
    expect(
      screen.getByLabelText(
        'What other components depend on it (one per line)',
      ),
    ).toHaveValue('component:default/product-page');
    expect(
      screen.getByRole('timer', { name: 'Session time' }),
    ).toHaveTextContent(/Session time 0:\d\d of 60:00/);

    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalled());
    expect(api.previewEvaluation.mock.calls[0][0]).toMatchObject({
      entityRef: 'component:default/product-similarity-store',
      maintenance: { ownerGroupRef: 'group:default/ml-platform' },
    });
    expect(
      await screen.findByText('Buy VectorCloud Managed'),
    ).toBeInTheDocument();
  });

  it("names the answers still needed in the team's words, each a way to the step that asks it", async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest.fn().mockResolvedValue({
        ...previewOf('ecommerce-vector-database'),
        outcome: {
          ...previewOf('ecommerce-vector-database').outcome,
          verdict: { kind: 'incomplete' },
          missing: [
            'prerequisites.componentDescription.dataStored',
            'maintenance.canAllocateTwentyPercentPermanently',
          ],
        },
      }),
    };
    await renderWithApis(<EvaluationWizard />, { api });

    expect(
      await screen.findByText('2 answers still needed:'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/prerequisites\.componentDescription/),
    ).not.toBeInTheDocument();
    const maintenanceQuestion =
      'Can the team allocate 20% of one engineer permanently?';
    expect(screen.queryByText(maintenanceQuestion)).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Node 5: Can the team allocate 20% of one engineer to it permanently?',
      }),
    );
    expect(await screen.findByText(maintenanceQuestion)).toBeInTheDocument();
  });

  it('starts a new evaluation with the organisation profile the portal configures', async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
    };
    await renderWithApis(<EvaluationWizard />, {
      api,
      extraApis: [
        [
          configApiRef,
          mockApis.config({
            data: { buildVsBuy: { defaultOrganisationProfile: 'regulated' } },
          }),
        ],
      ],
    });

    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalled());
    expect(api.previewEvaluation.mock.calls[0][0]).toMatchObject({
      organisationProfile: 'regulated',
    });
  });

  it('shows a plain message with the limit on the field, holds the preview and says why saving is disabled', async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalledTimes(1));

    const engineers = screen.getByLabelText('Engineers on the team');
    await userEvent.type(engineers, '100000000000000000000');

    expect(
      await screen.findByText(
        'Enter a whole number of engineers from 1 to 100,000',
      ),
    ).toBeInTheDocument();
    expect(engineers).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/9007199254740991|expected/)).toBeNull();
    expect(
      screen.getByText('Fix the highlighted answers to see the verdict.'),
    ).toBeInTheDocument();

    const save = screen.getByRole('button', { name: 'Save draft' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription(
      'Saving is disabled: Fix this answer first: Prerequisites: How many engineers are on the team?',
    );

    await userEvent.clear(engineers);
    await userEvent.type(engineers, '12');
    await waitFor(() => expect(save).toBeEnabled());
    expect(
      screen.queryByText('Enter a whole number of engineers from 1 to 100,000'),
    ).toBeNull();
    expect(screen.queryByRole('status', { name: '' })).toBeNull();
  });

  it('on Review, tells invalid answers from missing ones, each a link to its field', async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest.fn().mockResolvedValue({
        ...previewOf('ecommerce-vector-database'),
        outcome: {
          ...previewOf('ecommerce-vector-database').outcome,
          verdict: { kind: 'incomplete' },
          missing: ['prerequisites.componentDescription.dataStored'],
        },
      }),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await screen.findByText('One answer still needed:');

    await userEvent.type(screen.getByLabelText('Engineers on the team'), '0');
    await userEvent.click(
      screen.getByRole('button', { name: /Review and save/ }),
    );

    const invalid = screen.getByRole('region', { name: 'Invalid answers' });
    expect(invalid).toHaveTextContent(
      'One answer is invalid; fix it to save:Prerequisites: How many engineers are on the team? Enter a whole number of engineers from 1 to 100,000',
    );
    const missing = screen.getByRole('region', { name: 'Missing answers' });
    expect(missing).toHaveTextContent(
      'Prerequisites: What data does it store?',
    );
    expect(missing).not.toHaveTextContent('How many engineers');
    expect(invalid).not.toHaveTextContent('What data does it store?');
    expect(screen.getByText(/Saving is disabled/)).toBeInTheDocument();

    await userEvent.click(
      within(invalid).getByRole('button', {
        name: 'Prerequisites: How many engineers are on the team?',
      }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Engineers on the team')).toHaveFocus(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: /Review and save/ }),
    );
    await userEvent.click(
      within(screen.getByRole('region', { name: 'Missing answers' })).getByRole(
        'button',
        { name: 'Prerequisites: What data does it store?' },
      ),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('What data it stores')).toHaveFocus(),
    );
  });

  it('picks the maintenance owner from the catalog by name and stores the group ref', async () => {
    const created = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
      version: 1,
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
      createEvaluation: jest.fn().mockResolvedValue(created),
      // On a slow machine the autosave may create the draft while the
      // owner is being picked; the pick is then an update.
      updateEvaluation: jest
        .fn()
        .mockResolvedValue({ ...created, version: created.version + 1 }),
    };
    const saved = () => [
      ...api.createEvaluation.mock.calls.map(([body]) => body),
      ...api.updateEvaluation.mock.calls.map(([, body]) => body),
    ];
    await renderWithApis(<EvaluationWizard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: /^Node 5/ }),
    );

    // The owner from the catalog, by its display name, not its ref.
    const owner = screen.getByRole('textbox', { name: 'Maintenance owner' });
    await waitFor(() => expect(owner).toHaveValue('ML Platform'));

    await userEvent.clear(owner);
    await userEvent.type(owner, 'search');
    // The catalog's answer for what was typed, not the list on opening.
    await waitFor(() =>
      expect(
        screen.getAllByRole('option').map(option => option.textContent),
      ).toEqual(['Search Relevancesearch-relevance']),
    );
    // Keyboard only: the first match is highlighted, Enter picks it.
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(owner).toHaveValue('Search Relevance');

    const before = saved().length;
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(saved().length).toBeGreaterThan(before));
    expect(saved().at(-1).evaluation.maintenance).toMatchObject({
      ownerGroupRef: 'group:default/search-relevance',
    });
  });

  it('flags an owner the catalog does not know as a group, on the field and on the buttons', async () => {
    const stored = storedEvaluation('ecommerce-vector-database');
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue({
        ...stored,
        evaluation: {
          ...stored.evaluation,
          maintenance: {
            ...stored.evaluation.maintenance,
            ownerGroupRef: 'group:default/disbanded',
          },
        },
      }),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: /^Node 5/ }),
    );

    expect(
      await screen.findByText(
        'Not a group in the catalog: choose one from the list',
      ),
    ).toBeInTheDocument();
    const owner = screen.getByRole('textbox', { name: 'Maintenance owner' });
    expect(owner).toHaveValue('disbanded');
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    expect(
      screen.getByText(
        'Saving is disabled: Fix this answer first: Node 5: Which group will maintain it?',
      ),
    ).toBeInTheDocument();
  });

  it('warns on the field about answers that are valid but unlikely, without blocking', async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalled());

    await userEvent.type(
      screen.getByLabelText('Availability constraints'),
      'Uptime 100.5%',
    );
    expect(
      await screen.findByText('⚠ 100.5% is more than 100%: check the number.'),
    ).toBeInTheDocument();

    const dependents = screen.getByLabelText(
      'What other components depend on it (one per line)',
    );
    await userEvent.type(dependents, '{Enter}checkuot{Enter}the web shop');
    const notInCatalog =
      'Not in the catalog: “checkuot”. Check the spelling, or write an entity reference such as component:default/name.';
    expect(await screen.findByText(`⚠ ${notInCatalog}`)).toBeInTheDocument();
    // In the live panel too, with the article's sentence.
    expect(
      await screen.findByText(content =>
        content.endsWith(`what other components depend on it. ${notInCatalog}`),
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeEnabled();
  });

  it('shows a save error in the team’s words, without the machine path', async () => {
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
      createEvaluation: jest
        .fn()
        .mockRejectedValue(
          new Error(
            'evaluation.maintenance.ownerGroupRef: Node 5: Which group will maintain it? group:default/x is not a Group in the catalog',
          ),
        ),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Save draft' }),
    );
    expect(
      await screen.findByText(
        'Could not save: Node 5: Which group will maintain it? group:default/x is not a Group in the catalog',
      ),
    ).toBeInTheDocument();
  });

  it('puts the cursor on the answer a refused save names', async () => {
    const refusal = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message:
              'body.evaluation.prerequisites.componentDescription.latencyConstraints: Enter at most 2,000 characters',
          },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
      createEvaluation: jest.fn().mockRejectedValue(refusal),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Node 1: Core differentiator?',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText(/^Could not save: .*Enter at most 2,000/),
    ).toBeInTheDocument();
    await waitFor(
      () => expect(screen.getByLabelText('Latency constraints')).toHaveFocus(),
      { timeout: 10_000 },
    );
  }, 60_000);

  it('saves a draft with the session time', async () => {
    const created = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
      version: 1,
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
      createEvaluation: jest.fn().mockResolvedValue(created),
    };
    await renderWithApis(<EvaluationWizard />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Save draft' }),
    );

    await waitFor(() => expect(api.createEvaluation).toHaveBeenCalled());
    const request = api.createEvaluation.mock.calls[0][0];
    expect(request.status).toBe('draft');
    expect(request.evaluation.entityRef).toBe(
      'component:default/product-similarity-store',
    );
    expect(request.evaluation.sessionDurationMinutes).toBeGreaterThanOrEqual(0);
  });

  it('on a conflict shows what changed meanwhile and keeps what the user typed', async () => {
    const mine = storedEvaluation('ecommerce-vector-database');
    const theirs = storedEvaluation('ecommerce-vector-database', {
      version: 4,
      updatedBy: 'user:default/linus',
      evaluation: {
        ...mine.evaluation,
        revisitBy: '2027-01-15',
      },
    });
    const updated = { ...theirs, version: 5 };
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(mine),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
      updateEvaluation: jest
        .fn()
        .mockRejectedValueOnce(
          new EvaluationConflictError(
            'Version 3 is stale',
            {} as ResponseError,
            theirs,
          ),
        )
        .mockResolvedValueOnce(updated),
    };
    await renderWithApis(<EvaluationWizard />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: /Node 1/ }),
    );
    const rationale = screen.getByLabelText('Rationale');
    await userEvent.clear(rationale);
    await userEvent.type(rationale, 'Storage is plumbing.');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const meanwhile = await screen.findByRole('table', {
      name: 'What changed meanwhile',
    });
    expect(meanwhile).toHaveTextContent(
      'Failure modes: When will you revisit the decision?2026-12-012027-01-15',
    );
    expect(
      screen.getByRole('table', { name: 'Your answers' }),
    ).toHaveTextContent('Node 1: Why is it, or is it not, a differentiator?');
    expect(screen.getByLabelText('Rationale')).toHaveValue(
      'Storage is plumbing.',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Reapply my answers onto version 4' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(api.updateEvaluation).toHaveBeenCalledTimes(2));
    const [, retry] = api.updateEvaluation.mock.calls[1];
    expect(retry.version).toBe(4);
    expect(retry.evaluation.revisitBy).toBe('2027-01-15');
    expect(retry.evaluation.coreDifferentiator.rationale).toBe(
      'Storage is plumbing.',
    );
  });

  it('"It is not a formula": the team may decide otherwise than the tree, and must say why to record it', async () => {
    const stored = storedEvaluation('ecommerce-vector-database');
    const recorded = storedEvaluation('ecommerce-vector-database', {
      version: 4,
      evaluation: {
        ...stored.evaluation,
        teamDecision: { kind: 'build', rationale: 'We own the index.' },
      },
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
      updateEvaluation: jest.fn().mockResolvedValue(recorded),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalled());

    await userEvent.click(
      await screen.findByRole('button', { name: 'Review and save' }),
    );
    const decision = await screen.findByRole('button', {
      name: /The team's decision/,
    });
    // The team follows the tree until it picks another option.
    expect(decision).toHaveTextContent(
      'Follow the tree: Buy VectorCloud Managed',
    );
    const record = screen.getByRole('button', { name: 'Record decision' });
    await waitFor(() => expect(record).toBeEnabled());

    await userEvent.click(decision);
    const options = within(screen.getByRole('listbox'));
    expect(
      options.getAllByRole('option').map(option => option.textContent),
    ).toEqual([
      'Follow the tree: Buy VectorCloud Managed',
      'Build in-house',
      'Buy VectorCloud Managed',
      'Buy VectorCloud Managed with a thin wrapper',
      'Buy NewVec',
      'Buy NewVec with a thin wrapper',
    ]);
    await userEvent.click(
      options.getByRole('option', { name: 'Build in-house' }),
    );

    // The reason is on the field, and the decision waits for it.
    const rationale = screen.getByRole('textbox', {
      name: /The team's rationale/,
    });
    expect(rationale).toBeRequired();
    expect(rationale).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'The tree recommends Buy VectorCloud Managed: say why the team decides otherwise to record the decision.',
      ),
    ).toBeInTheDocument();
    expect(record).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeEnabled();

    await userEvent.type(rationale, 'We own the index.');
    expect(rationale).toHaveAttribute('aria-invalid', 'false');
    await waitFor(() => expect(record).toBeEnabled());
    await userEvent.click(record);

    await waitFor(() => expect(api.updateEvaluation).toHaveBeenCalled());
    const [, request] = api.updateEvaluation.mock.calls[0];
    expect(request.status).toBe('complete');
    expect(request.evaluation.teamDecision).toEqual({
      kind: 'build',
      rationale: 'We own the index.',
    });
  });

  it('disables saving and says why when editing is not allowed', async () => {
    const api = {
      getEvaluationByEntity: jest
        .fn()
        .mockResolvedValue(storedEvaluation('ecommerce-vector-database')),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewOf('ecommerce-vector-database')),
    };
    await renderWithApis(<EvaluationWizard />, {
      api,
      authorize: AuthorizeResult.DENY,
    });

    const reason = await screen.findByRole('note', {
      name: 'You do not have permission to edit this evaluation.',
    });
    expect(
      within(reason).getByRole('button', { name: 'Save draft' }),
    ).toBeDisabled();
    expect(screen.getByLabelText(/The question/)).toBeDisabled();
  });

  it("shows the article's points where the team answers: maturity evidence, bucket definitions, the scoring settings, the small-team line", async () => {
    const stored = storedEvaluation('startup-llm-observability');
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      previewEvaluation: jest.fn().mockResolvedValue({
        outcome: stored.outcome,
        review: stored.review,
      }),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalled());

    await userEvent.click(screen.getByRole('button', { name: /^Node 2/ }));
    expect(
      screen.getAllByText(
        'Evidence: did you check references with customers at your scale?',
      ).length,
    ).toBeGreaterThan(0);

    await userEvent.click(screen.getByRole('button', { name: /^Node 3/ }));
    const scoring = await screen.findByRole('complementary', {
      name: 'How requirements are scored',
    });
    expect(scoring).toHaveTextContent(
      'covers at least 80% of the should-haves your workload needs. (the article)',
    );
    expect(scoring).toHaveTextContent(
      'A should-have met partially counts as 50% covered. (a setting of this plugin)',
    );
    expect(
      screen.getAllByText(
        /Non-negotiable\.$|six to twelve months with some manual process|Do not factor these into the decision\.$/,
      ).length,
    ).toBeGreaterThan(0);

    await userEvent.click(screen.getByRole('button', { name: /^Node 5/ }));
    expect(
      await screen.findByText(
        /Your team has 4 engineers\. For small teams \(fewer than ten engineers total\), the answer is almost always no/,
      ),
    ).toBeInTheDocument();
  });
});
