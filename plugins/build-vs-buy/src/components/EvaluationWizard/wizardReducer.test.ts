/**
 * @jest-environment node
 */
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

import type { EvaluationDraft } from '@build-vs-buy/plugin-build-vs-buy-common';
import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { editDraft, identifierFrom } from './draftEdits';
import { gridColumns } from './requirementsGrid';
import {
  autosaveBlockedReason,
  autosavesAsDraft,
  canRecordDecision,
  canSave,
  hasUnsavedAnswers,
  evaluationToSave,
  initialWizardState,
  recordBlockedReason,
  saveBlockedReason,
  stepHasErrors,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from './wizardReducer';

const ENTITY_REF = 'component:default/vector-store';

/** Two candidates, two requirements, coverage and gaps between them. */
const draft: EvaluationDraft = {
  entityRef: ENTITY_REF,
  candidates: [
    {
      id: 'acme',
      name: 'Acme',
      coverage: { hybrid: 'partial', backup: 'missing' },
    },
    {
      id: 'zeta',
      name: 'Zeta',
      coverage: { hybrid: 'met', backup: 'partial' },
    },
  ],
  requirements: [
    { id: 'hybrid', title: 'Hybrid search', bucket: 'must' },
    { id: 'backup', title: 'Backup', bucket: 'should' },
  ],
  gaps: [
    { candidateId: 'acme', requirementId: 'hybrid', scope: 'core' },
    { candidateId: 'acme', requirementId: 'backup', scope: 'edge' },
    { candidateId: 'zeta', requirementId: 'backup', scope: 'edge' },
  ],
};

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, state);
}

function preview(kind: 'buy' | 'incomplete') {
  const stored = storedEvaluation(
    'ecommerce-vector-database',
    kind === 'incomplete' ? { evaluation: { entityRef: ENTITY_REF } } : {},
  );
  return { outcome: stored.outcome, review: stored.review };
}

