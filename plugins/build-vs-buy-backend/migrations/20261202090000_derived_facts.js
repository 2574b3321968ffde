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

// @ts-check

/**
 * The facts the dashboard filters on, stored as columns computed by
 * -common's `decisionFacts` at every save, so SQL compares columns instead
 * of restating the rules. The migration only adds them: rows start at
 * `facts_version` 0 and the plugin fills them in with the rules of its
 * version when it starts, which no SQL here could do without copying them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the columns (see down): take them as they
  // are, and have the plugin compute them again.
  if (await knex.schema.hasColumn('evaluations', 'facts_version')) {
    await knex('evaluations').update({ facts_version: 0 });
    await knex.schema.alterTable('evaluations', table => {
      table.index(['facts_version'], 'evaluations_facts_version_idx');
    });
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table
      .boolean('needs_attention')
      .notNullable()
      .defaultTo(false)
      .comment('Due for attention whatever the date (decisionFacts)');
    table
      .boolean('buy_without_migration_plan')
      .notNullable()
      .defaultTo(false)
      .comment('A buy verdict without a migration plan');
    table
      .boolean('build_without_maintenance_owner')
      .notNullable()
      .defaultTo(false)
      .comment('A build verdict without a maintenance owner');
    table
      .string('chosen_candidate_name', 255)
      .nullable()
      .comment('The product a buy chose, by name');
    table
      .integer('facts_version')
      .notNullable()
      .defaultTo(0)
      .comment('The version of the rules the derived columns were computed by');
    table.index(['facts_version'], 'evaluations_facts_version_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluations', table => {
    table.dropIndex(['facts_version'], 'evaluations_facts_version_idx');
  });
  // SQLite drops a column by rebuilding the table, which would cascade to
  // every revision (see 20261128140000_revisit_notices.js): the columns
  // stay there, and the previous code ignores them.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('needs_attention');
    table.dropColumn('buy_without_migration_plan');
    table.dropColumn('build_without_maintenance_owner');
    table.dropColumn('chosen_candidate_name');
    table.dropColumn('facts_version');
  });
};
