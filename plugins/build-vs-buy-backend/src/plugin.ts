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
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import type { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { buildVsBuyPermissions } from '@build-vs-buy/plugin-build-vs-buy-common';
import { BuildVsBuyDatabase } from './database/BuildVsBuyDatabase';
import {
  evaluationPermissionRules,
  evaluationResourceRef,
} from './permissions/rules';
import { registerActions } from './service/actions';
import {
  refreshCatalogComponents,
  refreshCatalogFacts,
} from './service/catalogFacts';
import { EvaluationService } from './service/EvaluationService';
import { createReviewer } from './service/review';
import { runRevisitScan } from './service/revisitScan';
import { createRouter } from './service/router';
import { readProductAliases, readSettings } from './service/settings';

const DEFAULT_CATALOG_REFRESH: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/**
 * How often the counts kept for the dashboard are folded (see
 * `DashboardStore.compactCounts`); soon after start too, so that counts
 * written in bulk meanwhile are folded before anyone asks.
 */
const COUNTS_COMPACTION: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 5 },
};

/** The revisit scan's task, which a vendor event also starts. */
const REVISIT_SCAN_TASK = 'build-vs-buy-revisit-scan';

const DEFAULT_REVISIT_SCAN: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 2 },
};

function scheduleFromConfig(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : fallback;
}

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
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
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
        notifications,
        actionsRegistry,
      }) {
        const settings = readSettings(config);
        const db = await BuildVsBuyDatabase.create({ database });

        permissionsRegistry.addResourceType({
          resourceRef: evaluationResourceRef,
          permissions: buildVsBuyPermissions,
          rules: Object.values(evaluationPermissionRules),
          getResources: async ids =>
            Promise.all(ids.map(id => db.evaluations.get(id))),
        });

        // One service for the HTTP routes, the actions and the revisit
        // scan: the same permission checks, review rule, orchestration and
        // audit events.
        const service = new EvaluationService({
          db,
          permissions,
          permissionRuleset: permissionsRegistry.getPermissionRuleset(
            evaluationResourceRef,
          ),
          auditor,
          catalog,
          reviewer: createReviewer(settings),
          productAliases: readProductAliases(config),
          notifications,
          scanSoon: () => scheduler.triggerTask(REVISIT_SCAN_TASK),
          logger,
        });

        await scheduler.scheduleTask({
          id: 'build-vs-buy-refresh-catalog-facts',
          scope: 'global',
          ...scheduleFromConfig(
            config,
            'buildVsBuy.catalogRefreshSchedule',
            DEFAULT_CATALOG_REFRESH,
          ),
          fn: async () => {
            const { refreshed, missing } = await refreshCatalogFacts({
              store: db.catalogFacts,
              catalog,
              credentials: await auth.getOwnServiceCredentials(),
            });
            logger.info(
              `Refreshed catalog facts of ${refreshed} evaluated entities; ${missing} are gone from the catalog`,
            );
            // The copy of the catalog's components that coverage by team
            // counts, refreshed on the same schedule.
            const copied = await refreshCatalogComponents({
              store: db.catalogFacts,
              catalog,
              credentials: await auth.getOwnServiceCredentials(),
              now: new Date(),
            });
            logger.info(
              `Copied ${copied.components} catalog components for coverage by team; removed ${copied.removed} that left the catalog`,
            );
          },
        });

        await scheduler.scheduleTask({
          id: REVISIT_SCAN_TASK,
          // One replica scans at a time; the notices it claims in the
          // database keep even overlapping scans from notifying twice.
          scope: 'global',
          ...scheduleFromConfig(
            config,
            'buildVsBuy.revisitScanSchedule',
            DEFAULT_REVISIT_SCAN,
          ),
          fn: async () => {
            const result = await runRevisitScan({
              store: db.notices,
              catalog,
              notifications,
              reviewer: service.reviewer,
              credentials: await auth.getOwnServiceCredentials(),
              logger,
              now: new Date(),
            });
            logger.info(
              `Revisit scan read ${result.scanned} decisions: notified the owners of ${result.notified}, ${result.skipped} already notified by another replica, ${result.failed} failed and will be retried`,
            );
          },
        });

        await scheduler.scheduleTask({
          id: 'build-vs-buy-compact-counts',
          scope: 'global',
          ...COUNTS_COMPACTION,
          fn: async () => {
            const folded = await db.dashboard.compactCounts();
            logger.debug(`Folded ${folded} rows of the dashboard's counts`);
          },
        });

        registerActions({ actionsRegistry, service });

        httpRouter.use(
          await createRouter({
            service,
            httpAuth,
            logger,
            validateResponses: config.getOptionalBoolean(
              'buildVsBuy.validateResponses',
            ),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