describe('editDraft', () => {
  it('removing a candidate removes its gap classifications', () => {
    const next = editDraft(draft, {
      type: 'remove-candidate',
      candidateId: 'acme',
    });
    expect(next.candidates?.map(({ id }) => id)).toEqual(['zeta']);
    expect(next.gaps).toEqual([
      { candidateId: 'zeta', requirementId: 'backup', scope: 'edge' },
    ]);
    expect(draft.candidates).toHaveLength(2);
  });

  it('removing the candidate the team chose has the team follow the tree again, keeping its rationale', () => {
    const chose = (teamDecision: EvaluationDraft['teamDecision']) =>
      editDraft(
        { ...draft, teamDecision },
        { type: 'remove-candidate', candidateId: 'acme' },
      ).teamDecision;
    expect(
      chose({ kind: 'buy', candidateId: 'acme', rationale: 'Support.' }),
    ).toEqual({ rationale: 'Support.' });
    expect(chose({ kind: 'buy-with-wrapper', candidateId: 'acme' })).toBe(
      undefined,
    );
    expect(chose({ kind: 'buy', candidateId: 'zeta' })).toEqual({
      kind: 'buy',
      candidateId: 'zeta',
    });
    expect(chose({ kind: 'build' })).toEqual({ kind: 'build' });
  });

  it('removing a requirement removes its coverage and gap classifications', () => {
    const next = editDraft(draft, {
      type: 'remove-requirement',
      requirementId: 'backup',
    });
    expect(next.requirements?.map(({ id }) => id)).toEqual(['hybrid']);
    expect(next.candidates?.map(({ coverage }) => coverage)).toEqual([
      { hybrid: 'partial' },
      { hybrid: 'met' },
    ]);
    expect(next.gaps).toEqual([
      { candidateId: 'acme', requirementId: 'hybrid', scope: 'core' },
    ]);
  });

  it('removing a requirement leaves Node 2 unanswered when no candidate is on the table', () => {
    const next = editDraft(
      {
        entityRef: ENTITY_REF,
        requirements: [{ id: 'r', title: 'R' }],
      },
      { type: 'remove-requirement', requirementId: 'r' },
    );
    expect(next).toEqual({ entityRef: ENTITY_REF, requirements: [], gaps: [] });
  });

  it('keeps a candidate without coverage as it is when a requirement goes', () => {
    const candidate = { id: 'new', name: 'New' };
    const next = editDraft(
      { ...draft, candidates: [candidate] },
      { type: 'remove-requirement', requirementId: 'hybrid' },
    );
    expect(next.candidates).toEqual([candidate]);
  });

  it('adds rows with identifiers no other row has', () => {
    let next = editDraft(
      { entityRef: ENTITY_REF, candidates: [{ id: 'candidate-2', name: 'X' }] },
      { type: 'add-candidate' },
    );
    // Empty, for the team to name: no placeholder to erase first.
    expect(next.candidates?.[1]).toEqual({ id: 'candidate-2-2', name: '' });
    next = editDraft(next, { type: 'add-requirement' });
    next = editDraft(next, { type: 'add-requirement' });
    expect(next.requirements).toEqual([
      { id: 'requirement-1', title: '' },
      { id: 'requirement-2', title: '' },
    ]);
  });

  describe('pasting requirements', () => {
    const allColumns = gridColumns(draft.candidates ?? []);

    it('replaces the pasted cells from the row pasted into down, and adds rows', () => {
      const next = editDraft(draft, {
        type: 'paste-requirements',
        at: 1,
        columns: allColumns,
        rows: [
          {
            title: 'Backups every hour',
            bucket: 'must',
            neededByWorkload: false,
            coverage: { acme: 'met', zeta: undefined },
          },
          { title: 'Rate limiting', bucket: 'nice', coverage: { zeta: 'met' } },
        ],
      });
      expect(next.requirements).toEqual([
        draft.requirements?.[0],
        {
          id: 'backup',
          title: 'Backups every hour',
          bucket: 'must',
          neededByWorkload: false,
        },
        { id: 'rate-limiting', title: 'Rate limiting', bucket: 'nice' },
      ]);
      expect(next.candidates?.map(({ coverage }) => coverage)).toEqual([
        { hybrid: 'partial', backup: 'met' },
        { hybrid: 'met', 'rate-limiting': 'met' },
      ]);
      // The requirement kept its identifier, so its gaps stay.
      expect(next.gaps).toEqual(draft.gaps);
    });

    it('changes only the columns pasted', () => {
      const next = editDraft(draft, {
        type: 'paste-requirements',
        at: 0,
        columns: [{ kind: 'coverage', candidateId: 'zeta' }],
        rows: [{ coverage: { zeta: 'missing' } }, { coverage: {} }],
      });
      expect(next.requirements).toEqual(draft.requirements);
      expect(next.candidates?.[0]).toEqual(draft.candidates?.[0]);
      expect(next.candidates?.[1].coverage).toEqual({ hybrid: 'missing' });
    });

    it('leaves a candidate not yet on the table unanswered', () => {
      const next = editDraft(
        { entityRef: ENTITY_REF, candidates: [{ id: 'acme', name: 'Acme' }] },
        {
          type: 'paste-requirements',
          at: 0,
          columns: allColumns.slice(0, 4),
          rows: [{ title: 'Backup', coverage: { acme: undefined } }],
        },
      );
      expect(next.candidates).toEqual([{ id: 'acme', name: 'Acme' }]);
      expect(next.requirements).toEqual([{ id: 'backup', title: 'Backup' }]);
    });

    it('imports a list instead of the requirements, keeping those of the same title', () => {
      const next = editDraft(draft, {
        type: 'replace-requirements',
        columns: [
          { kind: 'title' },
          { kind: 'bucket' },
          { kind: 'coverage', candidateId: 'zeta' },
        ],
        rows: [
          { title: 'Rate limiting', bucket: 'should', coverage: {} },
          {
            title: 'hybrid search',
            bucket: 'must',
            coverage: { zeta: 'partial' },
          },
        ],
      });
      expect(next.requirements).toEqual([
        { id: 'rate-limiting', title: 'Rate limiting', bucket: 'should' },
        { id: 'hybrid', title: 'hybrid search', bucket: 'must' },
      ]);
      // Acme's column was not in the file: its coverage of a kept
      // requirement stays; the dropped requirement's goes, with its gaps.
      expect(next.candidates?.map(({ coverage }) => coverage)).toEqual([
        { hybrid: 'partial' },
        { hybrid: 'partial' },
      ]);
      expect(next.gaps).toEqual([
        { candidateId: 'acme', requirementId: 'hybrid', scope: 'core' },
      ]);
    });
  });

  it('classifies a gap, then changes and clears one answer of it', () => {
    let next = editDraft(
      { entityRef: ENTITY_REF },
      {
        type: 'classify-gap',
        candidateId: 'zeta',
        requirementId: 'hybrid',
        patch: { scope: 'core' },
      },
    );
    expect(next.gaps).toEqual([
      { candidateId: 'zeta', requirementId: 'hybrid', scope: 'core' },
    ]);
    next = editDraft(next, {
      type: 'classify-gap',
      candidateId: 'zeta',
      requirementId: 'hybrid',
      patch: { breadth: 'narrow' },
    });
    next = editDraft(next, {
      type: 'classify-gap',
      candidateId: 'zeta',
      requirementId: 'hybrid',
      patch: { scope: undefined },
    });
    expect(next.gaps).toEqual([
      { candidateId: 'zeta', requirementId: 'hybrid', breadth: 'narrow' },
    ]);
  });

  it('sets one answer at a path', () => {
    expect(
      editDraft(draft, {
        type: 'answer',
        path: ['maintenance', 'plan'],
        value: 'On-call',
      }).maintenance,
    ).toEqual({ plan: 'On-call' });
  });

  it('makes identifiers from names', () => {
    expect(identifierFrom('VectorCloud Managed', [])).toBe(
      'vectorcloud-managed',
    );
    expect(identifierFrom('!!!', ['item'])).toBe('item-2');
  });
});

