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

import { ResponseError } from '@backstage/errors';
import {
  evaluate,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { NOW, storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { EvaluationConflictError } from '../../api';
import { EvaluationWizard } from './EvaluationWizard';
import { AUTOSAVE_DELAY_MS } from './useEvaluationDraft';
import { Timebox } from './WizardPanels';

/*
 * The one-hour session: drafts that save themselves and resume, gaps and
 * nodes that cannot change the verdict set aside, the session in view.
 * Autosave runs on real timers: these tests wait for it.
 */

const AUTOSAVE_WAIT = { timeout: AUTOSAVE_DELAY_MS + 3000 };

function previewFor(evaluation: EvaluationDraft) {
  const stored = storedEvaluation('ecommerce-vector-database', {
    evaluation,
  });
  return { outcome: stored.outcome, review: stored.review };
}

function sleep(ms: number) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

beforeEach(() => window.localStorage.clear());

describe('drafts that save themselves', () => {
  it('saves a new evaluation as a draft once the team stops typing, without a button', async () => {
    const created = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
      version: 1,
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewFor(created.evaluation)),
      createEvaluation: jest.fn().mockResolvedValue(created),
      updateEvaluation: jest.fn(),
    };
    await renderWithApis(<EvaluationWizard />, { api });

    const latency = await screen.findByLabelText('Latency constraints');
    // Two edits a second apart, each at once (typing key by key can take
    // longer than the autosave delay on a loaded machine).
    fireEvent.change(latency, { target: { value: '30 ms' } });
    await sleep(1000);
    fireEvent.change(latency, { target: { value: '30 ms p95' } });
    // Debounced: a second after the first edit, and just after the second,
    // nothing is saved yet.
    expect(api.createEvaluation).not.toHaveBeenCalled();
    expect(
      screen.getByRole('status', { name: 'Draft status' }),
    ).toHaveTextContent('Unsaved answers: the draft saves itself in a moment.');

    await waitFor(
      () => expect(api.createEvaluation).toHaveBeenCalledTimes(1),
      AUTOSAVE_WAIT,
    );
    const [request] = api.createEvaluation.mock.calls[0];
    expect(request.status).toBe('draft');
    expect(
      request.evaluation.prerequisites.componentDescription.latencyConstraints,
    ).toBe('30 ms p95');
    expect(
      await screen.findByRole('status', { name: 'Draft status' }),
    ).toHaveTextContent(/^All answers saved, \d+ days? ago by /);
    // Saved once; nothing more to save.
    await sleep(AUTOSAVE_DELAY_MS + 500);
    expect(api.createEvaluation).toHaveBeenCalledTimes(1);
    expect(api.updateEvaluation).not.toHaveBeenCalled();
  }, 60_000);

  it('a conflict stops autosave at the conflict panel and keeps what was typed', async () => {
    const mine = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
    });
    const theirs = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
      version: 4,
      updatedBy: 'user:default/linus',
      evaluation: { ...mine.evaluation, revisitBy: '2027-01-15' },
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(mine),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewFor(mine.evaluation)),
      updateEvaluation: jest
        .fn()
        .mockRejectedValue(
          new EvaluationConflictError(
            'Version 3 is stale',
            {} as ResponseError,
            theirs,
          ),
        ),
    };
    await renderWithApis(<EvaluationWizard />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Node 1/ }),
    );
    const rationale = screen.getByLabelText('Rationale');
    await userEvent.clear(rationale);
    await userEvent.type(rationale, 'Plumbing.');

    expect(
      await screen.findByText('What changed meanwhile', {}, AUTOSAVE_WAIT),
    ).toBeInTheDocument();
    // The same version check as Save draft.
    expect(api.updateEvaluation).toHaveBeenCalledTimes(1);
    const [, request] = api.updateEvaluation.mock.calls[0];
    expect(request).toMatchObject({ version: 3, status: 'draft' });
    expect(screen.getByLabelText('Rationale')).toHaveValue('Plumbing.');
    // No retry loop over someone else's save while the team chooses.
    await sleep(AUTOSAVE_DELAY_MS + 500);
    expect(api.updateEvaluation).toHaveBeenCalledTimes(1);
  }, 60_000);

  it('never turns a recorded decision into a draft: its edits are kept in the browser and offered back', async () => {
    const recorded = storedEvaluation('ecommerce-vector-database');
    expect(recorded.status).toBe('complete');
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(recorded),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewFor(recorded.evaluation)),
      updateEvaluation: jest.fn(),
      createEvaluation: jest.fn(),
    };
    const first = await renderWithApis(<EvaluationWizard />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Node 1/ }),
    );
    const rationale = screen.getByLabelText('Rationale');
    await userEvent.clear(rationale);
    await userEvent.type(rationale, 'Not sent.');
    expect(
      screen.getByRole('status', { name: 'Draft status' }),
    ).toHaveTextContent(/kept in this browser/);
    await sleep(AUTOSAVE_DELAY_MS + 500);
    expect(api.updateEvaluation).not.toHaveBeenCalled();
    expect(api.createEvaluation).not.toHaveBeenCalled();

    // Leaving and coming back: the answers are offered, on the same step.
    first.unmount();
    await renderWithApis(<EvaluationWizard />, { api });
    const offer = await screen.findByRole('region', {
      name: 'Unsaved answers kept in this browser',
    });
    expect(screen.getByLabelText('Rationale')).toHaveValue(
      recorded.evaluation.coreDifferentiator?.rationale,
    );
    await userEvent.click(
      within(offer).getByRole('button', { name: 'Restore them' }),
    );
    expect(screen.getByLabelText('Rationale')).toHaveValue('Not sent.');
    expect(
      screen.queryByRole('region', {
        name: 'Unsaved answers kept in this browser',
      }),
    ).not.toBeInTheDocument();
  }, 60_000);

  it('resumes on the step named in the URL, else the one last shown', async () => {
    const stored = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewFor(stored.evaluation)),
    };
    const first = await renderWithApis(<EvaluationWizard />, {
      api,
      routeEntries: ['/?step=maintenance'],
    });
    expect(
      await screen.findByRole('heading', {
        name: 'Node 5: Maintain long-term?',
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /^Node 2/ }));
    first.unmount();

    await renderWithApis(<EvaluationWizard />, { api });
    expect(
      await screen.findByRole('heading', { name: 'Node 2: Mature option?' }),
    ).toBeInTheDocument();
  });
});

