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

// openapi-fetch names its methods after the HTTP verbs (client.GET).
/* eslint-disable new-cap */

import { ResponseError } from '@backstage/errors';
import createClient, { type Client } from 'openapi-fetch';
import type {
  ConfirmEvaluationRequest,
  CreateEvaluationRequest,
  DashboardList,
  DecisionSummary,
  EntityEvaluationsRequest,
  EvaluationDiff,
  EvaluationRevision,
  EvaluationRevisionSummary,
  EvaluationSummary,
  Page,
  StoredEvaluation,
  UnevaluatedEntity,
  UpdateEvaluationRequest,
} from '../api';
import type {
  DashboardListQuery,
  DecisionListPageQuery,
  DecisionSummaryQuery,
  NotEvaluatedQuery,
  TeamCoverageQuery,
  PageQuery,
  VendorPortfolioQuery,
} from '../contract';
import type { Outcome } from '../evaluate';
import type { paths } from '../generated/openapi';
import type { Review } from '../review';
import type { EvaluationDraft } from '../schema';
import type { TeamCoverage } from '../teamCoverage';
import type { VendorProduct } from '../portfolio';
import type { CreateVendorEventRequest, VendorEvent } from '../vendorEvents';

/**
 * A save refused because someone saved the evaluation since the version the
 * caller started from. `current` is the version now stored.
 *
 * @public
 */
export class EvaluationConflictError extends Error {
  readonly name = 'EvaluationConflictError';
  readonly current: StoredEvaluation;
  readonly cause: ResponseError;

  constructor(
    message: string,
    cause: ResponseError,
    current: StoredEvaluation,
  ) {
    super(message);
    this.cause = cause;
    this.current = current;
  }
}

/**
 * What the client needs to reach the backend: where it is, and a fetch that
 * takes a URL and an init (the frontend's `discoveryApi` and `fetchApi`, or
 * a backend's discovery service and `fetch`).
 *
 * @public
 */
export type BuildVsBuyHttpClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch(url: string, init: RequestInit): Promise<Response> };
};

/**
 * Per request: the token to send, for callers whose fetch does not add one
 * (backends calling on behalf of a user or service).
 *
 * @public
 */
export type BuildVsBuyRequestOptions = { token?: string };

/**
 * The outcome and review of posted answers (`POST /evaluate`).
 *
 * @public
 */
export type EvaluationPreview = { outcome: Outcome; review: Review };

/**
 * The one client of the Build vs Buy backend's HTTP API, typed from its
 * OpenAPI spec: paths, parameters and bodies are checked against the spec at
 * compile time, and every response type the spec generates is checked
 * against the -common type it is returned as. A failed request throws a
 * `ResponseError` (a stale update an {@link EvaluationConflictError}).
 *
 * @public
 */
export class BuildVsBuyHttpClient {
  readonly #discoveryApi: BuildVsBuyHttpClientOptions['discoveryApi'];
  readonly #fetchApi: BuildVsBuyHttpClientOptions['fetchApi'];
  /*
   * The ResponseError of each failed response, made from an unread copy
   * before openapi-fetch reads the body into its typed `error`.
   */
  readonly #failures = new WeakMap<Response, Promise<ResponseError>>();

