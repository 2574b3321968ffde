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
 * The facts a decision is filtered, flagged and reported on. Each is decided
 * here, once: the engine's warnings, the review status, the backend's stored
 * columns (and so its SQL filters), the UI, the ADR and the notifications
 * all use these functions' results and never restate them.
 */

import { teamDecisionOf } from './decision';
import type { Verdict, VerdictKind } from './evaluate';
import type {
  EvaluationDraft,
  OrganisationProfile,
  VendorCandidateDraft,
} from './schema';

/**
 * Whether a verdict buys a product: `buy` or `buy-with-wrapper`.
 *
 * @public
 */
export function isBuyVerdict(
  verdict: Verdict | VerdictKind,
): verdict is Extract<Verdict, { kind: 'buy' | 'buy-with-wrapper' }> {
  const kind = typeof verdict === 'string' ? verdict : verdict.kind;
  return kind === 'buy' || kind === 'buy-with-wrapper';
}

function isPresent(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/**
 * Whether the evaluation has the migration plan the article asks of a buy:
 * "how would you extract your data" and the alternative you would switch
 * to. Both must be written down; blank text does not count.
 *
 * @public
 */
export function hasMigrationPlan(evaluation: EvaluationDraft): boolean {
  const plan = evaluation.failureModes?.migrationPlan;
  return isPresent(plan?.dataExtraction) && isPresent(plan?.alternative);
}

/**
 * Where a decision stands on the article's migration plan: `written` when
 * both answers are; `missing` for a buy without one (the failure mode
 * "buying without a migration plan"); `not-needed` for a build, which the
 * article does not ask for one; `not-yet` while the tree has no verdict.
 *
 * @public
 */
export type MigrationPlanStanding =
  | 'written'
  | 'missing'
  | 'not-needed'
  | 'not-yet';

/**
 * The {@link MigrationPlanStanding} of a decision whose team decided
 * `decided`.
 *
 * @public
 */
export function migrationPlanStanding(
  decided: Verdict | VerdictKind,
  hasPlan: boolean,
): MigrationPlanStanding {
  if (hasPlan) return 'written';
  if (isBuyVerdict(decided)) return 'missing';
  const kind = typeof decided === 'string' ? decided : decided.kind;
  return kind === 'incomplete' ? 'not-yet' : 'not-needed';
}

/**
 * Each {@link MigrationPlanStanding} in words, for a table cell or a CSV.
 *
 * @public
 */
export const MIGRATION_PLAN_LABELS: Readonly<
  Record<MigrationPlanStanding, string>
> = {
  written: 'Yes',
  missing: 'No migration plan',
  'not-needed': 'Not needed for a build',
  'not-yet': 'Not written yet',
};

/**
 * Whether a group is named to maintain what is decided: for a build, the
 * owner of the 20% of one engineer the article says it needs permanently.
 *
 * @public
 */
export function hasMaintenanceOwner(evaluation: EvaluationDraft): boolean {
  return isPresent(evaluation.maintenance?.ownerGroupRef);
}

/**
 * The candidate a buy verdict chose; undefined for any other verdict.
 *
 * @public
 */
export function chosenCandidate(
  evaluation: EvaluationDraft,
  verdict: Verdict,
): VendorCandidateDraft | undefined {
  if (!isBuyVerdict(verdict)) {
    return undefined;
  }
  return evaluation.candidates?.find(({ id }) => id === verdict.candidateId);
}

/**
 * The reasons a decision needs attention whatever the date: a buy without a
 * migration plan ("you do not have a vendor relationship. You have a
 * dependency."), a build without a maintenance owner ("every system you
 * build becomes a system you maintain").
 *
 * @public
 */
export type AttentionReasonCode =
  | 'buy-without-migration-plan'
  | 'build-without-maintenance-owner';

/**
 * What is true of a decision independently of the day it is looked at.
 * The backend stores these at every save, computed by {@link decisionFacts},
 * and filters on them; nothing else restates how they are decided.
 *
 * They are facts of what the team decided ({@link teamDecisionOf}): the
 * tree's verdict, unless the team recorded another option.
 *
 * @public
 */
export type DecisionFacts = {
  hasMigrationPlan: boolean;
  hasMaintenanceOwner: boolean;
  /** A decision to buy without a migration plan. */
  buyWithoutMigrationPlan: boolean;
  /** A decision to build without a maintenance owner. */
  buildWithoutMaintenanceOwner: boolean;
  /** The reasons above that hold, in that order. */
  attention: AttentionReasonCode[];
  /** The product the team decided to buy, by name. */
  chosenCandidateName?: string;
  /**
   * The weeks of integration a decision to buy commits to (see
   * {@link integrationWeeksOf}); undefined for any other decision, or when
   * nobody estimated them.
   */
  integrationWeeks?: number;
  /** The team decided otherwise than the tree's verdict. */
  decidedAgainstTree: boolean;
  /**
   * A regulated organisation buys without writing down a build fallback
   * (see {@link lacksBuildFallback}): advice, not a reason to revisit.
   */
  regulatedWithoutBuildFallback: boolean;
  /** The organisation profile the verdict was judged for. */
  organisationProfile: OrganisationProfile;
  /**
   * The names of the candidates the team put on the table, as searches
   * compare them ({@link candidateNameKey}), each once, in the order given.
   */
  candidateNameKeys: string[];
};

/**
 * A candidate's name as searches and duplicate checks compare it: in lower
 * case and without white space, so "Vector Cloud", "vectorcloud" and
 * " VECTOR  cloud" are one name.
 *
 * @public
 */
export function candidateNameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en-US').replace(/\s+/gu, '');
}

