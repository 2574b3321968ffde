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
import {
  candidateNameKey,
  evaluate,
  reviewWindow,
  teamDecisionOf,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { FACTS_VERSION, isUniqueViolation } from './tables';
import { databaseOn } from '../__testUtils__/database';

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

  it.each(databases.eachSupportedId())(
    'adds the derived facts, which the plugin computes for rows already there, and removes them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const open = () => databaseOn(knex);
      // Up to the migration before the derived facts.
      await knex.migrate.up({ directory, name: '20261128120000_init.js' });
      await knex.migrate.up({ directory });
      await knex.migrate.up({ directory });
      expect(await knex.schema.hasColumn('evaluations', 'facts_version')).toBe(
        false,
      );

      // Two decisions as the previous version saved them: the article's
      // vector database bought with its migration plan, and the same one
      // bought without it.
      const unplanned: Evaluation = {
        ...ecommerceVectorDatabase,
        entityRef: 'component:default/catalogue-embeddings',
        failureModes: {
          ...ecommerceVectorDatabase.failureModes,
          migrationPlan: undefined,
        },
      };
      const at = '2026-11-28T00:00:00.000Z';
      const rowOf = (id: string, evaluation: Evaluation) => {
        const outcome = evaluate(evaluation, { now: new Date(at) });
        expect(outcome.verdict.kind).toBe('buy');
        return {
          id,
          entity_ref: evaluation.entityRef,
          active_entity_ref: evaluation.entityRef,
          version: 1,
          status: 'complete',
          evaluation: JSON.stringify(evaluation),
          outcome: JSON.stringify(outcome),
          verdict_kind: outcome.verdict.kind,
          revisit_by: evaluation.revisitBy ?? '2027-05-28',
          has_migration_plan: evaluation === ecommerceVectorDatabase,
          entity_owner_ref: 'group:default/search',
          decided_at: at,
          decided_owner_ref: 'group:default/search',
          created_at: at,
          created_by: 'user:default/alice',
          updated_at: at,
          updated_by: 'user:default/alice',
        };
      };
      const planned = '00000000-0000-4000-8000-000000000001';
      const old = '00000000-0000-4000-8000-000000000002';
      const rows = [
        rowOf(planned, ecommerceVectorDatabase),
        rowOf(old, unplanned),
      ];
      await knex('evaluations').insert(rows);
      await knex('evaluation_revisions').insert(
        rows.map(row => ({
          evaluation_id: row.id,
          version: 1,
          status: row.status,
          verdict_kind: row.verdict_kind,
          evaluation: row.evaluation,
          created_at: at,
          created_by: row.created_by,
        })),
      );
      await knex('evaluation_notices').insert({
        evaluation_id: old,
        conditions: '["overdue:2026-12-01"]',
        updated_at: at,
        sent_at: at,
      });
      const derived = async () =>
        (
          await knex('evaluations')
            .orderBy('id')
            .select(
              'needs_attention',
              'buy_without_migration_plan',
              'build_without_maintenance_owner',
              'chosen_candidate_name',
              'facts_version',
            )
        ).map(row => ({
          needs_attention: Boolean(row.needs_attention),
          buy_without_migration_plan: Boolean(row.buy_without_migration_plan),
          build_without_maintenance_owner: Boolean(
            row.build_without_maintenance_owner,
          ),
          chosen_candidate_name: row.chosen_candidate_name,
          facts_version: row.facts_version,
        }));
      const notYetDerived = {
        needs_attention: false,
        buy_without_migration_plan: false,
        build_without_maintenance_owner: false,
        chosen_candidate_name: null,
        facts_version: 0,
      };
      const history = async () =>
        knex('evaluation_revisions')
          .orderBy('evaluation_id')
          .select('evaluation_id', 'version', 'evaluation');

      await knex.migrate.up({ directory });
      expect(await derived()).toEqual([notYetDerived, notYetDerived]);

      // The plugin starts: the facts come from the stored answers, by
      // -common's rules, and nobody's open edit goes stale.
      const checkDerived = async () => {
        const db = await open();
        expect(await db.evaluations.get(old)).toMatchObject({
          version: 1,
          needsAttention: true,
          hasMigrationPlan: false,
          chosenCandidateName: 'VectorCloud Managed',
        });
        expect(await db.evaluations.get(planned)).toMatchObject({
          version: 1,
          needsAttention: false,
          hasMigrationPlan: true,
          chosenCandidateName: 'VectorCloud Managed',
        });
        expect(await derived()).toEqual([
          {
            ...notYetDerived,
            chosen_candidate_name: 'VectorCloud Managed',
            facts_version: FACTS_VERSION,
          },
          {
            ...notYetDerived,
            needs_attention: true,
            buy_without_migration_plan: true,
            chosen_candidate_name: 'VectorCloud Managed',
            facts_version: FACTS_VERSION,
          },
        ]);
        // The dashboard finds the buy without a way out.
        const list = await db.dashboard.list({
          filter: { attention: 'no-migration-plan' },
          window: reviewWindow(new Date(at), 30),
          order: 'updated',
          limit: 10,
        });
        expect(list.items.map(({ id }) => id)).toEqual([old]);
      };
      await checkDerived();
      const before = await history();
      expect(before.map(row => row.evaluation_id)).toEqual([planned, old]);

      // Opening the plugin ran the later migrations too: take this one down
      // by name.
      await knex.migrate.down({
        directory,
        name: '20261202090000_derived_facts.js',
      });
      // On SQLite the columns stay: dropping one rebuilds the table, which
      // would cascade to the revisions.
      for (const column of [
        'needs_attention',
        'buy_without_migration_plan',
        'build_without_maintenance_owner',
        'chosen_candidate_name',
        'facts_version',
      ]) {
        expect(await knex.schema.hasColumn('evaluations', column)).toBe(
          databaseId === 'SQLITE_3',
        );
      }
      // No history is lost on the way down.
      expect(await history()).toEqual(before);
      expect(await knex('evaluations').orderBy('id').pluck('id')).toEqual([
        planned,
        old,
      ]);
      expect(await knex('evaluation_notices').pluck('evaluation_id')).toEqual([
        old,
      ]);

      // Up again, whatever the way down left: the facts are computed anew.
      await knex.migrate.up({ directory });
      expect(await derived()).toEqual(
        databaseId === 'SQLITE_3'
          ? [
              {
                ...notYetDerived,
                chosen_candidate_name: 'VectorCloud Managed',
              },
              {
                ...notYetDerived,
                needs_attention: true,
                buy_without_migration_plan: true,
                chosen_candidate_name: 'VectorCloud Managed',
              },
            ]
          : [notYetDerived, notYetDerived],
      );
      await checkDerived();
      expect(await history()).toEqual(before);
    },
  );

  it.each(databases.eachSupportedId())(
    'adds whether the team decided against the tree, which the plugin computes for rows already there, and removes it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Up to the derived facts, the migration before the team's decision.
      await knex.migrate.up({ directory, name: '20261128120000_init.js' });
      for (let step = 0; step < 3; step++) {
        await knex.migrate.up({ directory });
      }
      expect(await knex.schema.hasColumn('evaluations', 'facts_version')).toBe(
        true,
      );
      expect(
        await knex.schema.hasColumn('evaluations', 'decided_against_tree'),
      ).toBe(false);

      // The article's vector database, which the tree says to buy: one team
      // follows the tree, the other builds it in-house and says why.
      const followed: Evaluation = {
        ...ecommerceVectorDatabase,
        entityRef: 'component:default/vector-database',
      };
      const built: Evaluation = {
        ...ecommerceVectorDatabase,
        entityRef: 'component:default/catalogue-embeddings',
        teamDecision: {
          kind: 'build',
          rationale: 'Our ranking team needs to own the index format.',
        },
      };
      const at = '2026-11-28T00:00:00.000Z';
      const rowOf = (id: string, evaluation: Evaluation) => {
        const outcome = evaluate(evaluation, { now: new Date(at) });
        expect(outcome.verdict.kind).toBe('buy');
        return {
          id,
          entity_ref: evaluation.entityRef,
          active_entity_ref: evaluation.entityRef,
          version: 1,
          status: 'complete',
          evaluation: JSON.stringify(evaluation),
          outcome: JSON.stringify(outcome),
          verdict_kind: outcome.verdict.kind,
          revisit_by: evaluation.revisitBy ?? '2027-05-28',
          has_migration_plan: true,
          chosen_candidate_name: 'VectorCloud Managed',
          // Written by the previous version of the plugin.
          facts_version: FACTS_VERSION - 1,
          decided_at: at,
          created_at: at,
          created_by: 'user:default/alice',
          updated_at: at,
          updated_by: 'user:default/alice',
        };
      };
      const followedId = '00000000-0000-4000-8000-000000000001';
      const builtId = '00000000-0000-4000-8000-000000000002';
      const rows = [rowOf(followedId, followed), rowOf(builtId, built)];
      await knex('evaluations').insert(rows);
      await knex('evaluation_revisions').insert(
        rows.map(row => ({
          evaluation_id: row.id,
          version: 1,
          status: row.status,
          verdict_kind: row.verdict_kind,
          evaluation: row.evaluation,
          created_at: at,
          created_by: row.created_by,
        })),
      );
      const against = async () =>
        (
          await knex('evaluations')
            .orderBy('id')
            .select('id', 'decided_against_tree', 'facts_version')
        ).map(row => ({
          id: row.id,
          decidedAgainstTree: Boolean(row.decided_against_tree),
          factsVersion: row.facts_version,
        }));

      const notYetDerived = [
        { id: followedId, decidedAgainstTree: false, factsVersion: 0 },
        { id: builtId, decidedAgainstTree: false, factsVersion: 0 },
      ];
      await knex.migrate.up({ directory });
      expect(await against()).toEqual(notYetDerived);

      // The plugin starts: -common's rule decides the column, and the
      // dashboard filters on it; the build is the team's, not the tree's.
      const expected = [followed, built].map(
        evaluation =>
          teamDecisionOf(evaluation, evaluate(evaluation).verdict)
            .decidedAgainstTree,
      );
      expect(expected).toEqual([false, true]);
      const checkDerived = async () => {
        const db = await databaseOn(knex);
        expect(await against()).toEqual([
          {
            id: followedId,
            decidedAgainstTree: expected[0],
            factsVersion: FACTS_VERSION,
          },
          {
            id: builtId,
            decidedAgainstTree: expected[1],
            factsVersion: FACTS_VERSION,
          },
        ]);
        expect(await db.evaluations.get(builtId)).toMatchObject({
          version: 1,
          decidedAgainstTree: true,
          chosenCandidateName: undefined,
        });
        const list = async (decidedAgainstTree: boolean) =>
          (
            await db.dashboard.list({
              filter: { decidedAgainstTree },
              window: reviewWindow(new Date(at), 30),
              order: 'updated',
              limit: 10,
            })
          ).items.map(({ id }) => id);
        expect(await list(true)).toEqual([builtId]);
        expect(await list(false)).toEqual([followedId]);
      };
      await checkDerived();

      const history = async () =>
        knex('evaluation_revisions')
          .orderBy('evaluation_id')
          .select('evaluation_id', 'version', 'evaluation');
      const before = await history();
      await knex.migrate.down({
        directory,
        name: '20261202120000_team_decision.js',
      });
      // On SQLite the column stays: dropping one rebuilds the table, which
      // would cascade to the revisions.
      expect(
        await knex.schema.hasColumn('evaluations', 'decided_against_tree'),
      ).toBe(databaseId === 'SQLITE_3');
      expect(await history()).toEqual(before);
      expect(await knex('evaluations').orderBy('id').pluck('id')).toEqual([
        followedId,
        builtId,
      ]);

      // Up again, whatever the way down left: computed anew.
      await knex.migrate.up({
        directory,
        name: '20261202120000_team_decision.js',
      });
      expect((await against()).map(({ factsVersion }) => factsVersion)).toEqual(
        [0, 0],
      );
      await checkDerived();
      expect(await history()).toEqual(before);
    },
  );

  it.each(databases.eachSupportedId())(
    'adds the confirmation note and the revisit date to the revisions, and removes them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261202130000_confirmations.js';
      await knex.migrate.latest({ directory });
      const at = '2026-12-02T00:00:00.000Z';
      const id = '00000000-0000-4000-8000-000000000001';
      await knex('evaluations').insert({
        id,
        entity_ref: 'component:default/vector-database',
        active_entity_ref: 'component:default/vector-database',
        version: 2,
        status: 'complete',
        evaluation: '{}',
        outcome: '{}',
        verdict_kind: 'buy',
        revisit_by: '2027-06-02',
        has_migration_plan: true,
        created_at: at,
        created_by: 'user:default/alice',
        updated_at: at,
        updated_by: 'user:default/bob',
      });
      const revision = (version: number) => ({
        evaluation_id: id,
        version,
        status: 'complete',
        verdict_kind: 'buy',
        evaluation: '{}',
        created_at: at,
        created_by: 'user:default/alice',
      });
      await knex('evaluation_revisions').insert([
        revision(1),
        {
          ...revision(2),
          revisit_by: '2027-06-02',
          confirmation_note: 'Still no vendor with hybrid search.',
        },
      ]);
      const history = () =>
        knex('evaluation_revisions')
          .orderBy('version')
          .select('evaluation_id', 'version', 'created_by');
      const before = await history();

      await knex.migrate.down({ directory, name });
      for (const column of ['confirmation_note', 'revisit_by']) {
        expect(
          await knex.schema.hasColumn('evaluation_revisions', column),
        ).toBe(false);
      }
      // No history is lost on the way down, on SQLite either.
      expect(await history()).toEqual(before);
      expect(await knex('evaluations').pluck('id')).toEqual([id]);

      await knex.migrate.up({ directory, name });
      expect(
        await knex('evaluation_revisions')
          .orderBy('version')
          .select('version', 'revisit_by', 'confirmation_note'),
      ).toEqual([
        { version: 1, revisit_by: null, confirmation_note: null },
        { version: 2, revisit_by: null, confirmation_note: null },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'adds the organisation profile, which the plugin computes for rows already there, and removes it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261202140000_organisation_profile.js';
      await knex.migrate.latest({ directory });
      await knex.migrate.down({ directory, name });
      expect(
        await knex.schema.hasColumn('evaluations', 'organisation_profile'),
      ).toBe(databaseId === 'SQLITE_3');

      // Two decisions saved before the column: one for a regulated
      // organisation, one whose team answered no profile.
      const at = '2026-12-02T00:00:00.000Z';
      const regulated: Evaluation = {
        ...ecommerceVectorDatabase,
        entityRef: 'component:default/vector-database',
        organisationProfile: 'regulated',
      };
      const unanswered: Evaluation = {
        ...ecommerceVectorDatabase,
        entityRef: 'component:default/catalogue-embeddings',
        organisationProfile: undefined,
      };
      const ids = [
        '00000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000002',
      ];
      await knex('evaluations').insert(
        [regulated, unanswered].map((evaluation, index) => {
          const outcome = evaluate(evaluation, { now: new Date(at) });
          return {
            id: ids[index],
            entity_ref: evaluation.entityRef,
            active_entity_ref: evaluation.entityRef,
            version: 1,
            status: 'complete',
            evaluation: JSON.stringify(evaluation),
            outcome: JSON.stringify(outcome),
            verdict_kind: outcome.verdict.kind,
            revisit_by: '2027-06-02',
            has_migration_plan: true,
            facts_version: FACTS_VERSION - 1,
            created_at: at,
            created_by: 'user:default/alice',
            updated_at: at,
            updated_by: 'user:default/alice',
          };
        }),
      );

      await knex.migrate.up({ directory, name });
      expect(
        await knex('evaluations').orderBy('id').pluck('facts_version'),
      ).toEqual([0, 0]);

      // The plugin starts: -common's organisationProfileOf fills the column.
      const db = await databaseOn(knex);
      expect(
        await knex('evaluations')
          .orderBy('id')
          .select('organisation_profile', 'facts_version'),
      ).toEqual([
        { organisation_profile: 'regulated', facts_version: FACTS_VERSION },
        { organisation_profile: 'mid-size', facts_version: FACTS_VERSION },
      ]);
      const listed = async (
        organisationProfile: 'regulated' | 'mid-size' | 'early-stage-startup',
      ) =>
        (
          await db.dashboard.list({
            filter: { organisationProfile },
            window: reviewWindow(new Date(at), 30),
            order: 'updated',
            limit: 10,
          })
        ).items.map(({ id }) => id);
      expect(await listed('regulated')).toEqual([ids[0]]);
      expect(await listed('mid-size')).toEqual([ids[1]]);
      expect(await listed('early-stage-startup')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    "adds the candidates' names, which the plugin computes for rows already there, and removes them again, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261203090000_candidate_names.js';
      await knex.migrate.latest({ directory });
      await knex.migrate.down({ directory, name });
      expect(
        await knex.schema.hasColumn('evaluations', 'candidate_names'),
      ).toBe(databaseId === 'SQLITE_3');

      // A decision saved before the column.
      const at = '2026-12-03T00:00:00.000Z';
      const id = '00000000-0000-4000-8000-000000000001';
      const evaluation: Evaluation = {
        ...ecommerceVectorDatabase,
        entityRef: 'component:default/vector-database',
      };
      const outcome = evaluate(evaluation, { now: new Date(at) });
      await knex('evaluations').insert({
        id,
        entity_ref: evaluation.entityRef,
        active_entity_ref: evaluation.entityRef,
        version: 1,
        status: 'complete',
        evaluation: JSON.stringify(evaluation),
        outcome: JSON.stringify(outcome),
        verdict_kind: outcome.verdict.kind,
        revisit_by: '2027-06-03',
        has_migration_plan: true,
        facts_version: FACTS_VERSION - 1,
        created_at: at,
        created_by: 'user:default/alice',
        updated_at: at,
        updated_by: 'user:default/alice',
      });

      await knex.migrate.up({ directory, name });
      expect(await knex('evaluations').pluck('facts_version')).toEqual([0]);

      // The plugin starts: -common's candidateNameKey fills the column.
      const db = await databaseOn(knex);
      expect(
        await knex('evaluations').select('candidate_names', 'facts_version'),
      ).toEqual([
        {
          candidate_names: evaluation.candidates
            .map(({ name: candidate }) => candidateNameKey(candidate))
            .join('\n'),
          facts_version: FACTS_VERSION,
        },
      ]);
      const [first] = evaluation.candidates;
      const listed = await db.dashboard.list({
        filter: { candidate: first.name.toLocaleUpperCase('en-US') },
        window: reviewWindow(new Date(at), 30),
        order: 'updated',
        limit: 10,
      });
      expect(listed.items.map(record => record.id)).toEqual([id]);

      await knex.migrate.down({ directory, name });
      expect(await knex('evaluations').pluck('facts_version')).toEqual([0]);
      expect(await knex('evaluations').pluck('id')).toEqual([id]);
    },
  );
  it.each(databases.eachSupportedId())(
    'adds the integration weeks and the copied relations, and removes them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261204090000_vendor_portfolio.js';
      await knex.migrate.latest({ directory });
      await knex('catalog_component_dependents').insert({
        component_ref: 'component:default/vector-database',
        dependent_ref: 'component:default/storefront',
      });
      expect(
        await knex.schema.hasColumn('evaluations', 'integration_weeks'),
      ).toBe(true);

      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasTable('catalog_component_dependents')).toBe(
        false,
      );
      expect(
        await knex.schema.hasColumn('evaluations', 'integration_weeks'),
      ).toBe(databaseId === 'SQLITE_3');

      await knex.migrate.up({ directory, name });
      expect(
        await knex('catalog_component_dependents').pluck('dependent_ref'),
      ).toEqual([]);
    },
  );
  it.each(databases.eachSupportedId())(
    'adds the vendor events and the event a decision is under, and removes them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261205090000_vendor_events.js';
      await knex.migrate.latest({ directory });
      const event = {
        id: '00000000-0000-4000-8000-0000000000e1',
        product_key: 'vectorcloud',
        product_name: 'VectorCloud',
        kind: 'incident',
        note: '',
        occurred_on: '2026-12-01',
        idempotency_key: 'key-1',
        decisions: 1,
        recorded_by: 'user:default/alice',
        recorded_at: '2026-12-05T09:00:00.000Z',
      };
      await knex('vendor_events').insert(event);
      // One event per idempotency key. (The driver's error is compared by
      // its code: better-sqlite3's errors are not this realm's Error.)
      const duplicate = await knex('vendor_events')
        .insert({ ...event, id: '00000000-0000-4000-8000-0000000000e2' })
        .then(
          () => undefined,
          error => error,
        );
      expect(isUniqueViolation(duplicate)).toBe(true);
      await knex('evaluations').insert({
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
        needs_attention: true,
        vendor_event: JSON.stringify({ id: event.id }),
        facts_version: FACTS_VERSION,
        created_at: '2026-11-28T00:00:00.000Z',
        created_by: 'user:default/alice',
        updated_at: '2026-11-28T00:00:00.000Z',
        updated_by: 'user:default/alice',
      });

      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasTable('vendor_events')).toBe(false);
      expect(await knex.schema.hasColumn('evaluations', 'vendor_event')).toBe(
        databaseId === 'SQLITE_3',
      );
      // The code before knows nothing of events: it recomputes the row.
      expect(await knex('evaluations').pluck('facts_version')).toEqual([0]);

      await knex.migrate.up({ directory, name });
      expect(await knex('evaluations').pluck('vendor_event')).toEqual([null]);
      expect(await knex('vendor_events').pluck('id')).toEqual([]);
    },
  );
  it.each(databases.eachSupportedId())(
    "copies each component's decision, keeps the copy as decisions are written, and stops again, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261208090000_component_decisions.js';
      await knex.migrate.latest({ directory });
      await knex.migrate.down({ directory, name });
      const ref = 'component:default/vector-database';
      const component = {
        component_ref: ref,
        component_owner_ref: 'group:default/ml-platform',
        refreshed_at: '2026-12-08T00:00:00.000Z',
      };
      await knex('catalog_components').insert([
        component,
        { ...component, component_ref: 'component:default/storefront' },
      ]);
      // A decision of the component, as the plugin stores one.
      const decision = (
        id: string,
        row: { status: string; verdict_kind: string; revisit_by: string },
      ) => ({
        id,
        entity_ref: ref,
        active_entity_ref: ref,
        version: 1,
        evaluation: '{}',
        outcome: '{}',
        has_migration_plan: row.status === 'complete',
        facts_version: FACTS_VERSION,
        created_at: '2026-11-28T00:00:00.000Z',
        created_by: 'user:default/alice',
        updated_at: '2026-11-28T00:00:00.000Z',
        updated_by: 'user:default/alice',
        ...row,
      });
      const id = '00000000-0000-4000-8000-000000000001';
      const draftId = '00000000-0000-4000-8000-000000000002';
      await knex('evaluations').insert(
        decision(id, {
          status: 'complete',
          verdict_kind: 'buy',
          revisit_by: '2027-05-01',
        }),
      );
      const copies = async () =>
        (
          await knex('catalog_components')
            .select(
              'component_ref',
              'decision_status',
              'decision_revisit_by',
              'decision_needs_attention',
            )
            .orderBy('component_ref')
        ).map(row => ({
          ...row,
          decision_needs_attention:
            row.decision_needs_attention === null
              ? null
              : Boolean(row.decision_needs_attention),
        }));
      /** The copy a component holds of its decision, or of none. */
      const copyOf = (
        componentRef: string,
        status: string | null = null,
        revisitBy: string | null = null,
        needsAttention: boolean | null = null,
      ) => ({
        component_ref: componentRef,
        decision_status: status,
        decision_revisit_by: revisitBy,
        decision_needs_attention: needsAttention,
      });
      const none = copyOf('component:default/storefront');

      // The decision already there is copied once...
      await knex.migrate.up({ directory, name });
      expect(await copies()).toEqual([
        none,
        copyOf(ref, 'complete', '2027-05-01', false),
      ]);
      // ...and then as it is written: attention, a new revisit date...
      await knex('evaluations')
        .where({ id })
        .update({ needs_attention: true, revisit_by: '2027-01-01' });
      expect((await copies())[1]).toEqual(
        copyOf(ref, 'complete', '2027-01-01', true),
      );
      // ...archived, and the component has none...
      await knex('evaluations')
        .where({ id })
        .update({ active_entity_ref: null, status: 'archived' });
      expect((await copies())[1]).toEqual(copyOf(ref));
      // ...a new draft for it, then none again once deleted.
      await knex('evaluations').insert(
        decision(draftId, {
          status: 'draft',
          verdict_kind: 'incomplete',
          revisit_by: '2027-06-01',
        }),
      );
      expect((await copies())[1]).toEqual(
        copyOf(ref, 'draft', '2027-06-01', false),
      );
      await knex('evaluations').where({ id: draftId }).delete();
      expect(await copies()).toEqual([none, copyOf(ref)]);

      const copyTriggers = async () =>
        (databaseId === 'SQLITE_3'
          ? await knex('sqlite_master').where({ type: 'trigger' }).pluck('name')
          : await knex('information_schema.triggers').pluck('trigger_name')
        )
          .filter((trigger: string) =>
            trigger.startsWith('evaluations_copy_decision'),
          )
          .sort();
      expect(await copyTriggers()).toEqual([
        'evaluations_copy_decision_delete',
        'evaluations_copy_decision_insert',
        'evaluations_copy_decision_update',
      ]);

      // Down, the triggers are gone; on SQLite the columns stay.
      await knex.migrate.down({ directory, name });
      expect(
        await knex.schema.hasColumn('catalog_components', 'decision_status'),
      ).toBe(databaseId === 'SQLITE_3');
      expect(await copyTriggers()).toEqual([]);
      await knex('evaluations').where({ id }).update({
        active_entity_ref: ref,
        status: 'complete',
      });
      await knex.migrate.up({ directory, name });
      expect((await copies())[1]).toMatchObject({
        decision_status: 'complete',
      });
    },
  );
});
