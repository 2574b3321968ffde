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

import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  buildVsBuyEvaluationUpdatePermission,
  defaultRevisitBy,
  toIsoDate,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import buildVsBuyPlugin from '.';

jest.setTimeout(60_000);

/*
 * POST /evaluations/{id}/confirm through the whole plugin: "confirm still
 * valid" clears a decision that came due without re-running the wizard.
 */

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'vector-database',
      namespace: 'default',
      title: 'Vector DB',
    },
    spec: { type: 'service', owner: 'applied-ml-startup' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'feature-store', namespace: 'default' },
    spec: { type: 'service', owner: 'ml-platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ml-platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    // The caller of mockCredentials.user().
    metadata: { name: 'mock', namespace: 'default' },
    spec: {
      profile: { displayName: 'Morgan Mock' },
      memberOf: ['ml-platform'],
    },
  },
];

/** The article's vector database, bought, and overdue for revisit. */
const overdue = {
  ...ecommerceVectorDatabase,
  entityRef: 'component:default/vector-database',
  maintenance: {
    ...ecommerceVectorDatabase.maintenance,
    ownerGroupRef: 'group:default/ml-platform',
  },
  revisitBy: '2020-01-01',
};

const NOTE = 'Still no vendor with hybrid search; VectorCloud holds its SLA.';

