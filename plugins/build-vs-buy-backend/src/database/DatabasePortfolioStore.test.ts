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
import {
  evaluate,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { vendorPortfolioPage } from '../service/portfolio';
import { BuildVsBuyDatabase } from './BuildVsBuyDatabase';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-04T09:00:00Z');
const ref = (name: string) => `component:default/${name}`;

/** The example, its first candidate (the one the tree buys) renamed. */
function buying(
  productName: string,
  changes: Partial<Evaluation> = {},
): Evaluation {
  const [chosen, ...others] = ecommerceVectorDatabase.candidates;
  return {
    ...ecommerceVectorDatabase,
    candidates: [{ ...chosen, name: productName }, ...others],
    ...changes,
  };
}

describe('DatabasePortfolioStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function open(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return databaseOn(knex);
  }

  let saves = 0;
  /** Saves a decision, a minute after the one saved before it. */
  async function decide(
    db: BuildVsBuyDatabase,
    name: string,
    evaluation: Evaluation,
    options: { status?: 'draft' | 'complete'; revisitBy?: string } = {},
  ) {
    const entityRef = ref(name);
    const answers = { ...evaluation, entityRef };
    const outcome = evaluate(answers, { now: NOW });
    return db.evaluations.create({
      entityRef,
      status: options.status ?? 'complete',
      evaluation: answers,
      outcome,
      revisitBy: options.revisitBy ?? '2027-06-01',
      entity: {
        ownerRef: `group:default/${name}-team`,
        systemRef: 'system:default/shop',
        missing: false,
      },
      actorRef: 'user:default/alice',
      now: new Date(NOW.getTime() + ++saves * 60_000),
    });
  }

  const portfolio = (
    db: BuildVsBuyDatabase,
    options: Partial<Parameters<typeof vendorPortfolioPage>[1]> = {},
  ) =>
    vendorPortfolioPage(db.portfolio, {
      order: 'components',
      direction: 'desc',
      limit: 10,
      aliases: { 'VC Managed': 'Vector Cloud' },
      ...options,
    });

  it.each(databases.eachSupportedId())(
    'groups decisions to buy by product, with what depends on them, %p',
    async databaseId => {
      const db = await open(databaseId);
      await decide(db, 'search', buying('Vector Cloud'), {
        revisitBy: '2027-03-01',
      });
      await decide(
        db,
        'recommendations',
        buying(' vector  CLOUD', {
          failureModes: {
            ...ecommerceVectorDatabase.failureModes,
            migrationPlan: undefined,
            integrationCostWeeks: 2,
          },
        }),
      );
      await decide(db, 'chat', buying('VC Managed'));
      await decide(db, 'billing', buying('<b>Stripe</b>'));
      // Not decisions to buy: a draft, one archived, one the team decided
      // to build.
      await decide(db, 'draft', buying('Vector Cloud'), { status: 'draft' });
      const archived = await decide(db, 'archived', buying('Vector Cloud'));
      await db.evaluations.archive({
        id: archived.id,
        expectedVersion: archived.version,
        actorRef: 'user:default/alice',
        now: NOW,
      });
      await decide(
        db,
        'built',
        buying('Vector Cloud', {
          teamDecision: { kind: 'build', rationale: 'We know vectors.' },
        }),
      );
      await db.catalogFacts.saveComponents(
        [
          {
            entityRef: ref('search'),
            dependentRefs: [ref('storefront'), ref('recommendations')],
          },
          { entityRef: ref('storefront'), systemRef: 'system:default/web' },
          { entityRef: ref('billing'), dependentRefs: [ref('checkout')] },
        ],
        NOW.toISOString(),
      );

      const page = await portfolio(db);
      expect(page.nextCursor).toBeUndefined();
      expect(
        page.items.map(p => [p.product, p.components, p.dependents]),
      ).toEqual([
        ['Vector Cloud', 3, [ref('storefront')]],
        ['<b>Stripe</b>', 1, [ref('checkout')]],
      ]);
      const [vectorCloud] = page.items;
      expect(vectorCloud).toMatchObject({
        spellings: ['Vector Cloud', 'vector  CLOUD', 'VC Managed'],
        withoutMigrationPlan: 1,
        // The example budgets 4 weeks; recommendations 2.
        integrationWeeks: 10,
        nextRevisitBy: '2027-03-01',
        systems: ['system:default/shop', 'system:default/web'],
      });
      expect(vectorCloud.decisions).toEqual([
        expect.objectContaining({
          entityRef: ref('chat'),
          ownerRef: 'group:default/chat-team',
          hasMigrationPlan: true,
          integrationWeeks: 4,
        }),
        expect.objectContaining({
          entityRef: ref('recommendations'),
          productName: ' vector  CLOUD',
          hasMigrationPlan: false,
          integrationWeeks: 2,
        }),
        expect.objectContaining({
          entityRef: ref('search'),
          revisitBy: '2027-03-01',
        }),
      ]);

      // Pages follow one another without overlap.
      const first = await portfolio(db, { limit: 1 });
      const second = await portfolio(db, {
        limit: 1,
        cursor: first.nextCursor,
      });
      expect([...first.items, ...second.items].map(p => p.product)).toEqual([
        'Vector Cloud',
        '<b>Stripe</b>',
      ]);
      expect(second.nextCursor).toBeUndefined();
      await expect(portfolio(db, { cursor: 'forged' })).rejects.toThrow(
        /^cursor: /,
      );

      // Only the decisions the caller may read.
      const permitted = await portfolio(db, {
        permissionFilter: {
          key: 'entity_owner_ref',
          values: ['group:default/billing-team'],
        },
      });
      expect(permitted.items.map(p => p.product)).toEqual(['<b>Stripe</b>']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the relations a refresh read, and drops those of components that left, %p',
    async databaseId => {
      const db = await open(databaseId);
      await decide(db, 'search', buying('Vector Cloud'));
      const at = (day: string) => `2026-12-${day}T00:00:00.000Z`;
      await db.catalogFacts.saveComponents(
        [{ entityRef: ref('search'), dependentRefs: [ref('storefront')] }],
        at('01'),
      );
      await db.catalogFacts.saveComponents(
        [{ entityRef: ref('search'), dependentRefs: [ref('mobile-app')] }],
        at('02'),
      );
      expect(await db.portfolio.listDependents([ref('search')])).toEqual([
        { componentRef: ref('search'), dependentRef: ref('mobile-app') },
      ]);

      await db.catalogFacts.saveComponents(
        [{ entityRef: ref('other') }],
        at('03'),
      );
      expect(
        await db.catalogFacts.removeComponentsNotRefreshedSince(at('03')),
      ).toBe(1);
      expect(await db.portfolio.listDependents([ref('search')])).toEqual([]);
      expect((await portfolio(db)).items[0].dependents).toEqual([]);
    },
  );
});
