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

import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  RegisterCollatorParameters,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  BuildVsBuyDecisionsService,
  buildVsBuyDecisionsServiceRef,
} from '@build-vs-buy/plugin-build-vs-buy-node';
import { searchModuleBuildVsBuyCollator } from './module';
import {
  FakeBackend,
  startFakeBackend,
  storedExample,
} from './__testUtils__/fakeBackend';

describe('searchModuleBuildVsBuyCollator', () => {
  let backend: FakeBackend | undefined;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  const start = async (
    config: object,
    baseUrl = 'http://unused',
    features: Parameters<typeof startTestBackend>[0]['features'] = [],
  ) => {
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async () => baseUrl,
    });
    const registered: RegisterCollatorParameters[] = [];
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          {
            addCollator: (options: RegisterCollatorParameters) =>
              registered.push(options),
          },
        ],
      ],
      features: [
        searchModuleBuildVsBuyCollator,
        mockServices.rootConfig.factory({ data: config }),
        scheduler.factory,
        discovery.factory,
        ...(features ?? []),
      ],
    });
    return { registered, scheduler };
  };

  it('registers a build-vs-buy collator on the default schedule', async () => {
    const { registered, scheduler } = await start({});

    expect(registered).toHaveLength(1);
    expect(registered[0].factory.type).toBe('build-vs-buy');
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 30 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 30 },
    });
  });

  it('takes its schedule from search.collators.buildVsBuy.schedule', async () => {
    const { scheduler } = await start({
      search: {
        collators: {
          buildVsBuy: {
            schedule: { frequency: { hours: 2 }, timeout: { minutes: 5 } },
          },
        },
      },
    });

    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({
        frequency: { hours: 2 },
        timeout: { minutes: 5 },
      }),
    );
  });

  it('refuses a batch size the backend would reject', async () => {
    await expect(
      start({ search: { collators: { buildVsBuy: { batchSize: 1000 } } } }),
    ).rejects.toThrow(/batchSize must be an integer from 1 to 500/);
  });

  it('indexes decisions read from the backend that discovery names', async () => {
    backend = await startFakeBackend({
      listed: [storedExample('rag-hybrid-search')],
    });
    const { registered } = await start({}, backend.baseUrl);

    const { documents } = await TestPipeline.fromCollator(
      await registered[0].factory.getCollator(),
    ).execute();

    expect(documents.map(d => d.title)).toEqual([
      'RAG retriever needing hybrid search: Buy HybridSearch Cloud with a thin wrapper over 1 gap',
    ]);
  });

  it('reads decisions through the decisions service other plugins install', async () => {
    const stored = storedExample('rag-hybrid-search');
    const decisions: BuildVsBuyDecisionsService = {
      getDecision: jest.fn(),
      getEvaluation: jest.fn(),
      listDecisions: jest.fn(),
      listDueForRevisit: jest.fn(),
      listEvaluations: jest.fn(async () => ({ items: [stored] })),
      listNotEvaluated: jest.fn(),
    };
    const { registered } = await start({}, 'http://unused', [
      createServiceFactory({
        service: buildVsBuyDecisionsServiceRef,
        deps: {},
        factory: () => decisions,
      }),
    ]);

    const { documents } = await TestPipeline.fromCollator(
      await registered[0].factory.getCollator(),
    ).execute();

    expect(documents.map(d => d.location)).toEqual([
      '/catalog/default/component/rag-retriever/build-vs-buy',
    ]);
    expect(decisions.listEvaluations).toHaveBeenCalledWith(
      { limit: 100, cursor: undefined },
      { credentials: expect.anything() },
    );
  });
});
