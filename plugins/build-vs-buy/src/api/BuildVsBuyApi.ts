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

import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ConfirmEvaluationRequest,
  CreateEvaluationRequest,
  CreateVendorEventRequest,
  DashboardList,
  DecisionListFilter,
  DecisionSummary,
  EvaluationDiff,
  ListOrder,
  EvaluationDraft,
  EvaluationPreview,
  EvaluationRevision,
  EvaluationRevisionSummary,
  EvaluationSummary,
  Page,
  PageQuery,
  StoredEvaluation,
  TeamCoverage,
  TeamCoverageOrder,
  UnevaluatedEntity,
  UpdateEvaluationRequest,
  VendorEvent,
  VendorProduct,
  VendorProductOrder,
} from '@build-vs-buy/plugin-build-vs-buy-common';

export type { EvaluationPreview } from '@build-vs-buy/plugin-build-vs-buy-common';

/**
 * Filters shared by the lists of the dashboard: the API's list filter
 * (`DecisionListFilter`), with the owner groups of a multi-select. Empty
 * values are left out of the request.
 *
 * @public
 */
export type DecisionFilter = Pick<
  DecisionListFilter,
  | 'system'
  | 'verdict'
  | 'lifecycle'
  | 'decidedAgainstTree'
  | 'reviewStatus'
  | 'status'
  | 'organisationProfile'
> & {
  /** Group references; a decision matches when its component is owned by any of them. */
  ownerGroups?: string[];
};

/**
 * Cursor pagination of a list.
 *
 * @public
 */
export type PageRequest = PageQuery;

/**
 * Options of `listEvaluations`.
 *
 * @public
 */
export type ListEvaluationsOptions = DecisionFilter &
  PageRequest &
  Pick<DecisionListFilter, 'entityRef' | 'candidate'> & {
    /** Most recently saved first (the default), or earliest revisit first. */
    order?: ListOrder;
  };

/**
 * Options of `getTeamCoverage`: the dashboard's filters that apply to
 * components, an order and a page.
 *
 * @public
 */
export type TeamCoverageOptions = Pick<
  DecisionFilter,
  'ownerGroups' | 'system' | 'lifecycle'
> &
  PageRequest & {
    /** The count to order by, or the owner (the default). */
    order?: TeamCoverageOrder;
    /** The owner ascending and counts the largest first, unless given. */
    direction?: 'asc' | 'desc';
  };

/**
 * Options of `getVendorPortfolio`: an order and a page.
 *
 * @public
 */
export type VendorPortfolioOptions = PageRequest & {
  /** What to order the products by; concentration by default. */
  order?: VendorProductOrder;
  /** The name and the revisit date ascending, counts the largest first, unless given. */
  direction?: 'asc' | 'desc';
};

/**
 * The lists of the dashboard, including the components nobody evaluated.
 *
 * @public
 */
export type DashboardListName = DashboardList | 'not-evaluated';

/**
 * The client of the Build vs Buy backend.
 *
 * @public
 */
export interface BuildVsBuyApi {
  listEvaluations(
    options?: ListEvaluationsOptions,
  ): Promise<Page<EvaluationSummary>>;
  getEvaluation(id: string): Promise<StoredEvaluation>;
  /** The evaluation of an entity, or `undefined` when it has none. */
  getEvaluationByEntity(
    entityRef: string,
  ): Promise<StoredEvaluation | undefined>;
  createEvaluation(request: CreateEvaluationRequest): Promise<StoredEvaluation>;
  /**
   * Saves a new version. Rejects with `EvaluationConflictError` when
   * someone saved since `request.version` was read.
   */
  updateEvaluation(
    id: string,
    request: UpdateEvaluationRequest,
  ): Promise<StoredEvaluation>;
  /**
   * Confirms that a recorded decision is still valid: a new version with
   * the same answers and the note, revisit date one interval from today.
   * Rejects with `EvaluationConflictError` when someone saved since
   * `request.version` was read.
   */
  confirmEvaluation(
    id: string,
    request: ConfirmEvaluationRequest,
  ): Promise<StoredEvaluation>;
  archiveEvaluation(id: string, version: number): Promise<void>;
  listRevisions(
    id: string,
    options?: PageRequest,
  ): Promise<Page<EvaluationRevisionSummary>>;
  getRevision(id: string, version: number): Promise<EvaluationRevision>;
  diffRevisions(id: string, from: number, to: number): Promise<EvaluationDiff>;
  /** The server's verdict for a draft, for the wizard's live preview. */
  previewEvaluation(evaluation: EvaluationDraft): Promise<EvaluationPreview>;
  getDashboardList(
    list: DashboardList,
    options?: DecisionFilter & PageRequest,
  ): Promise<Page<EvaluationSummary>>;
  getUnevaluatedEntities(
    options?: Omit<DecisionFilter, 'verdict' | 'decidedAgainstTree'> &
      PageRequest,
  ): Promise<Page<UnevaluatedEntity>>;
  getDecisionSummary(options?: DecisionFilter): Promise<DecisionSummary>;
  /** A page of all decisions as CSV text. */
  getEvaluationsCsv(
    options?: Omit<ListEvaluationsOptions, 'limit' | 'cursor'>,
  ): Promise<string>;
  /** Coverage by team: each owner group's components by decision. */
  getTeamCoverage(options?: TeamCoverageOptions): Promise<Page<TeamCoverage>>;
  /** A page of coverage by team as CSV text, headed in words. */
  getTeamCoverageCsv(
    options?: Omit<TeamCoverageOptions, 'cursor'>,
  ): Promise<string>;
  /**
   * The vendor portfolio: every product decisions chose to buy, with the
   * components that chose it and what depends on them.
   */
  getVendorPortfolio(
    options?: VendorPortfolioOptions,
  ): Promise<Page<VendorProduct>>;
  /** A page of the vendor portfolio as CSV text, headed in words. */
  getVendorPortfolioCsv(
    options?: Omit<VendorPortfolioOptions, 'cursor'>,
  ): Promise<string>;
  /**
   * Records new information about a product of the vendor portfolio; every
   * complete decision that chose it comes due for revisit. A retry with the
   * same `idempotencyKey` records nothing more and resolves to the event
   * the key recorded.
   */
  recordVendorEvent(request: CreateVendorEventRequest): Promise<VendorEvent>;
  /** The vendor events of a product, the most recently recorded first. */
  listVendorEvents(product: string): Promise<{ items: VendorEvent[] }>;
  /** A dashboard list as CSV text. */
  getDashboardCsv(
    list: DashboardListName,
    options?: DecisionFilter,
  ): Promise<string>;
}

/**
 * The Build vs Buy backend client.
 *
 * @public
 */
export const buildVsBuyApiRef = createApiRef<BuildVsBuyApi>({
  id: 'plugin.build-vs-buy.service',
});
