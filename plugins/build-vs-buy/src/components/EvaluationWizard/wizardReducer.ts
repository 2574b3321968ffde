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

/*
 * The wizard's state apart from its views: the draft and the version it
 * started from, the step shown, the server's preview of the verdict, and the
 * save and conflict flow. Pure, so it is tested without a DOM; the hook
 * `useEvaluationDraft` wires it to the API.
 */

import {
  EVALUATION_LIMITS,
  describeAnswer,
  teamDecisionOf,
  WIZARD_STEPS,
  type EvaluationDraft,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { EvaluationPreview } from '../../api';
import { reapplyAnswers } from './draftAnswers';
import { DraftEdit, editDraft } from './draftEdits';

/** The server's verdict for the draft; only the latest request counts. */
export type PreviewState = {
  request: number;
  loading: boolean;
  value?: EvaluationPreview;
  error?: Error;
};

export type WizardState = {
  /** The stored evaluation being edited, once there is one. */
  stored?: StoredEvaluation;
  /** The answers as last loaded or saved: what "your answers" compare to. */
  base: EvaluationDraft;
  draft: EvaluationDraft;
  activeStep: number;
  preview: PreviewState;
  saving: boolean;
  /** The answers a save in flight sent, to keep edits made meanwhile. */
  sending?: EvaluationDraft;
  /** Whether the save in flight is an autosave. */
  autosaving?: boolean;
  saveError?: Error;
  /** The version someone else saved while this draft was edited. */
  conflict?: StoredEvaluation;
};

export type WizardAction =
  | { type: 'edit'; edit: DraftEdit }
  | { type: 'go-to-step'; step: number }
  | { type: 'preview-requested'; request: number }
  | { type: 'preview-answered'; request: number; value: EvaluationPreview }
  | { type: 'preview-failed'; request: number; error: Error }
  | { type: 'save-started'; sending?: EvaluationDraft; autosave?: boolean }
  | { type: 'saved'; stored: StoredEvaluation }
  | { type: 'save-failed'; error: Error }
  | { type: 'save-conflicted'; current: StoredEvaluation }
  | { type: 'reapply-mine' }
  | { type: 'discard-mine' }
  | { type: 'restore-unsaved'; draft: EvaluationDraft };

/** The state a wizard opens with: a stored evaluation, or a new draft. */
export function initialWizardState(
  stored: StoredEvaluation | undefined,
  newDraft: () => EvaluationDraft,
  activeStep: number = 0,
): WizardState {
  const base = stored?.evaluation ?? newDraft();
  return {
    stored,
    base,
    draft: base,
    activeStep: stepWithin(activeStep),
    preview: { request: 0, loading: true },
    saving: false,
  };
}

/** Continues from another version: the given answers on top of it. */
function continueFrom(
  state: WizardState,
  current: StoredEvaluation,
  draft: EvaluationDraft,
): WizardState {
  return {
    ...state,
    stored: current,
    base: current.evaluation,
    draft,
    conflict: undefined,
  };
}

function stepWithin(step: number): number {
  return Number.isFinite(step)
    ? Math.max(0, Math.min(WIZARD_STEPS.length - 1, Math.trunc(step)))
    : 0;
}

/**
 * The answers once a save came back: the saved version, or, when the team
 * went on editing while it was in flight, their newer answers on top of it.
 */
function draftAfterSave(
  state: WizardState,
  saved: StoredEvaluation,
): EvaluationDraft {
  if (state.sending === undefined || state.draft === state.sending) {
    return saved.evaluation;
  }
  return reapplyAnswers(state.sending, state.draft, saved.evaluation);
}

export function wizardReducer(
  state: WizardState,
  action: WizardAction,
): WizardState {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: editDraft(state.draft, action.edit) };
    case 'go-to-step':
      return { ...state, activeStep: stepWithin(action.step) };
    case 'preview-requested':
      return {
        ...state,
        preview: { ...state.preview, request: action.request, loading: true },
      };
    case 'preview-answered':
      return action.request === state.preview.request
        ? {
            ...state,
            preview: {
              request: action.request,
              loading: false,
              value: action.value,
            },
          }
        : state;
    case 'preview-failed':
      return action.request === state.preview.request
        ? {
            ...state,
            preview: {
              request: action.request,
              loading: false,
              error: action.error,
            },
          }
        : state;
    case 'save-started':
      return {
        ...state,
        saving: true,
        sending: action.sending ?? state.draft,
        autosaving: action.autosave ?? false,
        saveError: undefined,
      };
    case 'saved':
      return {
        ...state,
        saving: false,
        sending: undefined,
        autosaving: false,
        stored: action.stored,
        base: action.stored.evaluation,
        draft: draftAfterSave(state, action.stored),
      };
    case 'save-failed':
      return {
        ...state,
        saving: false,
        sending: undefined,
        autosaving: false,
        saveError: action.error,
      };
    case 'save-conflicted':
      return {
        ...state,
        saving: false,
        sending: undefined,
        autosaving: false,
        conflict: action.current,
      };
    case 'restore-unsaved':
      return { ...state, draft: action.draft };
    case 'reapply-mine':
      return state.conflict
        ? continueFrom(
            state,
            state.conflict,
            reapplyAnswers(state.base, state.draft, state.conflict.evaluation),
          )
        : state;
    case 'discard-mine':
      return state.conflict
        ? continueFrom(state, state.conflict, state.conflict.evaluation)
        : state;
    default:
      return state;
  }
}

