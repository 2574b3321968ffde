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
 * The plugin's copy of the catalog's components: what coverage by team
 * counts (each group's components, and which of them have a decision) in
 * one SQL query, instead of paging the whole catalog on every request. The
 * catalog refresh fills it and removes the components that left.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('catalog_components', table => {
    table.comment('Catalog components, as last read by the catalog refresh');
    table
      .string('component_ref', 255)
      .primary()
      .comment('The entity ref, lower case');
    table.string('component_title', 255).nullable();
    table
      .string('component_owner_ref', 255)
      .nullable()
      .comment("The component's owner, lower case");
    table.string('component_system_ref', 255).nullable();
    table.string('component_lifecycle', 255).nullable();
    table
      .string('refreshed_at', 32)
      .notNullable()
      .comment('When a refresh last saw the component in the catalog');
    table.index(['component_owner_ref'], 'catalog_components_owner_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('catalog_components');
};
