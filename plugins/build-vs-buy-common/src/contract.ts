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

import type { components, operations } from './generated/openapi';

/*
 * The HTTP contract of the backend, named once: the list formats, views
 * and filters, derived from the types generated from the backend's OpenAPI
 * spec (src/generated/openapi.ts). The domain's own enums (VERDICT_KINDS,
 * EVALUATION_STATUSES, REVIEW_STATUSES) live beside their types;
 * contract.test.ts fails to compile when the spec and any of these lists
 * disagree.
 */

/**
 * The schemas of the backend's OpenAPI spec, as generated types.
 *
 * @public
 */
export type BuildVsBuyApiSchemas = components['schemas'];

/**
 * The formats a list can be read in: JSON, or the same page as CSV.
 *
 * @public
 */
export const LIST_FORMATS = ['json', 'csv'] as const;

/** @public */
export type ListFormat = (typeof LIST_FORMATS)[number];

/**
 * `summary` lists evaluations without their answers; `full` with them, their
 * outcome and review.
 *
 * @public
 */
export const LIST_VIEWS = ['summary', 'full'] as const;

/** @public */
export type ListView = (typeof LIST_VIEWS)[number];

/**
 * The orders `GET /evaluations` lists in: `updated`, the most recently
 * saved first (the default), or `revisit`, the earliest revisit date first.
 *
 * @public
 */
export const LIST_ORDERS = ['updated', 'revisit'] as const;

/**
 * An order of `GET /evaluations`.
 *
 * @public
 */
export type ListOrder = (typeof LIST_ORDERS)[number];

/**
 * The query of `GET /evaluations`: the list filter, a page and a view.
 *
 * @public
 */
export type DecisionListQuery = NonNullable<
  operations['ListEvaluations']['parameters']['query']
>;

/**
 * The query of `GET /evaluations` without the view and the format, which
 * the client's method names instead.
 *
 * @public
 */
export type DecisionListPageQuery = Omit<DecisionListQuery, 'view' | 'format'>;

/**
 * Which decisions a list holds: the filters the lists of the API share.
 * `ownerGroup` matches the entity's owner or the maintenance owner; without
 * a `status`, archived evaluations are left out; `decidedAgainstTree` keeps
 * the decisions that did (`true`) or did not (`false`) go against the
 * tree's verdict.
 *
 * @public
 */
export type DecisionListFilter = Omit<
  DecisionListQuery,
  'limit' | 'cursor' | 'view' | 'order' | 'format'
>;

/**
 * The names of the list filter's fields, for readers of a query string.
 *
 * @public
 */
export const DECISION_LIST_FILTER_KEYS = [
  'entityRef',
  'ownerGroup',
  'system',
  'verdict',
  'lifecycle',
  'status',
  'reviewStatus',
  'decidedAgainstTree',
  'organisationProfile',
  'candidate',
] as const satisfies readonly (keyof DecisionListFilter)[];

/**
 * One page of a list: its size (1 to 500, 50 by default) and the
 * `nextCursor` of the previous page.
 *
 * @public
 */
export type PageQuery = Pick<DecisionListQuery, 'limit' | 'cursor'>;

/**
 * The query of a dashboard list (`GET /dashboard/{list}`).
 *
 * @public
 */
export type DashboardListQuery = Omit<
  NonNullable<operations['ListAttention']['parameters']['query']>,
  'format'
>;

/**
 * The query of `GET /dashboard/not-evaluated`: components have no verdict,
 * review or status to filter on.
 *
 * @public
 */
export type NotEvaluatedQuery = Omit<
  NonNullable<operations['ListNotEvaluated']['parameters']['query']>,
  'format'
>;

/**
 * The query of `GET /dashboard/summary`.
 *
 * @public
 */
export type DecisionSummaryQuery = NonNullable<
  operations['DashboardSummary']['parameters']['query']
>;

/**
 * The query of `GET /coverage/teams`: the dashboard's filters that apply to
 * components, an order and a page.
 *
 * @public
 */
export type TeamCoverageQuery = Omit<
  NonNullable<operations['TeamCoverage']['parameters']['query']>,
  'format'
>;

/**
 * The query of `GET /portfolio/products`: an order and a page.
 *
 * @public
 */
export type VendorPortfolioQuery = Omit<
  NonNullable<operations['VendorPortfolio']['parameters']['query']>,
  'format'
>;
