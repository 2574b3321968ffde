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
  ENTITY_REFS_PER_READ,
  evaluate,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { databaseOn } from '../__testUtils__/database';
import type { EvaluationStore } from '../database/types';
import { batchedEntityReads } from './entityReads';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-03T09:00:00Z');

function saved(store: EvaluationStore, evaluation: Evaluation) {
  return store.create({
    entityRef: evaluation.entityRef,
    status: 'complete',
    evaluation,
    outcome: evaluate(evaluation, { now: NOW }),
    revisitBy: '2027-06-01',
    entity: { ownerRef: 'group:default/search', missing: false },
    actorRef: 'user:default/alice',
    now: NOW,
  });
}

const refOf = (name: string) => `component:default/${name}`;
const decisionOf = (name: string): Evaluation => ({
  ...ecommerceVectorDatabase,
  entityRef: refOf(name),
});

describe('batchedEntityReads', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'answers the reads asked together with one query, never from memory, %p',
    async databaseId => {
      const { evaluations } = await databaseOn(
        await databases.init(databaseId),
      );
      const [alpha, beta] = await Promise.all([
        saved(evaluations, decisionOf('alpha')),
        saved(evaluations, decisionOf('beta')),
      ]);
      const queries = jest.spyOn(evaluations, 'getTextsByEntityRefs');
      const reads = batchedEntityReads(evaluations);

      // Three requests at once, one of them for two entities (the by-refs
      // read) and one for an entity without a decision.
      const [one, both, none] = await Promise.all([
        reads.texts([refOf('alpha')]),
        reads.texts([refOf('beta'), refOf('alpha')]),
        reads.texts([refOf('never-evaluated')]),
      ]);
      expect(queries).toHaveBeenCalledTimes(1);
      expect(one.map(text => text?.id)).toEqual([alpha.id]);
      expect(both.map(text => text?.id)).toEqual([beta.id, alpha.id]);
      expect(none).toEqual([undefined]);
      expect(one[0]?.evaluationJson).toBe(
        (await evaluations.getTextsByEntityRefs([refOf('alpha')]))[0]
          .evaluationJson,
      );

      // Requests that arrived together are handled one callback each, with
      // the promises of each run in between: they still share a query.
      queries.mockClear();
      const separately = await new Promise<unknown[]>(resolve => {
        const answers: Array<Promise<unknown>> = [];
        setImmediate(() => answers.push(reads.texts([refOf('alpha')])));
        setImmediate(() => answers.push(reads.texts([refOf('beta')])));
        setImmediate(() => resolve(Promise.all(answers)));
      });
      expect(queries).toHaveBeenCalledTimes(1);
      expect(separately).toEqual([[one[0]], [both[0]]]);

      // A read after a save sees the save: nothing is kept between reads.
      const changed = await evaluations.update({
        id: alpha.id,
        expectedVersion: alpha.version,
        status: 'complete',
        evaluation: { ...decisionOf('alpha'), revisitBy: '2027-01-15' },
        outcome: evaluate(decisionOf('alpha'), { now: NOW }),
        revisitBy: '2027-01-15',
        entity: { ownerRef: 'group:default/search', missing: false },
        actorRef: 'user:default/bob',
        now: NOW,
      });
      const [after] = await reads.texts([refOf('alpha')]);
      expect(after).toMatchObject({ version: changed.version });
      expect(JSON.parse(after!.evaluationJson).revisitBy).toBe('2027-01-15');
    },
  );

  it.each(databases.eachSupportedId())(
    'asks no query for more entities than one read may name, %p',
    async databaseId => {
      const { evaluations } = await databaseOn(
        await databases.init(databaseId),
      );
      const queries = jest.spyOn(evaluations, 'getTextsByEntityRefs');
      const reads = batchedEntityReads(evaluations);
      const refs = Array.from({ length: ENTITY_REFS_PER_READ + 20 }, (_, i) =>
        refOf(`c${i}`),
      );
      const answers = await Promise.all(refs.map(ref => reads.texts([ref])));
      expect(answers.flat()).toEqual(refs.map(() => undefined));
      expect(queries.mock.calls.map(([asked]) => asked.length)).toEqual([
        ENTITY_REFS_PER_READ,
        20,
      ]);
    },
  );

  it('fails every read of a batch whose query fails, and the next one reads again', async () => {
    const outage = new Error('connection terminated');
    const getTextsByEntityRefs = jest
      .fn()
      .mockRejectedValueOnce(outage)
      .mockResolvedValueOnce([]);
    const reads = batchedEntityReads({
      getTextsByEntityRefs,
    } as unknown as EvaluationStore);
    const results = await Promise.allSettled([
      reads.texts([refOf('alpha')]),
      reads.texts([refOf('beta'), refOf('gamma')]),
    ]);
    expect(results).toEqual([
      { status: 'rejected', reason: outage },
      { status: 'rejected', reason: outage },
    ]);
    await expect(reads.texts([refOf('alpha')])).resolves.toEqual([undefined]);
    expect(getTextsByEntityRefs).toHaveBeenCalledTimes(2);
  });
});
