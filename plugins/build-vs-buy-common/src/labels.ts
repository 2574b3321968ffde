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

import type { DecisionNode, Verdict, VerdictKind } from './evaluate';
import type { ReviewStatus } from './review';
import type {
  CoverageLevel,
  GapBreadth,
  GapScope,
  OrganisationProfile,
  RequirementBucket,
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
