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
import { toIsoDate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import buildVsBuyPlugin from '.';

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'vector-database',
      namespace: 'default',
      title: 'Vector DB',
    },
    spec: {
      type: 'service',
      owner: 'applied-ml-startup',
      system: 'storefront',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'feature-store', namespace: 'default' },
    spec: { type: 'service', owner: 'ml-platform', lifecycle: 'experimental' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ml-platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { memberOf: ['ml-platform'] },
  },
];

// Four months ahead of the real clock: current, whatever day the tests run.
const vectorDatabase = {
  ...ecommerceVectorDatabase,
  entityRef: 'component:default/vector-database',
  revisitBy: toIsoDate(new Date(Date.now() + 120 * 86_400_000)),
};

describe('buildVsBuyPlugin', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  async function startBackend(
    databaseId: Parameters<typeof databases.init>[0],
    extra: Parameters<typeof startTestBackend>[0]['features'] = [],
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        // Every response is checked against the OpenAPI spec too.
        mockServices.rootConfig.factory({
          data: { buildVsBuy: { validateResponses: true } },
        }),
        ...(extra ?? []),
      ],
    });
    return { server, knex };
  }

  it('answers the health check without credentials', async () => {
    const { server } = await startBackend('SQLITE_3');
    const response = await request(server)
      .get('/api/build-vs-buy/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('lists components without a decision, and names a cursor the catalog refuses', async () => {
    const { server } = await startBackend('SQLITE_3');
    const page = await request(server).get(
      '/api/build-vs-buy/dashboard/not-evaluated',
    );
    expect(page.status).toBe(200);
    expect(
      page.body.items.map((item: { entityRef: string }) => item.entityRef),
    ).toContain('component:default/vector-database');

    const forged = await request(server).get(
      '/api/build-vs-buy/dashboard/not-evaluated?cursor=%01',
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toBe(
      'cursor: not a cursor this API returned',
    );
  });

  it('lists evaluations as summaries, or in full with their answers', async () => {
    const { server } = await startBackend('SQLITE_3');
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'complete', evaluation: vectorDatabase });
    expect(created.status).toBe(201);

    const summaries = await request(server).get(
      '/api/build-vs-buy/evaluations',
    );
    expect(summaries.status).toBe(200);
    expect(summaries.body.items[0]).toMatchObject({
      id: created.body.id,
      verdict: { kind: 'buy' },
    });
    expect(summaries.body.items[0]).not.toHaveProperty('evaluation');

    const full = await request(server).get(
      '/api/build-vs-buy/evaluations?view=full',
    );
    expect(full.status).toBe(200);
    expect(full.body.items).toEqual([created.body]);

    const wrong = await request(server).get(
      '/api/build-vs-buy/evaluations?view=everything',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^query\.view: /);
  });

  it("finds decisions by a candidate's name, and names the field of a blank one", async () => {
    const { server } = await startBackend('SQLITE_3');
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'complete', evaluation: vectorDatabase });
    expect(created.status).toBe(201);
    const [first] = vectorDatabase.candidates;
    const found = async (candidate: string) => {
      const response = await request(server)
        .get('/api/build-vs-buy/evaluations')
        .query({ candidate });
      expect(response.status).toBe(200);
      return response.body.items;
    };

    const items = await found(
      ` ${first.name.toLocaleUpperCase('en-US').split('').join(' ')} `,
    );
    expect(items.map((item: { id: string }) => item.id)).toEqual([
      created.body.id,
    ]);
    // The summary names the candidates, for a list to show in words.
    expect(items[0].candidateNames).toEqual(
      vectorDatabase.candidates.map(({ name }) => name),
    );
    expect(await found('a product nobody evaluated')).toEqual([]);

    for (const bad of ['   ', 'x'.repeat(256)]) {
      const response = await request(server)
        .get('/api/build-vs-buy/evaluations')
        .query({ candidate: bad });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^query\.candidate: /);
    }
  });

  it('reads the decisions of a page of entities in one request', async () => {
    const refs = (list: string[]) =>
      list.map(ref => `entityRef=${encodeURIComponent(ref)}`).join('&');
    const { server } = await startBackend('SQLITE_3');
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'complete', evaluation: vectorDatabase });
    expect(created.status).toBe(201);

    const page = await request(server)
      .get('/api/build-vs-buy/evaluations')
      .query(
        refs([
          'component:default/vector-database',
          'Component:default/Nothing-here',
          'Component:Default/Vector-Database',
        ]),
      );
    expect(page.status).toBe(200);
    expect(
      page.body.items.map((item: { entityRef: string }) => item.entityRef),
    ).toEqual(['component:default/vector-database']);

    const none = await request(server)
      .get('/api/build-vs-buy/evaluations')
      .query(refs(['component:default/a', 'component:default/b']));
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);

    const tooMany = await request(server)
      .get('/api/build-vs-buy/evaluations')
      .query(
        refs(Array.from({ length: 101 }, (_, i) => `component:default/c${i}`)),
      );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/entityRef/);
  });

  it('serves its OpenAPI spec, with the mount path in front of each route', async () => {
    const { server } = await startBackend('SQLITE_3');
    const response = await request(server).get(
      '/api/build-vs-buy/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(response.body.info.title).toBe('build-vs-buy');
    expect(Object.keys(response.body.paths)).toContain(
      '/api/build-vs-buy/evaluations/{id}',
    );
  });

  it.each(databases.eachSupportedId())(
    'creates, reads, updates and keeps the history of an evaluation, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);

      const created = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({ status: 'complete', evaluation: vectorDatabase });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: 'component:default/vector-database',
        version: 1,
        status: 'complete',
        outcome: { verdict: { kind: 'buy' } },
        review: { status: 'current' },
        entity: {
          title: 'Vector DB',
          ownerRef: 'group:default/applied-ml-startup',
          systemRef: 'system:default/storefront',
          lifecycle: 'production',
          missing: false,
        },
        createdBy: mockCredentials.user().principal.userEntityRef,
      });

      const byEntity = await request(server).get(
        `/api/build-vs-buy/entities/${encodeURIComponent(
          'component:default/vector-database',
        )}/evaluation`,
      );
      expect(byEntity.status).toBe(200);
      expect(byEntity.body.id).toBe(created.body.id);

      // Dropping the migration plan keeps the verdict but flags the decision.
      const { migrationPlan: _plan, ...failureModes } =
        vectorDatabase.failureModes;
      const updated = await request(server)
        .put(`/api/build-vs-buy/evaluations/${created.body.id}`)
        .send({
          version: 1,
          status: 'complete',
          evaluation: { ...vectorDatabase, failureModes },
        });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      expect(
        updated.body.review.reasons.map((r: { code: string }) => r.code),
      ).toContain('buy-without-migration-plan');

      const noPlan = await request(server).get(
        '/api/build-vs-buy/dashboard/no-migration-plan',
      );
      // A buy without a migration plan is due for revisit whatever its date.
      const due = await request(server).get(
        '/api/build-vs-buy/dashboard/due-for-revisit',
      );
      expect(due.body.items.map((i: { id: string }) => i.id)).toEqual([
        created.body.id,
      ]);
      expect(due.body.items[0].reviewStatus).toBe('due-soon');
      expect(noPlan.body.items.map((i: { id: string }) => i.id)).toEqual([
        created.body.id,
      ]);

      const revisions = await request(server).get(
        `/api/build-vs-buy/evaluations/${created.body.id}/revisions`,
      );
      expect(
        revisions.body.items.map((r: { version: number }) => r.version),
      ).toEqual([2, 1]);

      const changes = await request(server).get(
        `/api/build-vs-buy/evaluations/${created.body.id}/diff?from=1&to=2`,
      );
      expect(changes.status).toBe(200);
      expect(changes.body.changes).toContainEqual(
        expect.objectContaining({ path: 'failureModes.migrationPlan' }),
      );

      const archived = await request(server).delete(
        `/api/build-vs-buy/evaluations/${created.body.id}?version=2`,
      );
      expect(archived.status).toBe(204);
      const afterArchive = await request(server).get(
        `/api/build-vs-buy/entities/${encodeURIComponent(
          'component:default/vector-database',
        )}/evaluation`,
      );
      expect(afterArchive.status).toBe(404);
      const history = await request(server).get(
        `/api/build-vs-buy/evaluations/${created.body.id}/revisions/3`,
      );
      expect(history.body.status).toBe('archived');
    },
  );

  it.each(databases.eachSupportedId())(
    'accepts exactly one of 20 concurrent updates of the same version, %p',
    async databaseId => {
      const { server } = await startBackend(databaseId);
      const created = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .send({ status: 'draft', evaluation: vectorDatabase });
      expect(created.status).toBe(201);

      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, writer) =>
          request(server)
            .put(`/api/build-vs-buy/evaluations/${created.body.id}`)
            .send({
              version: 1,
              status: 'draft',
              evaluation: { ...vectorDatabase, question: `writer ${writer}` },
            }),
        ),
      );
      const statuses = responses.map(r => r.status).sort();
      expect(statuses.filter(s => s === 200)).toHaveLength(1);
      expect(statuses.filter(s => s === 409)).toHaveLength(19);
      const winner = responses.find(r => r.status === 200)!;
      for (const loser of responses.filter(r => r.status === 409)) {
        expect(loser.body.error.name).toBe('ConflictError');
        expect(loser.body.current.version).toBe(2);
        expect(loser.body.current.evaluation.question).toBe(
          winner.body.evaluation.question,
        );
      }
      const revisions = await request(server).get(
        `/api/build-vs-buy/evaluations/${created.body.id}/revisions`,
      );
      expect(revisions.body.items).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects bad input with 400 naming the field and stores nothing, %p',
    async databaseId => {
      const { server, knex } = await startBackend(databaseId);
      const cases: Array<[unknown, RegExp]> = [
        [{ status: 'complete' }, /body\.evaluation/],
        [
          {
            status: 'draft',
            evaluation: { ...vectorDatabase, verdict: 'buy' },
          },
          /body\.evaluation: .*verdict/i,
        ],
        [
          {
            status: 'draft',
            evaluation: { ...vectorDatabase, question: 'x'.repeat(100_000) },
          },
          /body\.evaluation\.question/,
        ],
        [
          {
            status: 'draft',
            evaluation: {
              ...vectorDatabase,
              entityRef: 'component:default/nope',
            },
          },
          /evaluation\.entityRef: Prerequisites: Which component is evaluated\? component:default\/nope is not in the catalog/,
        ],
        [
          {
            status: 'draft',
            evaluation: {
              ...vectorDatabase,
              maintenance: {
                ...vectorDatabase.maintenance,
                ownerGroupRef: 'group:default/nobody',
              },
            },
          },
          /evaluation\.maintenance\.ownerGroupRef: Node 5: Which group will maintain it\? group:default\/nobody is not a Group/,
        ],
        // Caught by the OpenAPI validator first, said in -common's words.
        [
          {
            status: 'draft',
            evaluation: {
              ...vectorDatabase,
              prerequisites: {
                ...vectorDatabase.prerequisites,
                teamCapacity: {
                  ...vectorDatabase.prerequisites.teamCapacity,
                  engineers: 1e30,
                },
              },
            },
          },
          /^body\.evaluation\.prerequisites\.teamCapacity\.engineers: Prerequisites: How many engineers are on the team\? Enter a whole number of engineers from 1 to 100,000$/,
        ],
        [
          {
            status: 'draft',
            evaluation: {
              ...vectorDatabase,
              candidates: vectorDatabase.candidates.map((row, index) =>
                index === 0 ? { ...row, notes: 'x'.repeat(4001) } : row,
              ),
            },
          },
          /^body\.evaluation\.candidates\[0\]\.notes: Node 2, .+: What did its references say\? Use at most 4,000 characters$/,
        ],
        [
          {
            status: 'complete',
            evaluation: { entityRef: vectorDatabase.entityRef },
          },
          /missing: Prerequisites: What is the question\? \(question\); Prerequisites: What data does it store\? \(prerequisites\.componentDescription\.dataStored\)/,
        ],
      ];
      for (const [body, message] of cases) {
        const response = await request(server)
          .post('/api/build-vs-buy/evaluations')
          .send(body as object);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(message);
      }
      const malformed = await request(server)
        .post('/api/build-vs-buy/evaluations')
        .set('Content-Type', 'application/json')
        .send('{"status": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/body: not valid JSON/);

      const badQuery = await request(server).get(
        '/api/build-vs-buy/evaluations?limit=-1&verdict=maybe',
      );
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.error.message).toMatch(/query\.limit/);

      const [{ count }] = await knex('evaluations').count({ count: '*' });
      expect(Number(count)).toBe(0);
    },
  );

  it('requires credentials and hides evaluations a caller may not read', async () => {
    const { server } = await startBackend('SQLITE_3');
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'draft', evaluation: vectorDatabase });

    const anonymous = await request(server)
      .get(`/api/build-vs-buy/evaluations/${created.body.id}`)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const { server: denied } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({
          data: { buildVsBuy: { validateResponses: true } },
        }),
      ],
    });
    const missing = await request(denied).get(
      '/api/build-vs-buy/evaluations/does-not-exist',
    );
    const create = await request(denied)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'draft', evaluation: vectorDatabase });
    expect(missing.status).toBe(404);
    expect(create.status).toBe(403);
    const list = await request(denied).get('/api/build-vs-buy/evaluations');
    expect(list.body).toEqual({ items: [] });
    const coverage = await request(denied).get(
      '/api/build-vs-buy/coverage/teams',
    );
    expect(coverage.body).toEqual({ items: [] });
    const portfolio = await request(denied).get(
      '/api/build-vs-buy/portfolio/products',
    );
    expect(portfolio.body).toEqual({ items: [] });
  });

  it('answers the vendor portfolio with its blast radius, as CSV in words, and names a bad query parameter', async () => {
    const { server, knex } = await startBackend('SQLITE_3');
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'complete', evaluation: vectorDatabase });
    expect(created.status).toBe(201);
    // What the catalog refresh copies of the catalog's relations.
    await knex('catalog_component_dependents').insert({
      component_ref: 'component:default/vector-database',
      dependent_ref: 'component:default/feature-store',
    });

    const page = await request(server).get(
      '/api/build-vs-buy/portfolio/products',
    );
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      expect.objectContaining({
        product: 'VectorCloud Managed',
        components: 1,
        withoutMigrationPlan: 0,
        integrationWeeks: 4,
        dependents: ['component:default/feature-store'],
        systems: ['system:default/storefront'],
        decisions: [
          expect.objectContaining({
            entityRef: 'component:default/vector-database',
            ownerRef: 'group:default/applied-ml-startup',
            hasMigrationPlan: true,
          }),
        ],
      }),
    ]);

    const csv = await request(server).get(
      '/api/build-vs-buy/portfolio/products?format=csv&order=dependents',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [headings, row] = csv.text.split('\n');
    expect(headings).toMatch(
      /^Product,Other spellings,Components that chose it,/,
    );
    expect(row).toMatch(/^VectorCloud Managed,,1,Vector DB,/);

    for (const [query, field] of [
      ['order=popularity', 'order'],
      ['direction=sideways', 'direction'],
      ['limit=0', 'limit'],
      ['ownerGroup=group:default/search', 'ownerGroup'],
    ]) {
      const bad = await request(server).get(
        `/api/build-vs-buy/portfolio/products?${query}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(field);
    }
    const badCursor = await request(server).get(
      '/api/build-vs-buy/portfolio/products?cursor=bm90LWFuLW9mZnNldA',
    );
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toBe(
      'cursor: not a cursor this API returned',
    );
  });

  it('answers coverage by team, in any order, as CSV in words, and names a bad order', async () => {
    const { server, knex } = await startBackend('SQLITE_3');
    // What the catalog refresh copies of the catalog's components.
    await knex('catalog_components').insert([
      {
        component_ref: 'component:default/vector-database',
        component_owner_ref: 'group:default/applied-ml-startup',
        component_lifecycle: 'production',
        refreshed_at: new Date().toISOString(),
      },
      {
        component_ref: 'component:default/feature-store',
        component_owner_ref: 'group:default/ml-platform',
        component_lifecycle: 'experimental',
        refreshed_at: new Date().toISOString(),
      },
    ]);
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .send({ status: 'complete', evaluation: vectorDatabase });
    expect(created.status).toBe(201);

    const counts = {
      components: 1,
      dueSoon: 0,
      overdue: 0,
      draftsInProgress: 0,
    };
    const byOwner = await request(server).get(
      '/api/build-vs-buy/coverage/teams',
    );
    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toEqual({
      items: [
        {
          ownerRef: 'group:default/applied-ml-startup',
          ...counts,
          current: 1,
          withoutDecision: 0,
        },
        {
          ownerRef: 'group:default/ml-platform',
          ...counts,
          current: 0,
          withoutDecision: 1,
        },
      ],
    });

    const mostUncovered = await request(server).get(
      '/api/build-vs-buy/coverage/teams?order=withoutDecision&limit=1',
    );
    expect(
      mostUncovered.body.items.map(
        (team: { ownerRef: string }) => team.ownerRef,
      ),
    ).toEqual(['group:default/ml-platform']);
    expect(mostUncovered.body.nextCursor).toEqual(expect.any(String));

    const production = await request(server).get(
      '/api/build-vs-buy/coverage/teams?lifecycle=production',
    );
    expect(production.body.items).toHaveLength(1);

    const csv = await request(server).get(
      '/api/build-vs-buy/coverage/teams?format=csv&order=ownerRef&direction=desc',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')).toEqual([
      'Owner,Components,Decision current,Revisit due soon,Revisit overdue,Without a decision,Of which a draft in progress',
      'ml-platform,1,0,0,0,1,0',
      'applied-ml-startup,1,1,0,0,0,0',
      '',
    ]);

    const badOrder = await request(server).get(
      '/api/build-vs-buy/coverage/teams?order=popularity',
    );
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.error.message).toMatch(/order/);
    const badCursor = await request(server).get(
      '/api/build-vs-buy/coverage/teams?cursor=bm90LWFuLW9mZnNldA',
    );
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toBe(
      'cursor: not a cursor this API returned',
    );
  });

  it('previews an outcome without storing anything', async () => {
    const { server, knex } = await startBackend('SQLITE_3');
    const response = await request(server)
      .post('/api/build-vs-buy/evaluate')
      .send({ evaluation: vectorDatabase });
    expect(response.status).toBe(200);
    expect(response.body.outcome.verdict).toMatchObject({ kind: 'buy' });
    expect(response.body.review.status).toBe('current');
    const [{ count }] = await knex('evaluations').count({ count: '*' });
    expect(Number(count)).toBe(0);
  });
});
