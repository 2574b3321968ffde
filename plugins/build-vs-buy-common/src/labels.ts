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
import type {
  CandidateStanding,
  DecisionNode,
  Verdict,
  VerdictKind,
} from './evaluate';
import type { ReviewReasonCode, ReviewStatus } from './review';
import type {
  CoverageLevel,
  GapBreadth,
  GapScope,
  OrganisationProfile,
  RequirementBucket,
  RequirementsStability,
} from './schema';

/**
 * Short labels of the verdict kinds.
 *
 * @public
 */
export const VERDICT_LABELS: Record<VerdictKind, string> = {
  build: 'Build in-house',
  buy: 'Buy',
  'buy-with-wrapper': 'Buy with a thin wrapper',
  'no-qualifying-candidate': 'No qualifying candidate',
  incomplete: 'Incomplete',
};

/**
 * A verdict in words, naming the candidate of a buy:
 * `Buy Acme Vector`, `Buy Acme Vector with a thin wrapper over 2 gaps`.
 * The team's decision reads the same way (see `teamDecisionOf`); a
 * wrapper the team chose over no classified narrow gap reads
 * `Buy Acme Vector with a thin wrapper`.
 *
 * @public
 */
export function verdictLabel(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'buy':
      return `Buy ${verdict.candidateName}`;
    case 'buy-with-wrapper':
      if (verdict.gaps.length === 0) {
        return `Buy ${verdict.candidateName} with a thin wrapper`;
      }
      return `Buy ${verdict.candidateName} with a thin wrapper over ${
        verdict.gaps.length
      } ${verdict.gaps.length === 1 ? 'gap' : 'gaps'}`;
    case 'no-qualifying-candidate':
      return 'No qualifying candidate: find another vendor';
    default:
      return VERDICT_LABELS[verdict.kind];
  }
}

/**
 * The article's question at each node.
 *
 * @public
 */
export const DECISION_NODE_LABELS: Record<DecisionNode, string> = {
  prerequisites: 'Prerequisites',
  'core-differentiator': 'Node 1: Is it a core differentiator?',
  'mature-option': 'Node 2: Does a mature commercial option exist?',
  'requirements-coverage': 'Node 3: Does it meet 80%+ of requirements?',
  'gap-classification': 'Node 4: Are the gaps in core or edge cases?',
  maintenance: 'Node 5: Can you maintain it long-term?',
};

/** @public */
export const REQUIREMENT_BUCKET_LABELS: Record<RequirementBucket, string> = {
  must: 'Must-have',
  should: 'Should-have',
  nice: 'Nice-to-have',
};

/**
 * The article's definition of each bucket, shown beside the bucket field.
 *
 * @public
 */
export const REQUIREMENT_BUCKET_DEFINITIONS: Record<RequirementBucket, string> =
  {
    must: 'The product fails for your use case without these. Non-negotiable.',
    should:
      'Important but workable gaps. You can live without them for six to twelve months with some manual process or wrapper code.',
    nice: 'Features you would use but do not need. Do not factor these into the decision.',
  };

/**
 * How Node 3 and Node 4 score requirements, in words: the article's 80%
 * line and the plugin's own choices (partial credit, a partially met
 * must-have), with the values in force.
 *
 * @public
 */
export function scoringRules(settings: {
  coverageThreshold: number;
  partialCredit: number;
}): { rule: string; source: 'article' | 'plugin' }[] {
  const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
  return [
    {
      rule: `A product passes Node 3 when it meets every must-have and covers at least ${percent(
        settings.coverageThreshold,
      )} of the should-haves your workload needs.`,
      source: 'article',
    },
    {
      rule: 'A product missing a must-have is out: "No amount of discount or roadmap promise compensates for a missing must-have."',
      source: 'article',
    },
    {
      rule: `A should-have met partially counts as ${percent(
        settings.partialCredit,
      )} covered.`,
      source: 'plugin',
    },
    {
      rule: 'A must-have met only partially is a core gap, classified at Node 4 as narrow or broad.',
      source: 'plugin',
    },
    {
      rule: 'Nice-to-haves and requirements your workload does not need are never gaps.',
      source: 'article',
    },
  ];
}

/** @public */
export const COVERAGE_LEVEL_LABELS: Record<CoverageLevel, string> = {
  met: 'Met',
  partial: 'Partial',
  missing: 'Missing',
};

/** @public */
export const GAP_SCOPE_LABELS: Record<GapScope, string> = {
  core: 'Core: affects the primary user flow',
  edge: 'Edge: affects unusual scenarios',
};

/** @public */
export const GAP_BREADTH_LABELS: Record<GapBreadth, string> = {
  narrow: 'Narrow: a thin wrapper can fill it',
  broad: 'Broad: an entire category of functionality',
};

/** @public */
export const ORGANISATION_PROFILE_LABELS: Record<OrganisationProfile, string> =
  {
    'early-stage-startup': 'Early-stage startup',
    'mid-size': 'Mid-size (10-50 engineers)',
    'large-enterprise': 'Large enterprise',
    regulated: 'Regulated industry',
  };

/** @public */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  current: 'Current',
  'due-soon': 'Revisit due soon',
  overdue: 'Revisit overdue',
};

/**
 * Where a candidate ended up in the walk, in words.
 *
 * @public
 */
export const CANDIDATE_STANDING_LABELS: Record<CandidateStanding, string> = {
  'not-mature': 'ruled out at Node 2: not mature',
  'missing-must-have': 'ruled out at Node 3: misses a must-have',
  'below-threshold': 'ruled out at Node 3: covers too few should-haves',
  'broad-core-gap': 'ruled out at Node 4: a broad core gap',
  'runner-up': 'qualified, not chosen',
  chosen: 'chosen',
  'not-assessed': 'not assessed: the walk did not reach it',
};

/** @public */
export const REQUIREMENTS_STABILITY_LABELS: Record<
  RequirementsStability,
  string
> = {
  stable: 'Stable',
  shifting: 'Shifting',
  unstable: 'Unstable',
};

/**
 * An evaluation's status in words. A draft is work in progress, never a
 * current decision.
 *
 * @public
 */
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: 'Draft in progress',
  complete: 'Decided',
  archived: 'Archived',
};

/**
 * What the owners of a decision do about each reason of its review status.
 *
 * @public
 */
export const REVIEW_REASON_ACTIONS: Record<ReviewReasonCode, string> = {
  'revisit-date-passed':
    'Open the decision and confirm it is still valid or re-evaluate.',
  'revisit-date-near':
    'Open the decision and confirm it is still valid or re-evaluate.',
  'revisit-date-not-set': 'Set a revisit date on the decision.',
  'buy-without-migration-plan':
    'Add a migration plan: how you would extract your data and the alternative you would switch to.',
  'build-without-maintenance-owner':
    'Name the group that will maintain it: 20% of one engineer, permanently.',
  'vendor-event':
    'Open the decision and confirm it is still valid with what is now known of the product, or re-evaluate.',
  'catalog-change':
    'Open the decision, read what changed in the catalog, and confirm it is still valid or re-evaluate.',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A month of revisit dates, `YYYY-MM` as the dashboard's counts key it, in
 * words: `December 2026`. Anything else is returned as it is.
 *
 * @public
 */
export function revisitMonthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match && MONTH_NAMES[Number(match[2]) - 1];
  return name ? `${name} ${match[1]}` : month;
}
