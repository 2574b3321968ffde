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

import { InputError } from '@backstage/errors';
import type {
  DecisionSummary,
  Page,
  ReviewStatus,
  TeamCoverage,
  TeamCoverageOrder,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import {
  applyCriteria,
  applyFilter,
  CatalogComponentRow,
  decodeCursor,
  deriveStoredFactColumns,
  encodeCursor,
  EvaluationRow,
  hasCurrentFacts,
  MAX_INTEGER,
  reviewStatusSql,
  SUMMARY_COLUMNS,
  SummaryRow,
  toRecord,
  toSummaryRecord,
} from './tables';
import type {
  DashboardStore,
  EvaluationFilter,
  EvaluationQuery,
  EvaluationRecord,
  EvaluationSummaryRecord,
  ListEvaluationsOptions,
  ReviewWindow,
  TeamCoverageOptions,
} from './types';

/** The column of each order of coverage by team. */
const TEAM_COVERAGE_COLUMNS = {
  ownerRef: 'owner_ref',
  components: 'components',
  current: 'current',
  dueSoon: 'due_soon',
  overdue: 'overdue',
  withoutDecision: 'without_decision',
  draftsInProgress: 'drafts_in_progress',
} as const satisfies Record<TeamCoverageOrder, string>;

/** A row of coverage by team: the owner and its counts, as the driver reads them. */
type TeamCoverageRow = { owner_ref: string } & Record<
  Exclude<(typeof TEAM_COVERAGE_COLUMNS)[TeamCoverageOrder], 'owner_ref'>,
  unknown
>;

/** How many months of revisits the summary lists one by one. */
const SHOWN_MONTHS = 12;

/**
 * The tables of kept counts (migration `20261206090000_decision_counts`):
 * logs of +1 and -1 that triggers append as decisions are written, one
 * row per combination of their columns once compacted.
 */
type CountsTable = 'evaluation_counts' | 'evaluation_owner_counts';

/** The columns of each table of kept counts besides the change. */
const COUNTED_COLUMNS: Record<CountsTable, string[]> = {
  evaluation_counts: [
    'status',
    'verdict_kind',
    'revisit_by',
    'needs_attention',
  ],
  evaluation_owner_counts: ['status', 'verdict_kind', 'maintenance_owner_ref'],
};

/** The filters `applyFilter` answers from the columns of `evaluation_counts`. */
const COUNTED_FILTERS: ReadonlySet<string> = new Set<keyof EvaluationFilter>([
  'status',
  'verdict',
  'reviewStatus',
]);

/** The same, from the columns of `evaluation_owner_counts`. */
const OWNER_COUNTED_FILTERS: ReadonlySet<string> = new Set<
  keyof EvaluationFilter
>(['status', 'verdict']);

/** Whether a filter names only these filters (empty lists name nothing). */
function answersFilter(
  filter: EvaluationFilter,
  answered: ReadonlySet<string>,
): boolean {
  return Object.entries(filter).every(
    ([key, value]) =>
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      answered.has(key),
  );
}

/**
 * The knex implementation of {@link DashboardStore}: lists and counts over
 * the stored columns, with permission conditions applied in SQL.
 */
export class DatabaseDashboardStore implements DashboardStore {
  constructor(private readonly db: Knex) {}

  async list(options: ListEvaluationsOptions): Promise<Page<EvaluationRecord>> {
    const page = await this.rows<EvaluationRow>(options, ['*']);
    return { items: page.rows.map(toRecord), nextCursor: page.nextCursor };
  }

  /*
   * The columns of a summary only: the answers and the outcome, most of a
   * row's bytes, are neither read nor parsed. A row an older instance
   * wrote meanwhile has no current summary: its answers are read to derive
   * one, as the plugin does for every such row when it starts.
   */
  async listSummaries(
    options: ListEvaluationsOptions,
  ): Promise<Page<EvaluationSummaryRecord>> {
    const page = await this.rows<SummaryRow>(options, SUMMARY_COLUMNS);
    const stale = page.rows.filter(row => !hasCurrentFacts(row));
    if (stale.length > 0) {
      const stored = await this.db<EvaluationRow>('evaluations')
        .select(
          'id',
          'evaluation',
          'outcome',
          'vendor_event',
          'catalog_changes',
        )
        .whereIn(
          'id',
          stale.map(row => row.id),
        );
      const byId = new Map(stored.map(row => [row.id, row]));
      for (const row of stale) {
        const answers = byId.get(row.id);
        if (answers) {
          Object.assign(row, deriveStoredFactColumns(answers));
        }
      }
    }
    return {
      items: page.rows.map(toSummaryRecord),
      nextCursor: page.nextCursor,
    };
  }

  /** One page of rows of a list, these columns of each. */
  private async rows<
    R extends Pick<EvaluationRow, 'id' | 'revisit_by' | 'updated_at'>,
  >(
    options: ListEvaluationsOptions,
    columns: ReadonlyArray<string>,
  ): Promise<{ rows: R[]; nextCursor?: string }> {
    const [column, direction] =
      options.order === 'revisit'
        ? (['revisit_by', 'asc'] as const)
        : (['updated_at', 'desc'] as const);
    const query = this.db<EvaluationRow>('evaluations').select(columns);
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
    const rows = (await query
      .orderBy([
        { column, order: direction },
        { column: 'id', order: direction },
      ])
      .limit(options.limit + 1)) as unknown as R[];
    const last =
      rows.length > options.limit ? rows[options.limit - 1] : undefined;
    return {
      rows: rows.slice(0, options.limit),
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
    const { filter, window, permissionFilter } = options;
    // Where the kept counts hold every column the filter names, and no
    // permission condition reads others, the counts add up those (a few
    // thousand rows) instead of every decision; the same filter and review
    // status rule read them, as the columns have the same names.
    const source = (table: CountsTable, counted: ReadonlySet<string>) => {
      const kept = !permissionFilter && answersFilter(filter, counted);
      const query = this.db(kept ? table : 'evaluations');
      applyFilter(query, filter, window);
      if (permissionFilter) {
        applyCriteria(query, permissionFilter);
      }
      return {
        query,
        count: kept ? this.db.raw('SUM(delta)') : this.db.raw('COUNT(*)'),
      };
    };
    const reviewStatusCase = reviewStatusSql(this.db, window);
    const byStatus = source('evaluation_counts', COUNTED_FILTERS);
    const byOwnerSource = source(
      'evaluation_owner_counts',
      OWNER_COUNTED_FILTERS,
    );
    // One grouped pass answers every count but the owners': decisions and
    // drafts by status, verdict, review status and the month of the
    // revisit date (overdue ones have their own review status, so a
    // month's count is of the dates still ahead). At most a few hundred
    // groups, added up below.
    const [groups, byOwner] = await Promise.all([
      byStatus.query
        // The statuses counted, named, so that the index answers alone.
        .whereIn('status', ['complete', 'draft'])
        .select({
          status: 'status',
          verdict_kind: 'verdict_kind',
          review_status: reviewStatusCase,
          month: this.db.raw('substr(revisit_by, 1, 7)'),
          count: byStatus.count,
        })
        .groupBy('status', 'verdict_kind', 'review_status', 'month'),
      byOwnerSource.query
        .where('status', 'complete')
        .whereNotNull('maintenance_owner_ref')
        .select({
          maintenance_owner_ref: 'maintenance_owner_ref',
          count: byOwnerSource.count,
        })
        .groupBy('maintenance_owner_ref')
        .having(byOwnerSource.count, '>', 0)
        .orderBy([{ column: 'count', order: 'desc' }, 'maintenance_owner_ref'])
        .limit(50),
    ]);
    const byReviewStatus: Record<ReviewStatus, number> = {
      current: 0,
      'due-soon': 0,
      overdue: 0,
    };
    const verdicts: DecisionSummary['byVerdict'] = {};
    const byMonth = new Map<string, number>();
    let total = 0;
    let drafts = 0;
    for (const row of groups as Array<{
      status: string;
      verdict_kind: keyof DecisionSummary['byVerdict'];
      review_status: ReviewStatus;
      month: string;
      count: unknown;
    }>) {
      const count = Number(row.count);
      if (count === 0) continue;
      if (row.status === 'draft') {
        drafts += count;
        continue;
      }
      if (row.status !== 'complete') continue;
      total += count;
      verdicts[row.verdict_kind] = (verdicts[row.verdict_kind] ?? 0) + count;
      byReviewStatus[row.review_status] += count;
      if (row.review_status !== 'overdue' && row.month) {
        byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + count);
      }
    }
    const months = [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, count]) => ({ month, count }));
    return {
      total,
      drafts,
      byVerdict: verdicts,
      byReviewStatus,
      byOwnerGroup: (
        byOwner as Array<{ maintenance_owner_ref: string; count: unknown }>
      ).map(row => ({
        groupRef: row.maintenance_owner_ref,
        count: Number(row.count),
      })),
      revisitsByMonth: months.slice(0, SHOWN_MONTHS),
      revisitsOverdue: byReviewStatus.overdue,
      revisitsLater: months
        .slice(SHOWN_MONTHS)
        .reduce((sum, { count }) => sum + count, 0),
    };
  }

  /**
   * Folds each table of kept counts into one row per combination of its
   * columns, leaving out the combinations that add up to nothing. Every
   * count stays the same throughout: on PostgreSQL one statement takes
   * the rows it reads out of the table and puts their sums back, so a row
   * a writer appends meanwhile stays as it is; SQLite has one writer at a
   * time. Returns how many rows were folded.
   */
  async compactCounts(): Promise<number> {
    let folded = 0;
    for (const [table, columns] of Object.entries(COUNTED_COLUMNS)) {
      const list = columns.join(', ');
      if (this.db.client.config.client.includes('sqlite')) {
        folded += await this.db.transaction(async tx => {
          const rows = await tx(table)
            .select(columns)
            .sum({ delta: 'delta' })
            .groupBy(columns)
            .havingRaw('SUM(delta) <> 0');
          const removed = await tx(table).delete();
          for (let start = 0; start < rows.length; start += 100) {
            await tx(table).insert(rows.slice(start, start + 100));
          }
          return removed;
        });
      } else {
        const result = await this.db.raw(
          `WITH moved AS (DELETE FROM ?? RETURNING ${list}, delta),
                folded AS (INSERT INTO ?? (${list}, delta)
                  SELECT ${list}, SUM(delta) FROM moved
                   GROUP BY ${list} HAVING SUM(delta) <> 0)
           SELECT COUNT(*) AS removed FROM moved`,
          [table, table],
        );
        folded += Number(result.rows[0].removed);
      }
    }
    return folded;
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

  /**
   * One query on both databases over the copy of the catalog's components,
   * grouped by owner. Each component carries what its decision's review
   * status rests on (migration `20261208090000_component_decisions`), so
   * nothing is joined unless the caller's permissions narrow the decisions.
   * The review status is `reviewStatusSql`, -common's rule over those
   * columns; which column a component counts in is -common's
   * `teamCoverage`, which the store tests compare group by group.
   */
  async teamCoverage(
    options: TeamCoverageOptions,
  ): Promise<Page<TeamCoverage>> {
    const { filter } = options;
    const offset = options.cursor ? decodeOffset(options.cursor) : 0;
    const review = reviewStatusSql(this.db, options.window, {
      revisitBy: 'decision_revisit_by',
      needsAttention: 'decision_needs_attention',
    });
    const decided = (status: ReviewStatus) =>
      this.db.raw(
        `SUM(CASE WHEN decision_status = 'complete' AND (?) = ? THEN 1 ELSE 0 END)`,
        [review, status],
      );
    const query = this.db<CatalogComponentRow>('catalog_components')
      .whereNotNull('component_owner_ref')
      .select({
        owner_ref: 'component_owner_ref',
        components: this.db.raw('COUNT(*)'),
        current: decided('current'),
        due_soon: decided('due-soon'),
        overdue: decided('overdue'),
        without_decision: this.db.raw(
          `SUM(CASE WHEN decision_status = 'complete' THEN 0 ELSE 1 END)`,
        ),
        drafts_in_progress: this.db.raw(
          `SUM(CASE WHEN decision_status = 'draft' THEN 1 ELSE 0 END)`,
        ),
      })
      .groupBy('component_owner_ref');
    if (filter.ownerGroups?.length) {
      query.whereIn('component_owner_ref', filter.ownerGroups);
    }
    if (filter.system) query.where('component_system_ref', filter.system);
    if (filter.lifecycle) query.where('component_lifecycle', filter.lifecycle);
    const permissionFilter = options.permissionFilter;
    if (permissionFilter) {
      // A component whose evaluation the caller may not read is left out
      // altogether: counted as without a decision, it would mislead.
      const readable =
        this.db<EvaluationRow>('evaluations').select('active_entity_ref');
      applyCriteria(readable, permissionFilter);
      query.where(q =>
        q.whereNull('decision_status').orWhereIn('component_ref', readable),
      );
    }
    const column = TEAM_COVERAGE_COLUMNS[options.order];
    const rows = (await query
      .orderBy([
        { column, order: options.direction },
        // Ties by owner, so that pages never overlap.
        ...(column === 'owner_ref'
          ? []
          : [{ column: 'owner_ref', order: 'asc' as const }]),
      ])
      .offset(offset)
      .limit(options.limit + 1)) as TeamCoverageRow[];
    const items = rows.slice(0, options.limit).map(row => ({
      ownerRef: row.owner_ref,
      components: Number(row.components),
      current: Number(row.current),
      dueSoon: Number(row.due_soon),
      overdue: Number(row.overdue),
      withoutDecision: Number(row.without_decision),
      draftsInProgress: Number(row.drafts_in_progress),
    }));
    return {
      items,
      nextCursor:
        rows.length > options.limit
          ? encodeOffset(offset + options.limit)
          : undefined,
    };
  }
}

/*
 * A page of coverage by team is a page of a grouped query: its cursor is
 * the offset of the next page, which is what the database needs anyway
 * (the groups are counted in full before any page of them is taken).
 */
function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^offset:(\d{1,10})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset >= 0 && offset <= MAX_INTEGER)) {
    throw new InputError('cursor: not a cursor this API returned');
  }
  return offset;
}
