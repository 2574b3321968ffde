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
 * Confirmations that a decision is still valid: a revision that keeps the
 * answers records the note saying why, and every revision from now on the
 * revisit date in force after it, so the history shows when a decision was
 * confirmed and until when. Revisions saved before stay without either.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluation_revisions', table => {
    table
      .text('confirmation_note')
      .nullable()
      .comment(
        'Why the decision still holds, on a revision that confirmed it as it stood',
      );
    table
      .string('revisit_by', 10)
      .nullable()
      .comment('The revisit date in force from this revision on');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Nothing references evaluation_revisions, so rebuilding it on SQLite to
  // drop the columns loses nothing.
  await knex.schema.alterTable('evaluation_revisions', table => {
    table.dropColumn('confirmation_note');
    table.dropColumn('revisit_by');
  });
};
