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

import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import {
  choseProduct,
  evaluate,
  productKeyOf,
  reviewWindow,
  vendorPortfolio,
  type Evaluation,
  type ProductAliases,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import fc from 'fast-check';
import { Knex } from 'knex';
import { BuildVsBuyDatabase, refreshDerivedFacts } from './BuildVsBuyDatabase';
import type { EvaluationRecord, VendorEventWrite } from './types';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-04T09:00:00Z');
const WINDOW = reviewWindow(NOW, 30);
const ALIASES: ProductAliases = { 'VC Managed': 'Vector Cloud' };
const ref = (name: string) => `component:default/${name}`;

/** The example, its first candidate (the one the tree buys) renamed. */
function buying(productName: string): Evaluation {
  const [chosen, ...others] = ecommerceVectorDatabase.candidates;
  return {
    ...ecommerceVectorDatabase,
    candidates: [{ ...chosen, name: productName }, ...others],
  };
}

function eventOf(
  product: string,
  changes: Partial<VendorEventWrite> = {},
): VendorEventWrite {
  return {
    product,
    productKey: productKeyOf(product, ALIASES),
    kind: 'acquisition',
    occurredOn: '2026-12-01',
    note: 'Bought by a database vendor.',
    idempotencyKey: `key-${product}`,
    actorRef: 'user:default/vendor-manager',
    now: NOW,
    ...changes,
  };
}

/** The portfolio's rule for the event's product, as the service gives it. */
const choosing = (write: VendorEventWrite) => (name: string) =>
  choseProduct(name, write.productKey, ALIASES);

describe('DatabaseVendorEventStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function open(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await databaseOn(knex);
    return { knex, db };
  }

  let saves = 0;
  async function decide(
    db: BuildVsBuyDatabase,
    name: string,
    evaluation: Evaluation,
    status: 'draft' | 'complete' = 'complete',
  ): Promise<EvaluationRecord> {
    const entityRef = ref(name);
    const answers = { ...evaluation, entityRef };
    return db.evaluations.create({
      entityRef,
      status,
      evaluation: answers,
      outcome: evaluate(answers, { now: NOW }),
      revisitBy: '2027-06-01',
      entity: { ownerRef: `group:default/${name}-team`, missing: false },
      actorRef: 'user:default/alice',
      now: new Date(NOW.getTime() + ++saves * 60_000),
    });
  }

  async function dueForRevisit(db: BuildVsBuyDatabase): Promise<string[]> {
    const page = await db.dashboard.list({
      filter: { attention: 'due-for-revisit' },
      window: WINDOW,
      order: 'updated',
      limit: 100,
    });
    return page.items.map(record => record.entityRef).sort();
  }

  it.each(databases.eachSupportedId())(
    'makes exactly the current decisions that chose the product due for revisit, once per key, %p',
    async databaseId => {
      const { knex, db } = await open(databaseId);
      const search = await decide(db, 'search', buying('Vector Cloud'));
      await decide(db, 'chat', buying(' vector  CLOUD'));
      await decide(db, 'recommendations', buying('VC Managed'));
      await decide(db, 'billing', buying('Stripe'));
      await decide(db, 'draft', buying('Vector Cloud'), 'draft');
      expect(await dueForRevisit(db)).toEqual([]);

      const write = eventOf('vector cloud');
      const { event, created } = await db.vendorEvents.record(
        write,
        choosing(write),
      );
      expect(created).toBe(true);
      expect(event).toEqual({
        id: expect.any(String),
        product: 'vector cloud',
        kind: 'acquisition',
        occurredOn: '2026-12-01',
        note: 'Bought by a database vendor.',
        recordedBy: 'user:default/vendor-manager',
        recordedAt: NOW.toISOString(),
        decisions: 3,
      });
      expect(await dueForRevisit(db)).toEqual(
        ['chat', 'recommendations', 'search'].map(ref),
      );
      const summary = await db.dashboard.summarize({
        filter: {},
        window: WINDOW,
      });
      expect(summary.byReviewStatus).toEqual({
        current: 1,
        'due-soon': 3,
        overdue: 0,
      });
      const facts = {
        id: event.id,
        product: 'vector cloud',
        kind: 'acquisition',
        occurredOn: '2026-12-01',
      };
      expect(await db.evaluations.get(search.id)).toMatchObject({
        needsAttention: true,
        vendorEvent: facts,
      });
      const draft = await db.evaluations.getByEntityRef(ref('draft'));
      expect(draft?.vendorEvent).toBeUndefined();

      // A retry with the same key: the same event, nothing more recorded.
      const retried = await db.vendorEvents.record(
        { ...write, now: new Date() },
        choosing(write),
      );
      expect(retried).toEqual({ event, created: false });
      // The key reused for another event: a conflict, nothing recorded.
      const reused = await db.vendorEvents
        .record({ ...write, note: 'another rise' }, choosing(write))
        .catch(e => e);
      expect(reused).toBeInstanceOf(ConflictError);
      expect(reused.message).toMatch(/^body\.idempotencyKey: /);
      expect(await knex('vendor_events').count({ n: '*' })).toEqual([
        { n: databaseId === 'POSTGRES_15' ? '1' : 1 },
      ]);
      expect(
        await db.vendorEvents.listForProduct(
          productKeyOf('VC Managed', ALIASES),
        ),
      ).toEqual([event]);

      // The rules recomputed at start keep the attention of the event.
      await knex('evaluations').update({ facts_version: 0 });
      await refreshDerivedFacts(knex);
      expect(await dueForRevisit(db)).toEqual(
        ['chat', 'recommendations', 'search'].map(ref),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'clears the event when the decision is confirmed or recorded again, %p',
    async databaseId => {
      const { db } = await open(databaseId);
      const search = await decide(db, 'search', buying('Vector Cloud'));
      const chat = await decide(db, 'chat', buying('Vector Cloud'));
      const write = eventOf('Vector Cloud', { kind: 'incident' });
      await db.vendorEvents.record(write, choosing(write));

      const current = (await db.evaluations.get(search.id))!;
      await db.evaluations.confirm({
        id: current.id,
        expectedVersion: current.version,
        note: 'The incident was contained; the decision holds.',
        evaluation: current.evaluation,
        outcome: current.outcome,
        revisitBy: '2027-06-04',
        entity: current.entity,
        releasedNoticeConditions: [],
        actorRef: 'user:default/alice',
        now: NOW,
      });
      const recorded = (await db.evaluations.get(chat.id))!;
      await db.evaluations.update({
        id: recorded.id,
        expectedVersion: recorded.version,
        status: 'complete',
        evaluation: recorded.evaluation,
        outcome: recorded.outcome,
        revisitBy: '2027-06-04',
        entity: recorded.entity,
        actorRef: 'user:default/alice',
        now: NOW,
      });

      expect(await dueForRevisit(db)).toEqual([]);
      for (const id of [search.id, chat.id]) {
        expect(await db.evaluations.get(id)).toMatchObject({
          needsAttention: false,
          vendorEvent: undefined,
        });
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a product no current decision chose, naming the field and storing nothing, %p',
    async databaseId => {
      const { knex, db } = await open(databaseId);
      await decide(db, 'search', buying('Vector Cloud'));
      await decide(db, 'draft', buying('Weaviate'), 'draft');
      for (const product of ['Pinecone', 'Weaviate']) {
        const write = eventOf(product);
        const error = await db.vendorEvents
          .record(write, choosing(write))
          .catch(e => e);
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toMatch(/^body\.product: /);
      }
      expect(await knex('vendor_events').pluck('id')).toEqual([]);
      expect(await dueForRevisit(db)).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a product name with markup as it was entered, %p',
    async databaseId => {
      const { db } = await open(databaseId);
      const name = '<img src=x onerror=alert(1)>Vector';
      const search = await decide(db, 'search', buying(name));
      const write = eventOf(name);
      const { event } = await db.vendorEvents.record(write, choosing(write));
      expect(event.product).toBe(name);
      expect((await db.evaluations.get(search.id))?.vendorEvent?.product).toBe(
        name,
      );
    },
  );

  describe('property', () => {
    let knex: Knex;
    let db: BuildVsBuyDatabase;
    beforeAll(async () => {
      ({ knex, db } = await open('SQLITE_3'));
    });

    // Spellings of three products, aliases among them, and of none.
    const SPELLINGS = [
      'Vector Cloud',
      ' vector  cloud',
      'VC Managed',
      'Pinecone',
      'PINECONE ',
      'Stripe',
    ];

    it('raises exactly the complete decisions whose product is the event’s, by the portfolio’s rule', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              spelling: fc.constantFrom(...SPELLINGS),
              complete: fc.boolean(),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          fc.constantFrom(...SPELLINGS),
          async (decisions, product) => {
            run += 1;
            await knex('evaluation_revisions').delete();
            await knex('evaluations').delete();
            const records = [];
            for (const [index, decision] of decisions.entries()) {
              records.push({
                spelling: decision.spelling,
                complete: decision.complete,
                record: await decide(
                  db,
                  `c${run}-${index}`,
                  buying(decision.spelling),
                  decision.complete ? 'complete' : 'draft',
                ),
              });
            }
            const write = eventOf(product, {
              idempotencyKey: `run-${run}`,
            });
            // The oracle is the vendor portfolio itself: the decisions it
            // lists under the event's product.
            const listed = vendorPortfolio(
              records
                .filter(({ complete }) => complete)
                .map(({ spelling, record }) => ({
                  entityRef: record.entityRef,
                  productName: spelling,
                  hasMigrationPlan: true,
                  revisitBy: record.revisitBy,
                })),
              [],
              ALIASES,
            ).find(
              ({ spellings }) =>
                productKeyOf(spellings[0], ALIASES) ===
                productKeyOf(product, ALIASES),
            );
            const expected = records
              .filter(({ record }) =>
                listed?.decisions.some(d => d.entityRef === record.entityRef),
              )
              .map(({ record }) => record.id)
              .sort();
            const outcome = await db.vendorEvents
              .record(write, choosing(write))
              .catch(e => e);
            // Refused (an InputError) when the portfolio lists nobody.
            expect(
              outcome instanceof InputError
                ? 0
                : (outcome as { event: { decisions: number } }).event.decisions,
            ).toBe(expected.length);
            const raised = (await knex('evaluations')
              .whereNotNull('vendor_event')
              .where('needs_attention', true)
              .pluck('id')) as string[];
            expect(raised.sort()).toEqual(expected);
          },
        ),
        { numRuns: 30 },
      );
    });
  });
});
