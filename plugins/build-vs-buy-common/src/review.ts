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
import { decisionFacts, type DecisionFacts } from './facts';
import { defaultRevisitBy, toIsoDate } from './revisit';
import type { EvaluationDraft } from './schema';
import { vendorEventMessage, type VendorEventFacts } from './vendorEvents';
import { catalogChangeMessage, type CatalogChanges } from './catalogChanges';
import { quantityOf } from './wording';

/**
 * Every review status, from the least to the most pressing.
 *
 * @public
 */
export const REVIEW_STATUSES = ['current', 'due-soon', 'overdue'] as const;

/** @public */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

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
  'vendor-event',
  'catalog-change',
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
  /** The vendor event the decision is under and not yet revisited for. */
  vendorEvent?: VendorEventFacts;
  /** What changed in the catalog since the decision, as the scan found it. */
  catalogChanges?: CatalogChanges;
};

/** @public */
export type Review = {
  status: ReviewStatus;
  /** The revisit date in force, given or computed. */
  revisitBy: string;
  reasons: ReviewReason[];
};

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

/**
 * The day a review status is judged on and the last day of its due-soon
 * window, both `YYYY-MM-DD` in UTC.
 *
 * @public
 */
export type ReviewWindow = { today: string; dueSoonBy: string };

/**
 * The review window as of `now`: revisit dates up to `dueSoonDays` ahead
 * (the day itself included) are due soon.
 *
 * @public
 */
export function reviewWindow(
  now: Date,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): ReviewWindow {
  if (!(dueSoonDays >= 0)) {
    throw new RangeError(`dueSoonDays must be >= 0, got ${dueSoonDays}`);
  }
  const today = toIsoDate(now);
  const dueSoonBy = toIsoDate(
    new Date(Date.parse(today) + dueSoonDays * DAY_MILLISECONDS),
  );
  return { today, dueSoonBy };
}

/**
 * The review status from the two things it rests on: the revisit date in
 * force and whether the decision needs attention whatever the date (see
 * {@link decisionFacts}). `overdue` once the date has passed; `due-soon`
 * within the window or when attention is needed; otherwise `current`.
 *
 * The backend stores both as columns and compares them with the window in
 * SQL the same way; a property test holds the two together.
 *
 * @public
 */
export function reviewStatusOf(
  decision: { revisitBy: string; needsAttention: boolean },
  window: ReviewWindow,
): ReviewStatus {
  if (decision.revisitBy < window.today) {
    return 'overdue';
  }
  if (decision.revisitBy <= window.dueSoonBy || decision.needsAttention) {
    return 'due-soon';
  }
  return 'current';
}

/**
 * Whether a decision is due for the revisit the article asks for: "a
 * documented, structured answer that the team can revisit when new
 * information arrives".
 *
 * - `overdue` once the revisit date has passed;
 * - `due-soon` within `dueSoonDays` of it (the date itself included);
 * - at least `due-soon`, whatever the date, when no revisit date was ever
 *   set (neither `revisitBy` nor `decidedAt`), or when the decision needs
 *   attention ({@link decisionFacts}): a buy without a migration plan, a
 *   build without a maintenance owner; or when it chose a product that a
 *   vendor event it was not revisited for since is about.
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
  const window = reviewWindow(now, options.dueSoonDays);
  const verdict = options.verdict ?? evaluate(evaluation, { now }).verdict;
  const revisitDateSet =
    evaluation.revisitBy !== undefined || options.decidedAt !== undefined;
  const revisitBy =
    evaluation.revisitBy ??
    defaultRevisitBy(
      options.decidedAt ?? now,
      options.revisitIntervalMonths ?? DEFAULT_REVISIT_INTERVAL_MONTHS,
    );
  return reviewOfFacts(
    {
      revisitBy,
      revisitDateSet,
      facts: {
        ...decisionFacts(evaluation, verdict),
        vendorEvent: options.vendorEvent,
        catalogChanges: options.catalogChanges,
      },
    },
    window,
  );
}

/**
 * The facts of a decision its review rests on besides the date: those of
 * {@link decisionFacts} that call for attention, the product bought, and
 * the vendor event about that product the decision was not revisited for
 * since, if any, and what changed in the catalog since the decision.
 *
 * @public
 */
