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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { describeAnswer } from '@build-vs-buy/plugin-build-vs-buy-common';
import { createDraftEvaluationAction } from './createDraftEvaluation';

type Call = { url: string; init: RequestInit; body: any };

/* The build-vs-buy backend, as far as the action sees it: one route. */
function fakeBackend(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const request = new Request(url, init);
    const call = {
      url: request.url,
      init,
      body: await request.json(),
      authorization: request.headers.get('authorization'),
    };
    calls.push(call);
    return answer(call);
  }) as unknown as typeof fetch;
  return { calls, fetch: fetchImpl };
}

const stored = (body: any) =>
  new Response(
    JSON.stringify({
      id: 'draft-1',
      entityRef: body.evaluation.entityRef,
      version: 1,
      status: 'draft',
      evaluation: body.evaluation,
    }),
    { status: 201, headers: { 'content-type': 'application/json' } },
  );

/*
 * The mock context leaves out a dry run and the initiator, so they are set
 * on it afterwards.
 */
const contextOf = (
  options: { input: object },
  extra: {
    isDryRun?: boolean;
    user?: ReturnType<typeof mockCredentials.user>;
  } = {},
) => ({
  ...createMockActionContext<any>(options),
  isDryRun: extra.isDryRun,
  getInitiatorCredentials: async () => extra.user ?? mockCredentials.user(),
});

const input = {
  entityRef: 'component:default/reranker',
  question:
    'Should we build or buy the reranker in front of our retrieval pipeline?',
  prerequisites: {
    componentDescription: {
      dataStored: 'Nothing durable: scores passages per query.',
      queriesHandled: 'Reorders the top 50 passages of every search query.',
      latencyConstraints: 'Under 40 ms p95 on top of retrieval.',
      availabilityConstraints: '',
    },
  },
  coreDifferentiator: {
    answer: 'no' as const,
    competitorTest:
      'No: two competitors using the same reranker would not close our edge, our ranking data is.',
  },
};

