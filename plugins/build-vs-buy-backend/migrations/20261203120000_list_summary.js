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
 * What a list's row shows that only the answers and the outcome hold (the
 * tree's verdict, the team's decision through -common's `teamDecisionOf`,
 * the candidates' names), as JSON beside them, so a list reads neither the
 * answers nor the outcome. The migration only adds the column and marks
 * every row's facts as not yet derived: the plugin computes them for the
 * rows already there when it starts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the column (see down): take it as it is.
  if (!(await knex.schema.hasColumn('evaluations', 'list_summary'))) {
    await knex.schema.alterTable('evaluations', table => {
      table
        .text('list_summary')
        .nullable()
        .comment(
          "What a list shows of the answers and the outcome, as JSON: the verdict, the team's decision, the candidates' names",
        );
    });
  }
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
    table.dropColumn('list_summary');
  });
};
