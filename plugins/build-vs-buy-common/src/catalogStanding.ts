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
import type { ReviewStatus } from './review';

/**
 * Where a component stands in the catalog, for its column and its filter:
 * no decision yet (none, or only a draft), a decision due for revisit (the
 * dashboard's "Due for revisit" list: due soon or overdue), or a current one.
 *
 * @public
 */
export const CATALOG_STANDINGS = [
  'no-decision',
  'due-for-revisit',
  'current',
] as const;

/**
 * One of {@link CATALOG_STANDINGS}.
 *
 * @public
 */
export type CatalogStanding = (typeof CATALOG_STANDINGS)[number];

/**
 * Each catalog standing in words, as the catalog's filter offers it.
 *
 * @public
 */
export const CATALOG_STANDING_LABELS: Record<CatalogStanding, string> = {
  'no-decision': 'No decision',
  'due-for-revisit': 'Due for revisit',
  current: 'Current',
};

/**
 * The standing of a component whose decision, if any, is `decision`. A
 * draft is no decision yet; a complete one is due for revisit unless its
 * review status is current.
 *
 * @public
 */
export function catalogStandingOf(
  decision:
    | { status: EvaluationStatus; reviewStatus: ReviewStatus }
    | undefined,
): CatalogStanding {
  if (decision?.status !== 'complete') {
    return 'no-decision';
  }
  return decision.reviewStatus === 'current' ? 'current' : 'due-for-revisit';
}