describe('build-vs-buy:evaluation:create-draft', () => {
  const user = mockCredentials.user('user:default/ada');
  const setup = (answer = (call: Call) => stored(call.body)) => {
    const backend = fakeBackend(answer);
    const action = createDraftEvaluationAction({
      auth: mockServices.auth(),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}`,
      }),
      fetch: backend.fetch,
    });
    return { action, calls: backend.calls };
  };

  it('opens a draft with the answers from the template, on behalf of the user', async () => {
    const { action, calls } = setup();
    const ctx = contextOf({ input }, { user });

    await action.handler(ctx);

    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(
      'http://backend.test/api/build-vs-buy/evaluations',
    );
    expect(calls[0].init.method).toBe('POST');
    // The token is the user's, for the build-vs-buy plugin: its permission
    // policy decides, not the scaffolder's service identity.
    expect((calls[0] as any).authorization).toBe(
      mockCredentials.service.header({
        onBehalfOf: user,
        targetPluginId: 'build-vs-buy',
      }),
    );
    expect(calls[0].body).toEqual({
      status: 'draft',
      evaluation: {
        entityRef: 'component:default/reranker',
        question: input.question,
        prerequisites: {
          componentDescription: {
            dataStored: input.prerequisites.componentDescription.dataStored,
            queriesHandled:
              input.prerequisites.componentDescription.queriesHandled,
            latencyConstraints:
              input.prerequisites.componentDescription.latencyConstraints,
          },
        },
        coreDifferentiator: input.coreDifferentiator,
      },
    });
    expect(ctx.output).toHaveBeenCalledWith('evaluationId', 'draft-1');
    expect(ctx.output).toHaveBeenCalledWith(
      'decisionUrl',
      '/catalog/default/component/reranker/build-vs-buy',
    );
  });

  it('takes a bare name as a component in the default namespace', async () => {
    const { action, calls } = setup();
    const ctx = contextOf({ input: { entityRef: 'reranker' } });
    await action.handler(ctx);
    expect(calls[0].body.evaluation).toEqual({
      entityRef: 'component:default/reranker',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'decisionUrl',
      '/catalog/default/component/reranker/build-vs-buy',
    );
  });

  it('creates nothing on a dry run, and says what it would create', async () => {
    const { action, calls } = setup();
    const ctx = contextOf({ input }, { isDryRun: true });
    const info = jest.spyOn(ctx.logger, 'info');

    await action.handler(ctx);

    expect(calls).toHaveLength(0);
    expect(info).toHaveBeenCalledWith(
      expect.stringContaining(
        'would open a draft build-vs-buy evaluation of component:default/reranker',
      ),
    );
    expect(ctx.output).not.toHaveBeenCalledWith(
      'evaluationId',
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'decisionUrl',
      '/catalog/default/component/reranker/build-vs-buy',
    );
  });

  it('refuses bad input naming the input field, and sends nothing', async () => {
    const { action, calls } = setup();
    const ctx = contextOf({
      input: {
        ...input,
        prerequisites: {
          componentDescription: { dataStored: 'x'.repeat(100_000) },
        },
        coreDifferentiator: { answer: 'maybe' as any },
      },
    });

    const refusal = action.handler(ctx);
    await expect(refusal).rejects.toThrow(
      `prerequisites.componentDescription.dataStored (${
        describeAnswer('prerequisites.componentDescription.dataStored', {
          entityRef: input.entityRef,
        }).label
      })`,
    );
    await expect(refusal).rejects.toThrow(
      `coreDifferentiator.answer (${
        describeAnswer('coreDifferentiator.answer', {
          entityRef: input.entityRef,
        }).label
      })`,
    );
    await expect(refusal).rejects.toMatchObject({ name: 'InputError' });
    expect(calls).toHaveLength(0);
  });

  it('refuses a reference that is not an entity reference', async () => {
    const { action, calls } = setup();
    const ctx = contextOf({
      input: { entityRef: 'component:default/' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(/^entityRef /);
    expect(calls).toHaveLength(0);
  });

  it("turns the backend's 400 into an error naming the input field", async () => {
    const { action } = setup(
      () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'InputError',
              message:
                'body.evaluation.prerequisites.componentDescription.queriesHandled: What queries does it handle? Must be at most 10 characters',
            },
            response: { statusCode: 400 },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    );
    const ctx = contextOf({ input });
    const refusal = action.handler(ctx);
    await expect(refusal).rejects.toThrow(
      'prerequisites.componentDescription.queriesHandled: What queries does it handle? Must be at most 10 characters',
    );
    await expect(refusal).rejects.toMatchObject({ name: 'InputError' });
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('passes on a refusal of the permission policy', async () => {
    const { action } = setup(
      () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'NotAllowedError',
              message: 'You may not create evaluations',
            },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
    );
    const ctx = contextOf({ input });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(/You may not create evaluations/),
    });
  });

  it('tells a refused token apart from a refusal of the permission policy', async () => {
    const { action } = setup(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'AuthenticationError', message: 'Illegal token' },
            response: { statusCode: 401 },
          }),
          { status: 401, headers: { 'content-type': 'application/json' } },
        ),
    );
    const ctx = contextOf({ input });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'AuthenticationError',
      message: expect.stringMatching(/Illegal token/),
    });
  });

  it('says so when the component already has an evaluation', async () => {
    const { action } = setup(
      () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'ConflictError',
              message:
                'entityRef: component:default/reranker already has an evaluation; update it instead',
            },
            response: { statusCode: 409 },
          }),
          { status: 409, headers: { 'content-type': 'application/json' } },
        ),
    );
    const refusal = action.handler(contextOf({ input }));
    await expect(refusal).rejects.toThrow(
      'entityRef: component:default/reranker already has an evaluation; update it instead',
    );
    await expect(refusal).rejects.toMatchObject({ name: 'ConflictError' });
  });
});
