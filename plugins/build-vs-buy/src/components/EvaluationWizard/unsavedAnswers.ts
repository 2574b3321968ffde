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
 * What the browser keeps of a wizard so that no work is lost: the answers
 * not yet saved (a recorded decision is never autosaved, and a draft may be
 * left within the autosave delay) and the step the team was on, both per
 * entity in localStorage, so they survive a reload, another page and a
 * closed tab. The server's version they started from decides whether they
 * still apply.
 */

import type { EvaluationDraft } from '@build-vs-buy/plugin-build-vs-buy-common';

/** Unsaved answers kept in the browser. */
export type UnsavedAnswers = {
  /** The stored version they were edited from; none for a new evaluation. */
  version?: number;
  draft: EvaluationDraft;
  /** When they were kept, an ISO instant. */
  keptAt: string;
};

const ANSWERS_KEY = 'build-vs-buy:unsaved-answers:';
const STEP_KEY = 'build-vs-buy:wizard-step:';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off; the wizard then only autosaves.
    return undefined;
  }
}

function isUnsavedAnswers(value: unknown): value is UnsavedAnswers {
  const kept = value as UnsavedAnswers | null;
  return (
    typeof kept === 'object' &&
    kept !== null &&
    typeof kept.draft === 'object' &&
    kept.draft !== null &&
    typeof kept.keptAt === 'string' &&
    (kept.version === undefined || typeof kept.version === 'number')
  );
}

/**
 * The answers kept for an entity, when they were edited from `version`
 * (the version now stored): answers edited from an older version are
 * dropped rather than offered over someone else's newer save.
 */
export function readUnsavedAnswers(
  entityRef: string,
  version: number | undefined,
): UnsavedAnswers | undefined {
  const key = ANSWERS_KEY + entityRef;
  try {
    const kept: unknown = JSON.parse(storage()?.getItem(key) ?? 'null');
    if (
      isUnsavedAnswers(kept) &&
      kept.version === version &&
      kept.draft.entityRef === entityRef
    ) {
      return kept;
    }
  } catch {
    // Unreadable: treated as nothing kept.
  }
  storage()?.removeItem(key);
  return undefined;
}

export function keepUnsavedAnswers(
  entityRef: string,
  answers: UnsavedAnswers,
): void {
  try {
    storage()?.setItem(ANSWERS_KEY + entityRef, JSON.stringify(answers));
  } catch {
    // Full or switched off: autosave and the leave prompt remain.
  }
}

export function forgetUnsavedAnswers(entityRef: string): void {
  storage()?.removeItem(ANSWERS_KEY + entityRef);
}

/** The step last shown for an entity, by its id. */
export function readWizardStep(entityRef: string): string | undefined {
  return storage()?.getItem(STEP_KEY + entityRef) ?? undefined;
}

export function keepWizardStep(entityRef: string, stepId: string): void {
  try {
    storage()?.setItem(STEP_KEY + entityRef, stepId);
  } catch {
    // The URL still holds it.
  }
}
