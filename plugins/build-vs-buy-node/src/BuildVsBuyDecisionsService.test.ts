import {
  mockCredentials,
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import {
  buildVsBuyDecisionsServiceFactory,
  DefaultBuildVsBuyDecisionsService,
  readAllDecisions,
  readAllEvaluations,
  readAllNotEvaluated,
} from './BuildVsBuyDecisionsService';

describe('DefaultBuildVsBuyDecisionsService', () => {
  const discovery = mockServices.discovery.mock({
    getBaseUrl: async () => 'http://backend/api/build-vs-buy',
  });

  it('reads the decision of an entity with a token on behalf of the caller', async () => {
    const decision = { id: 'e1', entityRef: 'component:default/vector-db' };
    const fetchMock = jest.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(decision), { status: 200 }),
    );
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: fetchMock as unknown as typeof fetch,
    });

    const result = await service.getDecision(
      { entityRef: 'component:default/vector-db' },
      { credentials: mockCredentials.user('user:default/alice') },
    );

    expect(result).toEqual(decision);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(
      'http://backend/api/build-vs-buy/entities/component%3Adefault%2Fvector-db/evaluation',
    );
    expect(new Headers(init?.headers).get('Authorization')).toBe(
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.user('user:default/alice'),
        targetPluginId: 'build-vs-buy',
      }),
    );
  });

  it('returns undefined for an entity without a decision and throws a ResponseError on other errors', async () => {
    const statuses = [404, 500];
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: (async () =>
        new Response('{"error":{}}', {
          status: statuses.shift(),
        })) as unknown as typeof fetch,
    });
    const context = { credentials: mockCredentials.user() };

    await expect(
      service.getDecision({ entityRef: 'component:default/a' }, context),
    ).resolves.toBeUndefined();
    const error = await service
      .getDecision({ entityRef: 'component:default/a' }, context)
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
  });

  it('lists decisions with the filters as query parameters', async () => {
    const fetchMock = jest.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ items: [], nextCursor: 'c2' })),
    );
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: fetchMock as unknown as typeof fetch,
    });

    const page = await service.listDecisions(
      { verdict: 'buy', limit: 10, cursor: 'c1', reviewStatus: undefined },
      { credentials: mockCredentials.service() },
    );

    expect(page).toEqual({ items: [], nextCursor: 'c2' });
    const url = new URL(fetchMock.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/build-vs-buy/evaluations');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      verdict: 'buy',
      limit: '10',
      cursor: 'c1',
    });
  });

  it('reads every page of decisions, following the cursor', async () => {
    const pages: Record<
      string,
      { items: { id: string }[]; nextCursor?: string }
    > = {
      first: { items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'p2' },
      p2: { items: [{ id: 'c' }], nextCursor: 'p3' },
      p3: { items: [{ id: 'd' }] },
    };
    const cursors: (string | undefined)[] = [];
    const listDecisions = jest.fn(async (options: { cursor?: string }) => {
      cursors.push(options.cursor);
      return pages[options.cursor ?? 'first'] as any;
    });

    const ids: string[] = [];
    for await (const decision of readAllDecisions(
      { listDecisions },
      { limit: 2 },
      { credentials: mockCredentials.service() },
    )) {
      ids.push(decision.id);
    }

    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(cursors).toEqual([undefined, 'p2', 'p3']);
    expect(listDecisions.mock.calls[0][0]).toMatchObject({ limit: 2 });
  });

  it('reads every evaluation in full, a page at a time with view=full', async () => {
    const urls: string[] = [];
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: (async (url: string) => {
        urls.push(url);
        const cursor = new URL(url).searchParams.get('cursor');
        return new Response(
          JSON.stringify(
            cursor
              ? { items: [{ id: 'c', evaluation: {} }] }
              : {
                  items: [
                    { id: 'a', evaluation: {} },
                    { id: 'b', evaluation: {} },
                  ],
                  nextCursor: 'p2',
                },
          ),
          { status: 200 },
        );
      }) as unknown as typeof fetch,
    });

    const ids: string[] = [];
    for await (const evaluation of readAllEvaluations(
      service,
      { limit: 2 },
      { credentials: mockCredentials.service() },
    )) {
      ids.push(evaluation.id);
    }

    expect(ids).toEqual(['a', 'b', 'c']);
    expect(urls).toEqual([
      'http://backend/api/build-vs-buy/evaluations?limit=2&view=full',
      'http://backend/api/build-vs-buy/evaluations?limit=2&cursor=p2&view=full',
    ]);
  });

  it('stops instead of looping when the backend repeats a cursor', async () => {
    const listDecisions = async () => ({ items: [], nextCursor: 'same' });
    const read = async () => {
      for await (const _ of readAllDecisions(
        { listDecisions },
        {},
        { credentials: mockCredentials.service() },
      )) {
        // nothing to collect
      }
    };
    await expect(read()).rejects.toThrow(/same cursor twice/);
  });

  it('reads one evaluation by id, undefined when it is gone', async () => {
    const statuses = [200, 404];
    const fetchMock = jest.fn(
      async (_url: string) =>
        new Response(JSON.stringify({ id: 'e/1' }), {
          status: statuses.shift(),
        }),
    );
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: fetchMock as unknown as typeof fetch,
    });
    const context = { credentials: mockCredentials.service() };

    await expect(
      service.getEvaluation({ id: 'e/1' }, context),
    ).resolves.toEqual({ id: 'e/1' });
    await expect(
      service.getEvaluation({ id: 'e/1' }, context),
    ).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://backend/api/build-vs-buy/evaluations/e%2F1',
    );
  });

  it('lists the components without an evaluation', async () => {
    const fetchMock = jest.fn(
      async (_url: string) =>
        new Response(
          JSON.stringify({ items: [{ entityRef: 'component:default/x' }] }),
        ),
    );
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: fetchMock as unknown as typeof fetch,
    });

    const page = await service.listNotEvaluated(
      { limit: 100 },
      { credentials: mockCredentials.service() },
    );

    expect(page.items).toEqual([{ entityRef: 'component:default/x' }]);
    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://backend/api/build-vs-buy/dashboard/not-evaluated?limit=100',
    );
  });

  it('lists the decisions due for revisit from the dashboard list', async () => {
    const fetchMock = jest.fn(
      async (_url: string) => new Response(JSON.stringify({ items: [] })),
    );
    const service = new DefaultBuildVsBuyDecisionsService({
      auth: mockServices.auth(),
      discovery,
      fetch: fetchMock as unknown as typeof fetch,
    });

    await service.listDueForRevisit(
      { limit: 20, cursor: 'c1' },
      { credentials: mockCredentials.service() },
    );

    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://backend/api/build-vs-buy/dashboard/due-for-revisit?limit=20&cursor=c1',
    );
  });

  it('reads every component without an evaluation, following the cursor', async () => {
    const pages: Record<
      string,
      { items: { entityRef: string }[]; nextCursor?: string }
    > = {
      first: {
        items: [{ entityRef: 'component:default/a' }],
        nextCursor: 'p2',
      },
      p2: { items: [{ entityRef: 'component:default/b' }] },
    };
    const listNotEvaluated = jest.fn(
      async (options: { cursor?: string }) => pages[options.cursor ?? 'first'],
    );

    const refs: string[] = [];
    for await (const entity of readAllNotEvaluated(
      { listNotEvaluated },
      { limit: 1 },
      { credentials: mockCredentials.service() },
    )) {
      refs.push(entity.entityRef);
    }

    expect(refs).toEqual(['component:default/a', 'component:default/b']);
    expect(listNotEvaluated.mock.calls.map(([options]) => options)).toEqual([
      { limit: 1, cursor: undefined },
      { limit: 1, cursor: 'p2' },
    ]);
  });

  it('is what the service factory gives other plugins', async () => {
    const tester = ServiceFactoryTester.from(
      buildVsBuyDecisionsServiceFactory,
      { dependencies: [mockServices.discovery.factory()] },
    );
    await expect(tester.getSubject('search')).resolves.toBeInstanceOf(
      DefaultBuildVsBuyDecisionsService,
    );
  });
});
