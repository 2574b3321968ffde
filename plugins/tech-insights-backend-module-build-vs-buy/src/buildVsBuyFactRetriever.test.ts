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
import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  EvaluationSummary,
  UnevaluatedEntity,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { DefaultBuildVsBuyDecisionsService } from '@build-vs-buy/plugin-build-vs-buy-node';
import { createBuildVsBuyFactRetriever } from './buildVsBuyFactRetriever';

const NOW = new Date('2026-03-01T18:30:00Z');

function summary(
  entityRef: string,
  fields: Partial<EvaluationSummary>,
): EvaluationSummary {
  // The team followed the tree unless the test says otherwise.
  const verdict = fields.verdict ?? { kind: 'build' };
  return {
    id: `id-${entityRef}`,
    entityRef,
    version: 1,
    status: 'complete',
    verdict,
    teamDecision: verdict,
    decidedAgainstTree: false,
    regulatedWithoutBuildFallback: false,
    reviewStatus: 'current',
    revisitBy: '2026-09-01',
    hasMigrationPlan: false,
    entity: { missing: false },
    updatedAt: NOW.toISOString(),
    updatedBy: 'user:default/alice',
    ...fields,
  };
}

const decisions: EvaluationSummary[] = [
  summary('component:default/vector-db', {
    verdict: { kind: 'buy', candidateId: 'vc', candidateName: 'VectorCloud' },
    reviewStatus: 'current',
    revisitBy: '2026-08-29',
    hasMigrationPlan: true,
    maintenanceOwnerRef: 'group:default/platform',
  }),
  summary('component:search/retrieval-pipeline', {
    verdict: { kind: 'build' },
    reviewStatus: 'overdue',
    revisitBy: '2026-02-19',
    maintenanceOwnerRef: 'group:search/retrieval',
  }),
  summary('component:default/rag-retriever', {
    verdict: {
      kind: 'buy-with-wrapper',
      candidateId: 'hs',
      candidateName: 'HybridSearch',
      gaps: ['hybrid'],
    },
    reviewStatus: 'due-soon',
    revisitBy: '2026-03-01',
  }),
  summary('component:default/observability', {
    status: 'draft',
    verdict: { kind: 'incomplete' },
    reviewStatus: 'current',
    revisitBy: '2026-09-01',
  }),
  // Not a component: outside the retriever's entity filter.
  summary('system:default/search', { verdict: { kind: 'build' } }),
  // Gone from the catalog: no entity to publish facts for.
  summary('component:default/retired', { entity: { missing: true } }),
];

const notEvaluated: UnevaluatedEntity[] = [
  { entityRef: 'component:default/Billing' },
  { entityRef: 'component:default/checkout' },
  { entityRef: 'component:default/search-ui' },
];

