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
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { buildVsBuyVendorEventCreatePermission } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import buildVsBuyPlugin from '.';

jest.setTimeout(60_000);

/*
 * POST and GET /portfolio/products/events through the whole plugin: a
 * vendor event makes the decisions that chose the product due for revisit.
 */

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'ml-platform' },
});

/** The article's vector database bought under another spelling. */
const buying = (name: string, product: string) => {
  const [chosen, ...others] = ecommerceVectorDatabase.candidates;
  return {
    ...ecommerceVectorDatabase,
    entityRef: `component:default/${name}`,
    candidates: [{ ...chosen, name: product }, ...others],
    revisitBy: '2099-01-01',
  };
};

const EVENT = {
  product: 'VectorCloud',
  kind: 'price-or-terms-change',
  occurredOn: '2026-11-30',
  note: 'The per-query price doubles in January.',
  idempotencyKey: 'vectorcloud-price-2026-11',
};

describe('vendor events', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function startBackend(
    databaseId: Parameters<typeof databases.init>[0],
    options: { mayRecord?: boolean } = {},
  ) {
    const knex = await databases.init(databaseId);
    const events: Array<{ eventId: string; outcome: string; meta?: object }> =
      [];
    const auditor = mockServices.auditor.mock({
      createEvent: async ({ eventId, meta }) => ({
        success: async () => {
          events.push({ eventId, outcome: 'success', meta });
        },
        fail: async () => {
          events.push({ eventId, outcome: 'failure', meta });
        },
      }),
    });
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(({ permission }) => ({
          result:
            permission.name === buildVsBuyVendorEventCreatePermission.name &&
            options.mayRecord === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
    });
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        scheduler.factory,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({
          entities: ['search', 'chat', 'billing'].map(component),
        }),
        permissions.factory,
        auditor.factory,
        mockServices.rootConfig.factory({
          data: {
            buildVsBuy: {
              validateResponses: true,
              portfolio: {
                aliases: [
                  {
                    product: 'VectorCloud',
                    spellings: ['VectorCloud Managed'],
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    const create = async (evaluation: object) => {
      const created = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({ status: 'complete', evaluation });
      expect(created.status).toBe(201);
      return created.body;
    };
    const post = (body: object) =>
      request(server)
        .post('/api/build-vs-buy/portfolio/products/events')
        .send(body);
    return { server, knex, events, create, post, scheduler };
  }

  it.each(databases.eachSupportedId())(
    '201: makes the decisions that chose the product due for revisit, once per key, %p',
    async databaseId => {
      const { server, events, create, post, scheduler } = await startBackend(
        databaseId,
      );
      const search = await create(buying('search', 'VectorCloud Managed'));
      const chat = await create(buying('chat', ' vectorcloud '));
      const billing = await create(buying('billing', 'Stripe'));
      expect(search.review.status).toBe('current');

      const response = await post(EVENT);
      expect(response.status).toBe(201);
      // The owners are told now: the revisit scan is started at once.
      expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
      expect(scheduler.triggerTask).toHaveBeenCalledWith(
        'build-vs-buy-revisit-scan',
      );
      expect(response.body).toMatchObject({
        product: 'VectorCloud',
        kind: 'price-or-terms-change',
        occurredOn: '2026-11-30',
        note: EVENT.note,
        recordedBy: 'user:default/mock',
        decisions: 2,
      });
      expect(
        events.filter(({ eventId }) => eventId.startsWith('vendor-event')),
      ).toEqual([
        {
          eventId: 'vendor-event-create',
          outcome: 'success',
          meta: {
            productKey: 'vectorcloud',
            kind: 'price-or-terms-change',
            occurredOn: '2026-11-30',
            idempotencyKey: EVENT.idempotencyKey,
          },
        },
      ]);

      const reviewOf = async (id: string) =>
        (await request(server).get(`/api/build-vs-buy/evaluations/${id}`)).body
          .review;
      for (const id of [search.id, chat.id]) {
        expect(await reviewOf(id)).toEqual({
          status: 'due-soon',
          revisitBy: '2099-01-01',
          reasons: [
            {
              code: 'vendor-event',
              message:
                'New information arrived: VectorCloud had a price or terms change on 2026-11-30. Revisit the decision to buy it.',
            },
          ],
        });
      }
      expect((await reviewOf(billing.id)).status).toBe('current');
      // The entity's tab and card read the stored facts, not the answers:
      // the same review.
      const entityTab = await request(server).get(
        `/api/build-vs-buy/entities/${encodeURIComponent(
          'component:default/chat',
        )}/evaluation`,
      );
      expect(entityTab.body.review).toEqual(await reviewOf(chat.id));
      const due = await request(server).get(
        '/api/build-vs-buy/dashboard/due-for-revisit',
      );
      expect(
        due.body.items.map((item: { id: string }) => item.id).sort(),
      ).toEqual([search.id, chat.id].sort());

      // The portfolio says which decisions are under the event (the tech
      // radar's "Revisit" ring reads it), in the shape the spec declares.
      const portfolio = await request(server).get(
        '/api/build-vs-buy/portfolio/products',
      );
      expect(portfolio.status).toBe(200);
      const underEvent = Object.fromEntries(
        portfolio.body.items.flatMap(
          (product: {
            decisions: Array<{ entityRef: string; vendorEvent?: object }>;
          }) => product.decisions.map(d => [d.entityRef, d.vendorEvent]),
        ),
      );
      const facts = {
        id: response.body.id,
        product: 'VectorCloud',
        kind: 'price-or-terms-change',
        occurredOn: '2026-11-30',
      };
      expect(underEvent).toEqual({
        'component:default/search': facts,
        'component:default/chat': facts,
        'component:default/billing': undefined,
      });

      // A retry: the same event, 200, nothing more recorded.
      const retry = await post(EVENT);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(response.body);
      expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
      // The key reused for another event: a 409 naming the key, not the
      // first event passed off as the second.
      const reused = await post({ ...EVENT, note: 'A second price rise.' });
      expect(reused.status).toBe(409);
      expect(reused.body.error.message).toMatch(
        /^body\.idempotencyKey: this key already recorded another event/,
      );
      expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);

      const listed = await request(server)
        .get('/api/build-vs-buy/portfolio/products/events')
        .query({ product: 'VECTORCLOUD managed' });
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ items: [response.body] });
    },
  );

  it.each(databases.eachSupportedId())(
    '400 naming the field, 403 without the permission, nothing stored, %p',
    async databaseId => {
      const { knex, create, post } = await startBackend(databaseId);
      await create(buying('search', 'VectorCloud'));
      const cases: Array<[object, RegExp]> = [
        [{ ...EVENT, product: 'Pinecone' }, /^body\.product: /],
        [{ ...EVENT, kind: 'rumour' }, /^body\.kind: /],
        [{ ...EVENT, occurredOn: '2026-02-30' }, /^body\.occurredOn: /],
        [{ ...EVENT, occurredOn: 'yesterday' }, /^body\.occurredOn: /],
        [{ ...EVENT, idempotencyKey: undefined }, /body\.idempotencyKey/],
      ];
      for (const [body, message] of cases) {
        const response = await post(body);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(message);
      }
      expect(await knex('vendor_events').pluck('id')).toEqual([]);

      const denied = await startBackend(databaseId, { mayRecord: false });
      await denied.create(buying('search', 'VectorCloud'));
      const forbidden = await denied.post(EVENT);
      expect(forbidden.status).toBe(403);
      expect(await denied.knex('vendor_events').pluck('id')).toEqual([]);
    },
  );
});
