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
 * Benchmark of the revisit scan: seeds N complete decisions straight into
 * the plugin's tables, then runs the real scan (store, review rule,
 * notices) against an in-memory catalog and a notification sink that only
 * counts. Measures, in one run:
 *
 *   - the first scan of 10% of N and of N: the cost per decision stays flat;
 *   - the first scan of N (most decisions notified) against a second scan
 *     (nothing changed, nothing sent);
 *   - the peak extra memory (RSS) of each, sampled every 20 ms.
 *
 * Target (issue 6): 100,000 decisions in under 30 s and 300 MB extra.
 *
 *   yarn workspace @build-vs-buy/plugin-build-vs-buy-backend bench:scan [N]
 *   BENCH_DATABASE=postgres ... (uses BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)
 */

/* eslint-disable no-console */

import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { evaluate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import knexFactory, { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectToTestDatabase } from '../src/__testUtils__/postgres';
import { BuildVsBuyDatabase } from '../src/database/BuildVsBuyDatabase';
import { deriveFactColumns } from '../src/database/tables';
import { descriptionHashOf } from '../src/service/catalogFacts';
import { createReviewer } from '../src/service/review';
import { runRevisitScan } from '../src/service/revisitScan';

const quietLogger: LoggerService = {
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => quietLogger,
};

const N = Number(process.argv[2] ?? 100_000);
const GROUPS = 50;

/**
 * What the catalog says of component `index`: every tenth went from
 * experimental to production since its decision, and every tenth (another
 * tenth) had its description rewritten, so a fifth of the decisions have a
 * catalog change to record on the first scan.
 */
function componentOf(index: number, as: 'decided' | 'now'): Entity {
  const moved = as === 'now' && index % 10 === 0;
  const rewritten = as === 'now' && index % 10 === 5;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${index}`,
      namespace: 'default',
      description: rewritten
        ? `Service ${index}, now also ranking results.`
        : `Service ${index}.`,
    },
    spec: {
      owner: `group:default/team-${index % GROUPS}`,
      lifecycle: moved ? 'production' : 'experimental',
    },
  };
}

async function openDatabase(name: string): Promise<{
  knex: Knex;
  drop: () => Promise<void>;
}> {
  if (process.env.BENCH_DATABASE === 'postgres') {
    const admin = connectToTestDatabase('postgres');
    const database = `bvb_bench_${name}_${Date.now()}`;
    await admin.raw('CREATE DATABASE ??', [database]);
    const knex = connectToTestDatabase(database);
    return {
      knex,
      drop: async () => {
        await knex.destroy();
        // An autovacuum worker on the fresh tables holds the database a
        // moment, and only a superuser may end it: wait for it instead.
        for (let attempt = 1; ; attempt++) {
          try {
            await admin.raw('DROP DATABASE ??', [database]);
            break;
          } catch (error) {
            if (attempt === 30) throw error;
            await new Promise(resolve => setTimeout(resolve, 1000));
          }
        }
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bvb-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    drop: async () => {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** N decisions: a third overdue, a third due soon, a third current. */
async function seed(knex: Knex, count: number) {
  const now = new Date('2027-01-10T08:00:00Z');
  const evaluated = evaluate(ecommerceVectorDatabase, {
    now: new Date('2026-11-28'),
  });
  const outcome = JSON.stringify(evaluated);
  const revisitDates = ['2026-12-01', '2027-01-25', '2027-06-01'];
  const batch = [];
  for (let index = 0; index < count; index++) {
    const entityRef = `component:default/service-${index}`;
    const group = `group:default/team-${index % GROUPS}`;
    const revisitBy = revisitDates[index % 3];
    const evaluation = {
      ...ecommerceVectorDatabase,
      entityRef,
      revisitBy,
      maintenance: {
        canAllocateTwentyPercentPermanently: true,
        ownerGroupRef: group,
      },
    };
    batch.push({
      id: randomUUID(),
      entity_ref: entityRef,
      active_entity_ref: entityRef,
      version: 1,
      status: 'complete',
      evaluation: JSON.stringify(evaluation),
      outcome,
      verdict_kind: 'buy',
      revisit_by: revisitBy,
      // The derived columns exactly as the plugin writes them.
      ...deriveFactColumns(evaluation, evaluated.verdict),
      entity_owner_ref: group,
      entity_missing: false,
      decided_at: '2026-11-28T08:00:00.000Z',
      decided_owner_ref: group,
      decided_maintainers: 5,
      decided_lifecycle: 'experimental',
      decided_description_hash: descriptionHashOf(
        componentOf(index, 'decided'),
      ),
      created_at: '2026-11-28T08:00:00.000Z',
      created_by: 'user:default/bench',
      updated_at: '2026-11-28T08:00:00.000Z',
      updated_by: 'user:default/bench',
    });
    if (batch.length === 500 || index === count - 1) {
      await knex.batchInsert('evaluations', batch.splice(0), 100);
    }
  }
  return now;
}

/**
 * The catalog as a map: every component and group exists, and a fifth of
 * the components changed since their decision (see {@link componentOf}).
 */
function inMemoryCatalog(): CatalogService {
  const entityOf = (ref: string): Entity => {
    const [kind, rest] = ref.split(':');
    const name = rest.split('/')[1];
    if (kind !== 'group') {
      return componentOf(Number(name.split('-')[1]), 'now');
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      spec: { type: 'team' },
      relations: Array.from({ length: 5 }, (_, i) => ({
        type: 'hasMember',
        targetRef: `user:default/${name}-${i}`,
      })),
    };
  };
  return {
    getEntitiesByRefs: async (request: { entityRefs: string[] }) => ({
      items: request.entityRefs.map(entityOf),
    }),
  } as unknown as CatalogService;
}

async function measure(label: string, run: () => Promise<unknown>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const extraMb = (peak - before) / 1024 / 1024;
  return { label, seconds, extraMb, result };
}

async function scanOnce(count: number) {
  const { knex, drop } = await openDatabase(String(count));
  try {
    const store = await BuildVsBuyDatabase.create({
      database: { getClient: async () => knex } as DatabaseService,
    });
    const seedStart = performance.now();
    const now = await seed(knex, count);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    let sent = 0;
    const scan = () =>
      runRevisitScan({
        store: store.notices,
        catalog: inMemoryCatalog(),
        notifications: {
          send: async () => {
            sent += 1;
          },
        },
        reviewer: createReviewer({
          revisitIntervalMonths: 6,
          dueSoonDays: 30,
          coverageThreshold: 0.8,
        }),
        credentials: mockCredentials.service(),
        logger: quietLogger,
        now,
      });
    const first = await measure(`first scan of ${count}`, scan);
    const [{ raised }] = await knex('evaluations')
      .whereNotNull('catalog_changes')
      .count({ raised: '*' });
    const second = await measure(`second scan of ${count}`, scan);
    return { seedSeconds, first, second, sent, raised: Number(raised) };
  } finally {
    await drop();
  }
}

async function main() {
  const database =
    process.env.BENCH_DATABASE === 'postgres'
      ? 'PostgreSQL 15'
      : 'SQLite (file)';
  console.log(`Revisit scan benchmark on ${database}, Node ${process.version}`);
  const small = await scanOnce(Math.max(1, Math.round(N / 10)));
  const large = await scanOnce(N);
  const rows = [small.first, large.first, large.second].map(m => {
    const result = m.result as { scanned: number; notified: number };
    return `| ${m.label} | ${result.scanned} | ${
      result.notified
    } | ${m.seconds.toFixed(2)} | ${(
      (m.seconds * 1e6) /
      result.scanned
    ).toFixed(1)} | ${m.extraMb.toFixed(0)} |`;
  });
  console.log(
    [
      '| run | decisions read | notified | seconds | µs per decision | peak extra RSS (MB) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n'),
  );
  console.log(
    `The first scan of ${N} recorded catalog changes on ${large.raised} decisions.`,
  );
  console.log(
    `Seeding ${N} decisions took ${large.seedSeconds.toFixed(
      1,
    )} s. Per-decision cost, ${N} vs ${Math.round(N / 10)}: ${(
      large.first.seconds /
      N /
      (small.first.seconds / Math.round(N / 10))
    ).toFixed(2)}x. Target for ${N}: under 30 s (${
      large.first.seconds < 30 ? 'met' : 'MISSED'
    }) and under 300 MB extra (${
      large.first.extraMb < 300 ? 'met' : 'MISSED'
    }).`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
