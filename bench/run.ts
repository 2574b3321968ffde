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
 * `yarn bench`: seeds PostgreSQL (bench/seed.ts), starts the real backend
 * (packages/backend) on port 7107 with bench/app-config.bench.yaml, waits
 * until the catalog has ingested the seeded components, then loads the
 * plugin's endpoints and the catalog's comparable ones with autocannon, one
 * after the other in the same run, and writes the figures into
 * docs/benchmarks.md between its marker comments.
 *
 *   yarn bench [--evaluations 100000] [--components 20000] [--skip-seed]
 *     [--keep-catalog] [--deep-pages 200] [--duration 10] [--connections 20]
 *
 * Needs PostgreSQL: `source scripts/postgres.sh` starts it.
 */

/* eslint-disable no-console */

import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import knexFactory from 'knex';
import {
  componentName,
  GENERATED_DIR,
  MANIFEST_FILE,
  parseSeedArgs,
  REPO_ROOT,
  seed,
  type SeedManifest,
} from './seed';

const PORT = 7107;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const BACKEND_DIR = resolve(REPO_ROOT, 'packages/backend');
const BACKEND_LOG = resolve(GENERATED_DIR, 'backend.log');
const DOC_FILE = resolve(REPO_ROOT, 'docs/benchmarks.md');
const BEGIN_MARKER = '<!-- bench:results:begin -->';
const END_MARKER = '<!-- bench:results:end -->';
const WARMUP_SECONDS = 2;

type Scenario = {
  name: string;
  method?: 'GET' | 'POST';
  /** The paths to request, in turn. */
  paths: string[];
  body?: () => string;
};

type Measured = {
  name: string;
  path: string;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  failures: number;
};

type Comparison = {
  label: string;
  ours: Measured;
  baseline: Measured;
  target: number;
};

