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

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  DecisionSummary,
  EvaluationRevision,
  EvaluationRevisionSummary,
  Page,
  ReviewStatus,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  EntityFacts,
  EvaluationFilter,
  EvaluationQuery,
  EvaluationRecord,
  EvaluationStore,
  EvaluationWrite,
  ListEvaluationsOptions,
  ReviewWindow,
  NoticeClaim,
  RevisitScanItem,
} from './EvaluationStore';

const migrationsDir = resolvePackagePath(
  '@build-vs-buy/plugin-build-vs-buy-backend',
  'migrations',
);

type EvaluationRow = {
  id: string;
  entity_ref: string;
  active_entity_ref: string | null;
  version: number;
  status: string;
  evaluation: string;
  outcome: string;
  verdict_kind: string;
  revisit_by: string;
  maintenance_owner_ref: string | null;
  has_migration_plan: boolean | number;
  entity_title: string | null;
  entity_owner_ref: string | null;
  entity_system_ref: string | null;
  entity_lifecycle: string | null;
  entity_missing: boolean | number;
  decided_at: string | null;
  decided_owner_ref?: string | null;
  decided_maintainers?: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
};

type RevisionRow = {
  evaluation_id: string;
  version: number;
  status: string;
  verdict_kind: string;
  evaluation: string;
  created_at: string;
  created_by: string;
};

const BUY_VERDICTS = ['buy', 'buy-with-wrapper'];

/** The largest value of an integer column on both databases. */
export const MAX_INTEGER = 2_147_483_647;

/** A stale update: carries the current record so the client can merge. */
export class EvaluationConflictError extends ConflictError {
  constructor(message: string, readonly current: EvaluationRecord | undefined) {
    super(message);
  }
}

const NEEDS_ATTENTION_SQL = `((verdict_kind IN ('buy', 'buy-with-wrapper') AND has_migration_plan = false) OR (verdict_kind = 'build' AND maintenance_owner_ref IS NULL))`;

/**
 * The knex implementation of {@link EvaluationStore}, the same code on
 * SQLite and PostgreSQL.
 */
