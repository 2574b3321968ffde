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
 * Each read is measured as its endpoint makes it and, beside it, the way
 * that reads and parses the answers in full.
 *
 *   yarn tsx bench/store.ts [--runs 200] [--database <name>] [--migrate]
 *
 * --database measures another database than the seeded one (a copy, say);
 * --migrate first runs the plugin's migrations there. Either way the plugin
 * brings derived columns of rows written under older rules up to date when
 * it starts: on a database seeded by older code, that writes.
 */

/* eslint-disable no-console */

import { BuildVsBuyDatabase } from '../plugins/build-vs-buy-backend/src/database/BuildVsBuyDatabase';
import { createReviewer } from '../plugins/build-vs-buy-backend/src/service/review';
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
    options: {
      runs: { type: 'string', default: '200' },
      database: { type: 'string', default: PLUGIN_DATABASE },
      migrate: { type: 'boolean', default: false },
    },
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
    )}/${encodeURIComponent(values.database)}`,
  });
  try {
    const store = await BuildVsBuyDatabase.create({
      database: {
        getClient: async () => db,
        migrations: { skip: !values.migrate },
      },
    });
    const reviewer = createReviewer({
      revisitIntervalMonths: 6,
      dueSoonDays: 30,
      coverageThreshold: 0.8,
    });
    const now = Date.now();
    const at = new Date(now);
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
    const entityRef = () => `component:default/${names[turn++ % names.length]}`;
    const summaries = (options: { revisit: boolean; cursor?: string }) =>
      store.dashboard
        .listSummaries({
          filter: options.revisit ? { attention: 'due-for-revisit' } : {},
          window,
          order: options.revisit ? 'revisit' : 'updated',
          limit: 50,
          cursor: options.cursor,
        })
        .then(page => page.items.map(item => reviewer.toSummary(item, at)));
    const inFull = (options: { revisit: boolean; cursor?: string }) =>
      store.dashboard
        .list({
          filter: options.revisit ? { attention: 'due-for-revisit' } : {},
          window,
          order: options.revisit ? 'revisit' : 'updated',
          limit: 50,
          cursor: options.cursor,
        })
        .then(page => page.items.map(item => reviewer.toStored(item, at)));
    const rows: Array<[string, number]> = [
      [
        'getByEntityRef (one evaluation, parsed)',
        await median(runs, () => store.evaluations.getByEntityRef(entityRef())),
      ],
      [
        'getTextsByEntityRefs (one evaluation, as text)',
        await median(runs, () =>
          store.evaluations.getTextsByEntityRefs([entityRef()]),
        ),
      ],
      [
        '  its response body, spliced from the text',
        await median(runs, async () => {
          const [text] = await store.evaluations.getTextsByEntityRefs([
            entityRef(),
          ]);
          return text && reviewer.toStoredJson(text, at);
        }),
      ],
      [
        '  its response body, parsed and rewritten',
        await median(runs, async () => {
          const record = await store.evaluations.getByEntityRef(entityRef());
          return record && JSON.stringify(reviewer.toStored(record, at));
        }),
      ],
      [
        'list due-for-revisit, first page of 50',
        await median(runs, () => summaries({ revisit: true })),
      ],
      [
        '  the same page in full, answers parsed',
        await median(runs, () => inFull({ revisit: true })),
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
        await median(runs, () => summaries({ revisit: false })),
      ],
      [
        '  the same page in full, answers parsed',
        await median(runs, () => inFull({ revisit: false })),
      ],
      [
        'list evaluations, page 201 (cursor)',
        await median(runs, () =>
          summaries({ revisit: false, cursor: cursor200 }),
        ),
      ],
      [
        '  the same page in full, answers parsed',
        await median(runs, () => inFull({ revisit: false, cursor: cursor200 })),
      ],
    ];
    console.log(
      `store calls on ${manifest.evaluations} evaluations, median of ${runs}:`,
    );
    for (const [name, ms] of rows) {
      console.log(`  ${name.padEnd(46)} ${ms.toFixed(2)} ms`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