  constructor(options: BuildVsBuyHttpClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  /** One page of decisions as summaries, most recently updated first. */
  async listEvaluations(
    query: DecisionListPageQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<EvaluationSummary>> {
    const page = await this.#read(
      (
        await this.#client(options)
      ).GET('/evaluations', {
        params: { query },
      }),
    );
    return {
      ...page,
      items: page.items.map(item => {
        if ('evaluation' in item) {
          throw new Error(
            'Expected evaluation summaries, got full evaluations',
          );
        }
        return item;
      }),
    };
  }

  /** One page of decisions in full, with answers, outcome and review. */
  async listFullEvaluations(
    query: DecisionListPageQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<StoredEvaluation>> {
    const page = await this.#read(
      (
        await this.#client(options)
      ).GET('/evaluations', {
        params: { query: { ...query, view: 'full' } },
      }),
    );
    return {
      ...page,
      items: page.items.map(item => {
        if (!('evaluation' in item)) {
          throw new Error('Expected full evaluations, got summaries');
        }
        return item;
      }),
    };
  }

  async getEvaluation(
    path: { id: string },
    options?: BuildVsBuyRequestOptions,
  ): Promise<StoredEvaluation> {
    return this.#read(
      (await this.#client(options)).GET('/evaluations/{id}', {
        params: { path },
      }),
    );
  }

  /** The current evaluation of an entity; a 404 when it has none. */
  async getEntityEvaluation(
    path: { entityRef: string },
    options?: BuildVsBuyRequestOptions,
  ): Promise<StoredEvaluation> {
    return this.#read(
      (await this.#client(options)).GET('/entities/{entityRef}/evaluation', {
        params: { path },
      }),
    );
  }

  /**
   * The current evaluation of each entity, in the order named; undefined
   * where an entity has none or the caller may not read it. Unlike
   * {@link BuildVsBuyHttpClient.getEntityEvaluation}, an entity without a
   * decision is not an error (and leaves none in a browser's console).
   */
  async getEntityEvaluationsByRefs(
    body: EntityEvaluationsRequest,
    options?: BuildVsBuyRequestOptions,
  ): Promise<{ items: Array<StoredEvaluation | undefined> }> {
    const { items } = await this.#read(
      (
        await this.#client(options)
      ).POST('/entities/evaluations/by-refs', {
        body,
      }),
    );
    return { items: items.map(item => item ?? undefined) };
  }

  async createEvaluation(
    body: CreateEvaluationRequest,
    options?: BuildVsBuyRequestOptions,
  ): Promise<StoredEvaluation> {
    return this.#read(
      (await this.#client(options)).POST('/evaluations', { body }),
    );
  }

  /**
   * Saves the next version; rejects with {@link EvaluationConflictError}
   * when someone saved since `body.version` was read.
   */
  async updateEvaluation(
    path: { id: string },
    body: UpdateEvaluationRequest,
    options?: BuildVsBuyRequestOptions,
  ): Promise<StoredEvaluation> {
    return this.#save(
      (await this.#client(options)).PUT('/evaluations/{id}', {
        params: { path },
        body,
      }),
    );
  }

  /**
   * Confirms that a recorded decision is still valid: the next version keeps
   * the answers, records the note and moves the revisit date one interval
   * ahead of today. Rejects with {@link EvaluationConflictError} when
   * someone saved since `body.version` was read, and with a 409
   * `ResponseError` when the decision is a draft or archived.
   */
  async confirmEvaluation(
    path: { id: string },
    body: ConfirmEvaluationRequest,
    options?: BuildVsBuyRequestOptions,
  ): Promise<StoredEvaluation> {
    return this.#save(
      (await this.#client(options)).POST('/evaluations/{id}/confirm', {
        params: { path },
        body,
      }),
    );
  }

  /** Archives the evaluation at `version`; it stays in history. */
  async archiveEvaluation(
    request: { id: string; version: number },
    options?: BuildVsBuyRequestOptions,
  ): Promise<void> {
    const { response } = await (
      await this.#client(options)
    ).DELETE('/evaluations/{id}', {
      params: { path: { id: request.id }, query: { version: request.version } },
    });
    const failure = this.#failures.get(response);
    if (failure) {
      throw await failure;
    }
  }

  async listRevisions(
    path: { id: string },
    query: PageQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<EvaluationRevisionSummary>> {
    return this.#read(
      (await this.#client(options)).GET('/evaluations/{id}/revisions', {
        params: { path, query },
      }),
    );
  }

  async getRevision(
    path: { id: string; version: number },
    options?: BuildVsBuyRequestOptions,
  ): Promise<EvaluationRevision> {
    return this.#read(
      (await this.#client(options)).GET(
        '/evaluations/{id}/revisions/{version}',
        { params: { path } },
      ),
    );
  }

  async diffRevisions(
    request: { id: string; from: number; to: number },
    options?: BuildVsBuyRequestOptions,
  ): Promise<EvaluationDiff> {
    return this.#read(
      (await this.#client(options)).GET('/evaluations/{id}/diff', {
        params: {
          path: { id: request.id },
          query: { from: request.from, to: request.to },
        },
      }),
    );
  }

  /** The outcome and review of answers, computed without storing them. */
  async evaluate(
    body: { evaluation: EvaluationDraft },
    options?: BuildVsBuyRequestOptions,
  ): Promise<EvaluationPreview> {
    return this.#read(
      (await this.#client(options)).POST('/evaluate', { body }),
    );
  }

  async getDecisionSummary(
    query: DecisionSummaryQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<DecisionSummary> {
    return this.#read(
      (await this.#client(options)).GET('/dashboard/summary', {
        params: { query },
      }),
    );
  }

  /** One page of the catalog components that have no evaluation yet. */
  async listNotEvaluated(
    query: NotEvaluatedQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<UnevaluatedEntity>> {
    return this.#read(
      (await this.#client(options)).GET('/dashboard/not-evaluated', {
        params: { query },
      }),
    );
  }

  /**
   * The view of {@link BuildVsBuyHttpClient.listNotEvaluated} as CSV, in words:
   * the whole view without a `limit`, else that one page.
   */
  async getNotEvaluatedCsv(
    query: NotEvaluatedQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<string> {
    return this.#read(
      (await this.#client(options)).GET('/dashboard/not-evaluated', {
        params: { query: { ...query, format: 'csv' } },
        headers: { Accept: 'text/csv' },
        parseAs: 'text',
      }),
    );
  }

  /** One page of coverage by team: each owner group's components by decision. */
  async getTeamCoverage(
    query: TeamCoverageQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<TeamCoverage>> {
    return this.#read(
      (await this.#client(options)).GET('/coverage/teams', {
        params: { query },
      }),
    );
  }

  /**
   * The view of {@link BuildVsBuyHttpClient.getTeamCoverage} as CSV, in words:
   * the whole view without a `limit`, else that one page.
   */
  async getTeamCoverageCsv(
    query: TeamCoverageQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<string> {
    return this.#read(
      (await this.#client(options)).GET('/coverage/teams', {
        params: { query: { ...query, format: 'csv' } },
        headers: { Accept: 'text/csv' },
        parseAs: 'text',
      }),
    );
  }

  /** One page of the vendor portfolio: every product decisions chose to buy. */
  async getVendorPortfolio(
    query: VendorPortfolioQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<VendorProduct>> {
    return this.#read(
      (await this.#client(options)).GET('/portfolio/products', {
        params: { query },
      }),
    );
  }

  /**
   * The view of {@link BuildVsBuyHttpClient.getVendorPortfolio} as CSV, in words:
   * the whole view without a `limit`, else that one page.
   */
  async getVendorPortfolioCsv(
    query: VendorPortfolioQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<string> {
    return this.#read(
      (await this.#client(options)).GET('/portfolio/products', {
        params: { query: { ...query, format: 'csv' } },
        headers: { Accept: 'text/csv' },
        parseAs: 'text',
      }),
    );
  }

  /**
   * Records a vendor event against a product; every decision that chose it
   * becomes due for revisit. A retry with the same `idempotencyKey` returns
   * the event that key recorded.
   */
  async recordVendorEvent(
    body: CreateVendorEventRequest,
    options?: BuildVsBuyRequestOptions,
  ): Promise<VendorEvent> {
    return this.#read(
      (await this.#client(options)).POST('/portfolio/products/events', {
        body,
      }),
    );
  }

  /** The vendor events of a product, the most recently recorded first. */
  async listVendorEvents(
    query: { product: string },
    options?: BuildVsBuyRequestOptions,
  ): Promise<{ items: VendorEvent[] }> {
    return this.#read(
      (await this.#client(options)).GET('/portfolio/products/events', {
        params: { query },
      }),
    );
  }

  /** One page of a dashboard list of decisions that need attention. */
  async listDashboard(
    path: { list: DashboardList },
    query: DashboardListQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<Page<EvaluationSummary>> {
    return this.#read(
      (await this.#client(options)).GET('/dashboard/{list}', {
        params: { path, query },
      }),
    );
  }

  /**
   * The view of {@link BuildVsBuyHttpClient.listEvaluations} as CSV, in words:
   * the whole view without a `limit`, else that one page.
   */
  async getEvaluationsCsv(
    query: DecisionListPageQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<string> {
    return this.#read(
      (await this.#client(options)).GET('/evaluations', {
        params: { query: { ...query, format: 'csv' } },
        headers: { Accept: 'text/csv' },
        parseAs: 'text',
      }),
    );
  }

  /**
   * The view of {@link BuildVsBuyHttpClient.listDashboard} as CSV, in words:
   * the whole view without a `limit`, else that one page.
   */
  async getDashboardCsv(
    path: { list: DashboardList },
    query: DashboardListQuery = {},
    options?: BuildVsBuyRequestOptions,
  ): Promise<string> {
    return this.#read(
      (await this.#client(options)).GET('/dashboard/{list}', {
        params: { path, query: { ...query, format: 'csv' } },
        headers: { Accept: 'text/csv' },
        parseAs: 'text',
      }),
    );
  }

  /*
   * The stored evaluation a save answers; a 409 that carries the current
   * record throws an EvaluationConflictError, any other failure its
   * ResponseError.
   */
  async #save(
    request: Promise<{
      data?: StoredEvaluation;
      error?: { error: { message: string }; current?: StoredEvaluation };
      response: Response;
    }>,
  ): Promise<StoredEvaluation> {
    const result = await request;
    const failure = this.#failures.get(result.response);
    if (failure) {
      const cause = await failure;
      throw result.error?.current
        ? new EvaluationConflictError(
            result.error.error.message,
            cause,
            result.error.current,
          )
        : cause;
    }
    return this.#read(Promise.resolve(result));
  }

  /* The body of a successful response; a failure throws a ResponseError. */
  async #read<T>(
    request: Promise<{ data?: T; response: Response }>,
  ): Promise<T> {
    const { data, response } = await request;
    const failure = this.#failures.get(response);
    if (failure) {
      throw await failure;
    }
    if (data === undefined) {
      throw new Error(
        `Build vs Buy backend answered ${response.status} without a body`,
      );
    }
    return data;
  }

  /* A client for the plugin's current base URL. */
  async #client(
    options: BuildVsBuyRequestOptions = {},
  ): Promise<Client<paths, 'application/json'>> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('build-vs-buy');
    return createClient<paths, 'application/json'>({
      baseUrl,
      headers: options.token
        ? { Authorization: `Bearer ${options.token}` }
        : undefined,
      fetch: async request => {
        // Handed on as a URL and init with the body as text: the app's fetch
        // middleware rebuilds requests, and in the browser a Request whose
        // body stream was handed on once cannot be built again.
        const payload =
          request.method === 'GET' || request.method === 'HEAD'
            ? undefined
            : await request.text();
        const response = await this.#fetchApi.fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: payload || undefined,
          signal: request.signal,
        });
        if (!response.ok) {
          this.#failures.set(
            response,
            ResponseError.fromResponse(response.clone()),
          );
        }
        return response;
      },
    });
  }
}
