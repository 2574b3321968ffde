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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { toIsoDate } from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  type Caller,
  CALLER_HEADERS,
  createMembershipPolicy,
  onBehalfOfAuthFactory,
} from '@build-vs-buy/test-utils';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import permissionBackend from '@backstage/plugin-permission-backend';
import request from 'supertest';
import buildVsBuyPlugin, {
  buildVsBuyEvaluationConditions,
  createBuildVsBuyEvaluationConditionalDecision,
} from '.';

jest.setTimeout(120_000);

/*
 * The real permission framework: the permission backend, a policy module
 * and the plugin's own rules, so conditional decisions are resolved the way
 * a portal resolves them. Only the group memberships are a table here.
 */
const matrixPolicy = createMembershipPolicy({
  moduleId: 'matrix-policy',
  conditionalDecision: (permission, claims) =>
    createBuildVsBuyEvaluationConditionalDecision(permission, {
      anyOf: [
        buildVsBuyEvaluationConditions.isEntityOwner({ claims }),
        buildVsBuyEvaluationConditions.isMaintenanceOwner({ claims }),
      ],
    }),
});

const vectorDatabase = {
  ...ecommerceVectorDatabase,
  entityRef: 'component:default/vector-database',
  maintenance: {
    ...ecommerceVectorDatabase.maintenance,
    ownerGroupRef: 'group:default/ml-platform',
  },
  revisitBy: toIsoDate(new Date(Date.now() + 120 * 86_400_000)),
};

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'vector-database', namespace: 'default' },
    spec: { type: 'service', owner: 'applied-ml-startup' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ml-platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

const header = CALLER_HEADERS;

describe('every route x every caller', () => {
  let server: Parameters<typeof request>[0];
  let id: string;
  let version = 1;

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        buildVsBuyPlugin,
        permissionBackend,
        matrixPolicy,
        onBehalfOfAuthFactory,
        httpAuthServiceFactory,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            buildVsBuy: { validateResponses: true },
          },
        }),
      ],
    }));
    const created = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .set('Authorization', header.owner)
      .send({ status: 'complete', evaluation: vectorDatabase });
    if (created.status !== 201) {
      throw new Error(`could not create the evaluation: ${created.text}`);
    }
    id = created.body.id;
  });

  const ref = encodeURIComponent('component:default/vector-database');
  const reads: Array<[string, string]> = [
    ['get one', `/evaluations/ID`],
    ['revisions', `/evaluations/ID/revisions`],
    ['one revision', `/evaluations/ID/revisions/1`],
    ['diff', `/evaluations/ID/diff?from=1&to=1`],
    ['by entity', `/entities/${ref}/evaluation`],
  ];
  const lists = [
    '/evaluations',
    '/dashboard/due-for-revisit',
    '/dashboard/no-migration-plan',
    '/dashboard/no-maintenance-owner',
    '/dashboard/entity-missing',
  ];

  it.each(reads)(
    '%s: 401 without credentials, 404 for a caller who may not read, 200 for the rest',
    async (_name, template) => {
      const path = `/api/build-vs-buy${template.replace('ID', id)}`;
      const expected: Record<Caller, number> = {
        none: 401,
        outsider: 404,
        stranger: 200,
        owner: 200,
        maintainer: 200,
        service: 200,
      };
      for (const caller of Object.keys(expected) as Caller[]) {
        const response = await request(server)
          .get(path)
          .set('Authorization', header[caller]);
        expect({ caller, status: response.status }).toEqual({
          caller,
          status: expected[caller],
        });
      }
      // A denied caller cannot tell an existing evaluation from a missing one.
      const missing = await request(server)
        .get(`/api/build-vs-buy/evaluations/does-not-exist`)
        .set('Authorization', header.outsider);
      const denied = await request(server)
        .get(`/api/build-vs-buy/evaluations/${id}`)
        .set('Authorization', header.outsider);
      expect(denied.status).toBe(missing.status);
      expect(denied.body.error.name).toBe(missing.body.error.name);
    },
  );

  const seen = async (list: string, caller: Caller) => {
    const response = await request(server)
      .get(`/api/build-vs-buy${list}`)
      .set('Authorization', header[caller]);
    return response.status === 200
      ? response.body.items.map((item: { id: string }) => item.id)
      : response.status;
  };

  it.each(lists)(
    '%s: 401 without credentials, nothing for a caller who may not read',
    async list => {
      expect(await seen(list, 'none')).toBe(401);
      expect(await seen(list, 'outsider')).toEqual([]);
    },
  );

  it.each(['stranger', 'owner', 'maintainer', 'service'] as const)(
    '/evaluations lists the evaluation for a %s, who may read it',
    async caller => {
      expect(await seen('/evaluations', caller)).toEqual([id]);
    },
  );

  it('by-refs read: 401 without credentials, null for a caller who may not read, the decision for the rest', async () => {
    const read = (caller: Caller) =>
      request(server)
        .post('/api/build-vs-buy/entities/evaluations/by-refs')
        .set('Authorization', header[caller])
        .send({
          entityRefs: [
            'component:default/vector-database',
            'component:default/never-evaluated',
          ],
        });
    expect((await read('none')).status).toBe(401);
    const denied = await read('outsider');
    expect(denied.status).toBe(200);
    // Hidden, as a missing one: nothing tells the two apart.
    expect(denied.body.items).toEqual([null, null]);
    for (const caller of [
      'stranger',
      'owner',
      'maintainer',
      'service',
    ] as const) {
      const response = await read(caller);
      expect({
        caller,
        status: response.status,
        ids: response.body.items.map(
          (item: { id: string } | null) => item?.id ?? null,
        ),
      }).toEqual({ caller, status: 200, ids: [id, null] });
    }
  });

  it('confirm still valid: only those who may update the decision', async () => {
    const confirm = (caller: Caller) =>
      request(server)
        .post(`/api/build-vs-buy/evaluations/${id}/confirm`)
        .set('Authorization', header[caller])
        .send({ version, note: 'Still valid.' });
    expect((await confirm('none')).status).toBe(401);
    expect((await confirm('outsider')).status).toBe(404);
    expect((await confirm('stranger')).status).toBe(403);
    for (const caller of ['owner', 'maintainer', 'service'] as const) {
      const response = await confirm(caller);
      expect({ caller, status: response.status }).toEqual({
        caller,
        status: 200,
      });
      version = response.body.version;
    }
  });

  it('changes: only the entity owner, the maintenance group and services', async () => {
    const put = (caller: Caller) =>
      request(server)
        .put(`/api/build-vs-buy/evaluations/${id}`)
        .set('Authorization', header[caller])
        .send({ version, status: 'complete', evaluation: vectorDatabase });
    expect((await put('none')).status).toBe(401);
    expect((await put('outsider')).status).toBe(404);
    expect((await put('stranger')).status).toBe(403);
    for (const caller of ['owner', 'maintainer', 'service'] as const) {
      const response = await put(caller);
      expect({ caller, status: response.status }).toEqual({
        caller,
        status: 200,
      });
      version = response.body.version;
    }

    const archive = (caller: Caller) =>
      request(server)
        .delete(`/api/build-vs-buy/evaluations/${id}?version=${version}`)
        .set('Authorization', header[caller]);
    expect((await archive('none')).status).toBe(401);
    expect((await archive('outsider')).status).toBe(404);
    expect((await archive('stranger')).status).toBe(403);
    expect((await archive('maintainer')).status).toBe(204);
  });

  it('create and preview need a caller; health does not', async () => {
    const create = await request(server)
      .post('/api/build-vs-buy/evaluations')
      .set('Authorization', header.none)
      .send({ status: 'draft', evaluation: vectorDatabase });
    expect(create.status).toBe(401);
    const preview = await request(server)
      .post('/api/build-vs-buy/evaluate')
      .set('Authorization', header.none)
      .send({ evaluation: vectorDatabase });
    expect(preview.status).toBe(401);
    const health = await request(server)
      .get('/api/build-vs-buy/health')
      .set('Authorization', header.none);
    expect(health.status).toBe(200);
  });
});
