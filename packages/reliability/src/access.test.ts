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

import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { TestDatabases } from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- a test bench of the backend plugin, never shipped
import {
  buildVsBuyEvaluationConditions,
  createBuildVsBuyEvaluationConditionalDecision,
} from '@build-vs-buy/plugin-build-vs-buy-backend';
import {
  type Caller,
  CALLER_HEADERS,
  CALLERS,
  createMembershipPolicy,
  onBehalfOfAuthFactory,
} from '@build-vs-buy/test-utils';
import request from 'supertest';
import {
  API,
  componentRef,
  exampleEvaluation,
  rowCounts,
  startPlugin,
  TestServer,
} from './harness';

jest.setTimeout(120_000);

/*
 * What plugins/build-vs-buy-backend/src/permissions.matrix.test.ts does not
 * cover yet: the create, preview and dashboard routes for every caller, and
 * that a caller who may not read an evaluation gets the very same answer,
 * body and all, for an existing evaluation as for a missing one, on every
 * route that names one. The policy is the same as there: the real permission
 * backend and the plugin's own conditions; only group membership is a table.
 */
const policy = createMembershipPolicy({
  moduleId: 'reliability-policy',
  conditionalDecision: (permission, claims) =>
    createBuildVsBuyEvaluationConditionalDecision(permission, {
      anyOf: [
        buildVsBuyEvaluationConditions.isEntityOwner({ claims }),
        buildVsBuyEvaluationConditions.isMaintenanceOwner({ claims }),
      ],
    }),
});

