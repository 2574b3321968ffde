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
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  evaluate,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  ecommerceVectorDatabase,
  startupObservability,
} from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import type { Knex } from 'knex';
import { EvaluationConflictError } from './DatabaseEvaluationStore';
import type {
  EvaluationConfirmation,
  EvaluationRecord,
  EvaluationWrite,
} from './types';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(60_000);

const ENTITY_REF = ecommerceVectorDatabase.entityRef;
const CREATED = new Date('2026-11-30T09:00:00Z');
const UPDATED = new Date('2026-12-01T10:00:00Z');
const ARCHIVED = new Date('2026-12-02T11:00:00Z');
const CONFIRMED = new Date('2026-12-03T12:00:00Z');

/** The article's vector database, as first saved: no migration plan yet. */
const withoutMigrationPlan: Evaluation = {
  ...ecommerceVectorDatabase,
  failureModes: {
    ...ecommerceVectorDatabase.failureModes,
    migrationPlan: undefined,
  },
};

/** What a save of these answers writes, with the engine's outcome. */
function saveOf(
  evaluation: Evaluation,
  options: {
    status?: EvaluationWrite['status'];
    actorRef?: string;
    now?: Date;
  } = {},
): EvaluationWrite {
  const now = options.now ?? CREATED;
  return {
    status: options.status ?? 'complete',
    evaluation,
    outcome: evaluate(evaluation, { now }),
    revisitBy: evaluation.revisitBy ?? '2027-06-01',
    entity: { ownerRef: 'group:default/search', missing: false },
    actorRef: options.actorRef ?? 'user:default/alice',
    now,
  };
}

/** What a confirmation of a record writes, as the service builds it. */
function confirmationOf(
  record: EvaluationRecord,
  options: { expectedVersion?: number } = {},
): EvaluationConfirmation {
  return {
    id: record.id,
    expectedVersion: options.expectedVersion ?? record.version,
    note: 'No vendor covers hybrid search yet; the decision holds.',
    evaluation: record.evaluation,
    outcome: evaluate(record.evaluation, { now: CONFIRMED }),
    revisitBy: '2027-06-03',
    entity: {
      title: 'Vector DB',
      ownerRef: 'group:default/retrieval',
      missing: false,
    },
    maintainers: 4,
    releasedNoticeConditions: [],
    actorRef: 'user:default/bob',
    now: CONFIRMED,
  };
}

/** Settles a promise into its error, so the error's fields can be asserted. */
async function errorOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

