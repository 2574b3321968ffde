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
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  evaluate,
  teamDecisionOf,
  toIsoDate,
  type Evaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import buildVsBuyPlugin from '.';

jest.setTimeout(60_000);

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'ml-platform', lifecycle: 'production' },
});

// The article's vector database, which the tree says to buy; revisited
// four months from the real clock, so it is current whatever the day.
const followed: Evaluation = {
  ...ecommerceVectorDatabase,
  entityRef: 'component:default/vector-database',
  revisitBy: toIsoDate(new Date(Date.now() + 120 * 86_400_000)),
};
const builtAnyway: Evaluation = {
  ...followed,
  entityRef: 'component:default/catalogue-embeddings',
  teamDecision: { kind: 'build' },
};
const RATIONALE = 'The ranking team needs to own the index format.';

describe('the team decision, through the HTTP API', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function startBackend(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    const auditor = mockServices.auditor.mock();
    const { server } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({
          entities: [
            component('vector-database'),
            component('catalogue-embeddings'),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'ml-platform', namespace: 'default' },
              spec: {
                type: 'team',
                profile: { displayName: 'ML Platform' },
                children: [],
              },
            },
          ],
        }),
        auditor.factory,
        mockServices.rootConfig.factory({
          data: { buildVsBuy: { validateResponses: true } },
        }),
      ],
    });
    const count = async () =>
      Number((await knex('evaluations').count({ count: '*' }))[0].count);
    const revisions = async () =>
      Number(
        (await knex('evaluation_revisions').count({ count: '*' }))[0].count,
      );
    return { server, auditor, count, revisions };
  }

  it('the engine says buy, the team builds', () => {
    const { verdict } = evaluate(builtAnyway);
    expect(verdict).toMatchObject({
      kind: 'buy',
      candidateName: 'VectorCloud Managed',
    });
    expect(teamDecisionOf(builtAnyway, verdict).decidedAgainstTree).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    '"It is not a formula": a decision against the tree is recorded only with its rationale, %p',
    async databaseId => {
      const { server, auditor, count, revisions } = await startBackend(
        databaseId,
      );

      // Complete without a rationale: 400 naming the field, nothing stored.
      const refused = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({ status: 'complete', evaluation: builtAnyway });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        "evaluation.teamDecision.rationale: The team's decision: Why did the team decide otherwise than the tree recommends? Required: a complete decision against the tree's recommendation (Buy VectorCloud Managed) records why the team decided Build in-house.",
      );
      expect(await count()).toBe(0);

      // A blank rationale is none.
      const blank = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({
          status: 'complete',
          evaluation: {
            ...builtAnyway,
            teamDecision: { kind: 'build', rationale: '   ' },
          },
        });
      expect(blank.status).toBe(400);
      expect(blank.body.error.message).toMatch(
        /^evaluation\.teamDecision\.rationale: /,
      );
      expect(await count()).toBe(0);

      // A draft may leave the rationale for later.
      const draft = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({ status: 'draft', evaluation: builtAnyway });
      expect(draft.status).toBe(201);

      // With it, the decision is recorded.
      const recorded = await request(server)
        .put(`/api/build-vs-buy/evaluations/${draft.body.id}`)
        .send({
          version: 1,
          status: 'complete',
          evaluation: {
            ...builtAnyway,
            teamDecision: { kind: 'build', rationale: RATIONALE },
          },
        });
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({
        version: 2,
        status: 'complete',
        outcome: { verdict: { kind: 'buy' } },
        evaluation: { teamDecision: { kind: 'build', rationale: RATIONALE } },
      });

      // An update that drops the rationale is refused and changes nothing.
      const dropped = await request(server)
        .put(`/api/build-vs-buy/evaluations/${draft.body.id}`)
        .send({ version: 2, status: 'complete', evaluation: builtAnyway });
      expect(dropped.status).toBe(400);
      expect(dropped.body.error.message).toMatch(
        /^evaluation\.teamDecision\.rationale: /,
      );
      expect(await revisions()).toBe(2);

      // A buy must name the product, in the team's words too.
      const unnamed = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({
          status: 'complete',
          evaluation: { ...followed, teamDecision: { kind: 'buy' } },
        });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.error.message).toMatch(
        /^evaluation\.teamDecision\.candidateId: The team's decision: Which product does the team buy\?/,
      );
      expect(await count()).toBe(1);

      // The auditor records the team's decision and the tree's.
      const saves = auditor.createEvent.mock.calls
        .map(([event]) => event)
        .filter(event => event.eventId.startsWith('evaluation-'));
      expect(saves.map(event => [event.eventId, event.meta])).toEqual([
        [
          'evaluation-create',
          expect.objectContaining({
            status: 'draft',
            treeVerdict: 'buy',
            teamDecision: 'build',
            decidedAgainstTree: true,
          }),
        ],
        [
          'evaluation-update',
          expect.objectContaining({
            status: 'complete',
            treeVerdict: 'buy',
            teamDecision: 'build',
            decidedAgainstTree: true,
          }),
        ],
      ]);
      expect(saves[0].meta).not.toHaveProperty('teamDecisionCandidateId');
    },
  );

  it.each(databases.eachSupportedId())(
    'lists, counts and filters the decisions that went against the tree, %p',
    async databaseId => {
      const { server, auditor } = await startBackend(databaseId);
      const created = [];
      for (const evaluation of [
        followed,
        {
          ...builtAnyway,
          teamDecision: { kind: 'build' as const, rationale: RATIONALE },
        },
      ]) {
        const response = await request(server)
          .post('/api/build-vs-buy/evaluations')
          .send({ status: 'complete', evaluation });
        expect(response.status).toBe(201);
        created.push(response.body.id);
      }
      const [followedId, againstId] = created;
      expect(auditor.createEvent.mock.calls[0][0].meta).toMatchObject({
        treeVerdict: 'buy',
        teamDecision: 'buy',
        teamDecisionCandidateId: 'vectorcloud',
        decidedAgainstTree: false,
      });

      const list = await request(server).get('/api/build-vs-buy/evaluations');
      expect(list.status).toBe(200);
      const byId = Object.fromEntries(
        list.body.items.map((item: { id: string }) => [item.id, item]),
      );
      expect(byId[againstId]).toMatchObject({
        verdict: { kind: 'buy', candidateName: 'VectorCloud Managed' },
        teamDecision: { kind: 'build' },
        decidedAgainstTree: true,
      });
      expect(byId[followedId]).toMatchObject({
        verdict: { kind: 'buy', candidateName: 'VectorCloud Managed' },
        teamDecision: { kind: 'buy', candidateName: 'VectorCloud Managed' },
        decidedAgainstTree: false,
      });

      const ids = async (path: string) => {
        const response = await request(server).get(`/api/build-vs-buy${path}`);
        expect(response.status).toBe(200);
        return response.body.items.map((item: { id: string }) => item.id);
      };
      expect(await ids('/evaluations?decidedAgainstTree=true')).toEqual([
        againstId,
      ]);
      expect(await ids('/evaluations?decidedAgainstTree=false')).toEqual([
        followedId,
      ]);
      // A build against the tree without a maintenance owner needs one.
      expect(
        await ids('/dashboard/no-maintenance-owner?decidedAgainstTree=true'),
      ).toEqual([againstId]);
      expect(
        await ids('/dashboard/no-maintenance-owner?decidedAgainstTree=false'),
      ).toEqual([]);

      const summary = await request(server).get(
        '/api/build-vs-buy/dashboard/summary?decidedAgainstTree=true',
      );
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ total: 1, byVerdict: { buy: 1 } });

      const csv = await request(server).get(
        '/api/build-vs-buy/dashboard/no-maintenance-owner?format=csv',
      );
      expect(csv.status).toBe(200);
      // In words: the team's decision, the tree's verdict, the owner's
      // display name; no codes or entity refs.
      expect(csv.text.split('\n')[0]).toContain(
        "Decision,Chosen product,The tree's verdict,Decided against the tree",
      );
      expect(csv.text).toContain('Build in-house,,Buy VectorCloud Managed,Yes');
      expect(csv.text).toContain(',ML Platform,');
      expect(csv.text).not.toMatch(/group:default|component:default|,buy,/);

      // All decisions as CSV: the same words as the lists', one row each.
      const all = await request(server).get(
        '/api/build-vs-buy/evaluations?format=csv&decidedAgainstTree=true',
      );
      expect(all.status).toBe(200);
      expect(all.headers['content-type']).toMatch(/^text\/csv/);
      const lines = all.text.trim().split('\n');
      expect(lines[0]).toContain(
        "Decision,Chosen product,The tree's verdict,Decided against the tree",
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('Build in-house,,Buy VectorCloud Managed,Yes');
      expect(all.text).not.toMatch(/group:default|component:default|,buy,/);

      const wrong = await request(server).get(
        '/api/build-vs-buy/evaluations?decidedAgainstTree=maybe',
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/^query\.decidedAgainstTree: /);
    },
  );
});