const header = CALLER_HEADERS;

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('access, %p', databaseId => {
  let server: TestServer;
  let id: string;
  let countRows: () => ReturnType<typeof rowCounts>;

  beforeAll(async () => {
    const started = await startPlugin({
      databases,
      databaseId,
      features: [
        permissionBackend,
        policy,
        onBehalfOfAuthFactory,
        httpAuthServiceFactory,
      ],
      config: { permission: { enabled: true } },
    });
    server = started.server;
    countRows = () => rowCounts(started.knex);
    const created = await request(server)
      .post(`${API}/evaluations`)
      .set('Authorization', header.owner)
      .send({ status: 'complete', evaluation: exampleEvaluation() });
    if (created.status !== 201) {
      throw new Error(`could not create the evaluation: ${created.text}`);
    }
    id = created.body.id;
  });

  it('create: 401 without credentials, 403 for a caller the policy denies, 201 for the rest', async () => {
    const expected: Record<Caller, number> = {
      none: 401,
      outsider: 403,
      stranger: 201,
      owner: 201,
      maintainer: 201,
      service: 201,
    };
    for (const [index, caller] of CALLERS.entries()) {
      const before = await countRows();
      const response = await request(server)
        .post(`${API}/evaluations`)
        .set('Authorization', header[caller])
        .send({
          status: 'draft',
          evaluation: exampleEvaluation(componentRef(index)),
        });
      expect({ caller, status: response.status }).toEqual({
        caller,
        status: expected[caller],
      });
      const after = await countRows();
      expect(after.evaluations - before.evaluations).toBe(
        expected[caller] === 201 ? 1 : 0,
      );
    }
  });

  it('preview: 401 without credentials, 200 for any caller (it reads and stores nothing)', async () => {
    for (const caller of CALLERS) {
      const response = await request(server)
        .post(`${API}/evaluate`)
        .set('Authorization', header[caller])
        .send({ evaluation: exampleEvaluation() });
      expect({ caller, status: response.status }).toEqual({
        caller,
        status: caller === 'none' ? 401 : 200,
      });
    }
  });

  it('dashboard summary, CSV list and list: 401 without credentials, nothing counted or listed for a caller who may not read', async () => {
    const evaluationId = id;
    for (const caller of CALLERS) {
      const summary = await request(server)
        .get(`${API}/dashboard/summary`)
        .set('Authorization', header[caller]);
      const csv = await request(server)
        .get(`${API}/dashboard/due-for-revisit?format=csv`)
        .set('Authorization', header[caller]);
      const all = await request(server)
        .get(`${API}/evaluations`)
        .set('Authorization', header[caller]);
      const expected = {
        none: { statuses: [401, 401, 401], total: undefined, listed: 0 },
        outsider: { statuses: [200, 200, 200], total: 0, listed: 0 },
      }[caller as 'none' | 'outsider'] ?? {
        statuses: [200, 200, 200],
        total: 1,
        listed: 1,
      };
      expect({
        caller,
        statuses: [summary.status, csv.status, all.status],
        total: summary.body.total,
        listed: (all.body.items ?? []).filter(
          (item: { id: string }) => item.id === evaluationId,
        ).length,
      }).toEqual({ caller, ...expected });
    }
  });

  it('not-evaluated: 401 without credentials, the catalog answers for the rest', async () => {
    for (const caller of CALLERS) {
      const response = await request(server)
        .get(`${API}/dashboard/not-evaluated`)
        .set('Authorization', header[caller]);
      expect({ caller, status: response.status }).toEqual({
        caller,
        status: caller === 'none' ? 401 : 200,
      });
    }
  });

  /*
   * A denied caller must not learn whether an evaluation exists: the answer
   * for the existing one, with its id swapped for a placeholder, equals the
   * answer for an id that was never used.
   */
  const missingId = '00000000-0000-4000-8000-000000000000';
  const routes: Array<[string, 'get' | 'put' | 'delete', string]> = [
    ['read', 'get', '/evaluations/ID'],
    ['revisions', 'get', '/evaluations/ID/revisions'],
    ['one revision', 'get', '/evaluations/ID/revisions/1'],
    ['missing revision', 'get', '/evaluations/ID/revisions/99'],
    ['diff', 'get', '/evaluations/ID/diff?from=1&to=1'],
    ['update', 'put', '/evaluations/ID'],
    ['archive', 'delete', '/evaluations/ID?version=1'],
  ];

  it.each(['none', 'outsider'] as const)(
    'a %s caller gets the same answer for an existing evaluation as for a missing one, on every route',
    async caller => {
      const before = await countRows();
      const answer = async (
        method: 'get' | 'put' | 'delete',
        template: string,
        evaluationId: string,
      ) => {
        const response = await request(server)
          [method](`${API}${template.replace('ID', evaluationId)}`)
          .set('Authorization', header[caller])
          .send(
            method === 'put'
              ? {
                  version: 1,
                  status: 'complete',
                  evaluation: exampleEvaluation(),
                }
              : undefined,
          );
        return {
          status: response.status,
          body: JSON.parse(
            JSON.stringify(response.body).replaceAll(evaluationId, 'ID'),
          ),
        };
      };
      for (const [name, method, template] of routes) {
        const existing = await answer(method, template, id);
        const missing = await answer(method, template, missingId);
        expect({ name, ...existing }).toEqual({ name, ...missing });
        expect(existing.status).toBe(caller === 'none' ? 401 : 404);
      }

      // By entity: an evaluated entity, one in the catalog without an
      // evaluation, and one the catalog does not know.
      const byEntity = async (ref: string) => {
        const response = await request(server)
          .get(`${API}/entities/${encodeURIComponent(ref)}/evaluation`)
          .set('Authorization', header[caller]);
        return {
          status: response.status,
          body: JSON.parse(
            JSON.stringify(response.body).replaceAll(
              encodeURIComponent(ref),
              'REF',
            ),
          ),
        };
      };
      const evaluated = await byEntity('component:default/vector-database');
      const notEvaluated = await byEntity(componentRef(59));
      const unknown = await byEntity('component:default/no-such-thing');
      const withoutRef = (reply: { status: number; body: any }) => ({
        status: reply.status,
        name: reply.body.error?.name,
        message: String(reply.body.error?.message).replace(
          /^\S+ has no evaluation$/,
          'REF has no evaluation',
        ),
        request: reply.body.request,
      });
      expect(withoutRef(evaluated)).toEqual(withoutRef(notEvaluated));
      expect(withoutRef(evaluated)).toEqual(withoutRef(unknown));
      expect(await countRows()).toEqual(before);
    },
  );

  it('a caller who may read but not change gets 403 on changes, and nothing changes', async () => {
    const before = await countRows();
    const update = await request(server)
      .put(`${API}/evaluations/${id}`)
      .set('Authorization', header.stranger)
      .send({
        version: 1,
        status: 'complete',
        evaluation: exampleEvaluation(),
      });
    const archive = await request(server)
      .delete(`${API}/evaluations/${id}?version=1`)
      .set('Authorization', header.stranger);
    expect([update.status, archive.status]).toEqual([403, 403]);
    expect(await countRows()).toEqual(before);
  });
});