async function main() {
  const { options, rest } = parseSeedArgs(process.argv.slice(2));
  if (options.database !== 'pg') {
    throw new Error('yarn bench runs the backend on PostgreSQL: --database pg');
  }
  const duration = Number(rest.duration);
  const connections = Number(rest.connections);
  const deepPages = Number(rest['deep-pages']);

  const manifest: SeedManifest = rest['skip-seed']
    ? JSON.parse(readFileSync(MANIFEST_FILE, 'utf8'))
    : await seed(options);

  const connection = new URL(options.connection);
  const token = randomBytes(24).toString('hex');
  const backend = startBackend({
    BENCH_TOKEN: token,
    BENCH_PG_HOST: connection.hostname,
    BENCH_PG_PORT: connection.port || '5432',
    BENCH_PG_USER: decodeURIComponent(connection.username),
    BENCH_PG_PASSWORD: decodeURIComponent(connection.password),
  });
  const stop = () => {
    if (backend.exitCode === null) backend.kill('SIGTERM');
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    const started = Date.now();
    await waitFor('the backend to answer', 300, async () => {
      if (backend.exitCode !== null) {
        throw new Error(
          `the backend exited with ${backend.exitCode}; see ${BACKEND_LOG}`,
        );
      }
      const response = await fetch(`${BASE_URL}/api/build-vs-buy/health`);
      return response.ok;
    });
    const startupSeconds = (Date.now() - started) / 1000;
    console.log(`backend up in ${startupSeconds.toFixed(1)} s`);

    const userToken = await guestToken();
    const headers = { authorization: `Bearer ${userToken}` };

    const ingestStarted = Date.now();
    const lastName = componentName(manifest.components - 1);
    let lastReport = 0;
    await waitFor('the catalog to ingest the components', 3600, async () => {
      const response = await fetch(
        `${BASE_URL}/api/catalog/entities/by-query?limit=1&filter=kind=component`,
        { headers },
      );
      const page = (await response.json()) as { totalItems?: number };
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        console.log(
          `catalog: ${page.totalItems ?? 0}/${manifest.components} components`,
        );
      }
      if ((page.totalItems ?? 0) < manifest.components) return false;
      const last = await fetch(
        `${BASE_URL}/api/catalog/entities/by-name/component/default/${lastName}`,
        { headers },
      );
      return last.ok;
    });
    const ingestSeconds = (Date.now() - started) / 1000;
    console.log(
      `catalog ingested ${manifest.components} components ${(
        (Date.now() - ingestStarted) /
        1000
      ).toFixed(1)} s after the backend answered (${ingestSeconds.toFixed(
        1,
      )} s after its start)`,
    );
    // Let the catalog settle (stitching, the first processing pass).
    await sleep(10_000);

    const rssBefore = rssMegabytes(backend.pid!);
    const deep = await deepPage(headers, deepPages);
    const names = manifest.activeComponentNames;
    const entityRef = (name: string) =>
      encodeURIComponent(`component:default/${name}`);
    const examples = EXAMPLE_EVALUATIONS.map(example =>
      JSON.stringify({ evaluation: example.evaluation }),
    );
    let exampleTurn = 0;

    const run = (scenario: Scenario) =>
      measure(scenario, { headers, duration, connections });
    const comparisons: Comparison[] = [];
    comparisons.push({
      label: 'Current evaluation of an entity vs catalog entity by name',
      ours: await run({
        name: 'GET /api/build-vs-buy/entities/:ref/evaluation',
        paths: names.map(
          name => `/api/build-vs-buy/entities/${entityRef(name)}/evaluation`,
        ),
      }),
      baseline: await run({
        name: 'GET /api/catalog/entities/by-name/component/default/:name',
        paths: names.map(
          name => `/api/catalog/entities/by-name/component/default/${name}`,
        ),
      }),
      target: 1.0,
    });
    comparisons.push({
      label: 'First page due for revisit vs catalog by-query page of 50',
      ours: await run({
        name: 'GET /api/build-vs-buy/dashboard/due-for-revisit?limit=50',
        paths: ['/api/build-vs-buy/dashboard/due-for-revisit?limit=50'],
      }),
      baseline: await run({
        name: 'GET /api/catalog/entities/by-query?limit=50&filter=kind=component',
        paths: [
          '/api/catalog/entities/by-query?limit=50&filter=kind=component',
        ],
      }),
      target: 1.0,
    });
    comparisons.push({
      label: `Evaluations page ${deep.depth + 1} (cursor) vs the first page`,
      ours: await run({
        name: `GET /api/build-vs-buy/evaluations?limit=50&cursor=… (page ${
          deep.depth + 1
        })`,
        paths: [deep.path],
      }),
      baseline: await run({
        name: 'GET /api/build-vs-buy/evaluations?limit=50',
        paths: ['/api/build-vs-buy/evaluations?limit=50'],
      }),
      target: 1.2,
    });
    const preview = await run({
      name: 'POST /api/build-vs-buy/evaluate',
      method: 'POST',
      paths: ['/api/build-vs-buy/evaluate'],
      body: () => examples[exampleTurn++ % examples.length],
    });
    const rssAfter = rssMegabytes(backend.pid!);

    const report = await renderReport({
      options,
      manifest,
      ingestSeconds,
      startupSeconds,
      reused: Boolean(rest['skip-seed']),
      comparisons,
      preview,
      rssBefore,
      rssAfter,
      duration,
      connections,
    });
    writeReport(report);
    console.log(report);
    const failed = [...comparisons.flatMap(c => [c.ours, c.baseline]), preview]
      .filter(m => m.failures > 0)
      .map(m => m.name);
    if (failed.length > 0) {
      console.error(`non-2xx answers or errors from: ${failed.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    stop();
  }
}

/*
 * The backend as `backstage-cli package start` runs it (Node with
 * Backstage's TypeScript transform), without the file watcher, in
 * production mode, as one process whose memory we can read.
 */
function startBackend(env: Record<string, string>): ChildProcess {
  const log = createWriteStream(BACKEND_LOG);
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [BACKEND_DIR] },
  );
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      'src/index.ts',
      '--config',
      '../../bench/app-config.bench.yaml',
    ],
    {
      cwd: BACKEND_DIR,
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  console.log(`backend pid ${child.pid} on ${BASE_URL}, log in ${BACKEND_LOG}`);
  return child;
}

async function guestToken(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in answered ${response.status}: ${await response.text()}`,
    );
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

async function waitFor(
  what: string,
  seconds: number,
  ready: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await ready()) return;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // TypeError: not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what} after ${seconds} s`);
    }
    await sleep(2000);
  }
}

/** Follows nextCursor `pages` pages deep into the list of evaluations. */
async function deepPage(
  headers: Record<string, string>,
  pages: number,
): Promise<{ path: string; depth: number }> {
  const first = '/api/build-vs-buy/evaluations?limit=50';
  let path = first;
  let depth = 0;
  while (depth < pages) {
    const response = await fetch(`${BASE_URL}${path}`, { headers });
    if (!response.ok) {
      throw new Error(`${path} answered ${response.status}`);
    }
    const page = (await response.json()) as { nextCursor?: string };
    if (!page.nextCursor) break;
    path = `${first}&cursor=${encodeURIComponent(page.nextCursor)}`;
    depth += 1;
  }
  console.log(`deep page: ${depth} pages (${depth * 50} evaluations) in`);
  return { path, depth };
}

