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
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { buildVsBuyDecisionsServiceRef } from '@build-vs-buy/plugin-build-vs-buy-node';
import { BuildVsBuyCollatorFactory } from './collator/BuildVsBuyCollatorFactory';
import { readCollatorSchedule } from './collator/config';

/**
 * Indexes Build vs Buy decisions in search, as documents of type
 * `build-vs-buy`, read through `buildVsBuyDecisionsServiceRef` (by default
 * over HTTP from the Build vs Buy backend).
 *
 * @public
 */
export const searchModuleBuildVsBuyCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'build-vs-buy-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        decisions: buildVsBuyDecisionsServiceRef,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        auth,
        config,
        decisions,
        logger,
        scheduler,
        indexRegistry,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            readCollatorSchedule(config),
          ),
          factory: BuildVsBuyCollatorFactory.fromConfig(config, {
            auth,
            decisions,
            logger,
          }),
        });
      },
    });
  },
});