export type ReviewFacts = Pick<
  DecisionFacts,
  | 'buyWithoutMigrationPlan'
  | 'buildWithoutMaintenanceOwner'
  | 'chosenCandidateName'
> & { vendorEvent?: VendorEventFacts; catalogChanges?: CatalogChanges };

/**
 * The review of a decision as of `window`, from the revisit date in force,
 * whether one was ever set, and the decision's date-independent facts.
 * {@link reviewStatus} is this over the answers; the backend gives it the
 * facts it stored from {@link decisionFacts}, so a stored decision is
 * reviewed without reading its answers again.
 *
 * @public
 */
export function reviewOfFacts(
  decision: { revisitBy: string; revisitDateSet: boolean; facts: ReviewFacts },
  window: ReviewWindow,
): Review {
  const { revisitBy, revisitDateSet, facts } = decision;
  const reasons: ReviewReason[] = [];
  if (!revisitDateSet) {
    reasons.push({
      code: 'revisit-date-not-set',
      message: `No revisit date was set; ${revisitBy} is assumed.`,
    });
  }

  const daysLeft =
    (Date.parse(revisitBy) - Date.parse(window.today)) / DAY_MILLISECONDS;
  if (revisitBy < window.today) {
    reasons.push({
      code: 'revisit-date-passed',
      message: `Overdue by ${quantityOf(
        -daysLeft,
        'day',
      )}: the revisit date was ${revisitBy}.`,
    });
  } else if (revisitBy <= window.dueSoonBy) {
    reasons.push({
      code: 'revisit-date-near',
      message:
        daysLeft === 0
          ? `Due for revisit today, ${revisitBy}.`
          : `Due for revisit in ${quantityOf(
              daysLeft,
              'day',
            )}, by ${revisitBy}.`,
    });
  }

  if (facts.buyWithoutMigrationPlan) {
    reasons.push({
      code: 'buy-without-migration-plan',
      message: `Buying ${
        facts.chosenCandidateName ?? 'a product'
      } without a migration plan: you do not have a vendor relationship. You have a dependency.`,
    });
  }
  if (facts.buildWithoutMaintenanceOwner) {
    reasons.push({
      code: 'build-without-maintenance-owner',
      message:
        'A build without a maintenance owner: every system you build becomes a system you maintain.',
    });
  }
  if (facts.vendorEvent) {
    reasons.push({
      code: 'vendor-event',
      message: vendorEventMessage(facts.vendorEvent),
    });
  }
  for (const change of facts.catalogChanges?.changes ?? []) {
    reasons.push({
      code: 'catalog-change',
      message: catalogChangeMessage(change, facts.catalogChanges?.displayNames),
    });
  }

  const status = reviewStatusOf(
    {
      revisitBy,
      // The attention of decisionFacts (exactly these two facts), a
      // vendor event and catalog changes not yet revisited for; the
      // backend's `needs_attention` column holds the same (see
      // needsAttentionOf).
      needsAttention:
        !revisitDateSet ||
        needsAttentionOf(
          facts.buyWithoutMigrationPlan || facts.buildWithoutMaintenanceOwner,
          facts.vendorEvent,
          facts.catalogChanges,
        ),
    },
    window,
  );
  return { status, revisitBy, reasons };
}

/**
 * Whether a decision needs attention whatever its revisit date: when its
 * answers call for it ({@link decisionFacts}'s `attention`), or while it is
 * under a vendor event or catalog changes it was not revisited for since.
 * The backend stores this as a column its SQL compares.
 *
 * @public
 */
export function needsAttentionOf(
  answersCallForIt: boolean,
  vendorEvent: VendorEventFacts | undefined,
  catalogChanges?: CatalogChanges,
): boolean {
  return (
    answersCallForIt ||
    vendorEvent !== undefined ||
    (catalogChanges?.changes.length ?? 0) > 0
  );
}
