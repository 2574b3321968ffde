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
 * Whether the team decided against the tree's verdict, stored as a column
 * computed by -common's `teamDecisionOf` (through `decisionFacts`) at every
 * save, so the lists filter on it without restating the rule in SQL. The
 * migration only adds the column and marks every row's facts as not yet
 * derived: the plugin computes them for the rows already there when it
 * starts, which no SQL here could do without copying the rule.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the column (see down): take it as it is.
  if (!(await knex.schema.hasColumn('evaluations', 'decided_against_tree'))) {
    await knex.schema.alterTable('evaluations', table => {
      table
        .boolean('decided_against_tree')
        .notNullable()
        .defaultTo(false)
        .comment("The team decided otherwise than the tree's verdict");
    });
  }
  // Whatever the column holds now (the default, or what was computed before
  // a rollback), the plugin computes it again from the answers.
  await knex('evaluations').update({ facts_version: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // The code before this migration recomputes the facts it knows from the
  // answers: whatever this version derived, let it derive them again.
  await knex('evaluations').update({ facts_version: 0 });
  // SQLite drops a column by rebuilding the table, which would cascade to
  // every revision (see 20261128140000_revisit_notices.js): the column stays
  // there, and the previous code ignores it.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('decided_against_tree');
  });
};
