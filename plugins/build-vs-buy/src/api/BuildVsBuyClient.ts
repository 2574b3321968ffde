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
import { ResponseError } from '@backstage/errors';
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

type QueryValue = string | number | string[] | undefined;

function toQuery(params: Record<string, QueryValue>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      value.forEach(item => query.append(key, item));
    } else if (value !== undefined && value !== '') {
      query.append(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function filterParams(
  filter: DecisionFilter & PageRequest = {},
): Record<string, QueryValue> {
  return {
    ownerGroup: filter.ownerGroups,
    system: filter.system,
    verdict: filter.verdict,
    lifecycle: filter.lifecycle,
    limit: filter.limit,
    cursor: filter.cursor,
  };
}

/**
 * Talks to the Build vs Buy backend over HTTP.
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
    return this.request(
      `/evaluations${toQuery({
        entityRef: options.entityRef,
        reviewStatus: options.reviewStatus,
        status: options.status,
        ...filterParams(options),
      })}`,
    );
  }

  async getEvaluation(id: string): Promise<StoredEvaluation> {
    return this.request(`/evaluations/${encodeURIComponent(id)}`);
  }

  async getEvaluationByEntity(
    entityRef: string,
  ): Promise<StoredEvaluation | undefined> {
    const response = await this.send(
      `/entities/${encodeURIComponent(entityRef)}/evaluation`,
    );
    if (response.status === 404) {
      return undefined;
    }
    return this.parse(response);
  }

  async createEvaluation(
    request: CreateEvaluationRequest,
  ): Promise<StoredEvaluation> {
    return this.request('/evaluations', { method: 'POST', body: request });
  }

  async updateEvaluation(
    id: string,
    request: UpdateEvaluationRequest,
  ): Promise<StoredEvaluation> {
    const response = await this.send(`/evaluations/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: request,
    });
    if (response.status === 409) {
      // The conflict body names the version now stored beside the error.
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      const error = await ResponseError.fromResponse(response);
      const current: StoredEvaluation | undefined = body?.current;
      if (current) {
        throw new EvaluationConflictError(
          body?.error?.message ?? error.message,
          error,
          current,
        );
      }
      throw error;
    }
    return this.parse(response);
  }

  async archiveEvaluation(id: string, version: number): Promise<void> {
    const response = await this.send(
      `/evaluations/${encodeURIComponent(id)}${toQuery({ version })}`,
      { method: 'DELETE' },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }

  async listRevisions(
    id: string,
    options: PageRequest = {},
  ): Promise<Page<EvaluationRevisionSummary>> {
    return this.request(
      `/evaluations/${encodeURIComponent(id)}/revisions${toQuery({
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async getRevision(id: string, version: number): Promise<EvaluationRevision> {
    return this.request(
      `/evaluations/${encodeURIComponent(id)}/revisions/${version}`,
    );
  }

  async diffRevisions(
    id: string,
    from: number,
    to: number,
  ): Promise<EvaluationDiff> {
    return this.request(
      `/evaluations/${encodeURIComponent(id)}/diff${toQuery({ from, to })}`,
    );
  }

  async previewEvaluation(
    evaluation: EvaluationDraft,
  ): Promise<EvaluationPreview> {
    return this.request('/evaluate', {
      method: 'POST',
      body: { evaluation },
    });
  }

  async getDashboardList(
    list: DashboardList,
    options: DecisionFilter & PageRequest = {},
  ): Promise<Page<EvaluationSummary>> {
    return this.request(
      `/dashboard/${encodeURIComponent(list)}${toQuery(filterParams(options))}`,
    );
  }

  async getUnevaluatedEntities(
    options: Omit<DecisionFilter, 'verdict'> & PageRequest = {},
  ): Promise<Page<UnevaluatedEntity>> {
    return this.request(
      `/dashboard/not-evaluated${toQuery(filterParams(options))}`,
    );
  }

  async getDecisionSummary(
    options: DecisionFilter = {},
  ): Promise<DecisionSummary> {
    return this.request(`/dashboard/summary${toQuery(filterParams(options))}`);
  }

  async getDashboardCsv(
    list: DashboardListName,
    options: DecisionFilter = {},
  ): Promise<string> {
    const params = filterParams(options);
    if (list === 'not-evaluated') {
      delete params.verdict;
    }
    const response = await this.send(
      `/dashboard/${encodeURIComponent(list)}${toQuery({
        ...params,
        format: 'csv',
      })}`,
      { accept: 'text/csv' },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  private async send(
    path: string,
    options: { method?: string; body?: unknown; accept?: string } = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('build-vs-buy');
    const headers: Record<string, string> = {
      Accept: options.accept ?? 'application/json',
    };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  private async parse<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  private async request<T>(
    path: string,
    options?: { method?: string; body?: unknown },
  ): Promise<T> {
    return this.parse<T>(await this.send(path, options));
  }
}