async function measure(
  scenario: Scenario,
  options: {
    headers: Record<string, string>;
    duration: number;
    connections: number;
  },
): Promise<Measured> {
  let turn = 0;
  const load = (seconds: number) =>
    autocannon({
      url: BASE_URL,
      connections: options.connections,
      duration: seconds,
      headers: {
        ...options.headers,
        ...(scenario.body ? { 'content-type': 'application/json' } : {}),
      },
      requests: [
        {
          method: scenario.method ?? 'GET',
          setupRequest: request => ({
            ...request,
            path: scenario.paths[turn++ % scenario.paths.length],
            ...(scenario.body ? { body: scenario.body() } : {}),
          }),
        },
      ],
    });
  await load(WARMUP_SECONDS);
  const result = await load(options.duration);
  const measured: Measured = {
    name: scenario.name,
    path: scenario.paths[0],
    requests: result.requests.total,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
  console.log(
    `${scenario.name}: ${
      measured.requests
    } requests, ${measured.throughput.toFixed(0)}/s, p50 ${
      measured.p50
    } ms, p99 ${measured.p99} ms, ${measured.failures} failures`,
  );
  return measured;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kilobytes / 1024);
}

async function postgresVersion(connection: string): Promise<string> {
  const db = knexFactory({
    client: 'pg',
    connection: `${connection.replace(/\/+$/, '')}/postgres`,
  });
  try {
    const { rows } = await db.raw<{ rows: { server_version: string }[] }>(
      'SHOW server_version',
    );
    return rows[0].server_version;
  } finally {
    await db.destroy();
  }
}

async function renderReport(run: {
  options: ReturnType<typeof parseSeedArgs>['options'];
  manifest: SeedManifest;
  ingestSeconds: number;
  startupSeconds: number;
  reused: boolean;
  comparisons: Comparison[];
  preview: Measured;
  rssBefore: number;
  rssAfter: number;
  duration: number;
  connections: number;
}): Promise<string> {
  const { manifest } = run;
  const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  const lines: string[] = [];
  lines.push(
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
      `\`yarn bench --evaluations ${manifest.evaluations} --components ${
        manifest.components
      }${run.reused ? ' --skip-seed' : ''}\`` +
      `, ${run.connections} connections, ${run.duration} s per endpoint after a ${WARMUP_SECONDS} s warm-up.`,
    '',
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${Math.round(
      totalmem() / 2 ** 30,
    )} GiB memory, Node ${process.version}, PostgreSQL ${await postgresVersion(
      run.options.connection,
    )}, all on the same host (shared with other work).`,
    '',
    `Data: ${manifest.evaluations.toLocaleString(
      'en-US',
    )} evaluations (${Object.entries(manifest.byStatus)
      .map(([status, count]) => `${count.toLocaleString('en-US')} ${status}`)
      .join(', ')}), ${manifest.revisions.toLocaleString(
      'en-US',
    )} revisions, ${manifest.overdue.toLocaleString(
      'en-US',
    )} overdue and ${manifest.dueSoon.toLocaleString(
      'en-US',
    )} due within 30 days; ${manifest.components.toLocaleString(
      'en-US',
    )} components in the catalog. ` +
      (run.reused
        ? `Data reused (\`--skip-seed\`) from the seed of ${manifest.seededAt.slice(
            0,
            16,
          )}, which took ${manifest.evaluationSeedSeconds.toFixed(1)} s.`
        : `Seeding the evaluations took ${manifest.evaluationSeedSeconds.toFixed(
            1,
          )} s; the catalog had ingested the components ${run.ingestSeconds.toFixed(
            0,
          )} s after the backend started.`),
    '',
    '| Comparison | Build vs Buy p99 | Catalog / baseline p99 | Ratio | Target | Result |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const c of run.comparisons) {
    const ratio = c.ours.p99 / c.baseline.p99;
    lines.push(
      `| ${c.label} | ${ms(c.ours.p99)} | ${ms(
        c.baseline.p99,
      )} | ${ratio.toFixed(2)} | ≤ ${c.target.toFixed(1)} | ${
        ratio <= c.target ? 'pass' : '**fail**'
      } |`,
    );
  }
  lines.push(
    '',
    '| Endpoint | Requests | Requests/s | p50 | p99 | Non-2xx or errors |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const m of [
    ...run.comparisons.flatMap(c => [c.ours, c.baseline]),
    run.preview,
  ]) {
    lines.push(
      `| \`${m.name}\` | ${m.requests} | ${m.throughput.toFixed(0)} | ${ms(
        m.p50,
      )} | ${ms(m.p99)} | ${m.failures} |`,
    );
  }
  lines.push(
    '',
    `Backend resident memory (RSS): ${run.rssBefore} MB before the load, ${run.rssAfter} MB after it.`,
  );
  return lines.join('\n');
}

function writeReport(report: string) {
  const doc = readFileSync(DOC_FILE, 'utf8');
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin) {
    throw new Error(
      `${DOC_FILE} needs the markers ${BEGIN_MARKER} and ${END_MARKER}`,
    );
  }
  const next = `${doc.slice(
    0,
    begin + BEGIN_MARKER.length,
  )}\n\n${report}\n\n${doc.slice(end)}`;
  writeFileSync(DOC_FILE, next);
  // Formatted as `yarn prettier:check` expects, so a rerun stays clean.
  execFileSync(process.execPath, [
    require.resolve('prettier/bin-prettier.js'),
    '--write',
    DOC_FILE,
  ]);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
