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
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import Router from 'express-promise-router';

/** The path of the floor, under the plugin's base path. */
export const FLOOR_PATH = '/bench/floor';

/**
 * A basic permission of the benchmark's own: the allow-all policy of the
 * benchmark backend allows it, as it allows the plugin's permissions.
 */
const benchFloorPermission = createPermission({
  name: 'build-vs-buy.bench.floor',
  attributes: { action: 'read' },
});

/**
 * The framework's floor: a route that does what every request of the
 * plugin must do and nothing else. It takes the user's credentials, asks the
 * permission framework for one decision (a call to the permission backend,
 * as the plugin's own checks make) and answers a small JSON body.
 *
 * It is a module of the build-vs-buy plugin, so its requests pass through
 * the same plugin-scoped HTTP router and middleware as the plugin's own
 * routes (`/api/build-vs-buy/...`), and the difference between an endpoint
 * and this floor is what the endpoint itself does. Benchmark only: it is
 * added by bench/backend.ts and never shipped.
 */
export const benchFloorModule = createBackendModule({
  pluginId: 'build-vs-buy',
  moduleId: 'bench-floor',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
      },
      async init({ httpRouter, httpAuth, permissions }) {
        const router = Router();
        router.get(FLOOR_PATH, async (req, res) => {
          const credentials = await httpAuth.credentials(req, {
            allow: ['user'],
          });
          const [decision] = await permissions.authorize(
            [{ permission: benchFloorPermission }],
            { credentials },
          );
          res.json({ allowed: decision.result === AuthorizeResult.ALLOW });
        });
        httpRouter.use(router);
      },
    });
  },
});
