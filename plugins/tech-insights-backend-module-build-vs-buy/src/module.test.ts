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
import { startTestBackend } from '@backstage/backend-test-utils';
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
});
