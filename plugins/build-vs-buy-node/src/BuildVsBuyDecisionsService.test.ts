import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DefaultBuildVsBuyDecisionsService } from './BuildVsBuyDecisionsService';

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
    expect((init?.headers as Record<string, string>).Authorization).toBe(
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.user('user:default/alice'),
        targetPluginId: 'build-vs-buy',
      }),
    );
  });

  it('returns undefined for an entity without a decision and throws on other errors', async () => {
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
    await expect(
      service.getDecision({ entityRef: 'component:default/a' }, context),
    ).rejects.toThrow(/answered 500/);
  });
});
