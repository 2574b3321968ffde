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

import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { BuildVsBuyDatabase } from '../database/BuildVsBuyDatabase';

/**
 * The plugin's stores over a test database, as the plugin opens them: the
 * migrations run first unless `skipMigrations` says they already ran.
 */
export function databaseOn(
  knex: Knex,
  options: { skipMigrations?: boolean } = {},
): Promise<BuildVsBuyDatabase> {
  return BuildVsBuyDatabase.create({
    database: { getClient: async () => knex } as DatabaseService,
    ...options,
  });
}
