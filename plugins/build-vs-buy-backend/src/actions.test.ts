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
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { describeAnswer } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import buildVsBuyPlugin from '.';

jest.setTimeout(60_000);

const entities = ['overdue-store', 'fresh-store'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/search' },
}));

const ACTIONS = '/api/build-vs-buy/.backstage/actions/v1/actions';

describe('actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  // Mallory may read nothing; everyone else may read everything.
  const decide = (credentials: unknown) =>
    JSON.stringify(credentials).includes('user:default/mallory')
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;
  const policy = mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(() => ({ result: decide(options?.credentials) })) as any,
    authorizeConditional: async (requests, options) =>
      requests.map(() => ({ result: decide(options?.credentials) })) as any,
  });

  async function startBackend() {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        policy.factory,
        mockServices.rootConfig.factory({
          data: { buildVsBuy: { validateResponses: true } },
        }),
      ],
    });
    return server;
  }

  async function seed(server: Awaited<ReturnType<typeof startBackend>>) {
    for (const [name, revisitBy] of [
      ['overdue-store', '2020-01-01'],
      ['fresh-store', '2999-01-01'],
    ]) {
      const created = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({
          status: 'complete',
          evaluation: {
            ...ecommerceVectorDatabase,
            entityRef: `component:default/${name}`,
            revisitBy,
          },
        });
      expect(created.status).toBe(201);
    }
  }

  it('lists the actions in the registry, the reads read-only', async () => {
    const server = await startBackend();
    const response = await request(server).get(ACTIONS);
    expect(response.status).toBe(200);
    expect(
      response.body.actions.map((action: { id: string }) => action.id),
    ).toEqual([
      'build-vs-buy:get-build-vs-buy-decision',
      'build-vs-buy:list-build-vs-buy-decisions-due-for-revisit',
      'build-vs-buy:confirm-build-vs-buy-decision',
      'build-vs-buy:create-build-vs-buy-draft',
    ]);
    expect(response.body.actions[0].attributes).toMatchObject({
      readOnly: true,
    });
    expect(response.body.actions[2].attributes).toMatchObject({
      readOnly: false,
      destructive: false,
    });
  });

  it('confirms a decision as still valid for a caller who may update it', async () => {
    const server = await startBackend();
    await seed(server);
    const CONFIRM = `${ACTIONS}/build-vs-buy:confirm-build-vs-buy-decision/invoke`;

    const blank = await request(server)
      .post(CONFIRM)
      .send({ entityRef: 'overdue-store', version: 1, note: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/note/);

    const confirmed = await request(server)
      .post(CONFIRM)
      .send({ entityRef: 'overdue-store', version: 1, note: 'Still valid.' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.output.decision).toMatchObject({
      entityRef: 'component:default/overdue-store',
      version: 2,
      review: { status: 'current' },
    });

    const stale = await request(server)
      .post(CONFIRM)
      .send({ entityRef: 'overdue-store', version: 1, note: 'Still valid.' });
    expect(stale.status).toBe(409);

    const mallory = mockCredentials.user('user:default/mallory');
    const denied = await request(server)
      .post(CONFIRM)
      .set(
        'Authorization',
        mockCredentials.user.header(mallory.principal.userEntityRef),
      )
      .send({ entityRef: 'overdue-store', version: 2, note: 'Still valid.' });
    expect(denied.status).toBe(404);
  });

  it('reads the decision of an entity, defaulting the kind to component', async () => {
    const server = await startBackend();
    await seed(server);
    const response = await request(server)
      .post(`${ACTIONS}/build-vs-buy:get-build-vs-buy-decision/invoke`)
      .send({ entityRef: 'overdue-store' });
    expect(response.status).toBe(200);
    expect(response.body.output.decision).toMatchObject({
      entityRef: 'component:default/overdue-store',
      outcome: { verdict: { kind: 'buy' } },
      review: { status: 'overdue', revisitBy: '2020-01-01' },
    });

    const missing = await request(server)
      .post(`${ACTIONS}/build-vs-buy:get-build-vs-buy-decision/invoke`)
      .send({ entityRef: 'component:default/nothing-here' });
    expect(missing.status).toBe(404);

    const invalid = await request(server)
      .post(`${ACTIONS}/build-vs-buy:get-build-vs-buy-decision/invoke`)
      .send({ entityRef: 42 });
    expect(invalid.status).toBe(400);
  });

  it('lists only the decisions due for revisit', async () => {
    const server = await startBackend();
    await seed(server);
    const response = await request(server)
      .post(
        `${ACTIONS}/build-vs-buy:list-build-vs-buy-decisions-due-for-revisit/invoke`,
      )
      .send({ limit: 10 });
    expect(response.status).toBe(200);
    expect(
      response.body.output.items.map(
        (item: { entityRef: string; reviewStatus: string }) => [
          item.entityRef,
          item.reviewStatus,
        ],
      ),
    ).toEqual([['component:default/overdue-store', 'overdue']]);
  });

  it('applies the permission policy to the caller: a denied reader finds nothing', async () => {
    const server = await startBackend();
    await seed(server);
    const user = mockCredentials.user('user:default/mallory');
    const read = await request(server)
      .post(`${ACTIONS}/build-vs-buy:get-build-vs-buy-decision/invoke`)
      .set(
        'Authorization',
        mockCredentials.user.header(user.principal.userEntityRef),
      )
      .send({ entityRef: 'overdue-store' });
    expect(read.status).toBe(404);
    const list = await request(server)
      .post(
        `${ACTIONS}/build-vs-buy:list-build-vs-buy-decisions-due-for-revisit/invoke`,
      )
      .set(
        'Authorization',
        mockCredentials.user.header(user.principal.userEntityRef),
      )
      .send({});
    expect(list.status).toBe(200);
    expect(list.body.output.items).toEqual([]);
  });

  describe('create-build-vs-buy-draft', () => {
    const CREATE = `${ACTIONS}/build-vs-buy:create-build-vs-buy-draft/invoke`;
    const answers = {
      entityRef: 'fresh-store',
      question: 'Should we build or buy the store behind our search?',
      prerequisites: {
        componentDescription: {
          dataStored: 'Product embeddings, 2 million vectors.',
          queriesHandled: 'Nearest neighbours with a category filter.',
        },
      },
      coreDifferentiator: {
        answer: 'no',
        competitorTest: 'No: the store supports our ranking, it is not it.',
      },
    };

    it('opens a draft with the answers, for a caller who may create one', async () => {
      const server = await startBackend();
      const created = await request(server).post(CREATE).send(answers);
      expect(created.status).toBe(200);
      expect(created.body.output).toMatchObject({
        draft: {
          entityRef: 'component:default/fresh-store',
          status: 'draft',
          version: 1,
          evaluation: {
            question: answers.question,
            prerequisites: answers.prerequisites,
            coreDifferentiator: answers.coreDifferentiator,
          },
          outcome: { verdict: { kind: 'incomplete' } },
        },
        decisionUrl: '/catalog/default/component/fresh-store/build-vs-buy',
      });

      const stored = await request(server).get(
        '/api/build-vs-buy/entities/component:default%2Ffresh-store/evaluation',
      );
      expect(stored.status).toBe(200);
      expect(stored.body.id).toBe(created.body.output.draft.id);

      const again = await request(server).post(CREATE).send(answers);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/already has an evaluation/);
    });

    it('refuses bad input naming the field and the question, storing nothing', async () => {
      const server = await startBackend();
      const refused = await request(server)
        .post(CREATE)
        .send({
          ...answers,
          prerequisites: {
            componentDescription: { dataStored: 'x'.repeat(100_000) },
          },
        });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(
        `prerequisites.componentDescription.dataStored: ${
          describeAnswer('prerequisites.componentDescription.dataStored', {
            entityRef: 'component:default/fresh-store',
          }).label
        }`,
      );
      const wrongAnswer = await request(server)
        .post(CREATE)
        .send({ ...answers, coreDifferentiator: { answer: 'maybe' } });
      expect(wrongAnswer.status).toBe(400);
      expect(wrongAnswer.body.error.message).toMatch(/coreDifferentiator/);

      const stored = await request(server).get(
        '/api/build-vs-buy/entities/component:default%2Ffresh-store/evaluation',
      );
      expect(stored.status).toBe(404);
    });

    it('refuses a caller the permission policy does not let create evaluations', async () => {
      const server = await startBackend();
      const mallory = mockCredentials.user('user:default/mallory');
      const denied = await request(server)
        .post(CREATE)
        .set(
          'Authorization',
          mockCredentials.user.header(mallory.principal.userEntityRef),
        )
        .send(answers);
      expect(denied.status).toBe(403);

      const stored = await request(server).get(
        '/api/build-vs-buy/entities/component:default%2Ffresh-store/evaluation',
      );
      expect(stored.status).toBe(404);
    });
  });
});