describe('DatabaseEvaluationStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function storeOn(databaseId: Parameters<typeof databases.init>[0]) {
    const knex: Knex = await databases.init(databaseId);
    const db = await databaseOn(knex);
    return { store: db.evaluations, knex };
  }

  it.each(databases.eachSupportedId())(
    'reads a created evaluation back by id and by entity, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);

      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });

      expect(created).toMatchObject({
        entityRef: ENTITY_REF,
        version: 1,
        status: 'complete',
        evaluation: ecommerceVectorDatabase,
        outcome: { verdict: { kind: 'buy', candidateId: 'vectorcloud' } },
        revisitBy: '2026-12-01',
        hasMigrationPlan: true,
        needsAttention: false,
        chosenCandidateName: 'VectorCloud Managed',
        decidedAt: CREATED.toISOString(),
        decidedOwnerRef: 'group:default/search',
        createdBy: 'user:default/alice',
      });
      expect(await store.get(created.id)).toEqual(created);
      expect(await store.getByEntityRef(ENTITY_REF)).toEqual(created);
      expect(
        await store.getByEntityRef(startupObservability.entityRef),
      ).toBeUndefined();
      expect(
        await store.get('00000000-0000-4000-8000-000000000000'),
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second evaluation of an entity without revealing the first, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const first = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });

      const error = await errorOf(
        store.create({
          entityRef: ENTITY_REF,
          ...saveOf(withoutMigrationPlan, { actorRef: 'user:default/bob' }),
        }),
      );

      expect(error).toBeInstanceOf(ConflictError);
      expect(error).not.toBeInstanceOf(EvaluationConflictError);
      expect(error.message).toContain(ENTITY_REF);
      // The caller may not be allowed to read the first one.
      expect(error.message).not.toContain(first.id);
      expect(error.message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
      expect(await store.getByEntityRef(ENTITY_REF)).toEqual(first);
      expect(
        (await store.listRevisions({ id: first.id, limit: 10 })).items,
      ).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'appends a revision with every update, listed newest first a page at a time, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const draft = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(withoutMigrationPlan, { status: 'draft' }),
      });
      expect(draft).toMatchObject({
        hasMigrationPlan: false,
        decidedAt: undefined,
      });

      const decided = await store.update({
        id: draft.id,
        expectedVersion: draft.version,
        ...saveOf(withoutMigrationPlan, {
          actorRef: 'user:default/bob',
          now: UPDATED,
        }),
      });
      // A buy without a way out needs attention whatever the date.
      expect(decided).toMatchObject({
        version: 2,
        status: 'complete',
        needsAttention: true,
        hasMigrationPlan: false,
        decidedAt: UPDATED.toISOString(),
        createdAt: CREATED.toISOString(),
        createdBy: 'user:default/alice',
        updatedBy: 'user:default/bob',
      });

      const planned = await store.update({
        id: draft.id,
        expectedVersion: decided.version,
        ...saveOf(ecommerceVectorDatabase, { now: ARCHIVED }),
      });
      expect(planned).toMatchObject({
        version: 3,
        needsAttention: false,
        hasMigrationPlan: true,
      });
      expect(await store.get(draft.id)).toEqual(planned);

      const firstPage = await store.listRevisions({ id: draft.id, limit: 2 });
      expect(
        firstPage.items.map(({ version, status, createdBy }) => ({
          version,
          status,
          createdBy,
        })),
      ).toEqual([
        { version: 3, status: 'complete', createdBy: 'user:default/alice' },
        { version: 2, status: 'complete', createdBy: 'user:default/bob' },
      ]);
      expect(firstPage.nextCursor).toEqual(expect.any(String));

      const secondPage = await store.listRevisions({
        id: draft.id,
        limit: 2,
        cursor: firstPage.nextCursor,
      });
      expect(secondPage).toEqual({
        items: [
          {
            evaluationId: draft.id,
            version: 1,
            status: 'draft',
            verdictKind: 'buy',
            revisitBy: withoutMigrationPlan.revisitBy,
            createdAt: CREATED.toISOString(),
            createdBy: 'user:default/alice',
          },
        ],
        nextCursor: undefined,
      });

      // Each revision keeps the answers of its version.
      expect(
        (await store.getRevision({ id: draft.id, version: 2 }))?.evaluation,
      ).toEqual(withoutMigrationPlan);
      expect(
        (await store.getRevision({ id: draft.id, version: 3 }))?.evaluation
          .failureModes?.migrationPlan,
      ).toEqual(ecommerceVectorDatabase.failureModes.migrationPlan);
      expect(
        await store.getRevision({ id: draft.id, version: 4 }),
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'turns down a stale update with the current record and changes nothing, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });
      const bobs = await store.update({
        id: created.id,
        expectedVersion: 1,
        ...saveOf(withoutMigrationPlan, {
          actorRef: 'user:default/bob',
          now: UPDATED,
        }),
      });

      // Alice still has version 1 open.
      const error = await errorOf(
        store.update({
          id: created.id,
          expectedVersion: 1,
          ...saveOf(startupObservability, { now: ARCHIVED }),
        }),
      );

      expect(error).toBeInstanceOf(EvaluationConflictError);
      expect((error as EvaluationConflictError).current).toEqual(bobs);
      expect(await store.get(created.id)).toEqual(bobs);
      expect(
        (await store.listRevisions({ id: created.id, limit: 10 })).items.map(
          ({ version }) => version,
        ),
      ).toEqual([2, 1]);

      // Archiving from a stale version is refused the same way.
      const archiveError = await errorOf(
        store.archive({
          id: created.id,
          expectedVersion: 1,
          actorRef: 'user:default/alice',
          now: ARCHIVED,
        }),
      );
      expect(archiveError).toBeInstanceOf(EvaluationConflictError);
      expect(await store.getByEntityRef(ENTITY_REF)).toEqual(bobs);
    },
  );

  it.each(databases.eachSupportedId())(
    'archiving frees the entity for a new evaluation and keeps the history, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });

      const archived = await store.archive({
        id: created.id,
        expectedVersion: 1,
        actorRef: 'user:default/bob',
        now: ARCHIVED,
      });

      expect(archived).toMatchObject({
        status: 'archived',
        version: 2,
        evaluation: ecommerceVectorDatabase,
        updatedBy: 'user:default/bob',
        updatedAt: ARCHIVED.toISOString(),
      });
      expect(await store.getByEntityRef(ENTITY_REF)).toBeUndefined();
      expect(await store.get(created.id)).toEqual(archived);
      // An archived decision is history: it is not edited any more.
      await expect(
        store.update({
          id: created.id,
          expectedVersion: 2,
          ...saveOf(ecommerceVectorDatabase, { now: ARCHIVED }),
        }),
      ).rejects.toThrow(NotFoundError);

      const next = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(withoutMigrationPlan, { now: ARCHIVED }),
      });
      expect(next.id).not.toBe(created.id);
      expect(await store.getByEntityRef(ENTITY_REF)).toEqual(next);

      const history = await store.listRevisions({ id: created.id, limit: 10 });
      expect(
        history.items.map(({ version, status }) => [version, status]),
      ).toEqual([
        [2, 'archived'],
        [1, 'complete'],
      ]);
      expect(
        (await store.getRevision({ id: created.id, version: 1 }))?.evaluation,
      ).toEqual(ecommerceVectorDatabase);
      expect(
        (await store.listRevisions({ id: next.id, limit: 10 })).items,
      ).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a confirmation as the next version: the same answers, a new revisit date and the note, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });

      const confirmed = await store.confirm(confirmationOf(created));

      expect(confirmed).toMatchObject({
        id: created.id,
        version: 2,
        status: 'complete',
        evaluation: ecommerceVectorDatabase,
        outcome: { verdict: created.outcome.verdict },
        revisitBy: '2027-06-03',
        // Decided again today, by the owners and the team there are now.
        decidedAt: CONFIRMED.toISOString(),
        decidedOwnerRef: 'group:default/retrieval',
        decidedMaintainers: 4,
        entity: { title: 'Vector DB', ownerRef: 'group:default/retrieval' },
        createdBy: 'user:default/alice',
        updatedBy: 'user:default/bob',
        updatedAt: CONFIRMED.toISOString(),
      });
      expect(await store.get(created.id)).toEqual(confirmed);

      const history = await store.listRevisions({ id: created.id, limit: 10 });
      expect(history.items).toEqual([
        {
          evaluationId: created.id,
          version: 2,
          status: 'complete',
          verdictKind: 'buy',
          revisitBy: '2027-06-03',
          confirmationNote:
            'No vendor covers hybrid search yet; the decision holds.',
          createdAt: CONFIRMED.toISOString(),
          createdBy: 'user:default/bob',
        },
        expect.objectContaining({ version: 1, confirmationNote: undefined }),
      ]);
      expect(await store.getRevision({ id: created.id, version: 2 })).toEqual({
        ...history.items[0],
        evaluation: ecommerceVectorDatabase,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'confirms neither a stale version, nor a draft, nor an archived evaluation, and stores nothing then, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });
      const bobs = await store.update({
        id: created.id,
        expectedVersion: 1,
        ...saveOf(withoutMigrationPlan, { now: UPDATED }),
      });
      const draft = await store.create({
        entityRef: startupObservability.entityRef,
        ...saveOf(startupObservability, { status: 'draft' }),
      });
      const versions = async (id: string) =>
        (await store.listRevisions({ id, limit: 10 })).items.map(
          ({ version }) => version,
        );

      const stale = await errorOf(
        store.confirm(confirmationOf(created, { expectedVersion: 1 })),
      );
      expect(stale).toBeInstanceOf(EvaluationConflictError);
      expect((stale as EvaluationConflictError).current).toEqual(bobs);
      expect(await store.get(created.id)).toEqual(bobs);
      expect(await versions(created.id)).toEqual([2, 1]);

      const drafted = await errorOf(store.confirm(confirmationOf(draft)));
      expect(drafted).toBeInstanceOf(ConflictError);
      expect(drafted).not.toBeInstanceOf(EvaluationConflictError);
      expect(drafted.message).toMatch(/still a draft/);
      expect(await store.get(draft.id)).toEqual(draft);
      expect(await versions(draft.id)).toEqual([1]);

      const archived = await store.archive({
        id: created.id,
        expectedVersion: 2,
        actorRef: 'user:default/alice',
        now: ARCHIVED,
      });
      const gone = await errorOf(store.confirm(confirmationOf(archived)));
      expect(gone).toBeInstanceOf(ConflictError);
      expect(gone.message).toMatch(/archived/);
      expect(await versions(created.id)).toEqual([3, 2, 1]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a revisions cursor it did not hand out, naming the cursor, %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });
      const encode = (value: unknown) =>
        Buffer.from(JSON.stringify(value)).toString('base64url');

      for (const cursor of [
        'not a cursor',
        encode({ version: 2 }),
        encode(["2' OR 1=1 --", created.id]),
        encode(['0', created.id]),
        encode(['9999999999', created.id]),
        encode(['2026-12-01', created.id]),
        encode(['2', 'user:default/alice']),
      ]) {
        const error = await errorOf(
          store.listRevisions({ id: created.id, limit: 10, cursor }),
        );
        expect({ cursor, error }).toEqual({
          cursor,
          error: expect.any(InputError),
        });
        expect(error.message).toMatch(/^cursor: /);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of concurrent updates from the same version through, %p',
    async databaseId => {
      const { store, knex } = await storeOn(databaseId);
      const created = await store.create({
        entityRef: ENTITY_REF,
        ...saveOf(ecommerceVectorDatabase),
      });
      const editors = Array.from(
        { length: 10 },
        (_, index) => `user:default/editor-${index}`,
      );
      // Open the pool's connections first, so that the updates overlap
      // instead of queueing behind the opening of each connection.
      await Promise.all(
        Array.from({ length: 5 }, () =>
          databaseId === 'POSTGRES_15'
            ? knex.raw('select pg_sleep(0.1)')
            : knex.raw('select 1'),
        ),
      );

      const results = await Promise.allSettled(
        editors.map(actorRef =>
          store.update({
            id: created.id,
            expectedVersion: 1,
            ...saveOf(withoutMigrationPlan, { actorRef, now: UPDATED }),
          }),
        ),
      );

      const won = results.flatMap(result =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      const lost = results.flatMap(result =>
        result.status === 'rejected' ? [result.reason] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(editors.length - 1);
      for (const error of lost) {
        expect(error).toBeInstanceOf(EvaluationConflictError);
        expect(error.current).toEqual(won[0]);
      }
      expect(await store.get(created.id)).toEqual(won[0]);
      expect(
        (await store.listRevisions({ id: created.id, limit: 20 })).items.map(
          ({ version, createdBy }) => [version, createdBy],
        ),
      ).toEqual([
        [2, won[0].updatedBy],
        [1, 'user:default/alice'],
      ]);
    },
  );
});
