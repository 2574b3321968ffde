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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import buildVsBuyPlugin from '..';
import { databaseOn } from './database';

/**
 * The plugin on a test database, with an empty catalog and every
 * permission allowed, and its store on the same database, for tests that
 * write decisions straight into the tables and read them over HTTP.
 */
export async function startPluginOn(knex: Knex) {
  const { server } = await startTestBackend({
    features: [
      buildVsBuyPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.factory(),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  // The plugin ran the migrations as it started.
  const store = await databaseOn(knex, { skipMigrations: true });
  return { server, store };
}
