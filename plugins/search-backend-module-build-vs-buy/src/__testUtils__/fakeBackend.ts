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

import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  evaluate,
  reviewStatus,
  lacksBuildFallback,
  teamDecisionOf,
  type EvaluationSummary,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';

export const NOW = new Date('2026-03-01T12:00:00Z');

/**
 * A stored evaluation built from one of the article's examples, as the
 * backend would serve it: the verdict and review computed by the real engine.
 */
export function storedExample(
  key: string,
  overrides: Partial<StoredEvaluation> = {},
): StoredEvaluation {
  const example = EXAMPLE_EVALUATIONS.find(e => e.key === key);
  if (!example) throw new Error(`No example ${key}`);
  const outcome = evaluate(example.evaluation, { now: NOW });
  return {
    id: `id-${key}`,
    entityRef: example.evaluation.entityRef,
    version: 1,
    status: 'complete',
    evaluation: example.evaluation,
    outcome,
    review: reviewStatus(example.evaluation, NOW, {
      verdict: outcome.verdict,
      decidedAt: NOW,
    }),
    entity: {
      title: example.title,
      ownerRef: 'group:default/team-a',
      missing: false,
    },
    createdAt: NOW.toISOString(),
    createdBy: 'user:default/alice',
    updatedAt: NOW.toISOString(),
    updatedBy: 'user:default/alice',
    ...overrides,
  };
}

export function summaryOf(stored: StoredEvaluation): EvaluationSummary {
  const team = teamDecisionOf(stored.evaluation, stored.outcome.verdict);
  return {
    id: stored.id,
    entityRef: stored.entityRef,
    version: stored.version,
    status: stored.status,
    verdict: stored.outcome.verdict,
    teamDecision: team.decision,
    decidedAgainstTree: team.decidedAgainstTree,
    regulatedWithoutBuildFallback: lacksBuildFallback(
      stored.evaluation,
      team.decision,
    ),
    reviewStatus: stored.review.status,
    revisitBy: stored.review.revisitBy,
    maintenanceOwnerRef: stored.evaluation.maintenance?.ownerGroupRef,
    hasMigrationPlan: Boolean(
      stored.evaluation.failureModes?.migrationPlan?.alternative,
    ),
    entity: stored.entity,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

export type FakeBackend = {
  baseUrl: string;
  /** Every request: path with query, and its Authorization header. */
  requests: { url: string; authorization?: string }[];
  close(): Promise<void>;
};

/**
 * A real HTTP server that answers like the Build vs Buy backend's
 * `GET /evaluations` (offset cursors; `view=full` for whole evaluations)
 * and `GET /evaluations/:id`.
 */
export async function startFakeBackend(options: {
  /** What the list serves, in order. */
  listed: StoredEvaluation[];
  /** What `GET /evaluations/:id` serves; defaults to `listed`. */
  stored?: StoredEvaluation[];
  /** Answer the list with this status instead. */
  listStatus?: number;
}): Promise<FakeBackend> {
  const requests: FakeBackend['requests'] = [];
  const stored = options.stored ?? options.listed;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
    });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/build-vs-buy/evaluations') {
      if (options.listStatus) {
        send(options.listStatus, { error: { message: 'store unavailable' } });
        return;
      }
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const next = offset + limit;
      const full = url.searchParams.get('view') === 'full';
      send(200, {
        items: options.listed
          .slice(offset, next)
          .map(item => (full ? item : summaryOf(item))),
        nextCursor: next < options.listed.length ? String(next) : undefined,
      });
      return;
    }
    const match = url.pathname.match(
      /^\/api\/build-vs-buy\/evaluations\/(.+)$/,
    );
    const found =
      match && stored.find(s => s.id === decodeURIComponent(match[1]));
    if (found) {
      send(200, found);
      return;
    }
    send(404, { error: { name: 'NotFoundError', message: 'No evaluation' } });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/build-vs-buy`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}
