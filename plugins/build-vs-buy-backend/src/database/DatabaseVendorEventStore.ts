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

import { ConflictError, InputError } from '@backstage/errors';
import type {
  VendorEvent,
  VendorEventFacts,
  VendorEventKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type EvaluationRow } from './tables';
import type { VendorEventStore, VendorEventWrite } from './types';

/** Ids per update: well under either database's parameter limit. */
const IDS_PER_UPDATE = 500;

type VendorEventRow = {
  id: string;
  product_key: string;
  product_name: string;
  kind: string;
  note: string;
  occurred_on: string;
  idempotency_key: string;
  decisions: number;
  recorded_by: string;
  recorded_at: string;
};

function toEvent(row: VendorEventRow): VendorEvent {
  return {
    id: row.id,
    product: row.product_name,
    kind: row.kind as VendorEventKind,
    occurredOn: row.occurred_on,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    decisions: Number(row.decisions),
  };
}

/**
 * The event a key recorded, for a retry of the same request; a key reused
 * for another event is a conflict, so that the second event is neither
 * lost silently nor recorded twice.
 */
function replayOf(recorded: VendorEvent, write: VendorEventWrite): VendorEvent {
  const same =
    recorded.product === write.product &&
    recorded.kind === write.kind &&
    recorded.occurredOn === write.occurredOn &&
    recorded.note === write.note;
  if (!same) {
    throw new ConflictError(
      `body.idempotencyKey: this key already recorded another event (${recorded.product}, ${recorded.occurredOn}); send a new key for a new event`,
    );
  }
  return recorded;
}

/**
 * The knex implementation of {@link VendorEventStore}. Which decisions an
 * event reaches is the caller's `chose`, -common's portfolio rule, never
 * SQL; the store only narrows to complete decisions that chose a product.
 */
export class DatabaseVendorEventStore implements VendorEventStore {
  constructor(private readonly db: Knex) {}

  async record(
    write: VendorEventWrite,
    chose: (chosenCandidateName: string) => boolean,
  ): Promise<{ event: VendorEvent; created: boolean }> {
    const replayed = await this.byKey(this.db, write.idempotencyKey);
    if (replayed) {
      return { event: replayOf(replayed, write), created: false };
    }
    try {
      const event = await this.db.transaction(async tx => {
        const rows: Array<Pick<EvaluationRow, 'id' | 'chosen_candidate_name'>> =
          await tx<EvaluationRow>('evaluations')
            .select('id', 'chosen_candidate_name')
            .where('status', 'complete')
            .whereNotNull('chosen_candidate_name');
        const ids = rows
          .filter(row => chose(row.chosen_candidate_name!))
          .map(row => row.id);
        if (ids.length === 0) {
          throw new InputError(
            'body.product: no decision chose this product; name it as the vendor portfolio does',
          );
        }
        const row: VendorEventRow = {
          id: randomUUID(),
          product_key: write.productKey,
          product_name: write.product,
          kind: write.kind,
          note: write.note,
          occurred_on: write.occurredOn,
          idempotency_key: write.idempotencyKey,
          decisions: ids.length,
          recorded_by: write.actorRef,
          recorded_at: write.now.toISOString(),
        };
        await tx<VendorEventRow>('vendor_events').insert(row);
        const facts: VendorEventFacts = {
          id: row.id,
          product: write.product,
          kind: write.kind,
          occurredOn: write.occurredOn,
        };
        for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
          // needs_attention as -common's needsAttentionOf has it with an
          // event; the next save clears both (see columnsOf).
          await tx<EvaluationRow>('evaluations')
            .whereIn('id', ids.slice(i, i + IDS_PER_UPDATE))
            .where('status', 'complete')
            .update({
              vendor_event: JSON.stringify(facts),
              needs_attention: true,
            });
        }
        return toEvent(row);
      });
      return { event, created: true };
    } catch (error) {
      // The same key recorded meanwhile by a concurrent retry: that one
      // stands, and this transaction changed nothing.
      if (isUniqueViolation(error)) {
        const recorded = await this.byKey(this.db, write.idempotencyKey);
        if (recorded) {
          return { event: replayOf(recorded, write), created: false };
        }
      }
      throw error;
    }
  }

  async listForProduct(productKey: string): Promise<VendorEvent[]> {
    const rows: VendorEventRow[] = await this.db<VendorEventRow>(
      'vendor_events',
    )
      .where('product_key', productKey)
      .orderBy([
        { column: 'recorded_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toEvent);
  }

  private async byKey(
    db: Knex,
    idempotencyKey: string,
  ): Promise<VendorEvent | undefined> {
    const row: VendorEventRow | undefined = await db<VendorEventRow>(
      'vendor_events',
    )
      .where('idempotency_key', idempotencyKey)
      .first();
    return row ? toEvent(row) : undefined;
  }
}
