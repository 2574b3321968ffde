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
 * The dashboard's counts, kept as decisions are written. At 100,000
 * decisions adding up every row on every request costs about 100 ms of
 * PostgreSQL time however it is grouped; these tables hold one row per
 * combination of what the counts rest on (a few thousand), so the counts
 * add up those instead.
 *
 * Both tables are logs of changes: a trigger on `evaluations` appends +1
 * for every row as it is written and -1 for it as it was, and nothing ever
 * updates a row in place, so concurrent writers never wait on each other
 * or deadlock over a shared counter. The plugin folds the log into one row
 * per combination on a schedule (`DatabaseDashboardStore.compactCounts`);
 * a count is the sum of its rows either way.
 *
 * - `evaluation_counts`: by status, the verdict, the revisit date and
 *   whether the decision needs attention (what the review status rests on);
 * - `evaluation_owner_counts`: by status, the verdict and the maintenance
 *   owner.
 *
 * On PostgreSQL one trigger per statement appends the changes of all its
 * rows at once, grouped, and rows whose counted columns did not change
 * cancel out. On SQLite a trigger per row appends them. A later migration
 * that rebuilds `evaluations` on SQLite (as dropping a column does) drops
 * these triggers with the old table and must create them again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evaluation_counts', table => {
    table.comment(
      'Changes to the number of evaluations by status, verdict, revisit date and attention; a count is the sum of its rows',
    );
    table.bigIncrements('id').primary();
    table.string('status', 16).notNullable();
    table.string('verdict_kind', 32).notNullable();
    table.string('revisit_by', 10).notNullable();
    table.boolean('needs_attention').notNullable();
    table.integer('delta').notNullable();
  });
  await knex.schema.createTable('evaluation_owner_counts', table => {
    table.comment(
      'Changes to the number of evaluations by status, verdict and maintenance owner; a count is the sum of its rows',
    );
    table.bigIncrements('id').primary();
    table.string('status', 16).notNullable();
    table.string('verdict_kind', 32).notNullable();
    table.string('maintenance_owner_ref', 255).nullable();
    table.integer('delta').notNullable();
  });

  if (knex.client.config.client.includes('sqlite')) {
    const counted = `status, verdict_kind, revisit_by, needs_attention`;
    const owned = `status, verdict_kind, maintenance_owner_ref`;
    const append = (
      /** @type {'NEW' | 'OLD'} */ row,
      /** @type {number} */ delta,
    ) => `
      INSERT INTO evaluation_counts (${counted}, delta)
        VALUES (${row}.status, ${row}.verdict_kind, ${row}.revisit_by,
                ${row}.needs_attention, ${delta});
      INSERT INTO evaluation_owner_counts (${owned}, delta)
        VALUES (${row}.status, ${row}.verdict_kind,
                ${row}.maintenance_owner_ref, ${delta});`;
    await knex.raw(`
      CREATE TRIGGER evaluations_count_insert AFTER INSERT ON evaluations
      BEGIN ${append('NEW', 1)} END`);
    await knex.raw(`
      CREATE TRIGGER evaluations_count_delete AFTER DELETE ON evaluations
      BEGIN ${append('OLD', -1)} END`);
    await knex.raw(`
      CREATE TRIGGER evaluations_count_update AFTER UPDATE ON evaluations
      WHEN OLD.status IS NOT NEW.status
        OR OLD.verdict_kind IS NOT NEW.verdict_kind
        OR OLD.revisit_by IS NOT NEW.revisit_by
        OR OLD.needs_attention IS NOT NEW.needs_attention
        OR OLD.maintenance_owner_ref IS NOT NEW.maintenance_owner_ref
      BEGIN ${append('OLD', -1)} ${append('NEW', 1)} END`);
  } else {
    // One function for the three triggers; each branch names only the
    // transition tables its event has. The search path is fixed to the
    // one the plugin's tables are in, whoever writes.
    const changes = (/** @type {string} */ sources) => `
      INSERT INTO evaluation_counts
          (status, verdict_kind, revisit_by, needs_attention, delta)
        SELECT status, verdict_kind, revisit_by, needs_attention, SUM(delta)
          FROM (${sources}) AS changed
         GROUP BY status, verdict_kind, revisit_by, needs_attention
        HAVING SUM(delta) <> 0;
      INSERT INTO evaluation_owner_counts
          (status, verdict_kind, maintenance_owner_ref, delta)
        SELECT status, verdict_kind, maintenance_owner_ref, SUM(delta)
          FROM (${sources}) AS changed
         GROUP BY status, verdict_kind, maintenance_owner_ref
        HAVING SUM(delta) <> 0;`;
    const rows = (/** @type {string} */ table, /** @type {number} */ delta) =>
      `SELECT status, verdict_kind, revisit_by, needs_attention,
              maintenance_owner_ref, ${delta} AS delta FROM ${table}`;
    await knex.raw(`
      CREATE FUNCTION build_vs_buy_count_evaluations() RETURNS trigger
      LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${changes(rows('new_rows', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${changes(rows('old_rows', -1))}
        ELSE
          ${changes(`${rows('old_rows', -1)} UNION ALL ${rows('new_rows', 1)}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await knex.raw(`
      CREATE TRIGGER evaluations_count_insert AFTER INSERT ON evaluations
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION build_vs_buy_count_evaluations()`);
    await knex.raw(`
      CREATE TRIGGER evaluations_count_delete AFTER DELETE ON evaluations
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION build_vs_buy_count_evaluations()`);
    await knex.raw(`
      CREATE TRIGGER evaluations_count_update AFTER UPDATE ON evaluations
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION build_vs_buy_count_evaluations()`);
  }

  // The decisions already there, counted once.
  await knex.raw(`
    INSERT INTO evaluation_counts
        (status, verdict_kind, revisit_by, needs_attention, delta)
      SELECT status, verdict_kind, revisit_by, needs_attention, COUNT(*)
        FROM evaluations
       GROUP BY status, verdict_kind, revisit_by, needs_attention`);
  await knex.raw(`
    INSERT INTO evaluation_owner_counts
        (status, verdict_kind, maintenance_owner_ref, delta)
      SELECT status, verdict_kind, maintenance_owner_ref, COUNT(*)
        FROM evaluations
       GROUP BY status, verdict_kind, maintenance_owner_ref`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const event of ['insert', 'delete', 'update']) {
    await knex.raw(
      `DROP TRIGGER IF EXISTS evaluations_count_${event}${
        knex.client.config.client.includes('sqlite') ? '' : ' ON evaluations'
      }`,
    );
  }
  if (!knex.client.config.client.includes('sqlite')) {
    await knex.raw('DROP FUNCTION IF EXISTS build_vs_buy_count_evaluations()');
  }
  await knex.schema.dropTable('evaluation_owner_counts');
  await knex.schema.dropTable('evaluation_counts');
};
