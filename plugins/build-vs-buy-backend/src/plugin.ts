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
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { buildVsBuyPermissions } from '@build-vs-buy/plugin-build-vs-buy-common';
import { DatabaseEvaluationStore } from './database/DatabaseEvaluationStore';
import {
  evaluationPermissionRules,
  evaluationResourceRef,
} from './permissions/rules';
import { refreshCatalogFacts } from './service/catalogFacts';
import { createRouter } from './service/router';
import { readSettings } from './service/settings';

/**
 * The Build vs Buy backend plugin: stores evaluations of catalog entities,
 * computes their verdicts with the shared decision engine and serves them.
 *
 * @public
 */
export const buildVsBuyPlugin = createBackendPlugin({
  pluginId: 'build-vs-buy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        scheduler,
        database,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        auditor,
        catalog,
      }) {
        const settings = readSettings(config);
        const store = await DatabaseEvaluationStore.create({ database });

        permissionsRegistry.addResourceType({
          resourceRef: evaluationResourceRef,
          permissions: buildVsBuyPermissions,
          rules: Object.values(evaluationPermissionRules),
          getResources: async ids => Promise.all(ids.map(id => store.get(id))),
        });

        await scheduler.scheduleTask({
          id: 'build-vs-buy-refresh-catalog-facts',
          ...catalogRefreshSchedule(config),
          fn: async () => {
            const { refreshed, missing } = await refreshCatalogFacts({
              store,
              catalog,
              credentials: await auth.getOwnServiceCredentials(),
            });
            logger.info(
              `Refreshed catalog facts of ${refreshed} evaluated entities; ${missing} are gone from the catalog`,
            );
          },
        });

        httpRouter.use(
          await createRouter({
            store,
            httpAuth,
            permissions,
            auditor,
            catalog,
            settings,
            permissionRuleset: permissionsRegistry.getPermissionRuleset(
              evaluationResourceRef,
            ),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

const DEFAULT_CATALOG_REFRESH: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

function catalogRefreshSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const key = 'buildVsBuy.catalogRefreshSchedule';
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : DEFAULT_CATALOG_REFRESH;
}
