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

/*
 * Where the time of a request goes below HTTP: the plugin's store called
 * directly against the seeded PostgreSQL database (run bench/seed.ts or
 * yarn bench first), one call at a time, next to the bare SQL of the same
 * query, so the database's share and the row mapping's share separate.
 *
 *   yarn tsx bench/store.ts [--runs 200]
 */

/* eslint-disable no-console */

import { BuildVsBuyDatabase } from '../plugins/build-vs-buy-backend/src/database/BuildVsBuyDatabase';
import knexFactory, { type Knex } from 'knex';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  DEFAULT_PG_CONNECTION,
  MANIFEST_FILE,
  PLUGIN_DATABASE,
  type SeedManifest,
} from './seed';

const DAY = 86_400_000;

async function median(runs: number, call: () => Promise<unknown>) {
  for (let i = 0; i < 10; i += 1) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '200' } },
  });
  const runs = Number(values.runs);
  const manifest: SeedManifest = JSON.parse(
    readFileSync(MANIFEST_FILE, 'utf8'),
  );
  const db: Knex = knexFactory({
    client: 'pg',
    connection: `${DEFAULT_PG_CONNECTION.replace(
      /\/+$/,
      '',
    )}/${encodeURIComponent(PLUGIN_DATABASE)}`,
  });
  try {
    const store = await BuildVsBuyDatabase.create({
      database: { getClient: async () => db, migrations: { skip: true } },
    });
    const now = Date.now();
    const window = {
      today: new Date(now).toISOString().slice(0, 10),
      dueSoonBy: new Date(now + 30 * DAY).toISOString().slice(0, 10),
    };
    const names = manifest.activeComponentNames;
    let turn = 0;
    const deep = async (pages: number) => {
      let cursor: string | undefined;
      for (let page = 0; page < pages; page += 1) {
        cursor = (
          await store.dashboard.list({
            filter: {},
            window,
            order: 'updated',
            limit: 50,
            cursor,
          })
        ).nextCursor;
      }
      return cursor;
    };
    const cursor200 = await deep(200);
    const rows: Array<[string, number]> = [
      [
        'getByEntityRef (one evaluation)',
        await median(runs, () =>
          store.evaluations.getByEntityRef(
            `component:default/${names[turn++ % names.length]}`,
          ),
        ),
      ],
      [
        'list due-for-revisit, first page of 50',
        await median(runs, () =>
          store.dashboard.list({
            filter: { attention: 'due-for-revisit' },
            window,
            order: 'revisit',
            limit: 50,
          }),
        ),
      ],
      [
        '  the same SQL, columns of a summary only',
        await median(runs, () =>
          db('evaluations')
            .select(
              'id',
              'entity_ref',
              'version',
              'status',
              'verdict_kind',
              'revisit_by',
            )
            .whereNot('status', 'archived')
            .where('status', 'complete')
            .orderBy([
              { column: 'revisit_by', order: 'asc' },
              { column: 'id', order: 'asc' },
            ])
            .limit(51),
        ),
      ],
      [
        'list evaluations, first page of 50',
        await median(runs, () =>
          store.dashboard.list({
            filter: {},
            window,
            order: 'updated',
            limit: 50,
          }),
        ),
      ],
      [
        'list evaluations, page 201 (cursor)',
        await median(runs, () =>
          store.dashboard.list({
            filter: {},
            window,
            order: 'updated',
            limit: 50,
            cursor: cursor200,
          }),
        ),
      ],
    ];
    console.log(
      `store calls on ${manifest.evaluations} evaluations, median of ${runs}:`,
    );
    for (const [name, ms] of rows) {
      console.log(`  ${name.padEnd(44)} ${ms.toFixed(2)} ms`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
