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

import { ConflictError, NotFoundError, InputError } from '@backstage/errors';
import type {
  EvaluationRevision,
  EvaluationRevisionSummary,
  Page,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { releaseNoticeConditions } from './DatabaseNoticeStore';
import {
  columnsOf,
  decodeCursor,
  encodeCursor,
  EvaluationRow,
  isUniqueViolation,
  MAX_INTEGER,
  revisionOf,
  RevisionRow,
  toRecord,
  toText,
} from './tables';
import type {
  EvaluationConfirmation,
  EvaluationRecord,
  EvaluationStore,
  EvaluationText,
  EvaluationWrite,
} from './types';

/** A stale update: carries the current record so the client can merge. */
export class EvaluationConflictError extends ConflictError {
  constructor(message: string, readonly current: EvaluationRecord | undefined) {
    super(message);
  }
}

/**
 * Why an evaluation in this status cannot be confirmed as still valid, or
 * undefined when it can: only a complete decision was ever decided.
 */
export function notConfirmable(status: string): ConflictError | undefined {
  if (status === 'complete') {
    return undefined;
  }
  return new ConflictError(
    status === 'draft'
      ? 'Only a recorded decision can be confirmed as still valid: this evaluation is still a draft. Finish it in the wizard first.'
      : 'Only a recorded decision can be confirmed as still valid: this one was archived.',
  );
}

/**
 * The knex implementation of {@link EvaluationStore}, the same code on
 * SQLite and PostgreSQL.
 */
export class DatabaseEvaluationStore implements EvaluationStore {
  constructor(private readonly db: Knex) {}

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
      ...columnsOf(write),
    };
    try {
      await this.db.transaction(async tx => {
        await tx('evaluations').insert(row);
        await tx('evaluation_revisions').insert(revisionOf(row));
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
      ...columnsOf(write),
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

  async confirm(
    confirmation: EvaluationConfirmation,
  ): Promise<EvaluationRecord> {
    return this.writeVersion(
      confirmation.id,
      confirmation.expectedVersion,
      current => ({
        ...current,
        ...columnsOf({ ...confirmation, status: 'complete' }),
      }),
      {
        confirmationNote: confirmation.note,
        afterWrite: tx =>
          releaseNoticeConditions(
            tx,
            confirmation.id,
            confirmation.releasedNoticeConditions,
          ),
      },
    );
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
    options: {
      /** Makes the write a confirmation of the complete decision. */
      confirmationNote?: string;
      /** More to write in the same transaction. */
      afterWrite?: (tx: Knex.Transaction) => Promise<void>;
    } = {},
  ): Promise<EvaluationRecord> {
    const written = await this.db.transaction(async tx => {
      const current = await tx<EvaluationRow>('evaluations')
        .where({ id })
        .first();
      if (current && options.confirmationNote !== undefined) {
        const refusal = notConfirmable(current.status);
        if (refusal) {
          throw refusal;
        }
      }
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
      await tx('evaluation_revisions').insert(
        revisionOf(row, options.confirmationNote),
      );
      await options.afterWrite?.(tx);
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

  async getTextsByEntityRefs(entityRefs: string[]): Promise<EvaluationText[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.db<EvaluationRow>('evaluations').whereIn(
      'active_entity_ref',
      entityRefs,
    );
    return rows.map(toText);
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
        'revisit_by',
        'confirmation_note',
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
    const items = rows.slice(0, options.limit).map(revisionSummaryOf);
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
      ...revisionSummaryOf(row),
      evaluation: JSON.parse(row.evaluation),
    };
  }
}

function revisionSummaryOf(
  row: Omit<RevisionRow, 'evaluation'>,
): EvaluationRevisionSummary {
  return {
    evaluationId: row.evaluation_id,
    version: row.version,
    status: row.status as EvaluationRevisionSummary['status'],
    verdictKind: row.verdict_kind as EvaluationRevisionSummary['verdictKind'],
    revisitBy: row.revisit_by ?? undefined,
    confirmationNote: row.confirmation_note ?? undefined,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