/** Whether any field a step edits has a message. */
export function stepHasErrors(
  errors: Record<string, string>,
  fields: ReadonlyArray<string>,
): boolean {
  return Object.keys(errors).some(name =>
    fields.some(field => name === field || name.startsWith(`${field}.`)),
  );
}

/**
 * Why the draft cannot be saved now, in words, or `undefined` when it can.
 * Permission is the buttons' own business.
 */
export function saveBlockedReason(
  state: WizardState,
  problems: ReadonlyArray<{ label: string }>,
): string | undefined {
  if (state.saving) {
    return 'Saving…';
  }
  if (state.conflict) {
    return 'Someone else saved a newer version: reapply or discard your answers above first.';
  }
  if (problems.length === 1) {
    return `Fix this answer first: ${problems[0].label}`;
  }
  if (problems.length > 1) {
    return `Fix the ${problems.length} invalid answers first; Review and save lists them.`;
  }
  return undefined;
}

/**
 * Why the decision cannot be recorded now: the draft cannot be saved, or
 * the verdict is still incomplete.
 */
export function recordBlockedReason(
  state: WizardState,
  problems: ReadonlyArray<{ label: string }>,
): string | undefined {
  const saveReason = saveBlockedReason(state, problems);
  if (saveReason) {
    return saveReason;
  }
  const outcome = state.preview.value?.outcome;
  if (outcome === undefined) {
    return undefined;
  }
  if (outcome.verdict.kind !== 'incomplete') {
    const team = teamDecisionOf(state.draft, outcome.verdict);
    if (team.missing.length === 0) {
      return undefined;
    }
    return team.missing
      .map(path => describeAnswer(path, state.draft).label)
      .join('; ')
      .replace(/^/, "The team's decision needs an answer: ");
  }
  return outcome.missing.length === 1
    ? 'The verdict needs one more answer; Review and save names it.'
    : `The verdict needs ${outcome.missing.length} more answers; Review and save lists them.`;
}

/** Whether the answers differ from the version last loaded or saved. */
export function hasUnsavedAnswers(state: WizardState): boolean {
  return state.draft !== state.base;
}

/**
 * Whether autosave may store this evaluation as a draft: only while it is
 * one, or before it exists. A recorded decision (or an archived one) is
 * never turned back into a draft behind the team's back; its unsaved
 * answers are kept in the browser instead (see `unsavedAnswers.ts`).
 */
export function autosavesAsDraft(stored: StoredEvaluation | undefined) {
  return stored === undefined || stored.status === 'draft';
}

/**
 * Why autosave does not save now, or `undefined` when it should: there are
 * unsaved answers, the user may save, the draft is valid, no save is in
 * flight, no conflict waits for a choice, the last save did not fail (a
 * failure waits for the Save draft button, not a retry loop) and the
 * stored evaluation is still a draft.
 */
export function autosaveBlockedReason(
  state: WizardState,
  options: { allowed: boolean; invalid: boolean },
): string | undefined {
  if (!hasUnsavedAnswers(state)) {
    return 'Nothing to save';
  }
  if (!options.allowed) {
    return 'Not allowed to save';
  }
  if (!autosavesAsDraft(state.stored)) {
    return 'A recorded decision is only changed by Record decision';
  }
  if (state.saveError) {
    return 'The last save failed';
  }
  return saveBlockedReason(
    state,
    options.invalid ? [{ label: 'invalid' }] : [],
  );
}

/** Whether the draft may be saved now. */
export function canSave(state: WizardState, invalid: boolean): boolean {
  return !saveBlockedReason(state, invalid ? [{ label: 'invalid' }] : []);
}

/**
 * Whether the decision may be recorded: savable, a verdict reached, and the
 * team's decision complete (its rationale when it goes against the tree).
 */
export function canRecordDecision(
  state: WizardState,
  invalid: boolean,
): boolean {
  return !recordBlockedReason(state, invalid ? [{ label: 'invalid' }] : []);
}

/** The evaluation to save, with the session time spent on it so far. */
export function evaluationToSave(
  draft: EvaluationDraft,
  sessionSeconds: number,
): EvaluationDraft {
  return {
    ...draft,
    sessionDurationMinutes: Math.min(
      EVALUATION_LIMITS.sessionMinutes,
      Math.round(sessionSeconds / 6) / 10,
    ),
  };
}
