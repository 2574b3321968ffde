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

import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { createFetchApi, FetchMiddlewares } from '@backstage/core-app-api';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { storedEvaluation } from '../__testUtils__/storedEvaluations';
import { BuildVsBuyClient, EvaluationConflictError } from './BuildVsBuyClient';

const server = setupServer();
const baseUrl = 'http://localhost:7007/api/build-vs-buy';

describe('BuildVsBuyClient', () => {
  registerMswTestHooks(server);

  const client = new BuildVsBuyClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('posts through the fetch API the app really builds, with its auth middleware', async () => {
    // The app's fetch API rebuilds each request in its middleware; a body
    // handed to it inside a Request that was already read cannot be sent.
    const appClient = new BuildVsBuyClient({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
      fetchApi: createFetchApi({
        middleware: [
          FetchMiddlewares.injectIdentityAuth({
            identityApi: mockApis.identity({ token: 'user-token' }),
            urlPrefixAllowlist: ['http://localhost:7007'],
          }),
        ],
      }),
    });
    const stored = storedEvaluation('ecommerce-vector-database');
    let received: { authorization: string | null; body: unknown } | undefined;
    server.use(
      http.post(`${baseUrl}/evaluations`, async ({ request }) => {
        received = {
          authorization: request.headers.get('authorization'),
          body: await request.json(),
        };
        return HttpResponse.json(stored, { status: 201 });
      }),
    );

    const created = await appClient.createEvaluation({
      status: 'draft',
      evaluation: stored.evaluation,
    });

    expect(created).toEqual(stored);
    expect(received).toEqual({
      authorization: 'Bearer user-token',
      body: { status: 'draft', evaluation: stored.evaluation },
    });
  });

  it('reads the evaluation of an entity through the by-refs read', async () => {
    const stored = storedEvaluation('ecommerce-vector-database');
    let body: unknown;
    server.use(
      http.post(
        `${baseUrl}/entities/evaluations/by-refs`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json({ items: [stored] });
        },
      ),
    );

    await expect(
      client.getEvaluationByEntity('component:default/vector-database'),
    ).resolves.toEqual(stored);
    expect(body).toEqual({ entityRefs: ['component:default/vector-database'] });
  });

  it('returns undefined when the entity has no evaluation, without a 404', async () => {
    server.use(
      http.post(`${baseUrl}/entities/evaluations/by-refs`, () =>
        HttpResponse.json({ items: [null] }),
      ),
    );
    await expect(
      client.getEvaluationByEntity('component:default/x'),
    ).resolves.toBeUndefined();
  });

  it('sends filters as repeatable query parameters', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/dashboard/due-for-revisit`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [], nextCursor: 'c2' });
      }),
    );

    const page = await client.getDashboardList('due-for-revisit', {
      ownerGroups: ['group:default/a', 'group:default/b'],
      verdict: 'buy',
      decidedAgainstTree: true,
      system: '',
      limit: 50,
      cursor: 'c1',
    });

    expect(page.nextCursor).toBe('c2');
    expect(query?.getAll('ownerGroup')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(query?.get('verdict')).toBe('buy');
    expect(query?.get('decidedAgainstTree')).toBe('true');
    expect(query?.has('system')).toBe(false);
    expect(query?.get('limit')).toBe('50');
    expect(query?.get('cursor')).toBe('c1');
  });

  it("finds decisions by a candidate's name", async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/evaluations`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [] });
      }),
    );

    await client.listEvaluations({ candidate: 'vector cloud', limit: 20 });

    expect(query?.get('candidate')).toBe('vector cloud');
    expect(query?.get('limit')).toBe('20');
  });

  it('throws a ResponseError with the server message on failure', async () => {
    server.use(
      http.post(`${baseUrl}/evaluations`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'prerequisites.teamCapacity.engineers: Too small',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .createEvaluation({
        status: 'draft',
        evaluation: { entityRef: 'component:default/x' },
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toMatch(/teamCapacity\.engineers/);
  });

  it('throws EvaluationConflictError carrying the current version on 409', async () => {
    const current = storedEvaluation('ecommerce-vector-database', {
      version: 4,
    });
    let body: unknown;
    server.use(
      http.put(`${baseUrl}/evaluations/:id`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'Version 3 is stale' },
            current,
          },
          { status: 409 },
        );
      }),
    );

    const error = await client
      .updateEvaluation(current.id, {
        version: 3,
        status: 'draft',
        evaluation: current.evaluation,
      })
      .catch(e => e);

    expect(error).toBeInstanceOf(EvaluationConflictError);
    expect(error.message).toBe('Version 3 is stale');
    expect(error.current.version).toBe(4);
    expect(body).toMatchObject({ version: 3, status: 'draft' });
  });

  it('confirms a decision as still valid with the version read and a note', async () => {
    const confirmed = storedEvaluation('ecommerce-vector-database', {
      version: 4,
    });
    let received: { path: string; body: unknown } | undefined;
    server.use(
      http.post(`${baseUrl}/evaluations/:id/confirm`, async ({ request }) => {
        received = {
          path: new URL(request.url).pathname,
          body: await request.json(),
        };
        return HttpResponse.json(confirmed);
      }),
    );

    await expect(
      client.confirmEvaluation(confirmed.id, {
        version: 3,
        note: 'Still the only vendor with hybrid search.',
      }),
    ).resolves.toEqual(confirmed);
    expect(received).toEqual({
      path: `/api/build-vs-buy/evaluations/${confirmed.id}/confirm`,
      body: { version: 3, note: 'Still the only vendor with hybrid search.' },
    });
  });

  it('posts a draft to /evaluate for the preview', async () => {
    const stored = storedEvaluation('rag-hybrid-search');
    server.use(
      http.post(`${baseUrl}/evaluate`, async ({ request }) => {
        const { evaluation } = (await request.json()) as any;
        expect(evaluation.entityRef).toBe(stored.entityRef);
        return HttpResponse.json({
          outcome: stored.outcome,
          review: stored.review,
        });
      }),
    );
    const preview = await client.previewEvaluation(stored.evaluation);
    expect(preview.outcome.verdict.kind).toBe('buy-with-wrapper');
  });

  it('downloads a dashboard list as CSV', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/dashboard/not-evaluated`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return new HttpResponse('entityRef\ncomponent:default/a\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    await expect(
      client.getDashboardCsv('not-evaluated', {
        verdict: 'buy',
        decidedAgainstTree: true,
      }),
    ).resolves.toContain('component:default/a');
    expect(query?.get('format')).toBe('csv');
    expect(query?.has('verdict')).toBe(false);
    expect(query?.has('decidedAgainstTree')).toBe(false);
  });
  it('reads the vendor portfolio a page at a time, and as CSV', async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${baseUrl}/portfolio/products`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query.toString());
        return query.get('format') === 'csv'
          ? new HttpResponse('Product\nVector Cloud\n', {
              headers: { 'Content-Type': 'text/csv' },
            })
          : HttpResponse.json({ items: [], nextCursor: 'next' });
      }),
    );

    await expect(
      client.getVendorPortfolio({ order: 'dependents', limit: 500 }),
    ).resolves.toEqual({ items: [], nextCursor: 'next' });
    await expect(client.getVendorPortfolioCsv({ limit: 500 })).resolves.toBe(
      'Product\nVector Cloud\n',
    );
    expect(queries).toEqual([
      'order=dependents&limit=500',
      'limit=500&format=csv',
    ]);
  });

  it('records a vendor event and reads the events of a product', async () => {
    const event = {
      id: 'e1',
      product: 'Vector Cloud',
      kind: 'incident' as const,
      occurredOn: '2026-11-30',
      note: 'Four hours of downtime',
      recordedBy: 'user:default/ada',
      recordedAt: '2026-12-01T09:00:00.000Z',
      decisions: 2,
    };
    const received: unknown[] = [];
    const queries: string[] = [];
    server.use(
      http.post(`${baseUrl}/portfolio/products/events`, async ({ request }) => {
        received.push(await request.json());
        return HttpResponse.json(event, { status: 201 });
      }),
      http.get(`${baseUrl}/portfolio/products/events`, ({ request }) => {
        queries.push(new URL(request.url).searchParams.toString());
        return HttpResponse.json({ items: [event] });
      }),
    );

    await expect(
      client.recordVendorEvent({
        product: 'Vector Cloud',
        kind: 'incident',
        occurredOn: '2026-11-30',
        note: 'Four hours of downtime',
        idempotencyKey: 'key-1',
      }),
    ).resolves.toEqual(event);
    await expect(client.listVendorEvents('Vector Cloud')).resolves.toEqual({
      items: [event],
    });
    expect(received).toEqual([
      {
        product: 'Vector Cloud',
        kind: 'incident',
        occurredOn: '2026-11-30',
        note: 'Four hours of downtime',
        idempotencyKey: 'key-1',
      },
    ]);
    expect(queries).toEqual(['product=Vector+Cloud']);
  });

  it('throws the 400 of a vendor event as a ResponseError naming the field', async () => {
    server.use(
      http.post(`${baseUrl}/portfolio/products/events`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'body.occurredOn: Enter a date as YYYY-MM-DD',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .recordVendorEvent({
        product: 'Vector Cloud',
        kind: 'incident',
        occurredOn: 'yesterday',
        idempotencyKey: 'key-1',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe(
      'body.occurredOn: Enter a date as YYYY-MM-DD',
    );
  });
});
