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

import { Knex } from 'knex';
import type { CatalogChanges } from '@build-vs-buy/plugin-build-vs-buy-common';
import { deriveFactColumns, EvaluationRow, toRecord } from './tables';
import type {
  EvaluationRecord,
  NoticeClaim,
  NoticeStore,
  RevisitScanItem,
} from './types';

/**
 * The knex implementation of {@link NoticeStore}: the outbox of revisit
 * notices in `evaluation_notices`.
 */
export class DatabaseNoticeStore implements NoticeStore {
  constructor(private readonly db: Knex) {}

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

  async recordCatalogChanges(
    updates: Array<{
      record: EvaluationRecord;
      changes: CatalogChanges | undefined;
    }>,
  ): Promise<number> {
    if (updates.length === 0) {
      return 0;
    }
    const rows = updates.map(({ record, changes }) => [
      record.id,
      record.version,
      changes ? JSON.stringify(changes) : null,
      // The attention as every save derives it, with these changes.
      deriveFactColumns(
        record.evaluation,
        record.outcome.verdict,
        record.vendorEvent,
        changes,
      ).needs_attention,
      record.vendorEvent ? JSON.stringify(record.vendorEvent) : null,
    ]);
    // One statement per 100 decisions, each row named with the version and
    // the vendor event it was read at: a decision saved since, or raised by
    // a vendor event since, keeps that write, and the next scan records
    // these changes. (PostgreSQL's IS NOT DISTINCT FROM is SQLite's IS.)
    const postgres = !this.db.client.config.client.includes('sqlite');
    const cast = postgres
      ? ['?::text', '?::integer', '?::text', '?::boolean', '?::text']
      : ['?', '?', '?', '?', '?'];
    const sameEvent = postgres ? 'IS NOT DISTINCT FROM' : 'IS';
    // SQLite would otherwise walk every complete decision through the
    // status index and look each up among the 100 (4 s for 4,000 decisions
    // at 20,000); the unary plus keeps the index out, so it looks the 100
    // up by primary key (0.8 s).
    const complete = postgres
      ? "evaluations.status = 'complete'"
      : "+evaluations.status = 'complete'";
    return this.db.transaction(async tx => {
      let recorded = 0;
      for (let start = 0; start < rows.length; start += 100) {
        const page = rows.slice(start, start + 100);
        const values = page.map(() => `(${cast.join(', ')})`).join(', ');
        const result = await tx.raw(
          `WITH v (id, version, catalog_changes, needs_attention, vendor_event)
             AS (VALUES ${values})
           UPDATE evaluations
              SET catalog_changes = v.catalog_changes,
                  needs_attention = v.needs_attention
             FROM v
            WHERE evaluations.id = v.id
              AND evaluations.version = v.version
              AND ${complete}
              AND evaluations.vendor_event ${sameEvent} v.vendor_event`,
          page.flat(),
        );
        recorded += Number(result.rowCount ?? result.changes ?? 0);
      }
      return recorded;
    });
  }
}

/**
 * Re-arms the revisit notice of an evaluation: the conditions named leave
 * what its owners were told of, so that should one hold again the next scan
 * tells them again. When it was recorded and whether it was sent stay as
 * they are: a scan's compare-and-set on the old conditions then fails, and
 * a claim still being sent is confirmed as before. Runs in the caller's
 * transaction (a confirmation's).
 */
export async function releaseNoticeConditions(
  db: Knex,
  evaluationId: string,
  released: string[],
): Promise<void> {
  const notice: { conditions: string } | undefined = await db(
    'evaluation_notices',
  )
    .where({ evaluation_id: evaluationId })
    .first('conditions');
  if (!notice) {
    return;
  }
  const conditions: string[] = JSON.parse(notice.conditions);
  const kept = conditions.filter(key => !released.includes(key));
  if (kept.length < conditions.length) {
    await db('evaluation_notices')
      .where({ evaluation_id: evaluationId, conditions: notice.conditions })
      .update({ conditions: JSON.stringify(kept) });
  }
}
