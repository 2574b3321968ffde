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
 * The vendor portfolio: the weeks of integration each decision to buy
 * commits to (-common's `integrationWeeksOf`, through `decisionFacts`), and
 * the catalog's `dependencyOf` relations of the plugin's copy of the
 * components, so that the blast radius of a product is read without asking
 * the catalog once per component. The plugin computes the column for the
 * rows already there when it starts; the catalog refresh fills the table.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the column (see down): take it as it is.
  if (!(await knex.schema.hasColumn('evaluations', 'integration_weeks'))) {
    await knex.schema.alterTable('evaluations', table => {
      table
        .float('integration_weeks')
        .nullable()
        .comment('The weeks of integration a decision to buy commits to');
    });
  }
  await knex('evaluations').update({ facts_version: 0 });
  await knex.schema.createTable('catalog_component_dependents', table => {
    // No apostrophes in comments: knex does not escape them for PostgreSQL.
    table.comment(
      'The dependencyOf relations of the copied catalog components, as last read by the catalog refresh',
    );
    table
      .string('component_ref', 255)
      .notNullable()
      .comment('The component depended on, lower case');
    table
      .string('dependent_ref', 255)
      .notNullable()
      .comment('The entity that depends on it, lower case');
    table.primary(['component_ref', 'dependent_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('catalog_component_dependents');
  // The code before this migration recomputes the facts it knows.
  await knex('evaluations').update({ facts_version: 0 });
  // SQLite drops a column by rebuilding the table, which would cascade to
  // every revision (see 20261128140000_revisit_notices.js): the column stays
  // there, and the previous code ignores it.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('integration_weeks');
  });
};
