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

import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  BuildVsBuyHttpClient,
  type ConfirmEvaluationRequest,
  type CreateEvaluationRequest,
  type CreateVendorEventRequest,
  type DashboardList,
  type DecisionSummary,
  type EvaluationDiff,
  type EvaluationDraft,
  type EvaluationPreview,
  type EvaluationRevision,
  type EvaluationRevisionSummary,
  type EvaluationSummary,
  type Page,
  type StoredEvaluation,
  type TeamCoverage,
  type UnevaluatedEntity,
  type UpdateEvaluationRequest,
  type VendorEvent,
  type VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type {
  BuildVsBuyApi,
  DashboardListName,
  DecisionFilter,
  ListEvaluationsOptions,
  PageRequest,
  TeamCoverageOptions,
  VendorPortfolioOptions,
} from './BuildVsBuyApi';

export { EvaluationConflictError } from '@build-vs-buy/plugin-build-vs-buy-common';

/*
 * The filters as the spec names them; empty ones (an unset select) are left
 * out of the query string.
 */
function filterQuery(filter: DecisionFilter = {}) {
  const groups = filter.ownerGroups?.filter(Boolean);
  return {
    ownerGroup: groups?.length ? groups : undefined,
    system: filter.system || undefined,
    lifecycle: filter.lifecycle || undefined,
  };
}

/* The filters of decisions, which components nobody evaluated lack. */
function decisionQuery(filter: DecisionFilter = {}) {
  return {
    verdict: filter.verdict,
    decidedAgainstTree: filter.decidedAgainstTree,
    reviewStatus: filter.reviewStatus,
    status: filter.status,
    organisationProfile: filter.organisationProfile,
    ...filterQuery(filter),
  };
}

function pageQuery(page: PageRequest = {}) {
  return { limit: page.limit, cursor: page.cursor };
}

/**
 * Talks to the Build vs Buy backend through the plugin's one HTTP client
 * (`BuildVsBuyHttpClient` from -common, typed from the backend's OpenAPI
 * spec), with the app's discovery and fetch APIs. Failures are
 * `ResponseError`s; a stale save an `EvaluationConflictError`.
 *
 * @public
 */
export class BuildVsBuyClient implements BuildVsBuyApi {
  private readonly client: BuildVsBuyHttpClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new BuildVsBuyHttpClient(options);
  }

  listEvaluations(
    options: ListEvaluationsOptions = {},
  ): Promise<Page<EvaluationSummary>> {
    return this.client.listEvaluations({
      entityRef: options.entityRef,
      candidate: options.candidate,
      order: options.order,
      ...decisionQuery(options),
      ...pageQuery(options),
    });
  }

  getEvaluation(id: string): Promise<StoredEvaluation> {
    return this.client.getEvaluation({ id });
  }

  async getEvaluationByEntity(
    entityRef: string,
  ): Promise<StoredEvaluation | undefined> {
    // The by-refs read answers "no decision yet", the usual case on an
    // entity page, with an item rather than a 404 in the console.
    const { items } = await this.client.getEntityEvaluationsByRefs({
      entityRefs: [entityRef],
    });
    return items[0];
  }

  createEvaluation(
    request: CreateEvaluationRequest,
  ): Promise<StoredEvaluation> {
    return this.client.createEvaluation(request);
  }

  updateEvaluation(
    id: string,
    request: UpdateEvaluationRequest,
  ): Promise<StoredEvaluation> {
    return this.client.updateEvaluation({ id }, request);
  }

  confirmEvaluation(
    id: string,
    request: ConfirmEvaluationRequest,
  ): Promise<StoredEvaluation> {
    return this.client.confirmEvaluation({ id }, request);
  }

  archiveEvaluation(id: string, version: number): Promise<void> {
    return this.client.archiveEvaluation({ id, version });
  }

  listRevisions(
    id: string,
    options: PageRequest = {},
  ): Promise<Page<EvaluationRevisionSummary>> {
    return this.client.listRevisions({ id }, pageQuery(options));
  }

  getRevision(id: string, version: number): Promise<EvaluationRevision> {
    return this.client.getRevision({ id, version });
  }

  diffRevisions(id: string, from: number, to: number): Promise<EvaluationDiff> {
    return this.client.diffRevisions({ id, from, to });
  }

  previewEvaluation(evaluation: EvaluationDraft): Promise<EvaluationPreview> {
    return this.client.evaluate({ evaluation });
  }

  getDashboardList(
    list: DashboardList,
    options: DecisionFilter & PageRequest = {},
  ): Promise<Page<EvaluationSummary>> {
    return this.client.listDashboard(
      { list },
      { ...decisionQuery(options), ...pageQuery(options) },
    );
  }

  getUnevaluatedEntities(
    options: Omit<DecisionFilter, 'verdict' | 'decidedAgainstTree'> &
      PageRequest = {},
  ): Promise<Page<UnevaluatedEntity>> {
    return this.client.listNotEvaluated({
      ...filterQuery(options),
      ...pageQuery(options),
    });
  }

  getDecisionSummary(options: DecisionFilter = {}): Promise<DecisionSummary> {
    return this.client.getDecisionSummary(decisionQuery(options));
  }

  getTeamCoverage(
    options: TeamCoverageOptions = {},
  ): Promise<Page<TeamCoverage>> {
    return this.client.getTeamCoverage({
      ...filterQuery(options),
      order: options.order,
      direction: options.direction,
      ...pageQuery(options),
    });
  }

  getTeamCoverageCsv(
    options: Omit<TeamCoverageOptions, 'cursor'> = {},
  ): Promise<string> {
    return this.client.getTeamCoverageCsv({
      ...filterQuery(options),
      order: options.order,
      direction: options.direction,
      limit: options.limit,
    });
  }

  getVendorPortfolio(
    options: VendorPortfolioOptions = {},
  ): Promise<Page<VendorProduct>> {
    return this.client.getVendorPortfolio({
      order: options.order,
      direction: options.direction,
      ...pageQuery(options),
    });
  }

  getVendorPortfolioCsv(
    options: Omit<VendorPortfolioOptions, 'cursor'> = {},
  ): Promise<string> {
    return this.client.getVendorPortfolioCsv({
      order: options.order,
      direction: options.direction,
      limit: options.limit,
    });
  }

  recordVendorEvent(request: CreateVendorEventRequest): Promise<VendorEvent> {
    return this.client.recordVendorEvent(request);
  }

  listVendorEvents(product: string): Promise<{ items: VendorEvent[] }> {
    return this.client.listVendorEvents({ product });
  }

  getEvaluationsCsv(
    options: Omit<ListEvaluationsOptions, 'limit' | 'cursor'> = {},
  ): Promise<string> {
    return this.client.getEvaluationsCsv({
      entityRef: options.entityRef,
      candidate: options.candidate,
      order: options.order,
      ...decisionQuery(options),
    });
  }

  getDashboardCsv(
    list: DashboardListName,
    options: DecisionFilter = {},
  ): Promise<string> {
    return list === 'not-evaluated'
      ? this.client.getNotEvaluatedCsv(filterQuery(options))
      : this.client.getDashboardCsv({ list }, decisionQuery(options));
  }
}
