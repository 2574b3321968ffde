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
 * What the revisit scan needs to notice changes and notify once per change:
 * the entity's owner and the size of the maintenance team when the decision
 * was made, and per evaluation the conditions its owners were last told
 * about.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluations', table => {
    table
      .string('decided_owner_ref', 255)
      .nullable()
      .comment("The entity's owner when the evaluation was last completed");
    table
      .integer('decided_maintainers')
      .nullable()
      .comment(
        'Members of the maintenance owner group when the evaluation was last completed',
      );
    // The revisit scan pages through complete evaluations in id order.
    table.index(['status', 'id'], 'evaluations_status_id_idx');
  });
  // Existing decisions: the owner the catalog refresh last saw, the nearest
  // known to the owner when they were made; owner changes from before this
  // migration are not reported. Their maintenance team size is unknown, so
  // only an empty team is reported for them.
  await knex('evaluations')
    .whereNotNull('decided_at')
    .update({ decided_owner_ref: knex.ref('entity_owner_ref') });

  await knex.schema.createTable('evaluation_notices', table => {
    table.comment(
      'Per evaluation, the conditions its owners were last notified of',
    );
    table
      .string('evaluation_id', 36)
      .primary()
      .notNullable()
      .references('id')
      .inTable('evaluations')
      .onDelete('CASCADE');
    table
      .text('conditions')
      .notNullable()
      .comment('A JSON array of condition keys, sorted');
    table.string('updated_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('evaluation_notices');
  await knex.schema.alterTable('evaluations', table => {
    table.dropIndex(['status', 'id'], 'evaluations_status_id_idx');
  });
  // SQLite drops a column by rebuilding the table, and with foreign keys on
  // (as Backstage runs it, inside the migration's transaction) dropping
  // `evaluations` would cascade to every revision. The two nullable
  // columns stay there; the previous code ignores them.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('decided_owner_ref');
    table.dropColumn('decided_maintainers');
  });
};
