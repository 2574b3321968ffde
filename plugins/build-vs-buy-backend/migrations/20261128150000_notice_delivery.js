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
 * At-least-once delivery of revisit notices: a notice is claimed with
 * `sent_at` empty and marked sent once the notifications service took it,
 * so a claim left unsent by a backend that stopped is sent by a later scan.
 * Notices recorded before this migration were sent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluation_notices', table => {
    table
      .string('sent_at', 32)
      .nullable()
      .comment(
        'When the notice was handed to notifications; empty while claimed',
      );
  });
  await knex('evaluation_notices').update({ sent_at: knex.ref('updated_at') });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // evaluation_notices has no dependent rows, so rebuilding it on SQLite to
  // drop the column loses nothing.
  await knex.schema.alterTable('evaluation_notices', table => {
    table.dropColumn('sent_at');
  });
};
