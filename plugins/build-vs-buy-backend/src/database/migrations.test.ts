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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@build-vs-buy/plugin-build-vs-buy-backend',
  'migrations',
);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'step up and down with rows in the tables, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });

      const row = {
        id: '00000000-0000-4000-8000-000000000001',
        entity_ref: 'component:default/vector-database',
        active_entity_ref: 'component:default/vector-database',
        version: 1,
        status: 'complete',
        evaluation: '{}',
        outcome: '{}',
        verdict_kind: 'buy',
        revisit_by: '2027-05-01',
        has_migration_plan: true,
        created_at: '2026-11-28T00:00:00.000Z',
        created_by: 'user:default/alice',
        updated_at: '2026-11-28T00:00:00.000Z',
        updated_by: 'user:default/alice',
      };
      await knex('evaluations').insert(row);
      await knex('evaluation_revisions').insert({
        evaluation_id: row.id,
        version: 1,
        status: 'complete',
        verdict_kind: 'buy',
        evaluation: '{}',
        created_at: row.created_at,
        created_by: row.created_by,
      });
      // One active evaluation per entity: the unique index exists...
      const indexes =
        databaseId === 'SQLITE_3'
          ? await knex('sqlite_master')
              .where({ type: 'index', tbl_name: 'evaluations' })
              .pluck('name')
          : await knex('pg_indexes')
              .where({ tablename: 'evaluations' })
              .pluck('indexname');
      expect(indexes).toContain('evaluations_active_entity_ref_uniq');
      // ...and holds. (Asserted on the message: better-sqlite3's error class
      // comes from whichever test file loaded the native module first in this
      // Jest worker, so `toThrow` may not see it as an Error.)
      const duplicate = await knex('evaluations')
        .insert({ ...row, id: `${row.id.slice(0, -1)}2` })
        .then(
          () => 'inserted',
          (error: Error) => error.message,
        );
      expect(duplicate).toMatch(/unique|duplicate key/i);

      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('evaluations')).toBe(false);
      expect(await knex.schema.hasTable('evaluation_revisions')).toBe(false);

      await knex.migrate.latest({ directory });
      expect(await knex('evaluations').count({ count: '*' })).toEqual([
        { count: databaseId === 'SQLITE_3' ? 0 : '0' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'adds the revisit notices, backfilling the owner of decided rows, and removes them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ directory, name: '20261128120000_init.js' });
      const row = (id: string, decided: boolean) => ({
        id,
        entity_ref: `component:default/${id}`,
        active_entity_ref: `component:default/${id}`,
        version: 1,
        status: decided ? 'complete' : 'draft',
        evaluation: '{}',
        outcome: '{}',
        verdict_kind: decided ? 'buy' : 'incomplete',
        revisit_by: '2027-05-01',
        has_migration_plan: true,
        entity_owner_ref: 'group:default/search',
        decided_at: decided ? '2026-11-28T00:00:00.000Z' : null,
        created_at: '2026-11-28T00:00:00.000Z',
        created_by: 'user:default/alice',
        updated_at: '2026-11-28T00:00:00.000Z',
        updated_by: 'user:default/alice',
      });
      await knex('evaluations').insert([
        row('decided', true),
        row('draft', false),
      ]);

      await knex.migrate.up({ directory });
      expect(
        await knex('evaluations')
          .orderBy('id')
          .select('id', 'decided_owner_ref', 'decided_maintainers'),
      ).toEqual([
        {
          id: 'decided',
          decided_owner_ref: 'group:default/search',
          decided_maintainers: null,
        },
        { id: 'draft', decided_owner_ref: null, decided_maintainers: null },
      ]);
      await knex('evaluation_revisions').insert({
        evaluation_id: 'decided',
        version: 1,
        status: 'complete',
        verdict_kind: 'buy',
        evaluation: '{}',
        created_at: '2026-11-28T00:00:00.000Z',
        created_by: 'user:default/alice',
      });
      await knex('evaluation_notices').insert({
        evaluation_id: 'decided',
        conditions: '["overdue:2027-05-01"]',
        updated_at: '2026-11-28T00:00:00.000Z',
      });

      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('evaluation_notices')).toBe(false);
      // On SQLite the columns stay: dropping one rebuilds the table, which
      // would cascade to the revisions.
      expect(
        await knex.schema.hasColumn('evaluations', 'decided_owner_ref'),
      ).toBe(databaseId === 'SQLITE_3');
      // No history is lost on the way down.
      expect(await knex('evaluation_revisions').pluck('evaluation_id')).toEqual(
        ['decided'],
      );
      expect(await knex('evaluations').orderBy('id').pluck('id')).toEqual([
        'decided',
        'draft',
      ]);
    },
  );
});
