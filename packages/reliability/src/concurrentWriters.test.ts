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
import type {
  EvaluationDraft,
  StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import request from 'supertest';
import {
  API,
  exampleEvaluation,
  historyProblems,
  startPlugin,
  TestServer,
} from './harness';

jest.setTimeout(300_000);

const WRITERS = 50;

/*
 * 50 writers on one evaluation, each naming the version it read. The
 * optimistic lock must accept some, refuse the rest with 409 and the current
 * record, and never lose or invent a save: the history holds exactly the
 * accepted writes, at contiguous versions.
 */
describe('50 concurrent writers on one evaluation', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  async function createEvaluation(server: TestServer) {
    const created = await request(server)
      .post(`${API}/evaluations`)
      .send({ status: 'draft', evaluation: exampleEvaluation() });
    expect(created.status).toBe(201);
    return created.body as StoredEvaluation;
  }

  /** Every revision of an evaluation, oldest first, with its answers. */
  async function history(server: TestServer, id: string) {
    const summaries = await request(server).get(
      `${API}/evaluations/${id}/revisions?limit=500`,
    );
    expect(summaries.status).toBe(200);
    const versions: number[] = summaries.body.items
      .map((item: { version: number }) => item.version)
      .reverse();
    const revisions = await Promise.all(
      versions.map(async version => {
        const revision = await request(server).get(
          `${API}/evaluations/${id}/revisions/${version}`,
        );
        expect(revision.status).toBe(200);
        return revision.body as {
          version: number;
          evaluation: EvaluationDraft;
        };
      }),
    );
    return revisions;
  }

  const marker = (writer: number) => `writer ${writer} was here`;

  it.each(databases.eachSupportedId())(
    'accepts or refuses each write with the version it read, losing none, %p',
    async databaseId => {
      const { server, knex } = await startPlugin({ databases, databaseId });
      const created = await createEvaluation(server);

      // Each writer reads, then writes what it read plus its marker; the
      // writers run at once, so their reads and writes interleave.
      const outcomes = await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          const read = await request(server).get(
            `${API}/evaluations/${created.id}`,
          );
          expect(read.status).toBe(200);
          const current = read.body as StoredEvaluation;
          const written = await request(server)
            .put(`${API}/evaluations/${created.id}`)
            .send({
              version: current.version,
              status: 'draft',
              evaluation: { ...current.evaluation, question: marker(writer) },
            });
          return { writer, readVersion: current.version, response: written };
        }),
      );

      const accepted = outcomes.filter(o => o.response.status === 200);
      const refused = outcomes.filter(o => o.response.status === 409);
      expect(accepted.length + refused.length).toBe(WRITERS);
      expect(accepted.length).toBeGreaterThanOrEqual(1);

      for (const { writer, readVersion, response } of accepted) {
        expect(response.body.version).toBe(readVersion + 1);
        expect(response.body.evaluation.question).toBe(marker(writer));
      }
      const revisions = await history(server, created.id);
      // Versions 1..n without a gap, one accepted write each after the first.
      expect(revisions.map(r => r.version)).toEqual(
        Array.from({ length: accepted.length + 1 }, (_, i) => i + 1),
      );
      expect(
        revisions
          .slice(1)
          .map(r => r.evaluation.question)
          .sort(),
      ).toEqual(accepted.map(o => marker(o.writer)).sort());
      // An accepted write is the revision at the version it was given.
      for (const { response } of accepted) {
        expect(revisions[response.body.version - 1].evaluation.question).toBe(
          response.body.evaluation.question,
        );
      }

      for (const { readVersion, response } of refused) {
        expect(response.body.error.name).toBe('ConflictError');
        const current = response.body.current as StoredEvaluation;
        // The record a refused writer is shown is a real, newer revision.
        expect(current.version).toBeGreaterThan(readVersion);
        expect(current.evaluation).toEqual(
          revisions[current.version - 1].evaluation,
        );
      }
      expect(await historyProblems(knex)).toEqual([]);
      // eslint-disable-next-line no-console
      console.info(
        `${databaseId}: of ${WRITERS} concurrent writers ${accepted.length} were accepted, ${refused.length} refused with 409`,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lands every write of writers that reapply their change on 409, %p',
    async databaseId => {
      const { server, knex } = await startPlugin({ databases, databaseId });
      const created = await createEvaluation(server);

      // A read-modify-write: each writer adds its marker to the dependents
      // and, when refused, reapplies the change onto the record the 409 sent.
      let conflicts = 0;
      const landed = await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          let current: StoredEvaluation = (
            await request(server).get(`${API}/evaluations/${created.id}`)
          ).body;
          for (let attempt = 1; attempt <= WRITERS + 1; attempt++) {
            const description =
              current.evaluation.prerequisites?.componentDescription ?? {};
            const evaluation: EvaluationDraft = {
              ...current.evaluation,
              prerequisites: {
                ...current.evaluation.prerequisites,
                componentDescription: {
                  ...description,
                  dependents: [
                    ...(description.dependents ?? []),
                    `component:default/writer-${writer}`,
                  ],
                },
              },
            };
            const response = await request(server)
              .put(`${API}/evaluations/${created.id}`)
              .send({ version: current.version, status: 'draft', evaluation });
            if (response.status === 200) {
              return { writer, attempt, version: response.body.version };
            }
            expect(response.status).toBe(409);
            conflicts += 1;
            current = response.body.current;
          }
          throw new Error(`writer ${writer} never landed`);
        }),
      );

      const final = await request(server).get(
        `${API}/evaluations/${created.id}`,
      );
      const initialDependents =
        exampleEvaluation().prerequisites?.componentDescription?.dependents ??
        [];
      expect(final.body.version).toBe(WRITERS + 1);
      // Nothing lost: every writer's change is in the final record, once.
      expect(
        final.body.evaluation.prerequisites.componentDescription.dependents,
      ).toEqual(
        expect.arrayContaining(
          landed.map(l => `component:default/writer-${l.writer}`),
        ),
      );
      expect(
        final.body.evaluation.prerequisites.componentDescription.dependents,
      ).toHaveLength(initialDependents.length + WRITERS);
      expect(new Set(landed.map(l => l.version)).size).toBe(WRITERS);
      const revisions = await history(server, created.id);
      expect(revisions.map(r => r.version)).toEqual(
        Array.from({ length: WRITERS + 1 }, (_, i) => i + 1),
      );
      expect(await historyProblems(knex)).toEqual([]);
      // eslint-disable-next-line no-console
      console.info(
        `${databaseId}: ${WRITERS} retrying writers landed after ${conflicts} conflicts; at most ${Math.max(
          ...landed.map(l => l.attempt),
        )} attempts by one writer`,
      );
    },
  );
});
