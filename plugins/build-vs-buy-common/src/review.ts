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

import { evaluate, Verdict } from './evaluate';
import {
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_REVISIT_INTERVAL_MONTHS,
} from './limits';
import { defaultRevisitBy, toIsoDate } from './revisit';
import type { EvaluationDraft } from './schema';

/** @public */
export type ReviewStatus = 'current' | 'due-soon' | 'overdue';

/**
 * Stable codes of the reasons behind a review status.
 *
 * @public
 */
export const REVIEW_REASON_CODES = [
  'revisit-date-passed',
  'revisit-date-near',
  'revisit-date-not-set',
  'buy-without-migration-plan',
  'build-without-maintenance-owner',
] as const;

/** @public */
export type ReviewReasonCode = (typeof REVIEW_REASON_CODES)[number];

/** @public */
export type ReviewReason = { code: ReviewReasonCode; message: string };

/** @public */
export type ReviewStatusOptions = {
  /** Days before the revisit date that count as due soon. Default 30. */
  dueSoonDays?: number;
  /** Months from the decision to the default revisit date. Default 6. */
  revisitIntervalMonths?: number;
  /** When the decision was recorded; the base of the default revisit date. */
  decidedAt?: Date;
  /**
   * The recorded verdict. Defaults to `evaluate(evaluation, { now })`.
   */
  verdict?: Verdict;
};

/** @public */
export type Review = {
  status: ReviewStatus;
  /** The revisit date in force, given or computed. */
  revisitBy: string;
  reasons: ReviewReason[];
};

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

const SEVERITY: Record<ReviewStatus, number> = {
  current: 0,
  'due-soon': 1,
  overdue: 2,
};

/**
 * Whether a decision is due for the revisit the article asks for: "a
 * documented, structured answer that the team can revisit when new
 * information arrives".
 *
 * - `overdue` once the revisit date has passed;
 * - `due-soon` within `dueSoonDays` of it (the date itself included);
 * - at least `due-soon`, whatever the date, when no revisit date was ever
 *   set (neither `revisitBy` nor `decidedAt`), when a buy has no migration
 *   plan ("you do not have a vendor relationship. You have a dependency."),
 *   or when a build has no maintenance owner.
 *
 * Without `revisitBy` the revisit date is `revisitIntervalMonths` after
 * `decidedAt`, or after `now` when that is unknown too.
 *
 * @public
 */
export function reviewStatus(
  evaluation: EvaluationDraft,
  now: Date,
  options: ReviewStatusOptions = {},
): Review {
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!(dueSoonDays >= 0)) {
    throw new RangeError(`dueSoonDays must be >= 0, got ${dueSoonDays}`);
  }
  const verdict = options.verdict ?? evaluate(evaluation, { now }).verdict;
  const reasons: ReviewReason[] = [];
  let status: ReviewStatus = 'current';
  const raise = (to: ReviewStatus, reason: ReviewReason) => {
    reasons.push(reason);
    if (SEVERITY[to] > SEVERITY[status]) {
      status = to;
    }
  };

  const revisitBy =
    evaluation.revisitBy ??
    defaultRevisitBy(
      options.decidedAt ?? now,
      options.revisitIntervalMonths ?? DEFAULT_REVISIT_INTERVAL_MONTHS,
    );
  if (evaluation.revisitBy === undefined && options.decidedAt === undefined) {
    raise('due-soon', {
      code: 'revisit-date-not-set',
      message: `No revisit date was set; ${revisitBy} is assumed.`,
    });
  }

  const daysLeft =
    (Date.parse(revisitBy) - Date.parse(toIsoDate(now))) / DAY_MILLISECONDS;
  if (daysLeft < 0) {
    raise('overdue', {
      code: 'revisit-date-passed',
      message: `The revisit date ${revisitBy} has passed.`,
    });
  } else if (daysLeft <= dueSoonDays) {
    raise('due-soon', {
      code: 'revisit-date-near',
      message: `The revisit date ${revisitBy} is ${daysLeft} days away.`,
    });
  }

  if (verdict.kind === 'buy' || verdict.kind === 'buy-with-wrapper') {
    const plan = evaluation.failureModes?.migrationPlan;
    if (!plan?.dataExtraction?.trim() || !plan?.alternative?.trim()) {
      raise('due-soon', {
        code: 'buy-without-migration-plan',
        message: `Buying ${verdict.candidateName} without a migration plan: you do not have a vendor relationship. You have a dependency.`,
      });
    }
  }
  if (
    verdict.kind === 'build' &&
    evaluation.maintenance?.ownerGroupRef === undefined
  ) {
    raise('due-soon', {
      code: 'build-without-maintenance-owner',
      message:
        'A build without a maintenance owner: every system you build becomes a system you maintain.',
    });
  }

  return { status, revisitBy, reasons };
}
