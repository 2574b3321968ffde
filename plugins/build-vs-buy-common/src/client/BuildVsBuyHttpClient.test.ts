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

import { ResponseError } from '@backstage/errors';
import type { StoredEvaluation } from '../api';
import { evaluate } from '../evaluate';
import { reviewStatus } from '../review';
import {
  BuildVsBuyHttpClient,
  EvaluationConflictError,
} from './BuildVsBuyHttpClient';

const baseUrl = 'http://backend/api/build-vs-buy';

function storedEvaluation(version = 1): StoredEvaluation {
  const evaluation = { entityRef: 'component:default/vector-db' };
  const at = new Date('2026-11-01T00:00:00Z');
  return {
    id: 'e1',
    entityRef: evaluation.entityRef,
    version,
    status: 'draft',
    evaluation,
    outcome: evaluate(evaluation, { now: at }),
    review: reviewStatus(evaluation, at),
    entity: { missing: false },
    createdAt: at.toISOString(),
    createdBy: 'user:default/alice',
    updatedAt: at.toISOString(),
    updatedBy: 'user:default/alice',
  };
}

function summaryOf(stored: StoredEvaluation) {
  return {
    id: stored.id,
    entityRef: stored.entityRef,
    version: stored.version,
    status: stored.status,
    verdict: stored.outcome.verdict,
    reviewStatus: stored.review.status,
    hasMigrationPlan: false,
    entity: stored.entity,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function errorBody(name: string, message: string, statusCode: number) {
  return { error: { name, message }, response: { statusCode } };
}

/** A client whose fetch answers with `answer` and records what it was handed. */
function clientAnswering(answer: (url: URL, init: RequestInit) => Response) {
  const calls: { url: URL; init: RequestInit; args: number }[] = [];
  const client = new BuildVsBuyHttpClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: async (...args: [string, RequestInit]) => {
        const [url, init] = args;
        calls.push({ url: new URL(url), init, args: args.length });
        return answer(new URL(url), init);
      },
    },
  });
  return { client, calls };
}

