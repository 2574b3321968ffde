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

import type { DatabaseService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  evaluate,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { connectToTestDatabase } from '../__testUtils__/postgres';
import { BuildVsBuyDatabase } from '../database/BuildVsBuyDatabase';
import { createReviewer } from './review';
import { conditionKey, runRevisitScan } from './revisitScan';

jest.setTimeout(60_000);

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const group = (name: string, members: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: Array.from({ length: members }, (_, index) => ({
    type: 'hasMember',
    targetRef: `user:default/member-${index}`,
  })),
});

const reviewer = createReviewer({
  revisitIntervalMonths: 6,
  dueSoonDays: 30,
  coverageThreshold: 0.8,
});

describe('runRevisitScan', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await BuildVsBuyDatabase.create({
      database: { getClient: async () => knex } as DatabaseService,
    });
    return { knex, store };
  }

  /** Saves a complete decision as the router would, on `decidedOn`. */
  async function decide(
    store: BuildVsBuyDatabase,
    options: {
      name: string;
      owner: string;
      revisitBy: string;
      maintenanceGroup?: string;
      maintainers?: number;
    },
  ) {
    const evaluation: Evaluation = {
      ...ecommerceVectorDatabase,
      entityRef: `component:default/${options.name}`,
      revisitBy: options.revisitBy,
      maintenance: {
        ...ecommerceVectorDatabase.maintenance,
        ownerGroupRef: options.maintenanceGroup,
      },
    };
    const now = new Date('2026-11-28T09:00:00Z');
    return store.evaluations.create({
      entityRef: evaluation.entityRef,
      status: 'complete',
      evaluation,
      outcome: evaluate(evaluation, { now }),
      revisitBy: options.revisitBy,
      entity: { ownerRef: options.owner, missing: false },
      maintainers: options.maintainers,
      actorRef: 'user:default/alice',
      now,
    });
  }

  function scanner(
    store: BuildVsBuyDatabase,
    beforeLookup: () => Promise<void> = async () => {},
  ) {
    const sent: NotificationSendOptions[] = [];
    const send = jest.fn(async (options: NotificationSendOptions) => {
      sent.push(options);
    });
    const scan = (entities: Entity[], now: string, pageSize = 2) => {
      const catalog = catalogServiceMock({ entities });
      const lookUp = catalog.getEntitiesByRefs.bind(catalog);
      const lookups = jest
        .spyOn(catalog, 'getEntitiesByRefs')
        .mockImplementation(async (...args) => {
          await beforeLookup();
          return lookUp(...args);
        });
      return runRevisitScan({
        store: store.notices,
        catalog,
        notifications: { send },
        reviewer,
        credentials: mockCredentials.service(),
        logger: mockServices.logger.mock(),
        now: new Date(now),
        pageSize,
      }).then(result => ({ ...result, lookups: lookups.mock.calls.length }));
    };
    return { scan, sent, send };
  }

  const catalogNow = [
    component('due-soon', 'group:default/search'),
    component('current', 'group:default/search'),
    component('new-owner', 'group:default/payments'),
    group('search', 4),
    group('payments', 2),
    group('ml-platform', 2),
  ];

  it.each(databases.eachSupportedId())(
    'notifies each change of state once, to the maintenance group and the entity owner, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const dueSoon = await decide(store, {
        name: 'due-soon',
        owner: 'group:default/search',
        revisitBy: '2027-01-20',
        maintenanceGroup: 'group:default/ml-platform',
        maintainers: 2,
      });
      await decide(store, {
        name: 'current',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
      });
      const shrank = await decide(store, {
        name: 'shrank',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
        maintenanceGroup: 'group:default/search',
        maintainers: 6,
      });
      await decide(store, {
        name: 'gone',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
      });
      await decide(store, {
        name: 'new-owner',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
      });
      const { scan, sent } = scanner(store);
      const entities = [
        ...catalogNow,
        component('shrank', 'group:default/search'),
      ];

      const first = await scan(entities, '2027-01-10T08:00:00Z');
      // Five decisions in pages of two: three catalog lookups, not five.
      expect(first).toMatchObject({ scanned: 5, notified: 4, failed: 0 });
      expect(first.lookups).toBe(3);
      const byLink = Object.fromEntries(
        sent.map(options => [options.payload.link, options]),
      );
      expect(Object.keys(byLink).sort()).toEqual([
        '/catalog/default/component/due-soon/build-vs-buy',
        '/catalog/default/component/gone/build-vs-buy',
        '/catalog/default/component/new-owner/build-vs-buy',
        '/catalog/default/component/shrank/build-vs-buy',
      ]);

      const dueSoonNotice =
        byLink['/catalog/default/component/due-soon/build-vs-buy'];
      expect(dueSoonNotice.recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/ml-platform', 'group:default/search'],
      });
      expect(dueSoonNotice.payload).toMatchObject({
        title: 'Build vs buy: the decision for due-soon is due for revisit',
        severity: 'normal',
        topic: 'build-vs-buy',
        scope: expect.stringMatching(
          new RegExp(`^build-vs-buy:${dueSoon.id}:`),
        ),
      });
      expect(dueSoonNotice.payload.description).toContain(
        'It is due for revisit by 2027-01-20.',
      );

      const shrankNotice =
        byLink['/catalog/default/component/shrank/build-vs-buy'];
      expect(shrankNotice.payload.description).toContain(
        'Its maintenance owner group:default/search has 4 members, fewer than the 6 it had when node 5 was answered',
      );
      expect(shrankNotice.payload.scope).toMatch(`build-vs-buy:${shrank.id}:`);

      const goneNotice = byLink['/catalog/default/component/gone/build-vs-buy'];
      expect(goneNotice.payload.severity).toBe('low');
      // The entity is gone; its owner as last seen is told.
      expect(goneNotice.recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/search'],
      });

      const ownerNotice =
        byLink['/catalog/default/component/new-owner/build-vs-buy'];
      expect(ownerNotice.payload.description).toContain(
        "The component's owner changed from group:default/search to group:default/payments",
      );
      expect(ownerNotice.recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/payments'],
      });

      // Nothing changed: nothing is sent again.
      const again = await scan(entities, '2027-01-11T08:00:00Z');
      expect(again).toMatchObject({ scanned: 5, notified: 0 });
      expect(sent).toHaveLength(4);

      // The revisit date passes: one new notice, of higher severity.
      const later = await scan(entities, '2027-01-21T08:00:00Z');
      expect(later.notified).toBe(1);
      expect(sent[4].payload).toMatchObject({
        title: 'Build vs buy: the decision for due-soon is overdue for revisit',
        severity: 'high',
        link: '/catalog/default/component/due-soon/build-vs-buy',
      });
      expect(sent[4].payload.scope).not.toBe(dueSoonNotice.payload.scope);

      // The maintenance group leaves the catalog: the overdue decision gets
      // one more notice, naming both conditions.
      const withoutGroup = entities.filter(
        entity => entity.metadata.name !== 'ml-platform',
      );
      await scan(withoutGroup, '2027-01-22T08:00:00Z');
      expect(sent).toHaveLength(6);
      expect(sent[5].payload.description).toContain(
        'Its maintenance owner group:default/ml-platform is no longer in the catalog',
      );
      expect(sent[5].payload.description).toContain(
        'Its revisit date, 2027-01-20, has passed.',
      );
      await scan(withoutGroup, '2027-01-23T08:00:00Z');
      expect(sent).toHaveLength(6);
    },
  );

  it.each(databases.eachSupportedId())(
    'sends each notice once when two scans run at the same time, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      for (let index = 0; index < 12; index++) {
        await decide(store, {
          name: `component-${index}`,
          owner: 'group:default/search',
          revisitBy: '2027-01-01',
        });
      }
      // A second replica: its own store over its own pool of connections on
      // PostgreSQL, so the two scans really race. (An in-memory SQLite
      // database lives in one connection; there they share it.)
      const otherKnex =
        databaseId === 'POSTGRES_15'
          ? connectToTestDatabase(knex.client.config.connection.database)
          : undefined;
      const other = await BuildVsBuyDatabase.create({
        database: {
          getClient: async () => otherKnex ?? knex,
          migrations: { skip: true },
        } as DatabaseService,
      });
      const entities = [
        ...Array.from({ length: 12 }, (_, index) =>
          component(`component-${index}`, 'group:default/search'),
        ),
        group('search', 3),
      ];
      // Both scans have read each page before either records its notices:
      // each page's lookups wait for the other scan's.
      const arrivals: Array<() => void> = [];
      const together = () =>
        new Promise<void>(resolve => {
          arrivals.push(resolve);
          if (arrivals.length === 2) arrivals.splice(0).forEach(go => go());
        });
      const one = scanner(store, together);
      const two = scanner(other, together);

      const results = await Promise.all([
        one.scan(entities, '2027-01-10T08:00:00Z', 3),
        two.scan(entities, '2027-01-10T08:00:00Z', 3),
      ]);

      const links = [...one.sent, ...two.sent].map(
        options => options.payload.link,
      );
      await otherKnex?.destroy();
      expect(links).toHaveLength(12);
      expect(new Set(links).size).toBe(12);
      expect(results[0].notified + results[1].notified).toBe(12);
    },
  );

  it.each(databases.eachSupportedId())(
    'tries a notice again on the next run when sending it failed, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      await decide(store, {
        name: 'due-soon',
        owner: 'group:default/search',
        revisitBy: '2027-01-01',
      });
      const { scan, send, sent } = scanner(store);
      send.mockRejectedValueOnce(new Error('notifications backend is down'));

      const failed = await scan(catalogNow, '2027-01-10T08:00:00Z');
      expect(failed).toMatchObject({ notified: 0, failed: 1 });
      expect(sent).toHaveLength(0);

      const retried = await scan(catalogNow, '2027-01-10T09:00:00Z');
      expect(retried).toMatchObject({ notified: 1, failed: 0 });
      expect(sent[0].payload.title).toBe(
        'Build vs buy: the decision for due-soon is overdue for revisit',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'sends a notice a stopped scan claimed but never sent, once its lease has passed, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const decision = await decide(store, {
        name: 'due-soon',
        owner: 'group:default/search',
        revisitBy: '2027-01-01',
      });
      // A scan claimed the notice at 08:00 and stopped before sending it.
      const claimed = await store.notices.recordNotices({
        notices: [
          {
            evaluationId: decision.id,
            expected: undefined,
            next: ['overdue:2027-01-01'],
            sent: false,
          },
        ],
        now: new Date('2027-01-10T08:00:00Z'),
      });
      expect([...claimed]).toEqual([decision.id]);
      const { scan, sent } = scanner(store);

      // Within the lease the claim may still be on its way: not sent again.
      await scan(catalogNow, '2027-01-10T08:05:00Z');
      expect(sent).toEqual([]);

      // After it, the notice is sent, and confirmed so it is sent once.
      const later = await scan(catalogNow, '2027-01-10T08:20:00Z');
      expect(later.notified).toBe(1);
      expect(sent[0].payload.title).toBe(
        'Build vs buy: the decision for due-soon is overdue for revisit',
      );
      await scan(catalogNow, '2027-01-10T09:30:00Z');
      expect(sent).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves drafts, archived and current decisions alone, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      await decide(store, {
        name: 'current',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
      });
      const archived = await decide(store, {
        name: 'due-soon',
        owner: 'group:default/search',
        revisitBy: '2027-01-01',
      });
      await store.evaluations.archive({
        id: archived.id,
        expectedVersion: 1,
        actorRef: 'user:default/alice',
        now: new Date('2026-12-01T00:00:00Z'),
      });
      const { scan, sent } = scanner(store);
      const result = await scan(catalogNow, '2027-01-10T08:00:00Z');
      expect(result).toMatchObject({ scanned: 1, notified: 0 });
      expect(sent).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'a decision confirmed as still valid stops being due, and comes due again by its new date, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const decision = await decide(store, {
        name: 'due-soon',
        owner: 'group:default/search',
        revisitBy: '2027-01-20',
        maintenanceGroup: 'group:default/ml-platform',
        maintainers: 2,
      });
      const { scan, sent } = scanner(store);

      await scan(catalogNow, '2027-01-21T08:00:00Z');
      expect(sent).toHaveLength(1);
      expect(sent[0].payload.description).toContain('2027-01-20');

      // Confirmed the next day, as the service does it.
      const confirmedAt = new Date('2027-01-22T10:00:00Z');
      const { evaluation, revisitBy } = reviewer.revisitOnConfirmation(
        decision,
        confirmedAt,
      );
      expect(revisitBy).toBe('2027-07-22');
      await store.evaluations.confirm({
        id: decision.id,
        expectedVersion: decision.version,
        note: 'Still no vendor with hybrid search.',
        evaluation,
        outcome: decision.outcome,
        revisitBy,
        entity: decision.entity,
        maintainers: 2,
        releasedNoticeConditions: (['overdue', 'due-soon'] as const).map(kind =>
          conditionKey({ kind, revisitBy: decision.revisitBy }),
        ),
        actorRef: 'user:default/bob',
        now: confirmedAt,
      });

      const afterwards = await scan(catalogNow, '2027-01-23T08:00:00Z');
      expect(afterwards).toMatchObject({ scanned: 1, notified: 0 });
      const later = await scan(catalogNow, '2027-07-01T08:00:00Z');
      expect(later).toMatchObject({ scanned: 1, notified: 1 });
      expect(sent).toHaveLength(2);
      expect(sent[1].payload.description).toContain('2027-07-22');
      expect(sent[1].payload.description).not.toContain('2027-01-20');
    },
  );
});