describe('leaving with unsaved answers', () => {
  it('asks before a link leaves the page, and before the tab closes', async () => {
    const recorded = storedEvaluation('ecommerce-vector-database');
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(recorded),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue(previewFor(recorded.evaluation)),
    };
    await renderWithApis(
      <>
        <a href="/catalog">Elsewhere</a>
        <EvaluationWizard />
      </>,
      { api },
    );
    const latency = await screen.findByLabelText('Latency constraints');
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    // Nothing unsaved: leaving is not held.
    expect(unload()).toBe(false);

    await userEvent.type(latency, ' at most');
    expect(unload()).toBe(true);
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Leave the evaluation?',
    });
    expect(dialog).toHaveTextContent(
      'Some answers are not saved yet. Leave the evaluation anyway?',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Leave the evaluation?' }),
      ).not.toBeInTheDocument(),
    );
    expect(screen.getByLabelText('Latency constraints')).toHaveValue(
      `${recorded.evaluation.prerequisites?.componentDescription?.latencyConstraints} at most`,
    );
  });
});

describe('asking only what can change the verdict', () => {
  it('folds the gaps of a candidate already out and says it does not affect the verdict', async () => {
    const base = storedEvaluation('ecommerce-vector-database').evaluation;
    const evaluation: EvaluationDraft = {
      ...base,
      candidates: base.candidates?.map(candidate =>
        candidate.id === 'newvec'
          ? {
              ...candidate,
              coverage: {
                ...candidate.coverage,
                'ann-search': 'met',
                'metadata-filtering': 'met',
                'p99-latency': 'met',
                'bulk-reindex': 'partial',
                'point-in-time-backup': 'missing',
              },
            }
          : candidate,
      ),
    };
    expect(
      evaluate(evaluation, { now: NOW }).figures.candidates.find(
        ({ candidateId }) => candidateId === 'newvec',
      )?.standing,
    ).toBe('not-mature');
    const stored = storedEvaluation('ecommerce-vector-database', {
      evaluation,
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      previewEvaluation: jest.fn().mockResolvedValue(previewFor(evaluation)),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await waitFor(() => expect(api.previewEvaluation).toHaveBeenCalled());
    await userEvent.click(screen.getByRole('button', { name: /^Node 4/ }));

    // The mature candidate's gap is asked.
    expect(
      await screen.findByRole('region', {
        name: 'VectorCloud Managed: Point-in-time backup',
      }),
    ).toBeInTheDocument();
    // NewVec's are folded, with why they cannot change the verdict.
    const folded = await screen.findByRole('button', {
      name: /gaps of NewVec\. Does not affect the verdict: NewVec is ruled out at Node 2: not mature\./,
    });
    expect(folded).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('region', { name: 'NewVec: Point-in-time backup' }),
    ).not.toBeInTheDocument();
    await userEvent.click(folded);
    expect(
      await screen.findByRole('region', {
        name: 'NewVec: Point-in-time backup',
      }),
    ).toBeInTheDocument();
  });

  it('shows the nodes the path skips as skipped, with the reason', async () => {
    const example = storedEvaluation('search-retrieval-pipeline');
    // Owned by a group of the test catalog, so every answer is valid and the
    // verdict is previewed.
    const stored = storedEvaluation('search-retrieval-pipeline', {
      evaluation: {
        ...example.evaluation,
        maintenance: {
          ...example.evaluation.maintenance,
          ownerGroupRef: 'group:default/search-relevance',
        },
      },
    });
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue({ outcome: stored.outcome, review: stored.review }),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    const nodeTwo = await screen.findByRole('button', { name: /^Node 2/ });
    await waitFor(() => expect(nodeTwo).toHaveTextContent(/Skipped/));
    expect(screen.getByRole('button', { name: /^Node 3/ })).toHaveTextContent(
      /Skipped/,
    );
    expect(
      screen.getByRole('button', { name: /^Node 5/ }),
    ).not.toHaveTextContent(/Skipped/);

    await userEvent.click(nodeTwo);
    expect(
      screen.getByRole('note', { name: 'Skipped step' }),
    ).toHaveTextContent(
      'Skipped: Node 1 answered “yes”, so the path goes on at Node 5. This question cannot change the verdict.',
    );
  });
});

describe('the session in view', () => {
  it.each([
    [50 * 60, '10 minutes left of the hour'],
    [59 * 60 + 59, '10 minutes left of the hour'],
    [60 * 60, 'The hour is up'],
    [75 * 60, 'The hour is up'],
  ])('the timer at %i seconds warns: %s', (seconds, warning) => {
    render(<Timebox seconds={seconds} />);
    const timer = screen.getByRole('timer', { name: 'Session time' });
    expect(within(timer).getByRole('alert')).toHaveTextContent(warning);
  });

  it('the timer says nothing before 50 minutes', () => {
    render(<Timebox seconds={49 * 60 + 59} />);
    const timer = screen.getByRole('timer', { name: 'Session time' });
    expect(timer).toHaveTextContent('Session time 49:59 of 60:00');
    expect(within(timer).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('Review summarises every answer by node, in words, each a link to edit it', async () => {
    const stored = storedEvaluation('ecommerce-vector-database');
    const api = {
      getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
      previewEvaluation: jest
        .fn()
        .mockResolvedValue({ outcome: stored.outcome, review: stored.review }),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Review and save' }),
    );

    // The path so far stays beside the steps.
    expect(
      await screen.findByRole('region', { name: 'Path so far' }),
    ).toHaveTextContent(
      /^Path so farPrerequisitesNode 1: Is it a core differentiator\?Node 2: .*Node 3: .*Node 4: .*Buy/,
    );

    const summary = screen.getByRole('region', { name: 'Your answers' });
    const nodeOne = within(summary).getByRole('table', {
      name: 'Answers at Node 1: Core differentiator?',
    });
    expect(nodeOne).toHaveTextContent('Is it a core differentiator?No');
    const nodeTwo = within(summary).getByRole('table', {
      name: 'Answers at Node 2: Mature option?',
    });
    expect(nodeTwo).toHaveTextContent('NewVec: Does it have a public SLA?No');
    // Words, not the machine's paths or codes.
    expect(summary).not.toHaveTextContent(/candidates\[|\.maturity\.|"must"/);

    // Each answer leads to its field.
    await userEvent.click(
      within(nodeOne).getByRole('button', {
        name: 'Why is it, or is it not, a differentiator?',
      }),
    );
    expect(
      screen.getByRole('heading', { name: 'Node 1: Core differentiator?' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByLabelText('Rationale')).toHaveFocus(),
    );

    // And each node's heading to its step.
    await userEvent.click(
      screen.getByRole('button', { name: 'Review and save' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit Node 5: Maintain long-term?' }),
    );
    expect(
      screen.getByRole('heading', { name: 'Node 5: Maintain long-term?' }),
    ).toBeInTheDocument();
  }, 60_000);
});