describe('BuildVsBuyHttpClient', () => {
  it('hands the fetch API a URL and an init with the body as text, never a Request', async () => {
    const stored = storedEvaluation();
    const { client, calls } = clientAnswering(() => json(stored, 201));

    await expect(
      client.createEvaluation({
        status: 'draft',
        evaluation: stored.evaluation,
      }),
    ).resolves.toEqual(stored);

    const [{ url, init, args }] = calls;
    expect(args).toBe(2);
    expect(url.toString()).toBe(`${baseUrl}/evaluations`);
    expect(init.method).toBe('POST');
    expect(typeof init.body).toBe('string');
    expect(JSON.parse(init.body as string)).toEqual({
      status: 'draft',
      evaluation: stored.evaluation,
    });
  });

  it('sends the token of the request, and none without one', async () => {
    const { client, calls } = clientAnswering(() => json(storedEvaluation()));

    await client.getEvaluation({ id: 'e1' }, { token: 'service-token' });
    await client.getEvaluation({ id: 'e1' });

    const headers = calls.map(call => new Headers(call.init.headers));
    expect(headers[0].get('Authorization')).toBe('Bearer service-token');
    expect(headers[1].has('Authorization')).toBe(false);
  });

  it('encodes path parameters whole', async () => {
    const { client, calls } = clientAnswering(() => json(storedEvaluation()));

    await client.getEntityEvaluation({
      entityRef: 'component:default/vector-db',
    });
    await client.getEvaluation({ id: 'e/1' });

    expect(calls.map(call => call.url.pathname)).toEqual([
      '/api/build-vs-buy/entities/component%3Adefault%2Fvector-db/evaluation',
      '/api/build-vs-buy/evaluations/e%2F1',
    ]);
  });

  it('lists summaries with the filters as repeatable query parameters', async () => {
    const stored = storedEvaluation();
    const { client, calls } = clientAnswering(() =>
      json({ items: [summaryOf(stored)], nextCursor: 'c2' }),
    );

    const page = await client.listEvaluations({
      ownerGroup: ['group:default/a', 'group:default/b'],
      verdict: 'buy',
      reviewStatus: 'overdue',
      limit: 10,
      cursor: 'c1',
    });

    expect(page).toEqual({ items: [summaryOf(stored)], nextCursor: 'c2' });
    const query = calls[0].url.searchParams;
    expect(query.getAll('ownerGroup')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(Object.fromEntries(query)).toEqual({
      ownerGroup: 'group:default/b',
      verdict: 'buy',
      reviewStatus: 'overdue',
      limit: '10',
      cursor: 'c1',
    });
  });

  it('lists full evaluations with view=full', async () => {
    const stored = storedEvaluation();
    const { client, calls } = clientAnswering(() => json({ items: [stored] }));

    await expect(client.listFullEvaluations({ limit: 2 })).resolves.toEqual({
      items: [stored],
    });
    await client.listFullEvaluations();

    expect(calls.map(call => call.url.search)).toEqual([
      '?limit=2&view=full',
      '?view=full',
    ]);
  });

  it('refuses a page in the other view than the one asked for', async () => {
    const stored = storedEvaluation();
    const full = clientAnswering(() => json({ items: [stored] })).client;
    const summaries = clientAnswering(() =>
      json({ items: [summaryOf(stored)] }),
    ).client;

    await expect(full.listEvaluations()).rejects.toThrow(
      /Expected evaluation summaries/,
    );
    await expect(summaries.listFullEvaluations()).rejects.toThrow(
      /Expected full evaluations/,
    );
  });

  it('throws a ResponseError with the server message on failure', async () => {
    const { client } = clientAnswering(() =>
      json(errorBody('InputError', 'evaluation.entityRef: Required', 400), 400),
    );

    const error = await client
      .createEvaluation({ status: 'draft', evaluation: { entityRef: '' } })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('evaluation.entityRef: Required');
  });

  it('throws a ResponseError for a failure without a JSON body', async () => {
    const { client } = clientAnswering(
      () => new Response('upstream down', { status: 503 }),
    );

    const error = await client.getDecisionSummary().catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
  });

  it('throws EvaluationConflictError carrying the current version on a stale update', async () => {
    const current = storedEvaluation(4);
    const { client, calls } = clientAnswering(() =>
      json(
        {
          ...errorBody('ConflictError', 'Version 3 is stale', 409),
          current,
        },
        409,
      ),
    );

    const error = await client
      .updateEvaluation(
        { id: current.id },
        { version: 3, status: 'draft', evaluation: current.evaluation },
      )
      .catch(e => e);

    expect(error).toBeInstanceOf(EvaluationConflictError);
    expect(error.message).toBe('Version 3 is stale');
    expect(error.current).toEqual(current);
    expect(error.cause).toBeInstanceOf(ResponseError);
    expect(error.cause.statusCode).toBe(409);
    expect(calls[0].init.method).toBe('PUT');
    expect(JSON.parse(calls[0].init.body as string)).toMatchObject({
      version: 3,
    });
  });

  it('saves an update, and throws a ResponseError for a conflict without a current record', async () => {
    const stored = storedEvaluation(2);
    const answers = [
      json(stored),
      json(errorBody('ConflictError', 'Already exists', 409), 409),
      new Response(null, { status: 409 }),
    ];
    const { client } = clientAnswering(() => answers.shift()!);
    const update = () =>
      client.updateEvaluation(
        { id: stored.id },
        { version: 1, status: 'draft', evaluation: stored.evaluation },
      );

    await expect(update()).resolves.toEqual(stored);
    const error = await update().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).not.toBeInstanceOf(EvaluationConflictError);
    await expect(update()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
    });
  });

  it('confirms a decision at a version with a note, and tells a stale version from a draft', async () => {
    const confirmed = storedEvaluation(4);
    const current = storedEvaluation(5);
    const answers = [
      json(confirmed),
      json(
        { ...errorBody('ConflictError', 'Version 3 is stale', 409), current },
        409,
      ),
      json(
        errorBody(
          'ConflictError',
          'Only a recorded decision can be confirmed',
          409,
        ),
        409,
      ),
    ];
    const { client, calls } = clientAnswering(() => answers.shift()!);
    const confirm = () =>
      client.confirmEvaluation(
        { id: 'e1' },
        { version: 3, note: 'Still the cheapest way to search' },
      );

    await expect(confirm()).resolves.toEqual(confirmed);
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].url.pathname).toBe(
      '/api/build-vs-buy/evaluations/e1/confirm',
    );
    expect(JSON.parse(calls[0].init.body as string)).toEqual({
      version: 3,
      note: 'Still the cheapest way to search',
    });

    const stale = await confirm().catch(e => e);
    expect(stale).toBeInstanceOf(EvaluationConflictError);
    expect(stale.current).toEqual(current);

    const draft = await confirm().catch(e => e);
    expect(draft).not.toBeInstanceOf(EvaluationConflictError);
    expect(draft).toMatchObject({ name: 'ResponseError', statusCode: 409 });
    expect(draft.body.error.message).toMatch(
      /Only a recorded decision can be confirmed/,
    );
  });

  it('archives at a version, and throws when that fails', async () => {
    const answers = [
      new Response(null, { status: 204 }),
      json(errorBody('NotFoundError', 'No evaluation', 404), 404),
    ];
    const { client, calls } = clientAnswering(() => answers.shift()!);

    await expect(
      client.archiveEvaluation({ id: 'e1', version: 3 }),
    ).resolves.toBeUndefined();
    await expect(
      client.archiveEvaluation({ id: 'e1', version: 3 }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 404 });
    expect(calls[0].init.method).toBe('DELETE');
    expect(calls[0].url.search).toBe('?version=3');
  });

  it('throws when a read answers without a body', async () => {
    const { client } = clientAnswering(
      () => new Response(null, { status: 204 }),
    );
    await expect(client.getEvaluation({ id: 'e1' })).rejects.toThrow(
      /answered 204 without a body/,
    );
  });

  it('reads history: revisions, one revision and a diff', async () => {
    const stored = storedEvaluation(2);
    const revision = {
      evaluationId: stored.id,
      version: 1,
      status: stored.status,
      verdictKind: stored.outcome.verdict.kind,
      evaluation: stored.evaluation,
      createdAt: stored.createdAt,
      createdBy: stored.createdBy,
    };
    const diff = { evaluationId: stored.id, from: 1, to: 2, changes: [] };
    const { client, calls } = clientAnswering(url => {
      if (url.pathname.endsWith('/revisions')) {
        return json({ items: [revision] });
      }
      return url.pathname.endsWith('/diff') ? json(diff) : json(revision);
    });

    await expect(
      client.listRevisions({ id: stored.id }, { limit: 5 }),
    ).resolves.toEqual({ items: [revision] });
    await expect(client.listRevisions({ id: stored.id })).resolves.toEqual({
      items: [revision],
    });
    await expect(
      client.getRevision({ id: stored.id, version: 1 }),
    ).resolves.toEqual(revision);
    await expect(
      client.diffRevisions({ id: stored.id, from: 1, to: 2 }),
    ).resolves.toEqual(diff);
    expect(calls.map(call => call.url.pathname + call.url.search)).toEqual([
      '/api/build-vs-buy/evaluations/e1/revisions?limit=5',
      '/api/build-vs-buy/evaluations/e1/revisions',
      '/api/build-vs-buy/evaluations/e1/revisions/1',
      '/api/build-vs-buy/evaluations/e1/diff?from=1&to=2',
    ]);
  });

  it('posts answers to /evaluate for their outcome and review', async () => {
    const stored = storedEvaluation();
    const { client, calls } = clientAnswering(() =>
      json({ outcome: stored.outcome, review: stored.review }),
    );

    await expect(
      client.evaluate({ evaluation: stored.evaluation }),
    ).resolves.toEqual({ outcome: stored.outcome, review: stored.review });
    expect(calls[0].url.pathname).toBe('/api/build-vs-buy/evaluate');
  });

  it('reads the dashboard: summary, lists and components without an evaluation', async () => {
    const stored = storedEvaluation();
    const summary = {
      total: 1,
      byVerdict: { incomplete: 1 },
      byReviewStatus: { current: 1, 'due-soon': 0, overdue: 0 },
      byOwnerGroup: [],
      revisitsByMonth: [],
    };
    const { client, calls } = clientAnswering(url => {
      if (url.pathname.endsWith('/summary')) return json(summary);
      if (url.pathname.endsWith('/not-evaluated')) {
        return json({ items: [{ entityRef: 'component:default/x' }] });
      }
      return json({ items: [summaryOf(stored)] });
    });

    await expect(
      client.getDecisionSummary({ system: 'system:default/search' }),
    ).resolves.toEqual(summary);
    await expect(
      client.listDashboard({ list: 'due-for-revisit' }, { limit: 50 }),
    ).resolves.toEqual({ items: [summaryOf(stored)] });
    await client.listDashboard({ list: 'entity-missing' });
    await expect(client.listNotEvaluated({ limit: 100 })).resolves.toEqual({
      items: [{ entityRef: 'component:default/x' }],
    });
    await client.listNotEvaluated();
    expect(calls.map(call => call.url.pathname + call.url.search)).toEqual([
      '/api/build-vs-buy/dashboard/summary?system=system%3Adefault%2Fsearch',
      '/api/build-vs-buy/dashboard/due-for-revisit?limit=50',
      '/api/build-vs-buy/dashboard/entity-missing',
      '/api/build-vs-buy/dashboard/not-evaluated?limit=100',
      '/api/build-vs-buy/dashboard/not-evaluated',
    ]);
  });

  it('downloads the dashboard lists as CSV', async () => {
    const { client, calls } = clientAnswering(
      () =>
        new Response('entityRef\ncomponent:default/a\n', {
          headers: { 'Content-Type': 'text/csv' },
        }),
    );

    await expect(
      client.getNotEvaluatedCsv({ lifecycle: 'production' }),
    ).resolves.toBe('entityRef\ncomponent:default/a\n');
    await client.getNotEvaluatedCsv();
    await client.getDashboardCsv(
      { list: 'no-migration-plan' },
      { verdict: 'buy' },
    );
    await client.getDashboardCsv({ list: 'no-maintenance-owner' });
    await client.getEvaluationsCsv({ status: 'draft', order: 'revisit' });
    await client.getEvaluationsCsv();

    expect(calls.map(call => call.url.pathname + call.url.search)).toEqual([
      '/api/build-vs-buy/dashboard/not-evaluated?lifecycle=production&format=csv',
      '/api/build-vs-buy/dashboard/not-evaluated?format=csv',
      '/api/build-vs-buy/dashboard/no-migration-plan?verdict=buy&format=csv',
      '/api/build-vs-buy/dashboard/no-maintenance-owner?format=csv',
      '/api/build-vs-buy/evaluations?status=draft&order=revisit&format=csv',
      '/api/build-vs-buy/evaluations?format=csv',
    ]);
    expect(new Headers(calls[0].init.headers).get('Accept')).toBe('text/csv');
  });

  it('reads coverage by team as JSON, and as CSV', async () => {
    const team = {
      ownerRef: 'group:default/search',
      components: 3,
      current: 1,
      dueSoon: 0,
      overdue: 1,
      withoutDecision: 1,
      draftsInProgress: 0,
    };
    const { client, calls } = clientAnswering(url =>
      url.searchParams.get('format') === 'csv'
        ? new Response('Owner\nsearch\n', {
            headers: { 'Content-Type': 'text/csv' },
          })
        : json({ items: [team] }),
    );

    await expect(
      client.getTeamCoverage({
        order: 'withoutDecision',
        direction: 'desc',
        lifecycle: 'production',
      }),
    ).resolves.toEqual({ items: [team] });
    await expect(
      client.getTeamCoverageCsv({ ownerGroup: ['group:default/search'] }),
    ).resolves.toBe('Owner\nsearch\n');

    expect(calls.map(call => call.url.pathname + call.url.search)).toEqual([
      '/api/build-vs-buy/coverage/teams?order=withoutDecision&direction=desc&lifecycle=production',
      '/api/build-vs-buy/coverage/teams?ownerGroup=group%3Adefault%2Fsearch&format=csv',
    ]);
  });
  it('records a vendor event and reads the events of a product', async () => {
    const event = {
      id: 'e1',
      product: 'Vector Cloud',
      kind: 'incident',
      occurredOn: '2026-12-01',
      note: '',
      recordedBy: 'user:default/alice',
      recordedAt: '2026-12-02T09:00:00.000Z',
      decisions: 2,
    };
    const { client, calls } = clientAnswering((_url, init) =>
      init.method === 'POST' ? json(event, 201) : json({ items: [event] }),
    );
    const body = {
      product: 'Vector Cloud',
      kind: 'incident' as const,
      occurredOn: '2026-12-01',
      idempotencyKey: 'k1',
    };

    await expect(client.recordVendorEvent(body)).resolves.toEqual(event);
    await expect(
      client.listVendorEvents({ product: 'Vector Cloud' }),
    ).resolves.toEqual({ items: [event] });

    expect(calls.map(call => call.url.pathname + call.url.search)).toEqual([
      '/api/build-vs-buy/portfolio/products/events',
      '/api/build-vs-buy/portfolio/products/events?product=Vector%20Cloud',
    ]);
    expect(JSON.parse(String(calls[0].init.body))).toEqual(body);
  });

  it('reads the vendor portfolio as JSON and as CSV', async () => {
    const product = {
      product: 'Vector Cloud',
      spellings: ['Vector Cloud'],
      decisions: [],
      components: 0,
      withoutMigrationPlan: 0,
      integrationWeeks: 0,
      nextRevisitBy: '2027-06-01',
      dependents: [],
      systems: [],
    };
    const { client, calls } = clientAnswering(url =>
      url.searchParams.get('format') === 'csv'
        ? new Response('Product\nVector Cloud\n', {
            headers: { 'Content-Type': 'text/csv' },
          })
        : json({ items: [product] }),
    );

    await expect(
      client.getVendorPortfolio({ order: 'dependents', limit: 20 }),
    ).resolves.toEqual({ items: [product] });
    await expect(client.getVendorPortfolioCsv()).resolves.toBe(
      'Product\nVector Cloud\n',
    );

    expect(calls.map(call => call.url.pathname + call.url.search)).toEqual([
      '/api/build-vs-buy/portfolio/products?order=dependents&limit=20',
      '/api/build-vs-buy/portfolio/products?format=csv',
    ]);
  });
});