describe('wizardReducer', () => {
  const stored = storedEvaluation('ecommerce-vector-database');
  const fresh = () => initialWizardState(undefined, () => draft);

  it('opens a stored evaluation, or a new draft', () => {
    expect(initialWizardState(stored, () => draft)).toMatchObject({
      stored,
      base: stored.evaluation,
      draft: stored.evaluation,
      activeStep: 0,
      preview: { loading: true },
    });
    expect(fresh().draft).toBe(draft);
  });

  it('edits the draft and keeps the base it started from', () => {
    const state = run(fresh(), {
      type: 'edit',
      edit: { type: 'remove-candidate', candidateId: 'zeta' },
    });
    expect(state.draft.candidates).toHaveLength(1);
    expect(state.base).toBe(draft);
  });

  it('moves between the steps and no further', () => {
    expect(run(fresh(), { type: 'go-to-step', step: 3 }).activeStep).toBe(3);
    expect(run(fresh(), { type: 'go-to-step', step: -1 }).activeStep).toBe(0);
    expect(run(fresh(), { type: 'go-to-step', step: 99 }).activeStep).toBe(7);
  });

  it('shows only the answer to the latest preview request', () => {
    const buy = preview('buy');
    const incomplete = preview('incomplete');
    let state = run(
      fresh(),
      { type: 'preview-requested', request: 1 },
      { type: 'preview-requested', request: 2 },
      { type: 'preview-answered', request: 2, value: buy },
      { type: 'preview-answered', request: 1, value: incomplete },
      { type: 'preview-failed', request: 1, error: new Error('late') },
    );
    expect(state.preview).toEqual({ request: 2, loading: false, value: buy });

    state = run(
      state,
      { type: 'preview-requested', request: 3 },
      { type: 'preview-failed', request: 3, error: new Error('down') },
    );
    expect(state.preview).toEqual({
      request: 3,
      loading: false,
      error: new Error('down'),
    });
  });

  it('a saved version becomes the base and the draft', () => {
    const state = run(
      fresh(),
      { type: 'save-started' },
      { type: 'saved', stored },
    );
    expect(state).toMatchObject({
      saving: false,
      stored,
      base: stored.evaluation,
      draft: stored.evaluation,
    });
  });

  it('a failed save says why and allows another try', () => {
    let state = run(fresh(), { type: 'save-started' });
    expect(state.saving).toBe(true);
    expect(canSave(state, false)).toBe(false);
    state = run(state, { type: 'save-failed', error: new Error('down') });
    expect(state.saveError).toEqual(new Error('down'));
    expect(canSave(state, false)).toBe(true);
    state = run(state, { type: 'save-started' });
    expect(state.saveError).toBeUndefined();
  });

  describe('on a conflict', () => {
    const mine = storedEvaluation('ecommerce-vector-database');
    const theirs = storedEvaluation('ecommerce-vector-database', {
      version: 4,
      evaluation: { ...mine.evaluation, revisitBy: '2027-01-15' },
    });
    const edited = () =>
      run(
        initialWizardState(mine, () => draft),
        {
          type: 'edit',
          edit: {
            type: 'answer',
            path: ['coreDifferentiator', 'rationale'],
            value: 'Storage is plumbing.',
          },
        },
        { type: 'save-started' },
        { type: 'save-conflicted', current: theirs },
      );

    it('keeps my answers and holds saving until I choose', () => {
      const state = edited();
      expect(state.conflict).toBe(theirs);
      expect(state.draft.coreDifferentiator?.rationale).toBe(
        'Storage is plumbing.',
      );
      expect(canSave(state, false)).toBe(false);
    });

    it('reapplies my answers onto their version', () => {
      const state = run(edited(), { type: 'reapply-mine' });
      expect(state.conflict).toBeUndefined();
      expect(state.stored).toBe(theirs);
      expect(state.base).toBe(theirs.evaluation);
      expect(state.draft.revisitBy).toBe('2027-01-15');
      expect(state.draft.coreDifferentiator?.rationale).toBe(
        'Storage is plumbing.',
      );
    });

    it('or discards my answers for theirs', () => {
      const state = run(edited(), { type: 'discard-mine' });
      expect(state.conflict).toBeUndefined();
      expect(state.draft).toBe(theirs.evaluation);
    });

    it('ignores a choice when there is no conflict', () => {
      const state = fresh();
      expect(run(state, { type: 'reapply-mine' })).toBe(state);
      expect(run(state, { type: 'discard-mine' })).toBe(state);
    });
  });

  it('records a decision only once the preview has a verdict', () => {
    let state = fresh();
    expect(canRecordDecision(state, false)).toBe(true);
    state = run(
      state,
      { type: 'preview-requested', request: 1 },
      { type: 'preview-answered', request: 1, value: preview('incomplete') },
    );
    expect(canRecordDecision(state, false)).toBe(false);
    state = run(
      state,
      { type: 'preview-requested', request: 2 },
      { type: 'preview-answered', request: 2, value: preview('buy') },
    );
    expect(canRecordDecision(state, false)).toBe(true);
    expect(canRecordDecision(state, true)).toBe(false);
  });

  it('"It is not a formula": records a decision against the tree only with its rationale', () => {
    const decide = (teamDecision: EvaluationDraft['teamDecision']) =>
      run(
        fresh(),
        {
          type: 'edit',
          edit: { type: 'answer', path: ['teamDecision'], value: teamDecision },
        },
        { type: 'preview-requested', request: 1 },
        { type: 'preview-answered', request: 1, value: preview('buy') },
      );
    // The tree says: buy VectorCloud Managed.
    expect(canRecordDecision(decide({ kind: 'build' }), false)).toBe(false);
    expect(
      canRecordDecision(decide({ kind: 'build', rationale: '  ' }), false),
    ).toBe(false);
    expect(
      canRecordDecision(
        decide({ kind: 'build', rationale: 'We own the ranking.' }),
        false,
      ),
    ).toBe(true);
    expect(canRecordDecision(decide(undefined), false)).toBe(true);
    // A draft may leave the rationale for later.
    expect(canSave(decide({ kind: 'build' }), false)).toBe(true);
  });
});