export class DatabaseEvaluationStore implements EvaluationStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseEvaluationStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseEvaluationStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async create(
    write: EvaluationWrite & { entityRef: string },
  ): Promise<EvaluationRecord> {
    const id = randomUUID();
    const now = write.now.toISOString();
    const row: EvaluationRow = {
      id,
      entity_ref: write.entityRef,
      active_entity_ref: write.entityRef,
      version: 1,
      created_at: now,
      created_by: write.actorRef,
      ...this.columnsOf(write),
    };
    try {
      await this.db.transaction(async tx => {
        await tx('evaluations').insert(row);
        await tx('evaluation_revisions').insert(this.revisionOf(row));
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        // No id in the message: the caller may not be allowed to read it.
        throw new ConflictError(
          `entityRef: ${write.entityRef} already has an evaluation; update it instead`,
        );
      }
      throw error;
    }
    return toRecord(row);
  }

  async update(
    write: EvaluationWrite & { id: string; expectedVersion: number },
  ): Promise<EvaluationRecord> {
    return this.writeVersion(write.id, write.expectedVersion, current => ({
      ...current,
      ...this.columnsOf(write),
    }));
  }

  async archive(options: {
    id: string;
    expectedVersion: number;
    actorRef: string;
    now: Date;
  }): Promise<EvaluationRecord> {
    return this.writeVersion(options.id, options.expectedVersion, current => ({
      ...current,
      status: 'archived',
      active_entity_ref: null,
      updated_at: options.now.toISOString(),
      updated_by: options.actorRef,
    }));
  }

  /*
   * The optimistic lock: the row changes only where it still holds the
   * version the caller read, and the revision is written in the same
   * transaction, so no accepted save is lost or left half-written.
   */
  private async writeVersion(
    id: string,
    expectedVersion: number,
    next: (current: EvaluationRow) => EvaluationRow,
  ): Promise<EvaluationRecord> {
    const written = await this.db.transaction(async tx => {
      const current = await tx<EvaluationRow>('evaluations')
        .where({ id })
        .first();
      if (!current || current.status === 'archived') {
        return undefined;
      }
      if (current.version !== expectedVersion) {
        return { conflict: current };
      }
      const row = { ...next(current), version: expectedVersion + 1 };
      const changed = await tx('evaluations')
        .where({ id, version: expectedVersion })
        .update({
          ...row,
          id: undefined,
          created_at: undefined,
          created_by: undefined,
        });
      if (changed !== 1) {
        return {
          conflict: await tx<EvaluationRow>('evaluations')
            .where({ id })
            .first(),
        };
      }
      await tx('evaluation_revisions').insert(this.revisionOf(row));
      return { row };
    });
    if (!written) {
      throw new NotFoundError(`No evaluation ${id}`);
    }
    if ('conflict' in written) {
      throw new EvaluationConflictError(
        `Evaluation ${id} is at version ${written.conflict?.version}, not ${expectedVersion}: it was changed meanwhile`,
        written.conflict ? toRecord(written.conflict) : undefined,
      );
    }
    return toRecord(written.row);
  }

  async get(id: string): Promise<EvaluationRecord | undefined> {
    const row = await this.db<EvaluationRow>('evaluations')
      .where({ id })
      .first();
    return row ? toRecord(row) : undefined;
  }

  async getByEntityRef(
    entityRef: string,
  ): Promise<EvaluationRecord | undefined> {
    const row = await this.db<EvaluationRow>('evaluations')
      .where({ active_entity_ref: entityRef })
      .first();
    return row ? toRecord(row) : undefined;
  }

  async list(options: ListEvaluationsOptions): Promise<Page<EvaluationRecord>> {
    const [column, direction] =
      options.order === 'revisit'
        ? (['revisit_by', 'asc'] as const)
        : (['updated_at', 'desc'] as const);
    const query = this.db<EvaluationRow>('evaluations');
    this.applyFilter(query, options.filter, options.window);
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

  async listRevisions(options: {
    id: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<EvaluationRevisionSummary>> {
    const query = this.db<RevisionRow>('evaluation_revisions')
      .select(
        'evaluation_id',
        'version',
        'status',
        'verdict_kind',
        'created_at',
        'created_by',
      )
      .where({ evaluation_id: options.id });
    if (options.cursor) {
      const version = Number(decodeCursor(options.cursor).key);
      if (!Number.isInteger(version) || version < 1 || version > MAX_INTEGER) {
        throw new InputError('cursor: not a cursor this API returned');
      }
      query.where('version', '<', version);
    }
    const rows = await query
      .orderBy('version', 'desc')
      .limit(options.limit + 1);
    const items = rows.slice(0, options.limit).map(row => ({
      evaluationId: row.evaluation_id,
      version: row.version,
      status: row.status as EvaluationRevisionSummary['status'],
      verdictKind: row.verdict_kind as EvaluationRevisionSummary['verdictKind'],
      createdAt: row.created_at,
      createdBy: row.created_by,
    }));
    const last =
      rows.length > options.limit ? items[items.length - 1] : undefined;
    return {
      items,
      nextCursor: last
        ? encodeCursor({ key: String(last.version), id: last.evaluationId })
        : undefined,
    };
  }

  async getRevision(options: {
    id: string;
    version: number;
  }): Promise<EvaluationRevision | undefined> {
    const row = await this.db<RevisionRow>('evaluation_revisions')
      .where({ evaluation_id: options.id, version: options.version })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      evaluationId: row.evaluation_id,
      version: row.version,
      status: row.status as EvaluationRevision['status'],
      verdictKind: row.verdict_kind as EvaluationRevision['verdictKind'],
      evaluation: JSON.parse(row.evaluation),
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  async summarize(options: {
    filter: EvaluationFilter;
    window: ReviewWindow;
    permissionFilter?: PermissionCriteria<EvaluationQuery>;
  }): Promise<DecisionSummary> {
    const base = () => {
      const query = this.db<EvaluationRow>('evaluations');
      this.applyFilter(query, options.filter, options.window);
      if (options.permissionFilter) {
        applyCriteria(query, options.permissionFilter);
      }
      return query;
    };
    const { today, dueSoonBy } = options.window;
    const reviewStatusCase = this.db.raw(
      `CASE WHEN revisit_by < ? THEN 'overdue'
            WHEN revisit_by <= ? OR ${NEEDS_ATTENTION_SQL} THEN 'due-soon'
            ELSE 'current' END`,
      [today, dueSoonBy],
    );
    const [byVerdict, byReview, byOwner, byMonth] = await Promise.all([
      base()
        .select('verdict_kind')
        .count({ count: '*' })
        .groupBy('verdict_kind'),
      base()
        .select({ review_status: reviewStatusCase })
        .count({ count: '*' })
        .groupBy('review_status'),
      base()
        .whereNotNull('maintenance_owner_ref')
        .select('maintenance_owner_ref')
        .count({ count: '*' })
        .groupBy('maintenance_owner_ref')
        .orderBy([{ column: 'count', order: 'desc' }, 'maintenance_owner_ref'])
        .limit(50),
      base()
        .where('revisit_by', '>=', today.slice(0, 7))
        .select({ month: this.db.raw('substr(revisit_by, 1, 7)') })
        .count({ count: '*' })
        .groupBy('month')
        .orderBy('month')
        .limit(12),
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
    return {
      total,
      byVerdict: verdicts,
      byReviewStatus,
      byOwnerGroup: (
        byOwner as Array<{ maintenance_owner_ref: string; count: unknown }>
      ).map(row => ({
        groupRef: row.maintenance_owner_ref,
        count: Number(row.count),
      })),
      revisitsByMonth: (
        byMonth as Array<{ month: string; count: unknown }>
      ).map(row => ({
        month: row.month,
        count: Number(row.count),
      })),
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

  async listEntityRefs(options: {
    limit: number;
    after?: string;
  }): Promise<string[]> {
    const query = this.db<EvaluationRow>('evaluations')
      .distinct('entity_ref')
      .orderBy('entity_ref')
      .limit(options.limit);
    if (options.after !== undefined) {
      query.where('entity_ref', '>', options.after);
    }
    return (await query).map(row => row.entity_ref);
  }

  async updateEntityFacts(facts: EntityFacts[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const fact of facts) {
        // An entity that left the catalog keeps the facts last seen.
        await tx('evaluations')
          .where({ entity_ref: fact.entityRef })
          .update(
            fact.missing
              ? { entity_missing: true }
              : {
                  entity_title: fact.title ?? null,
                  entity_owner_ref: fact.ownerRef ?? null,
                  entity_system_ref: fact.systemRef ?? null,
                  entity_lifecycle: fact.lifecycle ?? null,
                  entity_missing: false,
                },
          );
      }
    });
  }

  async listForRevisitScan(options: {
    limit: number;
    after?: string;
  }): Promise<RevisitScanItem[]> {
    const query = this.db<EvaluationRow>('evaluations')
      .leftJoin(
        'evaluation_notices',
        'evaluation_notices.evaluation_id',
        'evaluations.id',
      )
      .select(
        'evaluations.*',
        'evaluation_notices.conditions as notice_conditions',
        'evaluation_notices.updated_at as notice_at',
        'evaluation_notices.sent_at as notice_sent_at',
      )
      .where('evaluations.status', 'complete')
      .orderBy('evaluations.id')
      .limit(options.limit);
    if (options.after !== undefined) {
      query.where('evaluations.id', '>', options.after);
    }
    const rows: Array<
      EvaluationRow & {
        notice_conditions: string | null;
        notice_at: string | null;
        notice_sent_at: string | null;
      }
    > = await query;
    return rows.map(row => ({
      record: toRecord(row),
      notice:
        row.notice_conditions === null
          ? undefined
          : {
              conditions: JSON.parse(row.notice_conditions),
              at: row.notice_at!,
              sent: row.notice_sent_at !== null,
            },
    }));
  }

  async recordNotices(options: {
    notices: NoticeClaim[];
    now: Date;
  }): Promise<Set<string>> {
    const at = options.now.toISOString();
    const claimed = new Set<string>();
    if (options.notices.length === 0) {
      return claimed;
    }
    const row = (notice: NoticeClaim) => ({
      conditions: JSON.stringify(notice.next),
      updated_at: at,
      sent_at: notice.sent ? at : null,
    });
    // One transaction a page: every claim is still its own compare-and-set,
    // but the page is committed (and synced to disk) once.
    await this.db.transaction(async tx => {
      const first = options.notices.filter(
        notice => notice.expected === undefined,
      );
      for (let start = 0; start < first.length; start += 100) {
        // Of two scans inserting the first notice of an evaluation at once,
        // the primary key lets one through; RETURNING names it.
        const inserted: Array<{ evaluation_id: string }> = await tx(
          'evaluation_notices',
        )
          .insert(
            first.slice(start, start + 100).map(notice => ({
              evaluation_id: notice.evaluationId,
              ...row(notice),
            })),
          )
          .onConflict('evaluation_id')
          .ignore()
          .returning('evaluation_id');
        for (const { evaluation_id } of inserted) claimed.add(evaluation_id);
      }
      for (const notice of options.notices) {
        if (notice.expected === undefined) continue;
        const changed = await tx('evaluation_notices')
          .where({
            evaluation_id: notice.evaluationId,
            conditions: JSON.stringify(notice.expected.conditions),
            updated_at: notice.expected.at,
          })
          .update(row(notice));
        if (changed === 1) claimed.add(notice.evaluationId);
      }
    });
    return claimed;
  }

  async confirmNotices(options: {
    evaluationIds: string[];
    claimedAt: Date;
    now: Date;
  }): Promise<void> {
    const sentAt = options.now.toISOString();
    // One statement per 500 ids: only the claims made at `claimedAt` and
    // still unconfirmed, so a newer claim by another scan stays its own.
    for (let start = 0; start < options.evaluationIds.length; start += 500) {
      await this.db('evaluation_notices')
        .whereIn(
          'evaluation_id',
          options.evaluationIds.slice(start, start + 500),
        )
        .where('updated_at', options.claimedAt.toISOString())
        .whereNull('sent_at')
        .update({ sent_at: sentAt });
    }
  }

  private columnsOf(write: EvaluationWrite) {
    const plan = write.evaluation.failureModes?.migrationPlan;
    return {
      status: write.status,
      evaluation: JSON.stringify(write.evaluation),
      outcome: JSON.stringify(write.outcome),
      verdict_kind: write.outcome.verdict.kind,
      revisit_by: write.revisitBy,
      maintenance_owner_ref:
        write.evaluation.maintenance?.ownerGroupRef ?? null,
      has_migration_plan: Boolean(
        plan?.dataExtraction?.trim() && plan?.alternative?.trim(),
      ),
      entity_title: write.entity.title ?? null,
      entity_owner_ref: write.entity.ownerRef ?? null,
      entity_system_ref: write.entity.systemRef ?? null,
      entity_lifecycle: write.entity.lifecycle ?? null,
      entity_missing: write.entity.missing,
      decided_at: write.status === 'complete' ? write.now.toISOString() : null,
      decided_owner_ref:
        write.status === 'complete' ? write.entity.ownerRef ?? null : null,
      decided_maintainers:
        write.status === 'complete' ? write.maintainers ?? null : null,
      updated_at: write.now.toISOString(),
      updated_by: write.actorRef,
    };
  }

  private revisionOf(row: EvaluationRow): RevisionRow {
    return {
      evaluation_id: row.id,
      version: row.version,
      status: row.status,
      verdict_kind: row.verdict_kind,
      evaluation: row.evaluation,
      created_at: row.updated_at,
      created_by: row.updated_by,
    };
  }

  private applyFilter(
    query: Knex.QueryBuilder,
    filter: EvaluationFilter,
    window: ReviewWindow,
  ) {
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.ownerGroups?.length) {
      const groups = filter.ownerGroups;
      query.where(q =>
        q
          .whereIn('entity_owner_ref', groups)
          .orWhereIn('maintenance_owner_ref', groups),
      );
    }
    if (filter.system) query.where('entity_system_ref', filter.system);
    if (filter.verdict) query.where('verdict_kind', filter.verdict);
    if (filter.lifecycle) query.where('entity_lifecycle', filter.lifecycle);
    if (filter.status) {
      query.where('status', filter.status);
    } else {
      query.whereNot('status', 'archived');
    }
    const { today, dueSoonBy } = window;
    switch (filter.reviewStatus) {
      case 'overdue':
        query.where('revisit_by', '<', today);
        break;
      case 'due-soon':
        query
          .where('revisit_by', '>=', today)
          .andWhere(q =>
            q
              .where('revisit_by', '<=', dueSoonBy)
              .orWhereRaw(NEEDS_ATTENTION_SQL),
          );
        break;
      case 'current':
        query
          .where('revisit_by', '>', dueSoonBy)
          .andWhereNot(q => q.whereRaw(NEEDS_ATTENTION_SQL));
        break;
      default:
        break;
    }
    switch (filter.attention) {
      case 'due-for-revisit':
        // Every decision whose review status is due soon or overdue, so the
        // list matches the dashboard's review-status counts.
        query
          .where('status', 'complete')
          .where(q =>
            q
              .where('revisit_by', '<=', dueSoonBy)
              .orWhereRaw(NEEDS_ATTENTION_SQL),
          );
        break;
      case 'no-migration-plan':
        query
          .where('status', 'complete')
          .whereIn('verdict_kind', BUY_VERDICTS)
          .where('has_migration_plan', false);
        break;
      case 'no-maintenance-owner':
        query
          .where('status', 'complete')
          .where('verdict_kind', 'build')
          .whereNull('maintenance_owner_ref');
        break;
      case 'entity-missing':
        query.where('entity_missing', true);
        break;
      default:
        break;
    }
  }
}

function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<EvaluationQuery>,
): void {
  if (isAndCriteria(criteria)) {
    query.where(q => {
      for (const inner of criteria.allOf)
        q.andWhere(sub => applyCriteria(sub, inner));
    });
  } else if (isOrCriteria(criteria)) {
    query.where(q => {
      for (const inner of criteria.anyOf)
        q.orWhere(sub => applyCriteria(sub, inner));
    });
  } else if (isNotCriteria(criteria)) {
    query.whereNot(q => applyCriteria(q, criteria.not));
  } else {
    query.whereIn(criteria.key, criteria.values);
  }
}

function toRecord(row: EvaluationRow): EvaluationRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    version: row.version,
    status: row.status as EvaluationRecord['status'],
    evaluation: JSON.parse(row.evaluation),
    outcome: JSON.parse(row.outcome),
    revisitBy: row.revisit_by,
    maintenanceOwnerRef: row.maintenance_owner_ref ?? undefined,
    hasMigrationPlan: Boolean(row.has_migration_plan),
    entity: {
      title: row.entity_title ?? undefined,
      ownerRef: row.entity_owner_ref ?? undefined,
      systemRef: row.entity_system_ref ?? undefined,
      lifecycle: row.entity_lifecycle ?? undefined,
      missing: Boolean(row.entity_missing),
    },
    decidedAt: row.decided_at ?? undefined,
    decidedOwnerRef: row.decided_owner_ref ?? undefined,
    decidedMaintainers: row.decided_maintainers ?? undefined,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function encodeCursor(cursor: { key: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString(
    'base64url',
  );
}

/*
 * A cursor is what this API returned: a base64url JSON pair of the sort key
 * (an ISO timestamp, a YYYY-MM-DD date or a version number) and an id. A
 * forged one is a 400 naming the cursor, never a value PostgreSQL refuses.
 */
const CURSOR_KEY = /^(\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?|\d{1,10})$/;
const CURSOR_ID = /^[0-9a-f-]{1,64}$/i;

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (
      typeof key === 'string' &&
      typeof id === 'string' &&
      CURSOR_KEY.test(key) &&
      CURSOR_ID.test(id)
    ) {
      return { key, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('cursor: not a cursor this API returned');
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  const message = String((error as Error)?.message ?? '');
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(message)
  );
}