/**
 * The weeks of integration a decision to buy, `decided`, commits to: the
 * integration cost of the failure-modes checklist, else the chosen
 * product's own integration estimate. Undefined for a decision that buys
 * nothing, or when neither was answered.
 *
 * @public
 */
export function integrationWeeksOf(
  evaluation: EvaluationDraft,
  decided: Verdict,
): number | undefined {
  if (!isBuyVerdict(decided)) {
    return undefined;
  }
  return (
    evaluation.failureModes?.integrationCostWeeks ??
    chosenCandidate(evaluation, decided)?.integrationWeeks
  );
}

/**
 * The organisation profile a decision is judged for: the one the team
 * answered, or a mid-size organisation when it answered none.
 *
 * @public
 */
export function organisationProfileOf(
  evaluation: Pick<EvaluationDraft, 'organisationProfile'>,
): OrganisationProfile {
  return evaluation.organisationProfile ?? 'mid-size';
}

/**
 * Regulated industries: "Start the procurement process early, and have a
 * build fallback if the vendor review stalls." Whether a decision to buy,
 * `decided`, by a regulated organisation has no build fallback written
 * down. The engine's `regulated-without-build-fallback` warning and the
 * dashboard's flag both follow it; neither blocks the decision.
 *
 * @public
 */
export function lacksBuildFallback(
  evaluation: EvaluationDraft,
  decided: Verdict,
): boolean {
  return (
    organisationProfileOf(evaluation) === 'regulated' &&
    isBuyVerdict(decided) &&
    !isPresent(evaluation.regulated?.buildFallback)
  );
}

/**
 * The date-independent facts of a decision whose tree's verdict is
 * `verdict`, judged on what the team decided.
 *
 * @public
 */
export function decisionFacts(
  evaluation: EvaluationDraft,
  verdict: Verdict,
): DecisionFacts {
  const team = teamDecisionOf(evaluation, verdict);
  const decided = team.decision;
  const migrationPlan = hasMigrationPlan(evaluation);
  const maintenanceOwner = hasMaintenanceOwner(evaluation);
  const buyWithoutMigrationPlan = isBuyVerdict(decided) && !migrationPlan;
  const buildWithoutMaintenanceOwner =
    decided.kind === 'build' && !maintenanceOwner;
  const attention: AttentionReasonCode[] = [];
  if (buyWithoutMigrationPlan) attention.push('buy-without-migration-plan');
  if (buildWithoutMaintenanceOwner) {
    attention.push('build-without-maintenance-owner');
  }
  return {
    hasMigrationPlan: migrationPlan,
    hasMaintenanceOwner: maintenanceOwner,
    buyWithoutMigrationPlan,
    buildWithoutMaintenanceOwner,
    attention,
    chosenCandidateName: chosenCandidate(evaluation, decided)?.name,
    integrationWeeks: integrationWeeksOf(evaluation, decided),
    decidedAgainstTree: team.decidedAgainstTree,
    regulatedWithoutBuildFallback: lacksBuildFallback(evaluation, decided),
    organisationProfile: organisationProfileOf(evaluation),
    candidateNameKeys: [
      ...new Set(
        (evaluation.candidates ?? [])
          .map(({ name }) => candidateNameKey(name ?? ''))
          .filter(key => key !== ''),
      ),
    ],
  };
}
