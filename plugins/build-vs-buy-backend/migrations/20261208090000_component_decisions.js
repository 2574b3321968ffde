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
 * Each component in the plugin's copy of the catalog carries what its
 * decision's review status rests on: the status, the revisit date and
 * whether the decision needs attention, of its evaluation that is not
 * archived (null when it has none). Coverage by team then counts one table
 * of 20,000 rows instead of joining it to 100,000 evaluations: about 8 ms
 * of PostgreSQL time instead of 20 at the benchmark's size.
 *
 * Triggers on `evaluations` copy the three columns whenever one of them,
 * or the component the evaluation is active for, changes; they recompute
 * each touched component from `evaluations`, so any order of writes ends
 * in the same copy. A component new to the copy has none until the catalog
 * refresh that saved it copies it (`DatabaseCatalogFactsStore
 * .saveComponents`), which every refresh does again for every component.
 *
 * On PostgreSQL one trigger per statement updates the components all its
 * rows touched, only where the copy differs. On SQLite a trigger per row
 * does. A later migration that rebuilds `evaluations` on SQLite (as
 * dropping a column does) drops these triggers with the old table and must
 * create them again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // On SQLite a rollback leaves the columns (see down): take them as they are.
  if (!(await knex.schema.hasColumn('catalog_components', 'decision_status'))) {
    await knex.schema.alterTable('catalog_components', table => {
      table
        .string('decision_status', 16)
        .nullable()
        .comment(
          "The status of the component's evaluation that is not archived, if any",
        );
      table
        .string('decision_revisit_by', 10)
        .nullable()
        .comment("That evaluation's revisit date");
      table
        .boolean('decision_needs_attention')
        .nullable()
        .comment('Whether that evaluation needs attention');
    });
  }

  // Each column of the copy, as a subquery on the component's evaluation.
  const copy = ['status', 'revisit_by', 'needs_attention']
    .map(
      column =>
        `decision_${column} = (SELECT ${column} FROM evaluations
           WHERE evaluations.active_entity_ref = catalog_components.component_ref)`,
    )
    .join(', ');

  if (knex.client.config.client.includes('sqlite')) {
    const recompute = (/** @type {string} */ refs) => `
      UPDATE catalog_components SET ${copy} WHERE component_ref IN (${refs});`;
    await knex.raw(`
      CREATE TRIGGER evaluations_copy_decision_insert AFTER INSERT ON evaluations
      WHEN NEW.active_entity_ref IS NOT NULL
      BEGIN ${recompute('NEW.active_entity_ref')} END`);
    await knex.raw(`
      CREATE TRIGGER evaluations_copy_decision_delete AFTER DELETE ON evaluations
      WHEN OLD.active_entity_ref IS NOT NULL
      BEGIN ${recompute('OLD.active_entity_ref')} END`);
    await knex.raw(`
      CREATE TRIGGER evaluations_copy_decision_update AFTER UPDATE ON evaluations
      WHEN OLD.active_entity_ref IS NOT NEW.active_entity_ref
        OR OLD.status IS NOT NEW.status
        OR OLD.revisit_by IS NOT NEW.revisit_by
        OR OLD.needs_attention IS NOT NEW.needs_attention
      BEGIN ${recompute('OLD.active_entity_ref, NEW.active_entity_ref')} END`);
  } else {
    // One function for the three triggers; each branch names only the
    // transition tables its event has. The search path is fixed to the
    // one the plugin's tables are in, whoever writes.
    const recompute = (/** @type {string} */ touched) => `
      UPDATE catalog_components AS c
         SET decision_status = e.status,
             decision_revisit_by = e.revisit_by,
             decision_needs_attention = e.needs_attention
        FROM (SELECT DISTINCT active_entity_ref AS ref FROM (${touched}) AS rows
               WHERE active_entity_ref IS NOT NULL) AS t
        LEFT JOIN evaluations AS e ON e.active_entity_ref = t.ref
       WHERE c.component_ref = t.ref
         AND (c.decision_status IS DISTINCT FROM e.status
           OR c.decision_revisit_by IS DISTINCT FROM e.revisit_by
           OR c.decision_needs_attention IS DISTINCT FROM e.needs_attention);`;
    const rows = (/** @type {string} */ table) =>
      `SELECT active_entity_ref FROM ${table}`;
    await knex.raw(`
      CREATE FUNCTION build_vs_buy_copy_decisions() RETURNS trigger
      LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${recompute(rows('new_rows'))}
        ELSIF TG_OP = 'DELETE' THEN
          ${recompute(rows('old_rows'))}
        ELSE
          ${recompute(`${rows('old_rows')} UNION ALL ${rows('new_rows')}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await knex.raw(`
      CREATE TRIGGER evaluations_copy_decision_insert AFTER INSERT ON evaluations
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION build_vs_buy_copy_decisions()`);
    await knex.raw(`
      CREATE TRIGGER evaluations_copy_decision_delete AFTER DELETE ON evaluations
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION build_vs_buy_copy_decisions()`);
    await knex.raw(`
      CREATE TRIGGER evaluations_copy_decision_update AFTER UPDATE ON evaluations
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION build_vs_buy_copy_decisions()`);
  }

  // The components already there, copied once.
  await knex.raw(`UPDATE catalog_components SET ${copy}`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const sqlite = knex.client.config.client.includes('sqlite');
  for (const event of ['insert', 'delete', 'update']) {
    await knex.raw(
      `DROP TRIGGER IF EXISTS evaluations_copy_decision_${event}${
        sqlite ? '' : ' ON evaluations'
      }`,
    );
  }
  // SQLite drops a column by rebuilding the table: the columns stay there,
  // and the previous code ignores them.
  if (sqlite) {
    return;
  }
  await knex.raw('DROP FUNCTION IF EXISTS build_vs_buy_copy_decisions()');
  await knex.schema.alterTable('catalog_components', table => {
    table.dropColumn('decision_status');
    table.dropColumn('decision_revisit_by');
    table.dropColumn('decision_needs_attention');
  });
};
