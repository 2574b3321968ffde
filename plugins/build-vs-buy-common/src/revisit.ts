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

import type { EvaluationStatus } from './api';
import type { EvaluationDraft } from './schema';

/**
 * The calendar date of an instant, in UTC, as `YYYY-MM-DD`.
 *
 * @public
 */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * The default revisit date: `months` after the decision, in UTC, on the same
 * day of the month or the last day of a shorter month. The article warns
 * that "a build decision made today may be obsolete in six months".
 *
 * @public
 */
export function defaultRevisitBy(decidedAt: Date, months = 6): string {
  if (Number.isNaN(decidedAt.getTime())) {
    throw new RangeError('decidedAt must be a valid date');
  }
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`months must be a whole number >= 0, got ${months}`);
  }
  const year = decidedAt.getUTCFullYear();
  const month = decidedAt.getUTCMonth() + months;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(decidedAt.getUTCDate(), lastDayOfMonth);
  return toIsoDate(new Date(Date.UTC(year, month, day)));
}

/**
 * The revisit date a save or a confirmation records, with the answers it
 * stores: when the answers name a revisit date, it is the one in force, so
 * the wizard shows and sends back the date the decision is judged by.
 *
 * @public
 */
export type RevisitOnSave = { revisitBy: string; evaluation: EvaluationDraft };

/**
 * The revisit date a save records. The date the answers name, else
 * `revisitIntervalMonths` after the save. A re-evaluation that changes the
 * answers of a complete decision starts a new interval too, unless it names
 * a revisit date other than the stored one: answers changed and the stored
 * date sent back unchanged is a decision made again today, not a choice of
 * that old date.
 *
 * @public
 */
export function revisitOnSave(options: {
  /** The answers being saved. */
  evaluation: EvaluationDraft;
  /** The decision as stored before this save, when there is one. */
  stored?: {
    status: EvaluationStatus;
    evaluation: EvaluationDraft;
    /** The revisit date in force. */
    revisitBy: string;
  };
  savedAt: Date;
  revisitIntervalMonths?: number;
}): RevisitOnSave {
  const { evaluation, stored } = options;
  const requested = evaluation.revisitBy;
  const decidedAgain =
    stored?.status === 'complete' &&
    (requested === undefined || requested === stored.revisitBy) &&
    !sameAnswers(stored.evaluation, evaluation);
  if (requested !== undefined && !decidedAgain) {
    return { revisitBy: requested, evaluation };
  }
  return withRevisitBy(
    evaluation,
    defaultRevisitBy(options.savedAt, options.revisitIntervalMonths),
  );
}

/**
 * The revisit date a confirmation that a decision is still valid records:
 * `revisitIntervalMonths` after the confirmation, whatever date it had. The
 * answers stay as they are.
 *
 * @public
 */
export function revisitOnConfirmation(options: {
  /** The answers of the decision as stored. */
  evaluation: EvaluationDraft;
  confirmedAt: Date;
  revisitIntervalMonths?: number;
}): RevisitOnSave {
  return withRevisitBy(
    options.evaluation,
    defaultRevisitBy(options.confirmedAt, options.revisitIntervalMonths),
  );
}

/* The answers with the revisit date in force, where they name one. */
function withRevisitBy(
  evaluation: EvaluationDraft,
  revisitBy: string,
): RevisitOnSave {
  return {
    revisitBy,
    evaluation:
      evaluation.revisitBy === undefined
        ? evaluation
        : { ...evaluation, revisitBy },
  };
}

/* Whether two sets of answers agree on everything but the revisit date. */
function sameAnswers(a: EvaluationDraft, b: EvaluationDraft): boolean {
  return (
    canonical({ ...a, revisitBy: undefined }) ===
    canonical({ ...b, revisitBy: undefined })
  );
}

/* JSON with the keys of every object sorted, so key order does not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner).sort(([a], [b]) => a.localeCompare(b, 'en')),
        )
      : inner,
  );
}
