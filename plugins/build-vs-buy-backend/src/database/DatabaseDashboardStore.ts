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

import type {
  DecisionSummary,
  Page,
  ReviewStatus,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import {
  applyCriteria,
  applyFilter,
  decodeCursor,
  encodeCursor,
  EvaluationRow,
  reviewStatusSql,
  toRecord,
} from './tables';
import type {
  DashboardStore,
  EvaluationFilter,
  EvaluationQuery,
  EvaluationRecord,
  ListEvaluationsOptions,
  ReviewWindow,
} from './types';

/** How many months of revisits the summary lists one by one. */
const SHOWN_MONTHS = 12;

/**
 * The knex implementation of {@link DashboardStore}: lists and counts over
 * the stored columns, with permission conditions applied in SQL.
 */
export class DatabaseDashboardStore implements DashboardStore {
  constructor(private readonly db: Knex) {}

  async list(options: ListEvaluationsOptions): Promise<Page<EvaluationRecord>> {
    const [column, direction] =
      options.order === 'revisit'
        ? (['revisit_by', 'asc'] as const)
        : (['updated_at', 'desc'] as const);
    const query = this.db<EvaluationRow>('evaluations');
    applyFilter(query, options.filter, options.window);
    if (options.permissionFilter) {
      applyCriteria(query, options.permissionFilter);
    }
    if (options.cursor) {
      const after = decodeCursor(options.cursor);
      const op = direction === 'asc' ? '>' : '<';
      // A row-value comparison, which both databases answer from the
      // (column, id) index: a page deep in the cursor costs what the first
      // does. (The equivalent OR form made PostgreSQL read every row before
      // the cursor: 36 ms at 10,000 deep, 691 ms at 90,000.)
      query.whereRaw(`(??, ??) ${op} (?, ?)`, [
        column,
        'id',
        after.key,
        after.id,
      ]);
    }
    const rows = await query
      .orderBy([
        { column, order: direction },
        { column: 'id', order: direction },
      ])
      .limit(options.limit + 1);
    const items = rows.slice(0, options.limit).map(toRecord);
    const last =
      rows.length > options.limit ? rows[options.limit - 1] : undefined;
    return {
      items,
      nextCursor: last
        ? encodeCursor({ key: last[column], id: last.id })
        : undefined,
    };
  }

  /**
   * Complete decisions by verdict, review status, maintenance owner and
   * revisit month (overdue ones in a bucket of their own, so the months add
   * up to the total), and the drafts in progress beside them. Without a
   * status in the filter, archived evaluations are left out.
   */
  async summarize(options: {
    filter: EvaluationFilter;
    window: ReviewWindow;
    permissionFilter?: PermissionCriteria<EvaluationQuery>;
  }): Promise<DecisionSummary> {
    const base = () => {
      const query = this.db<EvaluationRow>('evaluations');
      applyFilter(query, options.filter, options.window);
      if (options.permissionFilter) {
        applyCriteria(query, options.permissionFilter);
      }
      return query;
    };
    const decided = () => base().where('status', 'complete');
    const { today } = options.window;
    const reviewStatusCase = reviewStatusSql(this.db, options.window);
    const [byVerdict, byReview, byOwner, byMonth, overdue, drafts] =
      await Promise.all([
        decided()
          .select('verdict_kind')
          .count({ count: '*' })
          .groupBy('verdict_kind'),
        decided()
          .select({ review_status: reviewStatusCase })
          .count({ count: '*' })
          .groupBy('review_status'),
        decided()
          .whereNotNull('maintenance_owner_ref')
          .select('maintenance_owner_ref')
          .count({ count: '*' })
          .groupBy('maintenance_owner_ref')
          .orderBy([
            { column: 'count', order: 'desc' },
            'maintenance_owner_ref',
          ])
          .limit(50),
        decided()
          .where('revisit_by', '>=', today)
          .select({ month: this.db.raw('substr(revisit_by, 1, 7)') })
          .count({ count: '*' })
          .groupBy('month')
          .orderBy('month'),
        decided().where('revisit_by', '<', today).count({ count: '*' }),
        base().where('status', 'draft').count({ count: '*' }),
      ]);
    const byReviewStatus: Record<ReviewStatus, number> = {
      current: 0,
      'due-soon': 0,
      overdue: 0,
    };
    for (const row of byReview as Array<{
      review_status: ReviewStatus;
      count: unknown;
    }>) {
      byReviewStatus[row.review_status] = Number(row.count);
    }
    const verdicts: DecisionSummary['byVerdict'] = {};
    let total = 0;
    for (const row of byVerdict as Array<{
      verdict_kind: string;
      count: unknown;
    }>) {
      verdicts[row.verdict_kind as keyof DecisionSummary['byVerdict']] = Number(
        row.count,
      );
      total += Number(row.count);
    }
    const months = (byMonth as Array<{ month: string; count: unknown }>).map(
      row => ({ month: row.month, count: Number(row.count) }),
    );
    const countOf = (rows: unknown) =>
      Number((rows as Array<{ count: unknown }>)[0]?.count ?? 0);
    return {
      total,
      drafts: countOf(drafts),
      byVerdict: verdicts,
      byReviewStatus,
      byOwnerGroup: (
        byOwner as Array<{ maintenance_owner_ref: string; count: unknown }>
      ).map(row => ({
        groupRef: row.maintenance_owner_ref,
        count: Number(row.count),
      })),
      revisitsByMonth: months.slice(0, SHOWN_MONTHS),
      revisitsOverdue: countOf(overdue),
      revisitsLater: months
        .slice(SHOWN_MONTHS)
        .reduce((sum, { count }) => sum + count, 0),
    };
  }

  async evaluatedEntityRefs(entityRefs: string[]): Promise<Set<string>> {
    if (entityRefs.length === 0) {
      return new Set();
    }
    const rows = await this.db<EvaluationRow>('evaluations')
      .select('active_entity_ref')
      .whereIn('active_entity_ref', entityRefs);
    return new Set(rows.map(row => row.active_entity_ref!));
  }
}