describe('POST /evaluations/{id}/confirm', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function startBackend(
    databaseId: Parameters<typeof databases.init>[0],
    options: { mayUpdate?: boolean } = {},
  ) {
    const knex = await databases.init(databaseId);
    const sent: NotificationSendOptions[] = [];
    const events: Array<{ eventId: string; outcome: string }> = [];
    const auditor = mockServices.auditor.mock({
      createEvent: async ({ eventId }) => ({
        success: async () => {
          events.push({ eventId, outcome: 'success' });
        },
        fail: async () => {
          events.push({ eventId, outcome: 'failure' });
        },
      }),
    });
    // Everyone may read and create; only some may update.
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(({ permission }) => ({
          result:
            permission.name === buildVsBuyEvaluationUpdatePermission.name &&
            options.mayUpdate === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
    });
    const { server } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        permissions.factory,
        auditor.factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: NotificationSendOptions) => {
              sent.push(notification);
            },
          }),
        }),
        mockServices.rootConfig.factory({
          data: {
            buildVsBuy: {
              validateResponses: true,
              revisitInterval: { months: 3 },
            },
          },
        }),
      ],
    });
    const create = async (evaluation: object, status = 'complete') => {
      const created = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({ status, evaluation });
      expect(created.status).toBe(201);
      return created.body;
    };
    const confirm = (id: string, body: object) =>
      request(server)
        .post(`/api/build-vs-buy/evaluations/${id}/confirm`)
        .send(body);
    const revisionsOf = async (id: string) =>
      (
        await request(server).get(
          `/api/build-vs-buy/evaluations/${id}/revisions`,
        )
      ).body.items;
    return { server, knex, sent, events, create, confirm, revisionsOf };
  }

  it.each(databases.eachSupportedId())(
    '200: moves the revisit date one interval from today and clears the overdue status, %p',
    async databaseId => {
      const { server, sent, events, create, confirm, revisionsOf } =
        await startBackend(databaseId);
      const decision = await create(overdue);
      expect(decision.review.status).toBe('overdue');
      const due = async () =>
        (
          await request(server).get(
            '/api/build-vs-buy/dashboard/due-for-revisit',
          )
        ).body.items.map((item: { id: string }) => item.id);
      expect(await due()).toEqual([decision.id]);

      const response = await confirm(decision.id, { version: 1, note: NOTE });

      // Three months, as configured, from today.
      const revisitBy = defaultRevisitBy(new Date(), 3);
      expect(revisitBy > toIsoDate(new Date())).toBe(true);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: decision.id,
        version: 2,
        status: 'complete',
        outcome: { verdict: decision.outcome.verdict },
        review: { status: 'current', revisitBy, reasons: [] },
        updatedBy: 'user:default/mock',
      });
      // The same answers, naming the new date as the one in force.
      expect(response.body.evaluation).toEqual({ ...overdue, revisitBy });
      expect(await due()).toEqual([]);
      const reread = await request(server).get(
        `/api/build-vs-buy/evaluations/${decision.id}`,
      );
      expect(reread.body.review).toEqual(response.body.review);

      const [latest, first] = await revisionsOf(decision.id);
      expect(latest).toMatchObject({
        version: 2,
        status: 'complete',
        revisitBy,
        confirmationNote: NOTE,
        createdBy: 'user:default/mock',
      });
      expect(first).not.toHaveProperty('confirmationNote');
      const changes = await request(server).get(
        `/api/build-vs-buy/evaluations/${decision.id}/diff?from=1&to=2`,
      );
      expect(changes.body.changes).toEqual([
        { path: 'revisitBy', before: '2020-01-01', after: revisitBy },
      ]);
      expect(events).toContainEqual({
        eventId: 'evaluation-confirm',
        outcome: 'success',
      });

      // The owners are told, in words, all but the confirmer.
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: [
          'group:default/ml-platform',
          'group:default/applied-ml-startup',
        ],
        excludeEntityRef: 'user:default/mock',
      });
      expect(sent[0].payload).toMatchObject({
        title:
          'Build vs buy: Morgan Mock confirmed that the decision for Vector DB still holds',
        link: '/catalog/default/component/vector-database/build-vs-buy',
        topic: 'build-vs-buy',
      });
      expect(sent[0].payload.description).toBe(
        [
          'Morgan Mock confirmed that the decision for Vector DB is still valid: Buy VectorCloud Managed.',
          `Why it still holds: ${NOTE}`,
          `The next revisit is due by ${revisitBy}.`,
        ].join('\n'),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    '400 names the field, 409 refuses a stale version or a draft, and nothing is stored, %p',
    async databaseId => {
      const { knex, sent, events, create, confirm, revisionsOf } =
        await startBackend(databaseId);
      const decision = await create(overdue);
      const draft = await create(
        { entityRef: 'component:default/feature-store' },
        'draft',
      );

      const bad: Array<[object, RegExp]> = [
        [{ version: 1, note: '   ' }, /^body\.note: /],
        [{ version: 1, note: '' }, /^body\.note: /],
        [{ version: 1 }, /^body\.note: is required/],
        [{ version: 1, note: 'x'.repeat(4001) }, /^body\.note: /],
        [{ version: 1, note: 'still\u0000valid' }, /^body\.note: /],
        [{ version: 0, note: NOTE }, /^body\.version: /],
        [{ note: NOTE }, /^body\.version: is required/],
        [{ version: 1, note: NOTE, answers: {} }, /^body: .*"answers"/],
      ];
      for (const [body, message] of bad) {
        const response = await confirm(decision.id, body);
        expect({ body, status: response.status }).toEqual({
          body,
          status: 400,
        });
        expect(response.body.error.message).toMatch(message);
      }

      const stale = await confirm(decision.id, { version: 7, note: NOTE });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/changed meanwhile/);
      expect(stale.body.current).toMatchObject({
        id: decision.id,
        version: 1,
        review: { status: 'overdue' },
      });

      const drafted = await confirm(draft.id, { version: 1, note: NOTE });
      expect(drafted.status).toBe(409);
      expect(drafted.body.error.message).toBe(
        'Only a recorded decision can be confirmed as still valid: this evaluation is still a draft. Finish it in the wizard first.',
      );
      expect(drafted.body).not.toHaveProperty('current');

      const missing = await confirm('does-not-exist', {
        version: 1,
        note: NOTE,
      });
      expect(missing.status).toBe(404);

      expect(await revisionsOf(decision.id)).toHaveLength(1);
      expect(await revisionsOf(draft.id)).toHaveLength(1);
      const [{ count }] = await knex('evaluation_revisions')
        .whereNotNull('confirmation_note')
        .count({ count: '*' });
      expect(Number(count)).toBe(0);
      expect(sent).toEqual([]);
      expect(
        events.filter(event => event.eventId === 'evaluation-confirm'),
      ).toEqual([{ eventId: 'evaluation-confirm', outcome: 'failure' }]);
    },
  );

  it('403 for a caller who may read but not update, and nothing is stored', async () => {
    const { create, confirm, revisionsOf, sent } = await startBackend(
      'SQLITE_3',
      { mayUpdate: false },
    );
    const decision = await create(overdue);

    const response = await confirm(decision.id, { version: 1, note: NOTE });

    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    expect(await revisionsOf(decision.id)).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('409 when the tree no longer reaches the recorded verdict, or the maintenance owner left', async () => {
    const { knex, create, confirm, revisionsOf } = await startBackend(
      'SQLITE_3',
    );
    const decision = await create(overdue);
    // Recorded as a build, say under rules or settings since changed.
    await knex('evaluations')
      .where({ id: decision.id })
      .update({
        outcome: JSON.stringify({
          ...decision.outcome,
          verdict: { kind: 'build' },
        }),
        verdict_kind: 'build',
      });
    const changedVerdict = await confirm(decision.id, {
      version: 1,
      note: NOTE,
    });
    expect(changedVerdict.status).toBe(409);
    expect(changedVerdict.body.error.message).toBe(
      'The decision tree no longer comes to "Build in-house" with these answers but to "Buy VectorCloud Managed": re-evaluate the decision instead of confirming it.',
    );

    const orphan = await create({
      ...overdue,
      entityRef: 'component:default/feature-store',
    });
    await knex('evaluations')
      .where({ id: orphan.id })
      .update({ maintenance_owner_ref: 'group:default/disbanded' });
    const noOwner = await confirm(orphan.id, { version: 1, note: NOTE });
    expect(noOwner.status).toBe(409);
    expect(noOwner.body.error.message).toMatch(
      /^The maintenance owner, disbanded, is no longer a group in the catalog/,
    );
    expect(await revisionsOf(decision.id)).toHaveLength(1);
    expect(await revisionsOf(orphan.id)).toHaveLength(1);
  });

  it('401 without credentials', async () => {
    const { create, server } = await startBackend('SQLITE_3');
    const decision = await create(overdue);
    const response = await request(server)
      .post(`/api/build-vs-buy/evaluations/${decision.id}/confirm`)
      .set('Authorization', mockCredentials.none.header())
      .send({ version: 1, note: NOTE });
    expect(response.status).toBe(401);
  });

  it('a re-evaluation that changes answers starts a new interval unless it names another date', async () => {
    const { server, create } = await startBackend('SQLITE_3');
    const decision = await create(overdue);
    const save = (version: number, evaluation: object) =>
      request(server)
        .put(`/api/build-vs-buy/evaluations/${decision.id}`)
        .send({ version, status: 'complete', evaluation });

    // The wizard sends the stored date back with a changed answer.
    const changed = await save(1, {
      ...overdue,
      question: 'Which vector database do we run for product search?',
    });
    const revisitBy = defaultRevisitBy(new Date(), 3);
    expect(changed.status).toBe(200);
    expect(changed.body.review).toMatchObject({ status: 'current', revisitBy });
    expect(changed.body.evaluation.revisitBy).toBe(revisitBy);

    // A date the team chose stands.
    const chosen = await save(2, {
      ...changed.body.evaluation,
      question: 'Which vector database do we run?',
      revisitBy: '2099-01-31',
    });
    expect(chosen.body.review.revisitBy).toBe('2099-01-31');
    // Saving the same answers again keeps it.
    const same = await save(3, chosen.body.evaluation);
    expect(same.body.review.revisitBy).toBe('2099-01-31');
  });
});
