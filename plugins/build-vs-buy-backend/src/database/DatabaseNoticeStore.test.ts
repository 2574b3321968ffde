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

import { TestDatabases } from '@backstage/backend-test-utils';
import {
  evaluate,
  type Evaluation,
  type EvaluationStatus,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import type { NoticeState } from './types';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(60_000);

const DECIDED = new Date('2026-11-01T09:00:00Z');
const FIRST_SCAN = new Date('2026-12-02T03:00:00Z');
const SECOND_SCAN = new Date('2026-12-02T04:00:00Z');
const SENT = new Date('2026-12-02T04:00:05Z');
const LATER = new Date('2026-12-02T05:00:05Z');

const EXAMPLES = EXAMPLE_EVALUATIONS.map(({ evaluation }) => evaluation);

describe('DatabaseNoticeStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function open(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await databaseOn(knex);
    /** Saves an example's answers; returns the evaluation's id. */
    const decide = async (
      evaluation: Evaluation,
      status: Exclude<EvaluationStatus, 'archived'> = 'complete',
    ) =>
      (
        await db.evaluations.create({
          entityRef: evaluation.entityRef,
          status,
          evaluation,
          outcome: evaluate(evaluation, { now: DECIDED }),
          revisitBy: evaluation.revisitBy ?? '2027-06-01',
          entity: { ownerRef: 'group:default/search', missing: false },
          actorRef: 'user:default/alice',
          now: DECIDED,
        })
      ).id;
    /** The notice of one evaluation, as the next scan reads it. */
    const noticeOf = async (id: string) => {
      const items = await db.notices.listForRevisitScan({ limit: 100 });
      return items.find(item => item.record.id === id)?.notice;
    };
    return { db, knex, decide, noticeOf };
  }

  it.each(databases.eachSupportedId())(
    'hands the revisit scan the complete decisions in id order with their notice, %p',
    async databaseId => {
      const { db, decide } = await open(databaseId);
      const complete = [];
      for (const evaluation of EXAMPLES.slice(0, 4)) {
        complete.push(await decide(evaluation));
      }
      // A draft is nobody's decision yet, and an archived one is history.
      await decide(EXAMPLES[4], 'draft');
      const archived = await decide({
        ...EXAMPLES[0],
        entityRef: 'component:default/retired-vector-store',
      });
      await db.evaluations.archive({
        id: archived,
        expectedVersion: 1,
        actorRef: 'user:default/alice',
        now: DECIDED,
      });
      complete.sort();
      await db.notices.recordNotices({
        notices: [
          {
            evaluationId: complete[2],
            expected: undefined,
            next: ['overdue:2026-12-01'],
            sent: false,
          },
        ],
        now: FIRST_SCAN,
      });

      const first = await db.notices.listForRevisitScan({ limit: 2 });
      const second = await db.notices.listForRevisitScan({
        limit: 2,
        after: first[1].record.id,
      });
      const last = await db.notices.listForRevisitScan({
        limit: 2,
        after: second[1].record.id,
      });

      expect(first.map(({ record }) => record.id)).toEqual(
        complete.slice(0, 2),
      );
      expect(second.map(({ record }) => record.id)).toEqual(
        complete.slice(2, 4),
      );
      expect(last).toEqual([]);
      expect([...first, ...second].map(({ notice }) => notice)).toEqual([
        undefined,
        undefined,
        {
          conditions: ['overdue:2026-12-01'],
          at: FIRST_SCAN.toISOString(),
          sent: false,
        },
        undefined,
      ]);
      // The scan judges the decision as stored.
      expect(second[0].record).toEqual(await db.evaluations.get(complete[2]));
    },
  );

  it.each(databases.eachSupportedId())(
    'records a change only for the scan that read the notice as it still is, %p',
    async databaseId => {
      const { db, decide, noticeOf } = await open(databaseId);
      const vectors = await decide(EXAMPLES[0]);
      const retrieval = await decide(EXAMPLES[1]);

      // Two scans both found no notice; the first to record it owns it.
      expect(
        await db.notices.recordNotices({
          notices: [
            {
              evaluationId: vectors,
              expected: undefined,
              next: ['overdue:2026-12-01'],
              sent: false,
            },
          ],
          now: FIRST_SCAN,
        }),
      ).toEqual(new Set([vectors]));
      expect(
        await db.notices.recordNotices({
          notices: [
            {
              evaluationId: vectors,
              expected: undefined,
              next: ['overdue:2026-12-01', 'entity-gone'],
              sent: false,
            },
          ],
          now: SECOND_SCAN,
        }),
      ).toEqual(new Set());
      const recorded = await noticeOf(vectors);
      expect(recorded).toEqual({
        conditions: ['overdue:2026-12-01'],
        at: FIRST_SCAN.toISOString(),
        sent: false,
      });

      // A later scan changes it, naming what it read...
      const changed = await db.notices.recordNotices({
        notices: [
          {
            evaluationId: vectors,
            expected: recorded,
            next: ['entity-gone', 'overdue:2026-12-01'],
            sent: false,
          },
          {
            evaluationId: retrieval,
            expected: undefined,
            next: ['maintenance-owner-gone:group:default/search'],
            sent: false,
          },
        ],
        now: SECOND_SCAN,
      });
      expect(changed).toEqual(new Set([vectors, retrieval]));

      // ...and one that read the same, the same conditions recorded at
      // another time or other conditions recorded at the same time,
      // records nothing: the change is already someone's.
      const stale: NoticeState[] = [
        recorded!,
        {
          conditions: ['maintenance-owner-gone:group:default/search'],
          at: SECOND_SCAN.toISOString(),
          sent: false,
        },
        {
          conditions: ['entity-gone', 'overdue:2026-12-01'],
          at: FIRST_SCAN.toISOString(),
          sent: false,
        },
      ];
      for (const expected of stale) {
        expect(
          await db.notices.recordNotices({
            notices: [
              { evaluationId: vectors, expected, next: [], sent: true },
            ],
            now: LATER,
          }),
        ).toEqual(new Set());
      }
      expect(await noticeOf(vectors)).toEqual({
        conditions: ['entity-gone', 'overdue:2026-12-01'],
        at: SECOND_SCAN.toISOString(),
        sent: false,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of concurrent scans claim the same change, %p',
    async databaseId => {
      const { db, knex, decide, noticeOf } = await open(databaseId);
      const id = await decide(EXAMPLES[0]);
      // Ten scans at once, each a second apart from the next.
      const scansAt = (start: Date) =>
        Array.from(
          { length: 10 },
          (_, index) => new Date(start.getTime() + index * 1000),
        );
      // Open the pool's connections first, so that the claims overlap
      // instead of queueing behind the opening of each connection.
      const warm = () =>
        Promise.all(
          Array.from({ length: 5 }, () =>
            databaseId === 'POSTGRES_15'
              ? knex.raw('select pg_sleep(0.1)')
              : knex.raw('select 1'),
          ),
        );
      const claimAll = async (
        start: Date,
        expected: NoticeState | undefined,
      ) => {
        await warm();
        const results = await Promise.all(
          scansAt(start).map(async now => ({
            now,
            claimed: await db.notices.recordNotices({
              notices: [
                {
                  evaluationId: id,
                  expected,
                  next: [`overdue:2026-12-01`, `scan:${now.toISOString()}`],
                  sent: false,
                },
              ],
              now,
            }),
          })),
        );
        return results.filter(({ claimed }) => claimed.has(id));
      };

      const first = await claimAll(FIRST_SCAN, undefined);
      expect(first).toHaveLength(1);
      const recorded = await noticeOf(id);
      expect(recorded?.at).toBe(first[0].now.toISOString());

      const next = await claimAll(SECOND_SCAN, recorded);
      expect(next).toHaveLength(1);
      expect(await noticeOf(id)).toEqual({
        conditions: ['overdue:2026-12-01', `scan:${next[0].now.toISOString()}`],
        at: next[0].now.toISOString(),
        sent: false,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'confirms only the claims made at that time and not yet sent, %p',
    async databaseId => {
      const { db, knex, decide, noticeOf } = await open(databaseId);
      const ids = {
        sent: await decide(EXAMPLES[0]),
        reclaimed: await decide(EXAMPLES[1]),
        later: await decide(EXAMPLES[2]),
        cleared: await decide(EXAMPLES[3]),
      };
      await db.notices.recordNotices({
        notices: [
          {
            evaluationId: ids.sent,
            expected: undefined,
            next: ['overdue:2026-12-01'],
            sent: false,
          },
          {
            evaluationId: ids.reclaimed,
            expected: undefined,
            next: ['due-soon:2026-12-20'],
            sent: false,
          },
          // Nothing to tell: recorded as sent at once.
          {
            evaluationId: ids.cleared,
            expected: undefined,
            next: [],
            sent: true,
          },
        ],
        now: FIRST_SCAN,
      });
      // The first scan stalls; a second one takes over its unsent claim
      // and claims a change of its own.
      await db.notices.recordNotices({
        notices: [
          {
            evaluationId: ids.reclaimed,
            expected: await noticeOf(ids.reclaimed),
            next: ['due-soon:2026-12-20', 'entity-gone'],
            sent: false,
          },
          {
            evaluationId: ids.later,
            expected: undefined,
            next: ['entity-gone'],
            sent: false,
          },
        ],
        now: SECOND_SCAN,
      });

      // The first scan comes back and confirms what it handed over.
      await db.notices.confirmNotices({
        evaluationIds: Object.values(ids),
        claimedAt: FIRST_SCAN,
        now: SENT,
      });

      expect(await noticeOf(ids.sent)).toEqual({
        conditions: ['overdue:2026-12-01'],
        // Still the time it was claimed: the next scan compares against it.
        at: FIRST_SCAN.toISOString(),
        sent: true,
      });
      expect(await noticeOf(ids.reclaimed)).toMatchObject({ sent: false });
      expect(await noticeOf(ids.later)).toMatchObject({ sent: false });
      const sentAt = async (id: string) =>
        (await knex('evaluation_notices').where({ evaluation_id: id }).first())
          ?.sent_at;
      expect(await sentAt(ids.sent)).toBe(SENT.toISOString());
      expect(await sentAt(ids.cleared)).toBe(FIRST_SCAN.toISOString());

      await db.notices.confirmNotices({
        evaluationIds: [ids.reclaimed, ids.later],
        claimedAt: SECOND_SCAN,
        now: LATER,
      });
      expect(await noticeOf(ids.reclaimed)).toMatchObject({ sent: true });
      expect(await noticeOf(ids.later)).toMatchObject({ sent: true });
      expect(await sentAt(ids.sent)).toBe(SENT.toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'a confirmation re-arms the notice: the old date leaves what was told, the rest stays, %p',
    async databaseId => {
      const { db, decide, noticeOf } = await open(databaseId);
      const confirmed = await decide(EXAMPLES[0]);
      const untouched = await decide(EXAMPLES[1]);
      const neverTold = await decide(EXAMPLES[2]);
      await db.notices.recordNotices({
        notices: [confirmed, untouched].map(evaluationId => ({
          evaluationId,
          expected: undefined,
          next: ['entity-gone', 'overdue:2027-06-01'],
          sent: true,
        })),
        now: FIRST_SCAN,
      });
      const told = await noticeOf(confirmed);
      const confirm = async (id: string, expectedVersion = 1) => {
        const record = (await db.evaluations.get(id))!;
        return db.evaluations.confirm({
          id,
          expectedVersion,
          note: 'Still no vendor with hybrid search.',
          evaluation: record.evaluation,
          outcome: record.outcome,
          revisitBy: '2027-06-02',
          entity: record.entity,
          releasedNoticeConditions: [
            'overdue:2027-06-01',
            'due-soon:2027-06-01',
          ],
          actorRef: 'user:default/bob',
          now: SECOND_SCAN,
        });
      };

      await confirm(confirmed);
      // When it was recorded and whether it was sent stay: a scan that read
      // the notice before the confirmation no longer matches it.
      expect(await noticeOf(confirmed)).toEqual({
        conditions: ['entity-gone'],
        at: FIRST_SCAN.toISOString(),
        sent: true,
      });
      expect(
        await db.notices.recordNotices({
          notices: [
            {
              evaluationId: confirmed,
              expected: told,
              next: ['entity-gone', 'overdue:2027-06-01'],
              sent: false,
            },
          ],
          now: LATER,
        }),
      ).toEqual(new Set());

      // A refused confirmation re-arms nothing: one transaction.
      await expect(confirm(untouched, 7)).rejects.toThrow(/changed meanwhile/);
      expect(await noticeOf(untouched)).toEqual(told);

      // A decision whose owners were never told gets no notice from it.
      await confirm(neverTold);
      expect(await noticeOf(neverTold)).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'records catalog changes only on a decision still as the scan read it, %p',
    async databaseId => {
      const { db, decide } = await open(databaseId);
      const lifecycle = {
        changes: [
          {
            kind: 'entity-lifecycle-changed' as const,
            from: 'experimental',
            to: 'production',
          },
        ],
        displayNames: {},
      };
      const saved: string[] = [];
      for (const evaluation of EXAMPLES) {
        saved.push(await decide({ ...evaluation, revisitBy: '2027-06-01' }));
      }
      const read = (await db.notices.listForRevisitScan({ limit: 100 })).map(
        item => item.record,
      );
      expect(read).toHaveLength(saved.length);
      // The second bought a product, for news of it to arrive.
      const second = read.find(record => record.chosenCandidateName)!;
      const [first, third] = read.filter(record => record !== second);

      // Meanwhile the first is recorded again, and the second's product
      // has news: neither is overwritten with what the scan read.
      await db.evaluations.update({
        id: first.id,
        expectedVersion: first.version,
        status: 'complete',
        evaluation: first.evaluation,
        outcome: first.outcome,
        revisitBy: first.revisitBy,
        entity: { ownerRef: 'group:default/search', missing: false },
        actorRef: 'user:default/bob',
        now: LATER,
      });
      await db.vendorEvents.record(
        {
          product: second.chosenCandidateName!,
          productKey: second.chosenCandidateName!.toLowerCase(),
          kind: 'deprecation',
          occurredOn: '2026-12-01',
          note: '',
          idempotencyKey: 'catalog-changes-race',
          actorRef: 'user:default/bob',
          now: LATER,
        },
        name => name === second.chosenCandidateName,
      );

      const recorded = await db.notices.recordCatalogChanges(
        [first, second, third].map(record => ({
          record,
          changes: lifecycle,
        })),
      );
      expect(recorded).toBe(1);
      const after = await Promise.all(
        [first, second, third].map(({ id }) => db.evaluations.get(id)),
      );
      expect(after.map(record => record?.catalogChanges)).toEqual([
        undefined,
        undefined,
        lifecycle,
      ]);
      // The event's attention stands; the third needs attention for the
      // change, and loses it when the scan finds the change gone.
      expect(after.map(record => record?.needsAttention)).toEqual([
        first.needsAttention,
        true,
        true,
      ]);
      await db.notices.recordCatalogChanges([
        { record: (await db.evaluations.get(third.id))!, changes: undefined },
      ]);
      expect(await db.evaluations.get(third.id)).toMatchObject({
        catalogChanges: undefined,
        needsAttention: third.needsAttention,
      });
    },
  );
});
