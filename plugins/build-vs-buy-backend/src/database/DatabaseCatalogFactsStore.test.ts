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
  reviewWindow,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { BuildVsBuyDatabase } from './BuildVsBuyDatabase';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-30T09:00:00Z');

describe('DatabaseCatalogFactsStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function open(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return databaseOn(knex);
  }

  /** Saves an example's answers as the decision of an entity. */
  async function decide(
    db: BuildVsBuyDatabase,
    evaluation: Evaluation,
    entityRef = evaluation.entityRef,
  ) {
    return db.evaluations.create({
      entityRef,
      status: 'complete',
      evaluation: { ...evaluation, entityRef },
      outcome: evaluate(evaluation, { now: NOW }),
      revisitBy: evaluation.revisitBy ?? '2027-06-01',
      entity: { ownerRef: 'group:default/search', missing: false },
      actorRef: 'user:default/alice',
      now: NOW,
    });
  }

  it.each(databases.eachSupportedId())(
    'pages through the evaluated entities, each once and in order, %p',
    async databaseId => {
      const db = await open(databaseId);
      const [vectors, retrieval, clinical, rag, observability] =
        EXAMPLE_EVALUATIONS.map(({ evaluation }) => evaluation);
      for (const evaluation of [observability, vectors, rag, clinical]) {
        await decide(db, evaluation);
      }
      // An entity decided again after archiving has two evaluations.
      const archived = await decide(db, retrieval);
      await db.evaluations.archive({
        id: archived.id,
        expectedVersion: archived.version,
        actorRef: 'user:default/alice',
        now: NOW,
      });
      await decide(db, retrieval);
      const all = [vectors, retrieval, clinical, rag, observability]
        .map(({ entityRef }) => entityRef)
        .sort();

      // As the catalog refresh reads them; a page that does not move on
      // would make it loop, so stop after one page more than there are.
      const pages: string[][] = [];
      let after: string | undefined;
      while (pages.length <= 3) {
        const page = await db.catalogFacts.listEntityRefs({ limit: 2, after });
        if (page.length === 0) break;
        pages.push(page);
        after = page[page.length - 1];
      }

      expect(pages).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4)]);
      expect(
        await db.catalogFacts.listEntityRefs({ limit: 10, after: all[4] }),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes the catalog facts, and keeps the last seen when the entity leaves the catalog, %p',
    async databaseId => {
      const db = await open(databaseId);
      const [vectors, retrieval] = EXAMPLE_EVALUATIONS.map(
        ({ evaluation }) => evaluation,
      );
      const decided = await decide(db, vectors);
      const other = await decide(db, retrieval);
      const seen = {
        title: 'Product similarity store',
        ownerRef: 'group:default/discovery',
        systemRef: 'system:default/storefront',
        lifecycle: 'production',
        missing: false,
      };
      const missingList = async () =>
        (
          await db.dashboard.list({
            filter: { attention: 'entity-missing' },
            window: reviewWindow(NOW, 30),
            order: 'updated',
            limit: 10,
          })
        ).items.map(({ entityRef }) => entityRef);

      await db.catalogFacts.updateEntityFacts([
        { entityRef: vectors.entityRef, ...seen },
      ]);
      expect((await db.evaluations.get(decided.id))?.entity).toEqual(seen);
      // Facts are not answers: the evaluation keeps its version.
      expect((await db.evaluations.get(decided.id))?.version).toBe(1);
      expect(await db.evaluations.get(other.id)).toEqual(other);
      expect(
        await db.dashboard.list({
          filter: { ownerGroups: ['group:default/discovery'] },
          window: reviewWindow(NOW, 30),
          order: 'updated',
          limit: 10,
        }),
      ).toMatchObject({ items: [{ id: decided.id }] });

      await db.catalogFacts.updateEntityFacts([
        { entityRef: vectors.entityRef, missing: true },
      ]);
      expect((await db.evaluations.get(decided.id))?.entity).toEqual({
        ...seen,
        missing: true,
      });
      expect(await missingList()).toEqual([vectors.entityRef]);

      // Back in the catalog under another owner.
      await db.catalogFacts.updateEntityFacts([
        {
          entityRef: vectors.entityRef,
          ownerRef: 'group:default/search',
          missing: false,
        },
      ]);
      expect((await db.evaluations.get(decided.id))?.entity).toEqual({
        ownerRef: 'group:default/search',
        missing: false,
      });
      expect(await missingList()).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    "puts right a component's copy of its decision on the next refresh, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      const [vectors] = EXAMPLE_EVALUATIONS.map(({ evaluation }) => evaluation);
      const component = {
        entityRef: vectors.entityRef,
        ownerRef: 'group:default/search',
      };
      const copy = async () =>
        knex('catalog_components')
          .where({ component_ref: vectors.entityRef })
          .first('decision_status', 'decision_revisit_by');
      await db.catalogFacts.saveComponents([component], NOW.toISOString());
      const decided = await decide(db, vectors);
      const expected = {
        decision_status: 'complete',
        decision_revisit_by: decided.revisitBy,
      };
      expect(await copy()).toEqual(expected);

      // As if the decision had been written while a refresh was saving the
      // component for the first time: the triggers found no row to copy to.
      await knex('catalog_components')
        .where({ component_ref: vectors.entityRef })
        .update({ decision_status: null, decision_revisit_by: null });
      await db.catalogFacts.saveComponents([component], NOW.toISOString());
      expect(await copy()).toEqual(expected);
    },
  );
});