describe('why saving is disabled', () => {
  const fresh = () => initialWizardState(undefined, () => draft);
  const engineers = {
    label: 'Prerequisites: How many engineers are on the team?',
  };
  const owner = { label: 'Node 5: Which group will maintain it?' };

  it.each<
    [
      string,
      () => WizardState,
      Array<{ label: string }>,
      string | undefined,
      string | undefined,
    ]
  >([
    ['nothing in the way', fresh, [], undefined, undefined],
    [
      'one invalid answer, named',
      fresh,
      [engineers],
      'Fix this answer first: Prerequisites: How many engineers are on the team?',
      'Fix this answer first: Prerequisites: How many engineers are on the team?',
    ],
    [
      'several invalid answers, counted',
      fresh,
      [engineers, owner],
      'Fix the 2 invalid answers first; Review and save lists them.',
      'Fix the 2 invalid answers first; Review and save lists them.',
    ],
    [
      'a save under way',
      () => run(fresh(), { type: 'save-started' }),
      [],
      'Saving…',
      'Saving…',
    ],
    [
      'someone else saved meanwhile',
      () =>
        run(fresh(), {
          type: 'save-conflicted',
          current: storedEvaluation('ecommerce-vector-database'),
        }),
      [engineers],
      'Someone else saved a newer version: reapply or discard your answers above first.',
      'Someone else saved a newer version: reapply or discard your answers above first.',
    ],
    [
      'answers the verdict still needs',
      () =>
        run(
          fresh(),
          { type: 'preview-requested', request: 1 },
          {
            type: 'preview-answered',
            request: 1,
            value: preview('incomplete'),
          },
        ),
      [],
      undefined,
      `The verdict needs ${
        preview('incomplete').outcome.missing.length
      } more answers; Review and save lists them.`,
    ],
    [
      'one answer the verdict still needs',
      () =>
        run(
          fresh(),
          { type: 'preview-requested', request: 1 },
          {
            type: 'preview-answered',
            request: 1,
            value: {
              ...preview('incomplete'),
              outcome: {
                ...preview('incomplete').outcome,
                missing: ['question'],
              },
            },
          },
        ),
      [],
      undefined,
      'The verdict needs one more answer; Review and save names it.',
    ],
  ])('%s', (_, state, problems, save, record) => {
    expect(saveBlockedReason(state(), problems)).toBe(save);
    expect(recordBlockedReason(state(), problems)).toBe(record);
  });
});

