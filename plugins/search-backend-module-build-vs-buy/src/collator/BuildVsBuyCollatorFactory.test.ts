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
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import {
  buildVsBuyEvaluationReadPermission,
  REVIEW_STATUS_LABELS,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { DefaultBuildVsBuyDecisionsService } from '@build-vs-buy/plugin-build-vs-buy-node';
import {
  FakeBackend,
  startFakeBackend,
  storedExample,
} from '../__testUtils__/fakeBackend';
import {
  BuildVsBuyCollatorFactory,
  BuildVsBuyDocument,
} from './BuildVsBuyCollatorFactory';

describe('BuildVsBuyCollatorFactory', () => {
  let backend: FakeBackend | undefined;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  const factoryFor = (
    fake: FakeBackend,
    options: { batchSize?: number; locationTemplate?: string } = {},
  ) =>
    new BuildVsBuyCollatorFactory({
      auth: mockServices.auth({ pluginId: 'search' }),
      // The real client of -node, against a fake backend over HTTP.
      decisions: new DefaultBuildVsBuyDecisionsService({
        auth: mockServices.auth({ pluginId: 'search' }),
        discovery: mockServices.discovery.mock({
          getBaseUrl: async pluginId => {
            expect(pluginId).toBe('build-vs-buy');
            return fake.baseUrl;
          },
        }),
      }),
      logger: mockServices.logger.mock(),
      ...options,
    });

  const collate = async (factory: BuildVsBuyCollatorFactory) => {
    const { documents, error } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    return { documents: documents as BuildVsBuyDocument[], error };
  };

  const keys = [
    'ecommerce-vector-database',
    'search-retrieval-pipeline',
    'clinical-validation-pipeline',
    'rag-hybrid-search',
    'startup-llm-observability',
  ];

  it('pages through every decision and indexes each one', async () => {
    backend = await startFakeBackend({
      listed: keys.map(key => storedExample(key)),
    });

    const { documents, error } = await collate(
      factoryFor(backend, { batchSize: 2 }),
    );

    expect(error).toBeUndefined();
    expect(documents.map(d => d.entityRef)).toEqual([
      'component:default/product-similarity-store',
      'component:search/retrieval-pipeline',
      'component:clinical/validation-pipeline',
      'component:default/rag-retriever',
      'component:default/llm-observability',
    ]);
    // One request per page of whole evaluations, none per decision.
    expect(backend.requests.map(r => r.url)).toEqual([
      '/api/build-vs-buy/evaluations?limit=2&view=full',
      '/api/build-vs-buy/evaluations?limit=2&cursor=2&view=full',
      '/api/build-vs-buy/evaluations?limit=2&cursor=4&view=full',
    ]);
    // Every request carries a token of the search plugin for build-vs-buy.
    const expectedHeader = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('plugin:search'),
      targetPluginId: 'build-vs-buy',
    });
    expect(new Set(backend.requests.map(r => r.authorization))).toEqual(
      new Set([expectedHeader]),
    );
  });

  it('makes a document a search can find the decision by', async () => {
    const buy = storedExample('ecommerce-vector-database');
    backend = await startFakeBackend({ listed: [buy] });

    const { documents } = await collate(factoryFor(backend));

    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({
      title: 'E-commerce vector database: Buy VectorCloud Managed',
      location:
        '/catalog/default/component/product-similarity-store/build-vs-buy',
      authorization: { resourceRef: buy.id },
      entityRef: 'component:default/product-similarity-store',
      verdict: 'buy',
      teamDecision: 'buy',
      decisionLabel: 'Buy VectorCloud Managed',
      chosenProduct: 'VectorCloud Managed',
      reviewStatus: buy.review.status,
      status: 'complete',
      revisitBy: buy.review.revisitBy,
      ownerRef: 'group:default/team-a',
    });
    expect(document.maintenanceOwnerRef).toBe(
      buy.evaluation.maintenance?.ownerGroupRef,
    );
    expect(document.text).toContain('Decision: Buy VectorCloud Managed.');
    expect(document.text).toContain(
      `Review: ${REVIEW_STATUS_LABELS[buy.review.status]}.`,
    );
    // Names, not references.
    expect(document.text).not.toContain('component:default/');
    expect(document.text).toContain('Candidates: VectorCloud Managed, NewVec.');
    expect(document.text).toContain(
      buy.evaluation.coreDifferentiator?.rationale,
    );
    expect(document.text).toContain(buy.evaluation.question);
    for (const reason of buy.review.reasons) {
      expect(document.text).toContain(reason.message);
    }
  });

  it('names the team’s own decision and the tree’s verdict it went against', async () => {
    const example = storedExample('ecommerce-vector-database');
    const built = {
      ...example,
      evaluation: {
        ...example.evaluation,
        teamDecision: {
          kind: 'build' as const,
          rationale: 'We own the index format.',
        },
      },
    };
    backend = await startFakeBackend({ listed: [built] });

    const [document] = (await collate(factoryFor(backend))).documents;

    expect(document).toMatchObject({
      title: 'E-commerce vector database: Build in-house',
      verdict: 'buy',
      teamDecision: 'build',
      decisionLabel: 'Build in-house',
    });
    expect(document.chosenProduct).toBeUndefined();
    expect(document.text).toContain('Decision: Build in-house.');
    expect(document.text).toContain(
      "The tree's verdict: Buy VectorCloud Managed.",
    );
  });

  it('links to the location the template names', async () => {
    backend = await startFakeBackend({
      listed: [storedExample('search-retrieval-pipeline')],
    });

    const { documents } = await collate(
      factoryFor(backend, {
        locationTemplate: '/decisions/:kind/:namespace/:name',
      }),
    );

    expect(documents[0].location).toBe(
      '/decisions/component/search/retrieval-pipeline',
    );
  });

  it('leaves out archived decisions and entities gone from the catalog', async () => {
    const archived = storedExample('rag-hybrid-search', {
      status: 'archived',
    });
    const gone = storedExample('startup-llm-observability', {
      entity: { missing: true },
    });
    const kept = storedExample('search-retrieval-pipeline');
    backend = await startFakeBackend({ listed: [archived, gone, kept] });

    const { documents, error } = await collate(factoryFor(backend));

    expect(error).toBeUndefined();
    expect(documents.map(d => d.entityRef)).toEqual([kept.entityRef]);
  });

  it('surfaces an error of the backend instead of an empty index', async () => {
    backend = await startFakeBackend({ listed: [], listStatus: 503 });

    const { error } = await collate(factoryFor(backend));

    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 503 });
    expect(String(error)).toMatch(/503/);
  });

  it('keeps results behind the evaluation read permission', () => {
    const factory = new BuildVsBuyCollatorFactory({
      auth: mockServices.auth(),
      decisions: {
        getDecision: jest.fn(),
        getEvaluation: jest.fn(),
        listDecisions: jest.fn(),
        listDueForRevisit: jest.fn(),
        listEvaluations: jest.fn(),
        listNotEvaluated: jest.fn(),
      },
      logger: mockServices.logger.mock(),
    });
    expect(factory.type).toBe('build-vs-buy');
    expect(factory.visibilityPermission).toBe(
      buildVsBuyEvaluationReadPermission,
    );
  });
});
