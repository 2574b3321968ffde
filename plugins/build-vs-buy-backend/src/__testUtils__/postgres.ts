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

import knexFactory, { Knex } from 'knex';

/**
 * A new pool of connections to one database on the test PostgreSQL server
 * (`BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING`): a second
 * replica's own connections, or a look into a plugin's database.
 */
export function connectToTestDatabase(database: string): Knex {
  const url = new URL(
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!,
  );
  url.pathname = `/${database}`;
  return knexFactory({ client: 'pg', connection: url.toString() });
}