describe('autosave', () => {
  const allowed = { allowed: true, invalid: false };
  const rationale = (value: string): WizardAction => ({
    type: 'edit',
    edit: {
      type: 'answer',
      path: ['coreDifferentiator', 'rationale'],
      value,
    },
  });
  const draftStored = storedEvaluation('ecommerce-vector-database', {
    status: 'draft',
  });
  const opened = () => initialWizardState(draftStored, () => draft);

  it('saves only once there is something unsaved', () => {
    const state = opened();
    expect(hasUnsavedAnswers(state)).toBe(false);
    expect(autosaveBlockedReason(state, allowed)).toBe('Nothing to save');
    const edited = run(state, rationale('Plumbing.'));
    expect(hasUnsavedAnswers(edited)).toBe(true);
    expect(autosaveBlockedReason(edited, allowed)).toBeUndefined();
  });

  it('saves a new evaluation, or one stored as a draft, never a recorded or archived decision', () => {
    expect(autosavesAsDraft(undefined)).toBe(true);
    expect(autosavesAsDraft(draftStored)).toBe(true);
    const recorded = storedEvaluation('ecommerce-vector-database');
    expect(recorded.status).toBe('complete');
    expect(autosavesAsDraft(recorded)).toBe(false);
    expect(autosavesAsDraft({ ...recorded, status: 'archived' })).toBe(false);

    const edited = run(
      initialWizardState(recorded, () => draft),
      rationale('Plumbing.'),
    );
    expect(autosaveBlockedReason(edited, allowed)).toBe(
      'A recorded decision is only changed by Record decision',
    );
    const fresh = run(
      initialWizardState(undefined, () => draft),
      rationale('Plumbing.'),
    );
    expect(autosaveBlockedReason(fresh, allowed)).toBeUndefined();
  });

  it('waits for permission, a valid draft, the save in flight and a failed save', () => {
    const edited = run(opened(), rationale('Plumbing.'));
    expect(
      autosaveBlockedReason(edited, { allowed: false, invalid: false }),
    ).toBe('Not allowed to save');
    expect(
      autosaveBlockedReason(edited, { allowed: true, invalid: true }),
    ).toBe('Fix this answer first: invalid');
    const saving = run(edited, { type: 'save-started', autosave: true });
    expect(saving.autosaving).toBe(true);
    expect(autosaveBlockedReason(saving, allowed)).toBe('Saving…');
    const failed = run(saving, { type: 'save-failed', error: new Error('x') });
    expect(failed.autosaving).toBe(false);
    expect(autosaveBlockedReason(failed, allowed)).toBe('The last save failed');
  });

  it('stops at a conflict until the team chooses, then saves onto their version', () => {
    const theirs = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
      version: 4,
      evaluation: { ...draftStored.evaluation, revisitBy: '2027-01-15' },
    });
    const conflicted = run(
      opened(),
      rationale('Plumbing.'),
      { type: 'save-started', autosave: true },
      { type: 'save-conflicted', current: theirs },
    );
    expect(conflicted.conflict).toBe(theirs);
    expect(autosaveBlockedReason(conflicted, allowed)).toMatch(
      /^Someone else saved a newer version/,
    );
    const reapplied = run(conflicted, { type: 'reapply-mine' });
    expect(autosaveBlockedReason(reapplied, allowed)).toBeUndefined();
    expect(reapplied.stored?.version).toBe(4);
    // Discarding mine leaves nothing to save.
    const discarded = run(conflicted, { type: 'discard-mine' });
    expect(autosaveBlockedReason(discarded, allowed)).toBe('Nothing to save');
  });

  it('keeps what was typed while a save was in flight', () => {
    const sent = run(opened(), rationale('Plumbing.'));
    const saving = run(sent, {
      type: 'save-started',
      sending: sent.draft,
      autosave: true,
    });
    const typedMeanwhile = run(saving, rationale('Plumbing, really.'));
    const saved = storedEvaluation('ecommerce-vector-database', {
      status: 'draft',
      version: 4,
      evaluation: {
        ...sent.draft,
        sessionDurationMinutes: 3,
      },
    });
    const state = run(typedMeanwhile, { type: 'saved', stored: saved });
    expect(state.stored).toBe(saved);
    expect(state.base).toBe(saved.evaluation);
    expect(state.draft.coreDifferentiator?.rationale).toBe('Plumbing, really.');
    expect(state.draft.sessionDurationMinutes).toBe(3);
    // Still unsaved: the next autosave stores it onto version 4.
    expect(autosaveBlockedReason(state, allowed)).toBeUndefined();

    const untouched = run(saving, { type: 'saved', stored: saved });
    expect(untouched.draft).toBe(saved.evaluation);
    expect(autosaveBlockedReason(untouched, allowed)).toBe('Nothing to save');
  });

  it('resumes on the step it was left on, within the steps', () => {
    expect(initialWizardState(draftStored, () => draft, 5).activeStep).toBe(5);
    expect(initialWizardState(draftStored, () => draft, 42).activeStep).toBe(7);
    expect(
      initialWizardState(draftStored, () => draft, Number.NaN).activeStep,
    ).toBe(0);
  });

  it('restores answers kept in the browser as unsaved ones', () => {
    const kept = { ...draftStored.evaluation, revisitBy: '2027-03-01' };
    const state = run(opened(), { type: 'restore-unsaved', draft: kept });
    expect(state.draft).toBe(kept);
    expect(state.base).toBe(draftStored.evaluation);
    expect(hasUnsavedAnswers(state)).toBe(true);
  });
});

describe('stepHasErrors', () => {
  it('matches a field and the fields under it, not a prefix of a name', () => {
    const errors = { 'maintenance.ownerGroupRef': 'Must be a group' };
    expect(stepHasErrors(errors, ['maintenance'])).toBe(true);
    expect(stepHasErrors({ gaps: 'bad' }, ['gaps'])).toBe(true);
    expect(stepHasErrors(errors, ['main'])).toBe(false);
    expect(stepHasErrors({}, ['maintenance'])).toBe(false);
  });
});

describe('evaluationToSave', () => {
  it('records the session time in tenths of a minute, within the limit', () => {
    expect(evaluationToSave(draft, 95).sessionDurationMinutes).toBe(1.6);
    expect(evaluationToSave(draft, 10 ** 7).sessionDurationMinutes).toBe(
      24 * 60,
    );
  });
});
