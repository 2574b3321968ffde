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
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  choseProduct,
  decisionFacts,
  evaluate,
  productKeyOf,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  ecommerceVectorDatabase,
  ragHybridSearch,
  searchRetrievalPipeline,
} from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { connectToTestDatabase } from '../__testUtils__/postgres';
import { BuildVsBuyDatabase } from '../database/BuildVsBuyDatabase';
import type { EvaluationRecord } from '../database/types';
import { descriptionHashOf } from './catalogFacts';
import { createReviewer } from './review';
import {
  conditionKey,
  conditionsOf,
  displayNamesOf,
  noticeOf,
  runRevisitScan,
} from './revisitScan';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(60_000);

const component = (name: string, owner: string, title?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const group = (
  name: string,
  members: number,
  displayName?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'team',
    children: [],
    ...(displayName ? { profile: { displayName } } : {}),
  },
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
    const store = await databaseOn(knex);
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
      lifecycle?: string;
      descriptionHash?: string;
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
      entity: {
        ownerRef: options.owner,
        lifecycle: options.lifecycle,
        missing: false,
      },
      maintainers: options.maintainers,
      descriptionHash: options.descriptionHash,
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
    component('due-soon', 'group:default/search', 'Product similarity store'),
    component('current', 'group:default/search'),
    component('new-owner', 'group:default/payments'),
    group('search', 4, 'Search team'),
    group('payments', 2, 'Payments team'),
    group('ml-platform', 2, 'ML Platform'),
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
      // Five decisions in pages of two: three catalog lookups, not five,
      // and one more for the name of the one new owner nobody asked about.
      expect(first).toMatchObject({ scanned: 5, notified: 4, failed: 0 });
      expect(first.lookups).toBe(4);
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
        title:
          'Build vs buy: the decision for Product similarity store is due for revisit',
        severity: 'normal',
        topic: 'build-vs-buy',
        scope: expect.stringMatching(
          new RegExp(`^build-vs-buy:${dueSoon.id}:`),
        ),
      });
      expect(dueSoonNotice.payload.description).toBe(
        [
          'The decision "Buy VectorCloud Managed" for Product similarity store needs its owners:',
          '- Due for revisit in 10 days, by 2027-01-20.',
          'What to do next:',
          '- Open the decision and confirm it is still valid or re-evaluate.',
        ].join('\n'),
      );

      const shrankNotice =
        byLink['/catalog/default/component/shrank/build-vs-buy'];
      expect(shrankNotice.payload.description).toContain(
        '- The maintenance owner Search team has 4 members, fewer than the 6 it had when Node 5 was answered',
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
        "- The component's owner changed from Search team to Payments team since the decision.",
      );
      expect(ownerNotice.payload.description).toContain(
        '- As the new owner, open the decision and confirm it is still valid or re-evaluate.',
      );
      for (const { payload } of sent) {
        expect(`${payload.title}\n${payload.description}`).not.toMatch(
          /group:|component:|user:|buy-with-wrapper|\bbuy\b decision/,
        );
      }
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
        title:
          'Build vs buy: the decision for Product similarity store is overdue for revisit',
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
      // Gone from the catalog, the group has no display name: its name.
      expect(sent[5].payload.description).toContain(
        '- The maintenance owner ml-platform left the catalog',
      );
      expect(sent[5].payload.description).toContain(
        '- Overdue by 2 days: the revisit date was 2027-01-20.',
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
    "notifies once when the component's lifecycle or description changes after the decision, %p",
    async databaseId => {
      const { store } = await setUp(databaseId);
      const described = (description: string, lifecycle: string): Entity => ({
        ...component('current', 'group:default/search'),
        metadata: { name: 'current', namespace: 'default', description },
        spec: { type: 'service', owner: 'group:default/search', lifecycle },
      });
      const asDecided = described('Embeds product images.', 'experimental');
      await decide(store, {
        name: 'current',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
        lifecycle: 'experimental',
        descriptionHash: descriptionHashOf(asDecided),
      });
      const { scan, sent } = scanner(store);
      const groups = catalogNow.filter(entity => entity.kind === 'Group');

      await scan([asDecided, ...groups], '2027-01-10T08:00:00Z');
      expect(sent).toEqual([]);

      const promoted = described('Embeds product images.', 'production');
      await scan([promoted, ...groups], '2027-01-10T09:00:00Z');
      await scan([promoted, ...groups], '2027-01-10T10:00:00Z');
      expect(sent.map(({ payload }) => payload.title)).toEqual([
        'Build vs buy: the decision for current is about a component whose lifecycle changed',
      ]);
      expect(sent[0].payload.description).toContain(
        "The component's lifecycle changed from experimental to production since the decision.",
      );

      const redescribed = described('Ranks all search results.', 'production');
      await scan([redescribed, ...groups], '2027-01-10T11:00:00Z');
      await scan([redescribed, ...groups], '2027-01-10T12:00:00Z');
      expect(sent).toHaveLength(2);
      expect(sent[1].payload.description).toContain(
        "The component's description in the catalog changed since the decision",
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'says on the decision what changed in the catalog, until it is confirmed, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const groups = catalogNow.filter(entity => entity.kind === 'Group');
      const asDecided: Entity = {
        ...component('current', 'group:default/search'),
        spec: {
          type: 'service',
          owner: 'group:default/search',
          lifecycle: 'experimental',
        },
      };
      const decided = await decide(store, {
        name: 'current',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
        lifecycle: 'experimental',
      });
      const { scan, sent } = scanner(store);
      const now = new Date('2027-01-10T09:00:00Z');
      await scan([asDecided, ...groups], now.toISOString());
      expect((await store.evaluations.get(decided.id))?.catalogChanges).toBe(
        undefined,
      );

      const moved: Entity = {
        ...asDecided,
        spec: {
          type: 'service',
          owner: 'group:default/payments',
          lifecycle: 'production',
        },
      };
      await scan([moved, ...groups], now.toISOString());
      await scan([moved, ...groups], '2027-01-10T10:00:00Z');
      // Told once, and the decision says why, by the teams' names.
      expect(sent).toHaveLength(1);
      const raised = (await store.evaluations.get(decided.id))!;
      const messages = [
        "The component's owner changed from Search team to Payments team since the decision.",
        "The component's lifecycle changed from experimental to production since the decision.",
      ];
      const review = reviewer.review(raised, now);
      expect(review.status).toBe('due-soon');
      expect(
        review.reasons.filter(reason => reason.code === 'catalog-change'),
      ).toEqual(messages.map(message => ({ code: 'catalog-change', message })));
      // The entity page's answer and the dashboard's lists say the same.
      const [text] = await store.evaluations.getTextsByEntityRefs([
        decided.entityRef,
      ]);
      expect(
        JSON.parse(reviewer.toStoredJson(text, now)).review.reasons,
      ).toEqual(review.reasons);
      const { items } = await store.dashboard.listSummaries({
        filter: { reviewStatus: 'due-soon' },
        window: reviewer.windowAt(now),
        order: 'revisit',
        limit: 10,
      });
      expect(
        items.map(item => reviewer.toSummary(item, now).entityRef),
      ).toEqual([decided.entityRef]);
      const summary = await store.dashboard.summarize({
        filter: { status: 'complete' },
        window: reviewer.windowAt(now),
      });
      expect(summary.byReviewStatus['due-soon']).toBe(1);

      // Confirming the decision with the catalog as it is now clears it, and
      // the next scan finds nothing to raise again.
      await store.evaluations.confirm({
        id: raised.id,
        expectedVersion: raised.version,
        evaluation: raised.evaluation,
        outcome: raised.outcome,
        revisitBy: '2027-07-10',
        entity: {
          ownerRef: 'group:default/payments',
          lifecycle: 'production',
          missing: false,
        },
        note: 'Still the right product in production.',
        releasedNoticeConditions: [],
        actorRef: 'user:default/alice',
        now,
      });
      await scan([moved, ...groups], '2027-01-10T11:00:00Z');
      const confirmed = (await store.evaluations.get(decided.id))!;
      expect(confirmed.catalogChanges).toBe(undefined);
      expect(reviewer.review(confirmed, now)).toMatchObject({
        status: 'current',
        reasons: [],
      });
      expect(sent).toHaveLength(1);
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
        'Build vs buy: the decision for Product similarity store is overdue for revisit',
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
        'Build vs buy: the decision for Product similarity store is overdue for revisit',
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

  it.each(databases.eachSupportedId())(
    'tells the owners of each decision that chose a product once per vendor event, %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const chosen = await decide(store, {
        name: 'due-soon',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
        maintenanceGroup: 'group:default/ml-platform',
        maintainers: 2,
      });
      await decide(store, {
        name: 'current',
        owner: 'group:default/search',
        revisitBy: '2027-06-01',
      });
      const product = chosen.chosenCandidateName!;
      const { scan, sent } = scanner(store);
      expect(await scan(catalogNow, '2027-01-10T08:00:00Z')).toMatchObject({
        notified: 0,
      });

      const record = (key: string, kind: 'incident' | 'deprecation') =>
        store.vendorEvents.record(
          {
            product,
            productKey: productKeyOf(product),
            kind,
            occurredOn: '2027-01-09',
            note: '',
            idempotencyKey: key,
            actorRef: 'user:default/vendor-manager',
            now: new Date('2027-01-10T09:00:00Z'),
          },
          name => choseProduct(name, productKeyOf(product)),
        );
      await record('first', 'incident');
      expect(await scan(catalogNow, '2027-01-10T10:00:00Z')).toMatchObject({
        scanned: 2,
        notified: 2,
      });
      const notice = sent.find(
        options =>
          options.payload.link ===
          '/catalog/default/component/due-soon/build-vs-buy',
      )!;
      expect(notice.recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/ml-platform', 'group:default/search'],
      });
      expect(notice.payload).toMatchObject({
        title:
          'Build vs buy: the decision for Product similarity store is due for revisit: there is news of the product it bought',
        severity: 'high',
      });
      expect(notice.payload.description).toContain(
        `- New information arrived: ${product} had an incident on 2027-01-09. Revisit the decision to buy it.`,
      );
      // Once: the same event is not told again.
      expect(await scan(catalogNow, '2027-01-11T10:00:00Z')).toMatchObject({
        notified: 0,
      });
      // Another event is news again.
      await record('second', 'deprecation');
      expect(await scan(catalogNow, '2027-01-12T10:00:00Z')).toMatchObject({
        notified: 2,
      });
      expect(sent).toHaveLength(4);
      expect(sent[3].payload.description).toContain('had a deprecation');
    },
  );
});

