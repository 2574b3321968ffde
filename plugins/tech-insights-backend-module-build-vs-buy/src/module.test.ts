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
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  BuildVsBuyDecisionsService,
  buildVsBuyDecisionsServiceRef,
} from '@build-vs-buy/plugin-build-vs-buy-node';
import { techInsightsModuleBuildVsBuyFactRetriever } from './module';

describe('techInsightsModuleBuildVsBuyFactRetriever', () => {
  it('adds the retriever under its id, the key its cadence is configured by', async () => {
    const added: Record<string, FactRetriever> = {};
    await startTestBackend({
      extensionPoints: [
        [
          techInsightsFactRetrieversExtensionPoint,
          {
            addFactRetrievers: (retrievers: Record<string, FactRetriever>) =>
              Object.assign(added, retrievers),
          },
        ],
      ],
      features: [techInsightsModuleBuildVsBuyFactRetriever],
    });

    expect(Object.keys(added)).toEqual(['build-vs-buy-decision-retriever']);
    const retriever = added['build-vs-buy-decision-retriever'];
    expect(retriever.id).toBe('build-vs-buy-decision-retriever');
    expect(retriever.entityFilter).toEqual([{ kind: 'component' }]);
    expect(Object.keys(retriever.schema).sort()).toEqual([
      'daysUntilRevisit',
      'decisionCurrent',
      'hasMaintenanceOwner',
      'hasMigrationPlan',
      'reviewStatus',
      'verdict',
    ]);
  });

  it('reads decisions through the decisions service other plugins install', async () => {
    const decisions: BuildVsBuyDecisionsService = {
      getDecision: jest.fn(),
      getEvaluation: jest.fn(),
      listDecisions: jest.fn(async () => ({ items: [] })),
      listDueForRevisit: jest.fn(),
      listEvaluations: jest.fn(),
      listNotEvaluated: jest.fn(async () => ({
        items: [{ entityRef: 'component:default/checkout' }],
      })),
    };
    const added: Record<string, FactRetriever> = {};
    await startTestBackend({
      extensionPoints: [
        [
          techInsightsFactRetrieversExtensionPoint,
          {
            addFactRetrievers: (retrievers: Record<string, FactRetriever>) =>
              Object.assign(added, retrievers),
          },
        ],
      ],
      features: [
        techInsightsModuleBuildVsBuyFactRetriever,
        createServiceFactory({
          service: buildVsBuyDecisionsServiceRef,
          deps: {},
          factory: () => decisions,
        }),
      ],
    });

    const facts = await added['build-vs-buy-decision-retriever'].handler({
      config: mockServices.rootConfig(),
      discovery: mockServices.discovery(),
      logger: mockServices.logger.mock(),
      auth: mockServices.auth({ pluginId: 'tech-insights' }),
      urlReader: mockServices.urlReader.mock(),
    });

    expect(facts.map(fact => [fact.entity.name, fact.facts.verdict])).toEqual([
      ['checkout', 'none'],
    ]);
    expect(decisions.listDecisions).toHaveBeenCalledWith(
      { limit: 200, cursor: undefined },
      { credentials: expect.anything() },
    );
  });
});
