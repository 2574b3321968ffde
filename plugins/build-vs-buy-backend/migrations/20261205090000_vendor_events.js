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
 * Vendor events: new information about a product bought (an incident, a
 * price or terms change, a deprecation, an acquisition, a new version),
 * recorded once per client-chosen idempotency key, and on each current
 * decision that chose the product, the event it is due for revisit for
 * until it is confirmed or recorded again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('vendor_events', table => {
    // No apostrophes in comments: knex does not escape them for PostgreSQL.
    table.comment('New information about a product of the vendor portfolio');
    table.uuid('id').primary();
    table
      .string('product_key', 255)
      .notNullable()
      .comment('The product as the portfolio groups it: candidateNameKey');
    table
      .text('product_name')
      .notNullable()
      .comment('The product name as it was entered');
    table.string('kind', 32).notNullable();
    table.text('note').notNullable();
    table.string('occurred_on', 10).notNullable().comment('YYYY-MM-DD');
    table
      .string('idempotency_key', 128)
      .notNullable()
      .unique({ indexName: 'vendor_events_idempotency_key_idx' })
      .comment('Chosen by the client: a retry records one event');
    table
      .integer('decisions')
      .notNullable()
      .comment('How many decisions it made due for revisit');
    table.string('recorded_by', 255).notNullable();
    table.string('recorded_at', 32).notNullable();
    table.index(
      ['product_key', 'recorded_at'],
      'vendor_events_product_key_idx',
    );
  });
  // On SQLite a rollback leaves the column (see down): take it as it is.
  if (!(await knex.schema.hasColumn('evaluations', 'vendor_event'))) {
    await knex.schema.alterTable('evaluations', table => {
      table
        .text('vendor_event')
        .nullable()
        .comment(
          'The vendor event the decision is due for revisit for, as JSON',
        );
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('vendor_events');
  // The code before this migration knows nothing of vendor events: the
  // attention they raised is recomputed from the answers when it starts.
  await knex('evaluations')
    .whereNotNull('vendor_event')
    .update({ vendor_event: null, facts_version: 0 });
  // SQLite drops a column by rebuilding the table, which would cascade to
  // every revision (see 20261128140000_revisit_notices.js): the column stays
  // there, and the previous code ignores it.
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('vendor_event');
  });
};
