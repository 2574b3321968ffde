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

import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { connectToTestDatabase } from './__testUtils__/postgres';
import request from 'supertest';
import buildVsBuyPlugin from '.';

jest.setTimeout(120_000);

const DECISIONS = 8;

const entities: Entity[] = [
  ...Array.from({ length: DECISIONS }, (_, index) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `store-${index}`, namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/search',
      lifecycle: 'experimental',
    },
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'search', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: ['alice', 'bob'].map(name => ({
      type: 'hasMember',
      targetRef: `user:default/${name}`,
    })),
  },
  ...['alice', 'bob'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: ['group:default/search'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/search' }],
  })),
];

/*
 * Two replicas of a backend, each with its own connections to one
 * PostgreSQL database, each running the real scheduler and the real
 * notifications backend. The revisit scan runs every second on both. What
 * this proves is the deployment as a whole: the scheduler's global lock and
 * the recorded notices together send each notice once. The claim itself is
 * raced directly, two scans at once, in service/revisitScan.test.ts.
 */
describe('the revisit scan on two replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'notifies each decision once, whichever replica scans, %p',
    async databaseId => {
      // The admin connection TestDatabases made; the replicas get their own
      // databases per plugin, as in production, under a prefix of this run.
      const admin = await databases.init(databaseId);
      const prefix = `bvb_replicas_${Date.now()}_`;
      const connection =
        process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!;
      const replica = () =>
        startTestBackend({
          features: [
            buildVsBuyPlugin,
            notificationsPlugin,
            schedulerServiceFactory,
            databaseServiceFactory,
            catalogServiceMock.factory({ entities }),
            mockServices.rootConfig.factory({
              data: {
                app: { baseUrl: 'http://localhost:3000' },
                backend: {
                  database: { client: 'pg', connection, prefix },
                },
                buildVsBuy: {
                  validateResponses: true,
                  revisitScanSchedule: {
                    frequency: { seconds: 1 },
                    timeout: { seconds: 30 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            }),
          ],
        });
      const one = await replica();
      const two = await replica();
      const notifications = connectToTestDatabase(`${prefix}notifications`);
      const buildVsBuy = connectToTestDatabase(`${prefix}build-vs-buy`);
      try {
        // Decisions that are all overdue, saved through both replicas.
        for (let index = 0; index < DECISIONS; index++) {
          const created = await request((index % 2 ? one : two).server)
            .post('/api/build-vs-buy/evaluations')
            .send({
              status: 'complete',
              evaluation: {
                ...ecommerceVectorDatabase,
                entityRef: `component:default/store-${index}`,
                revisitBy: '2020-01-01',
              },
            });
          expect(created.status).toBe(201);
        }

        // Every decision's owners are told: two members each.
        const count = async () =>
          Number(
            (await notifications('notification').count({ count: '*' }))[0]
              .count,
          );
        for (let waited = 0; (await count()) < DECISIONS * 2; waited++) {
          if (waited > 200) throw new Error('no notifications arrived');
          await new Promise(resolve => setTimeout(resolve, 100));
        }
        // Several more cycles on both replicas send nothing more.
        await new Promise(resolve => setTimeout(resolve, 4000));

        const rows = await notifications('notification')
          .select('user', 'scope', 'link', 'severity', 'updated')
          .orderBy(['link', 'user']);
        expect(rows).toHaveLength(DECISIONS * 2);
        expect(new Set(rows.map(row => `${row.user} ${row.scope}`)).size).toBe(
          DECISIONS * 2,
        );
        // A notice sent again with the same scope would update its row.
        expect(rows.filter(row => row.updated !== null)).toEqual([]);
        expect(rows[0]).toMatchObject({
          user: 'user:default/alice',
          link: '/catalog/default/component/store-0/build-vs-buy',
          severity: 'high',
        });
        expect(
          await buildVsBuy('evaluation_notices').count({ count: '*' }),
        ).toEqual([{ count: String(DECISIONS) }]);

        // The components go to production: the catalog the replicas read
        // changes under them, and each decision's owners are told once
        // more, whichever replica sees it first.
        for (const entity of entities) {
          if (entity.kind === 'Component')
            entity.spec!.lifecycle = 'production';
        }
        for (let waited = 0; (await count()) < DECISIONS * 4; waited++) {
          if (waited > 200) throw new Error('no lifecycle notices arrived');
          await new Promise(resolve => setTimeout(resolve, 100));
        }
        await new Promise(resolve => setTimeout(resolve, 4000));
        const after = await notifications('notification').select(
          'user',
          'scope',
          'title',
          'updated',
        );
        expect(after).toHaveLength(DECISIONS * 4);
        expect(new Set(after.map(row => `${row.user} ${row.scope}`)).size).toBe(
          DECISIONS * 4,
        );
        expect(after.filter(row => row.updated !== null)).toEqual([]);
        expect(
          after.filter(row => row.title.endsWith('whose lifecycle changed')),
        ).toHaveLength(DECISIONS * 2);
        // And every decision says why, in words, once.
        const raised = await buildVsBuy('evaluations').pluck('catalog_changes');
        expect(raised).toHaveLength(DECISIONS);
        for (const changes of raised) {
          expect(JSON.parse(changes).changes).toEqual([
            {
              kind: 'entity-lifecycle-changed',
              from: 'experimental',
              to: 'production',
            },
          ]);
        }
      } finally {
        await one.stop();
        await two.stop();
        await notifications.destroy();
        await buildVsBuy.destroy();
        for (const plugin of ['build-vs-buy', 'notifications']) {
          await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
            `${prefix}${plugin}`,
          ]);
        }
      }
    },
  );
});