describe('buildVsBuyFactRetriever', () => {
  let server: Server;
  let baseUrl: string;
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  let failList = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(`${url.pathname}${url.search}`);
      authorizations.push(req.headers.authorization);
      const page = <T>(items: T[]) => {
        const limit = Number(url.searchParams.get('limit'));
        const offset = Number(url.searchParams.get('cursor') ?? 0);
        const next = offset + limit;
        return {
          items: items.slice(offset, next),
          nextCursor: next < items.length ? String(next) : undefined,
        };
      };
      res.setHeader('content-type', 'application/json');
      if (failList) {
        res.statusCode = 500;
        res.end('{"error":{"message":"database is down"}}');
      } else if (url.pathname === '/api/build-vs-buy/evaluations') {
        res.end(JSON.stringify(page(decisions)));
      } else if (url.pathname === '/api/build-vs-buy/dashboard/not-evaluated') {
        res.end(JSON.stringify(page(notEvaluated)));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/build-vs-buy`;
  });

  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  beforeEach(() => {
    requests.length = 0;
    authorizations.length = 0;
    failList = false;
  });

  const context = (): FactRetrieverContext => ({
    config: mockServices.rootConfig(),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
    auth: mockServices.auth({ pluginId: 'tech-insights' }),
    urlReader: mockServices.urlReader.mock(),
  });

  const retrieve = async () => {
    const retriever = createBuildVsBuyFactRetriever({
      // The real client of -node, against the fake backend over HTTP.
      decisions: new DefaultBuildVsBuyDecisionsService({
        auth: mockServices.auth({ pluginId: 'tech-insights' }),
        discovery: mockServices.discovery.mock({
          getBaseUrl: async () => baseUrl,
        }),
      }),
      now: () => NOW,
      batchSize: 2,
    });
    const facts = await retriever.handler(context());
    return Object.fromEntries(
      facts.map(fact => [
        `${fact.entity.kind}:${fact.entity.namespace}/${fact.entity.name}`,
        fact.facts,
      ]),
    );
  };

  it('publishes the state of each decision as of the clock', async () => {
    const facts = await retrieve();

    expect(facts['component:default/vector-db']).toEqual({
      verdict: 'buy',
      reviewStatus: 'current',
      hasMigrationPlan: true,
      hasMaintenanceOwner: true,
      daysUntilRevisit: 181,
      decisionCurrent: true,
    });
    expect(facts['component:search/retrieval-pipeline']).toEqual({
      verdict: 'build',
      reviewStatus: 'overdue',
      hasMigrationPlan: false,
      hasMaintenanceOwner: true,
      daysUntilRevisit: -10,
      decisionCurrent: false,
    });
    expect(facts['component:default/rag-retriever']).toEqual({
      verdict: 'buy-with-wrapper',
      reviewStatus: 'due-soon',
      hasMigrationPlan: false,
      hasMaintenanceOwner: false,
      daysUntilRevisit: 0,
      decisionCurrent: false,
    });
  });

  it('never calls a draft a current decision', async () => {
    const facts = await retrieve();

    expect(facts['component:default/observability']).toMatchObject({
      verdict: 'incomplete',
      reviewStatus: 'current',
      decisionCurrent: false,
    });
  });

  it("publishes 'none' for components without a decision", async () => {
    const facts = await retrieve();

    for (const ref of [
      'component:default/Billing',
      'component:default/checkout',
      'component:default/search-ui',
    ]) {
      expect(facts[ref]).toEqual({
        verdict: 'none',
        reviewStatus: 'none',
        hasMigrationPlan: false,
        hasMaintenanceOwner: false,
        decisionCurrent: false,
      });
    }
  });

  it('leaves out what is not a component and entities gone from the catalog', async () => {
    const facts = await retrieve();

    expect(Object.keys(facts).sort()).toEqual([
      'component:default/Billing',
      'component:default/checkout',
      'component:default/observability',
      'component:default/rag-retriever',
      'component:default/search-ui',
      'component:default/vector-db',
      'component:search/retrieval-pipeline',
    ]);
  });

  it('reads in pages, one request per page, never one per entity', async () => {
    await retrieve();

    expect(requests).toEqual([
      '/api/build-vs-buy/evaluations?limit=2',
      '/api/build-vs-buy/evaluations?limit=2&cursor=2',
      '/api/build-vs-buy/evaluations?limit=2&cursor=4',
      '/api/build-vs-buy/dashboard/not-evaluated?limit=2',
      '/api/build-vs-buy/dashboard/not-evaluated?limit=2&cursor=2',
    ]);
  });

  it('fails the run when the backend fails, instead of publishing nothing', async () => {
    failList = true;

    await expect(retrieve()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 500,
    });
  });

  it('calls the backend with a token of tech-insights for build-vs-buy', async () => {
    await retrieve();

    expect(new Set(authorizations)).toEqual(
      new Set([
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:tech-insights'),
          targetPluginId: 'build-vs-buy',
        }),
      ]),
    );
  });
});
