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
  toIsoDate,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import { startPluginOn } from './__testUtils__/backend';
import { FACTS_VERSION } from './database/tables';

jest.setTimeout(120_000);

/*
 * GET /entities/{ref}/evaluation answers from the stored JSON text of the
 * answers and the outcome, spliced into the envelope: the body must be the
 * text res.json writes of the evaluation GET /evaluations/{id} parses and
 * reviews, byte for byte, whatever the review finds.
 */

const DAY = 86_400_000;
const today = () => toIsoDate(new Date());
const inDays = (days: number) =>
  toIsoDate(new Date(Date.parse(today()) + days * DAY));

/** Each example, in states whose review says different things. */
const decisions: Array<{ name: string; evaluation: Evaluation }> =
  EXAMPLE_EVALUATIONS.flatMap(({ key, evaluation }) => [
    {
      name: key,
      evaluation: { ...evaluation, entityRef: `component:default/${key}` },
    },
    {
      name: `${key}, overdue, no migration plan, no maintenance owner`,
      evaluation: {
        ...evaluation,
        entityRef: `component:default/${key}-overdue`,
        revisitBy: inDays(-3),
        failureModes: { ...evaluation.failureModes, migrationPlan: undefined },
        maintenance: { ...evaluation.maintenance, ownerGroupRef: undefined },
      },
    },
    {
      name: `${key}, due soon, with a NUL in the chosen candidate's name`,
      evaluation: {
        ...evaluation,
        entityRef: `component:default/${key}-due`,
        revisitBy: inDays(10),
        candidates: evaluation.candidates.map(candidate => ({
          ...candidate,
          name: `${candidate.name}\u0000 "quoted" \u2028`,
        })),
        failureModes: { ...evaluation.failureModes, migrationPlan: undefined },
      },
    },
  ]);

describe('GET /entities/{ref}/evaluation', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'is the stored evaluation GET /evaluations/{id} answers, byte for byte, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, store } = await startPluginOn(knex);
      // Stored as a save stores them, and as a save by an older instance
      // leaves them: derived under older rules, without a list summary.
      const at = new Date(Date.now() - 200 * DAY);
      for (const [index, { evaluation }] of decisions.entries()) {
        const outcome = evaluate(evaluation, { now: at });
        const record = await store.evaluations.create({
          entityRef: evaluation.entityRef,
          status: outcome.verdict.kind === 'incomplete' ? 'draft' : 'complete',
          evaluation,
          outcome,
          revisitBy: evaluation.revisitBy ?? inDays(index * 40),
          entity: { ownerRef: 'group:default/search', missing: false },
          actorRef: 'user:default/alice',
          now: at,
        });
        if (index % 2 === 1) {
          await knex('evaluations')
            .where({ id: record.id })
            .update({ facts_version: FACTS_VERSION - 1, list_summary: null });
        }
      }

      for (const { name, evaluation } of decisions) {
        const byEntity = await request(server).get(
          `/api/build-vs-buy/entities/${encodeURIComponent(
            evaluation.entityRef,
          )}/evaluation`,
        );
        expect({ name, status: byEntity.status }).toEqual({
          name,
          status: 200,
        });
        expect(byEntity.headers['content-type']).toBe(
          'application/json; charset=utf-8',
        );
        const byId = await request(server).get(
          `/api/build-vs-buy/evaluations/${byEntity.body.id}`,
        );
        expect(byId.status).toBe(200);
        // The same value (as the client reads it), and the same text.
        expect(byEntity.body).toEqual(byId.body);
        expect({ name, text: byEntity.text }).toEqual({
          name,
          text: JSON.stringify(byId.body),
        });
        expect(byEntity.body.evaluation).toEqual(
          JSON.parse(JSON.stringify(evaluation)),
        );
      }
      // The states above are reviewed differently.
      const reasons = new Set<string>();
      for (const { evaluation } of decisions) {
        const { body } = await request(server).get(
          `/api/build-vs-buy/entities/${encodeURIComponent(
            evaluation.entityRef,
          )}/evaluation`,
        );
        for (const reason of body.review.reasons) reasons.add(reason.code);
      }
      expect([...reasons].sort()).toEqual([
        'build-without-maintenance-owner',
        'buy-without-migration-plan',
        'revisit-date-near',
        'revisit-date-passed',
      ]);
      const missing = await request(server).get(
        '/api/build-vs-buy/entities/component%3Adefault%2Fnever-evaluated/evaluation',
      );
      expect(missing.status).toBe(404);

      // The by-refs read: every decision at once, and one that has none,
      // each item the text the single read answers, in the order asked.
      const refs = [
        ...decisions.map(({ evaluation }) => evaluation.entityRef),
        'component:default/never-evaluated',
      ];
      const many = await request(server)
        .post('/api/build-vs-buy/entities/evaluations/by-refs')
        .send({ entityRefs: [...refs].reverse() });
      expect(many.status).toBe(200);
      const singles: unknown[] = [null];
      for (const { evaluation } of [...decisions].reverse()) {
        const { body } = await request(server).get(
          `/api/build-vs-buy/entities/${encodeURIComponent(
            evaluation.entityRef,
          )}/evaluation`,
        );
        singles.push(body);
      }
      expect(many.text).toBe(JSON.stringify({ items: singles }));
      // References are read as the catalog writes them, in any case.
      const upper = await request(server)
        .post('/api/build-vs-buy/entities/evaluations/by-refs')
        .send({ entityRefs: [refs[0].toUpperCase()] });
      expect(upper.body.items[0].entityRef).toBe(refs[0]);
    },
  );

  it.each(databases.eachSupportedId())(
    'the by-refs read refuses a bad body with a 400 that names the field, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startPluginOn(knex);
      const post = (body: unknown) =>
        request(server)
          .post('/api/build-vs-buy/entities/evaluations/by-refs')
          .send(body as object);
      const cases: Array<[unknown, RegExp]> = [
        [{}, /entityRefs/],
        [{ entityRefs: [] }, /entityRefs/],
        [
          { entityRefs: ['component:default/a', 'not a reference'] },
          /entityRefs\[1\]/,
        ],
        [
          {
            entityRefs: Array.from(
              { length: 101 },
              (_, i) => `component:default/c${i}`,
            ),
          },
          /entityRefs/,
        ],
        [{ entityRefs: ['component:default/a'], extra: true }, /extra/],
      ];
      for (const [body, field] of cases) {
        const response = await post(body);
        expect({ body, status: response.status }).toEqual({
          body,
          status: 400,
        });
        expect(response.body.error.message).toMatch(field);
      }
    },
  );
});
