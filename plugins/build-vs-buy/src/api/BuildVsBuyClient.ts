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

import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import createClient, { type Client } from 'openapi-fetch';
import type {
  CreateEvaluationRequest,
  DashboardList,
  DecisionSummary,
  EvaluationDiff,
  EvaluationDraft,
  EvaluationRevision,
  EvaluationRevisionSummary,
  EvaluationSummary,
  Page,
  StoredEvaluation,
  UnevaluatedEntity,
  UpdateEvaluationRequest,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type {
  BuildVsBuyApi,
  DashboardListName,
  DecisionFilter,
  EvaluationPreview,
  ListEvaluationsOptions,
  PageRequest,
} from './BuildVsBuyApi';
import type { paths } from './openapi.generated';

/**
 * A save refused because someone saved the evaluation since the version the
 * user started from. `current` is the version now stored.
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

function pageQuery(page: PageRequest = {}) {
  return { limit: page.limit, cursor: page.cursor };
}

/*
 * The backend answers with the -common wire types: its typed router only
 * compiles when they fit the spec's response schemas, and under test every
 * response is validated against the spec. The spec's types are looser (the
 * outcome's figures are an open object), so responses are read as the
 * -common types here.
 */
function wire<T>(data: unknown): T {
  return data as T;
}

/**
 * Talks to the Build vs Buy backend over HTTP, through a client typed from
 * the backend's OpenAPI spec (`openapi-typescript` + `openapi-fetch`), so
 * paths, parameters and bodies are checked against the spec at compile
 * time.
 *
 * @public
 */
export class BuildVsBuyClient implements BuildVsBuyApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listEvaluations(
    options: ListEvaluationsOptions = {},
  ): Promise<Page<EvaluationSummary>> {
    const { data } = await (
      await this.client()
    ).GET('/evaluations', {
      params: {
        query: {
          entityRef: options.entityRef,
          reviewStatus: options.reviewStatus,
          status: options.status,
          verdict: options.verdict,
          ...filterQuery(options),
          ...pageQuery(options),
        },
      },
    });
    return wire(data);
  }

  async getEvaluation(id: string): Promise<StoredEvaluation> {
    const { data } = await (
      await this.client()
    ).GET('/evaluations/{id}', { params: { path: { id } } });
    return wire(data);
  }

  async getEvaluationByEntity(
    entityRef: string,
  ): Promise<StoredEvaluation | undefined> {
    try {
      const { data } = await (
        await this.client()
      ).GET('/entities/{entityRef}/evaluation', {
        params: { path: { entityRef } },
      });
      return wire(data);
    } catch (error) {
      if ((error as ResponseError).statusCode === 404) {
        return undefined;
      }
      throw error;
    }
  }

  async createEvaluation(
    request: CreateEvaluationRequest,
  ): Promise<StoredEvaluation> {
    const { data } = await (
      await this.client()
    ).POST('/evaluations', { body: request });
    return wire(data);
  }

  async updateEvaluation(
    id: string,
    request: UpdateEvaluationRequest,
  ): Promise<StoredEvaluation> {
    const { data } = await (
      await this.client()
    ).PUT('/evaluations/{id}', {
      params: { path: { id } },
      body: request,
    });
    return wire(data);
  }

  async archiveEvaluation(id: string, version: number): Promise<void> {
    await (
      await this.client()
    ).DELETE('/evaluations/{id}', {
      params: { path: { id }, query: { version } },
    });
  }

  async listRevisions(
    id: string,
    options: PageRequest = {},
  ): Promise<Page<EvaluationRevisionSummary>> {
    const { data } = await (
      await this.client()
    ).GET('/evaluations/{id}/revisions', {
      params: { path: { id }, query: pageQuery(options) },
    });
    return wire(data);
  }

  async getRevision(id: string, version: number): Promise<EvaluationRevision> {
    const { data } = await (
      await this.client()
    ).GET('/evaluations/{id}/revisions/{version}', {
      params: { path: { id, version } },
    });
    return wire(data);
  }

  async diffRevisions(
    id: string,
    from: number,
    to: number,
  ): Promise<EvaluationDiff> {
    const { data } = await (
      await this.client()
    ).GET('/evaluations/{id}/diff', {
      params: { path: { id }, query: { from, to } },
    });
    return wire(data);
  }

  async previewEvaluation(
    evaluation: EvaluationDraft,
  ): Promise<EvaluationPreview> {
    const { data } = await (
      await this.client()
    ).POST('/evaluate', { body: { evaluation } });
    return wire(data);
  }

  async getDashboardList(
    list: DashboardList,
    options: DecisionFilter & PageRequest = {},
  ): Promise<Page<EvaluationSummary>> {
    const { data } = await (
      await this.client()
    ).GET('/dashboard/{list}', {
      params: {
        path: { list },
        query: {
          verdict: options.verdict,
          ...filterQuery(options),
          ...pageQuery(options),
        },
      },
    });
    return wire(data);
  }

  async getUnevaluatedEntities(
    options: Omit<DecisionFilter, 'verdict'> & PageRequest = {},
  ): Promise<Page<UnevaluatedEntity>> {
    const { data } = await (
      await this.client()
    ).GET('/dashboard/not-evaluated', {
      params: { query: { ...filterQuery(options), ...pageQuery(options) } },
    });
    return wire(data);
  }

  async getDecisionSummary(
    options: DecisionFilter = {},
  ): Promise<DecisionSummary> {
    const { data } = await (
      await this.client()
    ).GET('/dashboard/summary', {
      params: { query: { verdict: options.verdict, ...filterQuery(options) } },
    });
    return wire(data);
  }

  async getDashboardCsv(
    list: DashboardListName,
    options: DecisionFilter = {},
  ): Promise<string> {
    const client = await this.client();
    const { data } =
      list === 'not-evaluated'
        ? await client.GET('/dashboard/not-evaluated', {
            params: { query: { ...filterQuery(options), format: 'csv' } },
            headers: { Accept: 'text/csv' },
            parseAs: 'text',
          })
        : await client.GET('/dashboard/{list}', {
            params: {
              path: { list },
              query: {
                verdict: options.verdict,
                ...filterQuery(options),
                format: 'csv',
              },
            },
            headers: { Accept: 'text/csv' },
            parseAs: 'text',
          });
    return data ?? '';
  }

  /*
   * A client for the plugin's current base URL. Failed responses become
   * Backstage ResponseErrors (a stale save an EvaluationConflictError that
   * carries the current version), thrown from the fetch itself so no
   * caller can forget to check.
   */
  private async client(): Promise<Client<paths>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('build-vs-buy');
    return createClient<paths>({
      baseUrl,
      fetch: async request => {
        // Handed on as a URL and init with the body as text: the app's fetch
        // middleware rebuilds requests, and in the browser a Request whose
        // body stream was handed on once cannot be built again.
        const payload =
          request.method === 'GET' || request.method === 'HEAD'
            ? undefined
            : await request.text();
        const response = await this.fetchApi.fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: payload || undefined,
          signal: request.signal,
        });
        if (response.ok) {
          return response;
        }
        const body = await response
          .clone()
          .json()
          .catch(() => undefined);
        const error = await ResponseError.fromResponse(response);
        if (response.status === 409 && body?.current) {
          throw new EvaluationConflictError(
            body.error?.message ?? error.message,
            error,
            body.current,
          );
        }
        throw error;
      },
    });
  }
}
