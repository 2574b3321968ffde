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

import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- a test bench of the backend plugin, never shipped
import buildVsBuyPlugin from '@build-vs-buy/plugin-build-vs-buy-backend';
import {
  EvaluationDraft,
  toIsoDate,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { Knex } from 'knex';

/** Where the plugin's routes are mounted in a test backend. */
export const API = '/api/build-vs-buy';

/** The HTTP server `startTestBackend` returns, for supertest. */
export type TestServer = Awaited<ReturnType<typeof startTestBackend>>['server'];

/** The components the suites evaluate: `component:default/service-0` ... */
export const COMPONENT_COUNT = 60;

export const componentRef = (index: number) =>
  `component:default/service-${index}`;

/**
 * A small catalog: the example vector database with its owner and
 * maintenance group, and numbered services owned by the same group.
 */
export const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'vector-database', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'applied-ml-startup',
      system: 'storefront',
      lifecycle: 'production',
    },
  },
  ...Array.from({ length: COMPONENT_COUNT }, (_, index) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `service-${index}`, namespace: 'default' },
    spec: { type: 'service', owner: 'applied-ml-startup' },
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ml-platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'applied-ml-startup', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/**
 * The article's e-commerce vector database example, for a given entity,
 * maintained by ml-platform and due for revisit four months from today.
 */
export function exampleEvaluation(
  entityRef = 'component:default/vector-database',
): EvaluationDraft {
  return {
    ...ecommerceVectorDatabase,
    entityRef,
    maintenance: {
      ...ecommerceVectorDatabase.maintenance,
      ownerGroupRef: 'group:default/ml-platform',
    },
    revisitBy: toIsoDate(new Date(Date.now() + 120 * 86_400_000)),
  };
}

/**
 * Starts the real build-vs-buy backend plugin on the given test database,
 * with the mock catalog (the catalog is not what these suites test) and
 * any further features, e.g. the permission backend.
 */
export async function startPlugin(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  features?: Parameters<typeof startTestBackend>[0]['features'];
  /** App config beside the plugin's own, e.g. `permission.enabled`. */
  config?: Record<string, unknown>;
}): Promise<{ server: TestServer; knex: Knex; stop: () => Promise<void> }> {
  const knex = await options.databases.init(options.databaseId);
  const backend = await startTestBackend({
    features: [
      buildVsBuyPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      // Every response is checked against the OpenAPI spec too.
      mockServices.rootConfig.factory({
        data: { ...options.config, buildVsBuy: { validateResponses: true } },
      }),
      ...(options.features ?? []),
    ],
  });
  return { server: backend.server, knex, stop: () => backend.stop() };
}

/** Rows in both tables, to prove a rejected request stored nothing. */
export async function rowCounts(
  knex: Knex,
): Promise<{ evaluations: number; revisions: number }> {
  const [[evaluations], [revisions]] = await Promise.all([
    knex('evaluations').count({ count: '*' }),
    knex('evaluation_revisions').count({ count: '*' }),
  ]);
  return {
    evaluations: Number(evaluations.count),
    revisions: Number(revisions.count),
  };
}

/**
 * Every way an evaluation can be half-written: its current version without
 * a revision row, gaps or extra rows in its history, or a current row whose
 * answers differ from the revision of the same version. An empty list means
 * the tables agree.
 */
export async function historyProblems(knex: Knex): Promise<string[]> {
  const evaluations = await knex('evaluations').select(
    'id',
    'version',
    'status',
    'evaluation',
  );
  const revisions = await knex('evaluation_revisions')
    .select('evaluation_id', 'version', 'status', 'evaluation')
    .orderBy(['evaluation_id', 'version']);
  const byId = new Map<string, typeof revisions>();
  for (const revision of revisions) {
    const list = byId.get(revision.evaluation_id) ?? [];
    list.push(revision);
    byId.set(revision.evaluation_id, list);
  }
  const problems: string[] = [];
  for (const evaluation of evaluations) {
    const history = byId.get(evaluation.id) ?? [];
    byId.delete(evaluation.id);
    const versions = history.map(r => Number(r.version));
    const expected = Array.from(
      { length: Number(evaluation.version) },
      (_, i) => i + 1,
    );
    if (versions.join() !== expected.join()) {
      problems.push(
        `${evaluation.id} is at version ${
          evaluation.version
        } but its revisions are [${versions.join(', ')}]`,
      );
      continue;
    }
    const last = history[history.length - 1];
    if (
      last.evaluation !== evaluation.evaluation ||
      last.status !== evaluation.status
    ) {
      problems.push(
        `${evaluation.id}: revision ${evaluation.version} differs from the current row`,
      );
    }
  }
  for (const id of byId.keys()) {
    problems.push(`revisions of ${id} have no evaluation`);
  }
  return problems;
}
