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
 * What changed in the catalog since a decision was recorded, as the revisit
 * scan found it (-common's `CatalogChanges`, as JSON): the component's
 * owner, lifecycle or description, or its maintenance team. Like
 * `vendor_event`, it raises `needs_attention` until the decision is
 * recorded again or confirmed still valid, which clears it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the column (see down): take it as it is.
  if (!(await knex.schema.hasColumn('evaluations', 'catalog_changes'))) {
    await knex.schema.alterTable('evaluations', table => {
      table
        .text('catalog_changes')
        .nullable()
        .comment(
          'What changed in the catalog since the decision, as JSON, until it is revisited',
        );
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // SQLite drops a column by rebuilding the table, which would cascade to
  // every revision and drop the counting triggers
  // (20261206090000_decision_counts): the column stays there, and the
  // previous code ignores it. The attention it raised stays until the
  // decision is next recorded or confirmed.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('catalog_changes');
  });
};
