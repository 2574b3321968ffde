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

import {
  EvaluationDraft,
  reviewStatus,
  toIsoDate,
  type Outcome,
  type Review,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type {
  EvaluationRecord,
  ReviewWindow,
} from '../database/EvaluationStore';
import type { BuildVsBuySettings } from './settings';

const DAY_MILLISECONDS = 86_400_000;

/**
 * The review rule as the plugin's settings configure it, shared by the
 * routes and the revisit scan. The store's SQL filters mirror it.
 */
export type Reviewer = {
  /** The day review status is judged on, and the end of its due-soon window. */
  windowAt(at: Date): ReviewWindow;
  /** The review of answers with the revisit date and verdict in force. */
  reviewAnswers(
    evaluation: EvaluationDraft,
    revisitBy: string,
    verdict: Outcome['verdict'],
    decidedAt: Date | undefined,
    at: Date,
  ): Review;
  /** The review of a stored evaluation as of `at`. */
  review(record: EvaluationRecord, at: Date): Review;
};

export function createReviewer(settings: BuildVsBuySettings): Reviewer {
  const reviewAnswers: Reviewer['reviewAnswers'] = (
    evaluation,
    revisitBy,
    verdict,
    decidedAt,
    at,
  ) =>
    reviewStatus({ ...evaluation, revisitBy }, at, {
      dueSoonDays: settings.dueSoonDays,
      revisitIntervalMonths: settings.revisitIntervalMonths,
      verdict,
      decidedAt,
    });
  return {
    windowAt(at) {
      const today = toIsoDate(at);
      const dueSoonBy = toIsoDate(
        new Date(Date.parse(today) + settings.dueSoonDays * DAY_MILLISECONDS),
      );
      return { today, dueSoonBy };
    },
    reviewAnswers,
    review(record, at) {
      return reviewAnswers(
        record.evaluation,
        record.revisitBy,
        record.outcome.verdict,
        record.decidedAt ? new Date(record.decidedAt) : undefined,
        at,
      );
    },
  };
}
