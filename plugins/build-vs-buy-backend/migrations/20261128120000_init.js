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
 * Evaluations at their current version, and every saved revision of them.
 * Timestamps are ISO 8601 strings in UTC and dates are YYYY-MM-DD strings, so
 * that ordering and comparison behave the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evaluations', table => {
    table.comment('The current version of each build-vs-buy evaluation');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table
      .string('active_entity_ref', 255)
      .nullable()
      .unique({ indexName: 'evaluations_active_entity_ref_uniq' })
      .comment(
        'entity_ref while the evaluation is not archived: one per entity',
      );
    table.integer('version').notNullable();
    table.string('status', 16).notNullable();
    table.text('evaluation').notNullable().comment('The answers, as JSON');
    table
      .text('outcome')
      .notNullable()
      .comment('The computed outcome, as JSON');
    table.string('verdict_kind', 32).notNullable();
    table.string('revisit_by', 10).notNullable();
    table.string('maintenance_owner_ref', 255).nullable();
    table.boolean('has_migration_plan').notNullable();
    table.string('entity_title', 255).nullable();
    table.string('entity_owner_ref', 255).nullable();
    table.string('entity_system_ref', 255).nullable();
    table.string('entity_lifecycle', 64).nullable();
    table.boolean('entity_missing').notNullable().defaultTo(false);
    table.string('decided_at', 32).nullable();
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
    table.index(['entity_ref'], 'evaluations_entity_ref_idx');
    table.index(['status', 'revisit_by', 'id'], 'evaluations_revisit_idx');
    table.index(['updated_at', 'id'], 'evaluations_updated_idx');
    table.index(['entity_owner_ref'], 'evaluations_entity_owner_idx');
    table.index(['maintenance_owner_ref'], 'evaluations_maintenance_owner_idx');
  });

  await knex.schema.createTable('evaluation_revisions', table => {
    table.comment('Every saved revision of every evaluation; never updated');
    table
      .string('evaluation_id', 36)
      .notNullable()
      .references('id')
      .inTable('evaluations')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('status', 16).notNullable();
    table.string('verdict_kind', 32).notNullable();
    table.text('evaluation').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.primary(['evaluation_id', 'version']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('evaluation_revisions');
  await knex.schema.dropTable('evaluations');
};
