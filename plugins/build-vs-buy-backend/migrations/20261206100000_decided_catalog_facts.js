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
 * What the catalog said of the component when the decision was recorded,
 * beside its owner and maintenance team (`20261128140000_revisit_notices`):
 * its lifecycle and a fingerprint of its description, so that the revisit
 * scan notices when either changes.
 *
 * Existing decisions take the lifecycle the catalog refresh last saw, the
 * nearest known; their description is unknown, so a change to it is
 * noticed only from their next recording or confirmation.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the columns (see down): take them as they are.
  if (!(await knex.schema.hasColumn('evaluations', 'decided_lifecycle'))) {
    await knex.schema.alterTable('evaluations', table => {
      table
        .string('decided_lifecycle', 255)
        .nullable()
        .comment(
          "The entity's lifecycle when the evaluation was last completed",
        );
      table
        .string('decided_description_hash', 64)
        .nullable()
        .comment(
          "A fingerprint of the entity's description when the evaluation was last completed",
        );
    });
  }
  await knex('evaluations')
    .whereNotNull('decided_at')
    .update({ decided_lifecycle: knex.ref('entity_lifecycle') });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // SQLite drops a column by rebuilding the table, which would cascade to
  // every revision and drop the counting triggers
  // (20261206090000_decision_counts): the columns stay there, and the
  // previous code ignores them.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('decided_lifecycle');
    table.dropColumn('decided_description_hash');
  });
};