describe('noticeOf', () => {
  const NOW = new Date('2027-01-10T08:00:00Z');
  const DECIDED = new Date('2026-11-28T09:00:00Z');

  /** A complete decision as the store returns it. */
  function recordOf(
    evaluation: Evaluation,
    overrides: Partial<EvaluationRecord> = {},
  ): EvaluationRecord {
    const outcome = reviewer.evaluate(evaluation, DECIDED);
    const facts = decisionFacts(evaluation, outcome.verdict);
    return {
      id: 'decision-1',
      entityRef: evaluation.entityRef,
      version: 1,
      status: 'complete',
      evaluation,
      outcome,
      entity: {
        title: 'Support retriever',
        ownerRef: 'group:default/support',
        missing: false,
      },
      createdAt: DECIDED.toISOString(),
      createdBy: 'user:default/ada',
      updatedAt: DECIDED.toISOString(),
      updatedBy: 'user:default/ada',
      revisitBy: evaluation.revisitBy as string,
      maintenanceOwnerRef: evaluation.maintenance.ownerGroupRef,
      hasMigrationPlan: facts.hasMigrationPlan,
      needsAttention: facts.attention.length > 0,
      chosenCandidateName: facts.chosenCandidateName,
      decidedAgainstTree: facts.decidedAgainstTree,
      regulatedWithoutBuildFallback: facts.regulatedWithoutBuildFallback,
      decidedAt: DECIDED.toISOString(),
      decidedOwnerRef: 'group:default/support',
      ...overrides,
    };
  }

  const withoutMigrationPlan = (revisitBy: string): Evaluation => ({
    ...ragHybridSearch,
    revisitBy,
    failureModes: { ...ragHybridSearch.failureModes, migrationPlan: undefined },
  });
  const retrieval = (members: number) =>
    group('retrieval', members, 'Retrieval team');
  const inSearch = (entity: Entity): Entity => ({
    ...entity,
    metadata: { ...entity.metadata, namespace: 'search' },
  });
  const support = group('support', 3, 'Support team');
  const LINKS: Record<string, string> = {
    'component:default/rag-retriever':
      '/catalog/default/component/rag-retriever/build-vs-buy',
    'component:search/retrieval-pipeline':
      '/catalog/search/component/retrieval-pipeline/build-vs-buy',
    'component:default/product-similarity-store':
      '/catalog/default/component/product-similarity-store/build-vs-buy',
  };

  it.each<{
    reason: string;
    evaluation: Evaluation;
    record?: Partial<EvaluationRecord>;
    /** The catalog now: the component (undefined when gone), groups. */
    entity?: Entity;
    groups: Entity[];
    title: string;
    says: string[];
  }>([
    {
      reason: 'a buy without a migration plan that is due',
      evaluation: withoutMigrationPlan('2027-01-20'),
      entity: component('rag-retriever', 'group:default/support'),
      groups: [support],
      title: 'is due for revisit',
      says: [
        'The decision "Buy HybridSearch Cloud with a thin wrapper over 1 gap" for Support retriever needs its owners:',
        '- Due for revisit in 10 days, by 2027-01-20.',
        '- Buying HybridSearch Cloud without a migration plan: you do not have a vendor relationship. You have a dependency.',
        '- Open the decision and confirm it is still valid or re-evaluate.',
        '- Add a migration plan: how you would extract your data and the alternative you would switch to.',
      ],
    },
    {
      reason: 'a buy without a migration plan, whatever the date',
      evaluation: withoutMigrationPlan('2027-03-02'),
      entity: component('rag-retriever', 'group:default/support'),
      groups: [support],
      title: 'has no migration plan',
      says: [
        '- Buying HybridSearch Cloud without a migration plan',
        '- Add a migration plan',
      ],
    },
    {
      reason: 'a build without a maintenance owner',
      evaluation: {
        ...searchRetrievalPipeline,
        revisitBy: '2027-06-01',
        maintenance: { canAllocateTwentyPercentPermanently: true },
      },
      entity: inSearch(
        component('retrieval-pipeline', 'group:default/support'),
      ),
      groups: [support],
      title: 'has no maintenance owner',
      says: [
        'The decision "Build in-house" for Support retriever needs its owners:',
        '- A build without a maintenance owner: every system you build becomes a system you maintain.',
        '- Name the group that will maintain it: 20% of one engineer, permanently.',
      ],
    },
    {
      reason: 'a revisit date long passed',
      evaluation: { ...ecommerceVectorDatabase, revisitBy: '2027-01-01' },
      entity: component('product-similarity-store', 'group:default/support'),
      groups: [support],
      title: 'is overdue for revisit',
      says: [
        'The decision "Buy VectorCloud Managed" for Support retriever needs its owners:',
        '- Overdue by 9 days: the revisit date was 2027-01-01.',
        '- Open the decision and confirm it is still valid or re-evaluate.',
      ],
    },
    {
      reason: 'a revisit date near',
      evaluation: { ...ecommerceVectorDatabase, revisitBy: '2027-01-25' },
      entity: component('product-similarity-store', 'group:default/support'),
      groups: [support],
      title: 'is due for revisit',
      says: ['- Due for revisit in 15 days, by 2027-01-25.'],
    },
    {
      reason: 'a maintenance owner that left the catalog',
      evaluation: searchRetrievalPipeline,
      record: { revisitBy: '2027-06-01' },
      entity: inSearch(
        component('retrieval-pipeline', 'group:default/support'),
      ),
      groups: [support],
      title: 'has lost its maintenance owner',
      says: [
        '- The maintenance owner search/retrieval left the catalog: every system you build becomes a system you maintain.',
        '- Name a new maintenance owner on the decision, or re-evaluate whether you can maintain it long-term.',
      ],
    },
    {
      reason: 'a maintenance team smaller than it was',
      evaluation: searchRetrievalPipeline,
      record: { revisitBy: '2027-06-01', decidedMaintainers: 3 },
      entity: inSearch(
        component('retrieval-pipeline', 'group:default/support'),
      ),
      groups: [support, inSearch(retrieval(1))],
      title: 'has a maintenance team smaller than it assumed',
      says: [
        '- The maintenance owner Retrieval team has 1 member, fewer than the 3 it had when Node 5 was answered: can it still give 20% of one engineer to maintenance, permanently?',
        '- Confirm the team can still give 20% of one engineer to maintenance permanently, or re-evaluate.',
      ],
    },
    {
      reason: 'a maintenance team with nobody left',
      evaluation: searchRetrievalPipeline,
      record: { revisitBy: '2027-06-01' },
      entity: inSearch(
        component('retrieval-pipeline', 'group:default/support'),
      ),
      groups: [support, inSearch(retrieval(0))],
      title: 'has a maintenance team smaller than it assumed',
      says: [
        '- The maintenance owner Retrieval team has no members left: nobody gives it the 20% of one engineer that maintenance takes.',
      ],
    },
    {
      reason: 'a component that left the catalog',
      evaluation: { ...ecommerceVectorDatabase, revisitBy: '2027-06-01' },
      groups: [support],
      title: 'is about a component that left the catalog',
      says: [
        '- The component left the catalog.',
        '- Archive the decision, or re-evaluate it if the component moved.',
      ],
    },
    {
      reason: 'a team that built falling below ten engineers',
      evaluation: searchRetrievalPipeline,
      record: { revisitBy: '2027-06-01', decidedMaintainers: 12 },
      entity: inSearch(
        component('retrieval-pipeline', 'group:default/support'),
      ),
      groups: [support, inSearch(retrieval(8))],
      title: 'has a maintenance team below ten engineers',
      says: [
        '- The maintenance owner Retrieval team has 8 members, down from 12 when the decision to build was made: for small teams (fewer than ten engineers total), the answer is almost always no for anything beyond a thin integration layer.',
        '- Re-evaluate with the team as it is now: for a team this size, buying the infrastructure',
      ],
    },
    {
      reason: 'a component that moved to production',
      evaluation: { ...ecommerceVectorDatabase, revisitBy: '2027-06-01' },
      record: { decidedLifecycle: 'experimental' },
      entity: component('product-similarity-store', 'group:default/support'),
      groups: [support],
      title: 'is about a component whose lifecycle changed',
      says: [
        "- The component's lifecycle changed from experimental to production since the decision.",
        '- Check the requirements still hold for the component at its new stage',
      ],
    },
    {
      reason: "a component's new description",
      evaluation: { ...ecommerceVectorDatabase, revisitBy: '2027-06-01' },
      record: {
        decidedDescriptionHash: descriptionHashOf({
          ...component('product-similarity-store', 'group:default/support'),
          metadata: {
            name: 'product-similarity-store',
            description: 'Finds similar products for the storefront.',
          },
        }),
      },
      entity: {
        ...component('product-similarity-store', 'group:default/support'),
        metadata: {
          name: 'product-similarity-store',
          namespace: 'default',
          description: 'Ranks every search result on the site.',
        },
      },
      groups: [support],
      title: 'is about a component whose description changed',
      says: [
        "- The component's description in the catalog changed since the decision: the decision rests on a written description of what the component does.",
        '- Read the new description: if the component is no longer what the decision describes, re-evaluate',
      ],
    },
    {
      reason: 'a new owner of the component',
      evaluation: { ...ecommerceVectorDatabase, revisitBy: '2027-06-01' },
      entity: component('product-similarity-store', 'group:default/payments'),
      groups: [support, group('payments', 2, 'Payments team')],
      title: 'has a new owner to confirm it',
      says: [
        "- The component's owner changed from Support team to Payments team since the decision.",
        '- As the new owner, open the decision and confirm it is still valid or re-evaluate.',
      ],
    },
  ])('says why and what next for $reason', testCase => {
    const record = recordOf(testCase.evaluation, testCase.record);
    const review = reviewer.review(record, NOW);
    const catalog = new Map(
      [...(testCase.entity ? [testCase.entity] : []), ...testCase.groups].map(
        entity => [stringifyEntityRef(entity), entity],
      ),
    );
    const conditions = conditionsOf({
      record,
      reviewStatus: review.status,
      entity: testCase.entity,
      maintenanceGroup: record.maintenanceOwnerRef
        ? catalog.get(record.maintenanceOwnerRef)
        : undefined,
    });
    const notice = noticeOf({
      record,
      review,
      conditions,
      fresh: conditions,
      displayNames: displayNamesOf(catalog),
    });

    expect(notice.title).toBe(
      `Build vs buy: the decision for Support retriever ${testCase.title}`,
    );
    const lines = notice.description?.split('\n') ?? [];
    for (const said of testCase.says) {
      expect(lines.some(line => line.startsWith(said))).toBe(true);
    }
    expect(lines).toContain('What to do next:');
    expect(notice.link).toBe(LINKS[record.entityRef]);
    // Verdicts, reasons and owners in words, never as codes or references.
    expect(`${notice.title}\n${notice.description}`).not.toMatch(
      /[a-z]+:[a-z-]+\/|buy-with-wrapper|no-qualifying-candidate|-without-|revisit-date/,
    );
  });

  it('raises nothing while the lifecycle, the description and a team above ten stay as decided', () => {
    const entity: Entity = {
      ...inSearch(component('retrieval-pipeline', 'group:default/support')),
      metadata: {
        name: 'retrieval-pipeline',
        namespace: 'search',
        description: '  Hybrid retrieval for support.  ',
      },
    };
    const record = recordOf(searchRetrievalPipeline, {
      revisitBy: '2027-06-01',
      decidedLifecycle: 'production',
      decidedDescriptionHash: descriptionHashOf({
        ...entity,
        metadata: {
          ...entity.metadata,
          description: 'Hybrid retrieval for support.',
        },
      }),
      decidedMaintainers: 12,
    });
    const conditions = (members: number) =>
      conditionsOf({
        record,
        reviewStatus: 'current',
        entity,
        maintenanceGroup: inSearch(retrieval(members)),
      });
    expect(conditions(12)).toEqual([]);
    // Smaller, but still ten or more: the team shrank, nothing more.
    expect(conditions(10).map(({ kind }) => kind)).toEqual([
      'maintenance-owner-shrank',
    ]);
    expect(conditions(9).map(({ kind }) => kind)).toEqual([
      'maintenance-owner-below-small-team',
    ]);
    // A decision to buy needs no team of ten to maintain it.
    const bought = recordOf(
      { ...ecommerceVectorDatabase, revisitBy: '2027-06-01' },
      {
        maintenanceOwnerRef: 'group:search/retrieval',
        decidedMaintainers: 12,
      },
    );
    expect(
      conditionsOf({
        record: bought,
        reviewStatus: 'current',
        entity,
        maintenanceGroup: inSearch(retrieval(9)),
      }).map(({ kind }) => kind),
    ).toContain('maintenance-owner-shrank');
  });

  it('names an entity by its profile display name, then its title', () => {
    const titled = component('x', 'group:default/a', 'Titled');
    const profiled: Entity = {
      ...group('a', 1, 'Profiled'),
      metadata: { name: 'a', namespace: 'default', title: 'Title' },
    };
    expect(
      displayNamesOf(
        new Map([
          ['component:default/x', titled],
          ['group:default/a', profiled],
          ['group:default/b', group('b', 1)],
        ]),
      ),
    ).toEqual({
      'component:default/x': 'Titled',
      'group:default/a': 'Profiled',
    });
  });
});
