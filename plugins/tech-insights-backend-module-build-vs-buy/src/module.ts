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

import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { buildVsBuyDecisionsServiceRef } from '@build-vs-buy/plugin-build-vs-buy-node';
import {
  BUILD_VS_BUY_FACT_RETRIEVER_ID,
  createBuildVsBuyFactRetriever,
} from './buildVsBuyFactRetriever';

/**
 * Adds the Build vs Buy fact retriever to Tech Insights. Tech Insights runs
 * it only once `techInsights.factRetrievers.build-vs-buy-decision-retriever`
 * gives it a cadence. It reads decisions through
 * `buildVsBuyDecisionsServiceRef` (by default over HTTP from the Build vs Buy
 * backend).
 *
 * @public
 */
export const techInsightsModuleBuildVsBuyFactRetriever = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'build-vs-buy-fact-retriever',
  register(env) {
    env.registerInit({
      deps: {
        factRetrievers: techInsightsFactRetrieversExtensionPoint,
        decisions: buildVsBuyDecisionsServiceRef,
      },
      async init({ factRetrievers, decisions }) {
        factRetrievers.addFactRetrievers({
          [BUILD_VS_BUY_FACT_RETRIEVER_ID]: createBuildVsBuyFactRetriever({
            decisions,
          }),
        });
      },
    });
  },
});
