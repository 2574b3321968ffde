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
 * (packages/backend, through bench/backend.ts, which adds the floor module
 * of bench/floor.ts) on 127.0.0.1:7107 with bench/app-config.bench.yaml,
 * waits until the catalog has ingested the seeded components, then loads
 * the endpoints in interleaved rounds: every round measures the floor and
 * then each pair, A then B, each from a collected heap and with the same
 * warm-up, so a slow minute on the shared machine lands on both sides of a
 * pair. Each target is judged on the median of its per-round ratios; the
 * range is printed beside it. Then the same backend without the plugin
 * family takes the catalog's share of the load, for the plugin's share of
 * resident and live memory. The figures go into docs/benchmarks.md between
 * its marker comments.
 *
 *   yarn bench [--evaluations 100000] [--components 20000] [--skip-seed]
 *     [--keep-catalog] [--deep-pages 200] [--rounds 5] [--duration 5]
 *     [--warmup 2] [--connections 20]
 *   yarn bench --smoke   # 300 evaluations, one short round; keeps the
 *                        # scripts working, writes bench/.generated/report.md
 *
 * Needs PostgreSQL: `source scripts/postgres.sh` starts it.
 */

/* eslint-disable no-console */

import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BASE_URL,
  cpuMilliseconds,
  rssMegabytes,
  startBackend,
  waitForCatalog,
  type BenchBackend,
} from './backendProcess';
import { FLOOR_PATH } from './floor';
import {
  measure,
  roundRatios,
  spread,
  type LoadOptions,
  type Measured,
  type Scenario,
  type Spread,
} from './load';
import {
  renderReport,
  writeReport,
  type MemoryFigures,
  type RunResults,
  type Verdict,
} from './report';
import {
  GENERATED_DIR,
  MANIFEST_FILE,
  parseSeedArgs,
  seed,
  type SeedManifest,
} from './seed';

const RESULTS_FILE = resolve(GENERATED_DIR, 'results.json');
const SMOKE_REPORT = resolve(GENERATED_DIR, 'report.md');
/** What --smoke means; options given after it still win. */
const SMOKE_DEFAULTS = [
  '--evaluations',
  '300',
  '--rounds',
  '1',
  '--duration',
  '1',
  '--warmup',
  '1',
  '--deep-pages',
  '2',
  '--connections',
  '5',
];

/** A target on the median of per-round p99 ratios: A / B at most `target`. */
type PairTarget = { label: string; a: Scenario; b: Scenario; target: number };
/** A target on the median of per-round throughput shares of the floor. */
type FloorTarget = { label: string; scenario: Scenario; target: number };

async function main() {
  const argv = process.argv.slice(2);
  const smoke = argv.includes('--smoke');
  const { options, rest } = parseSeedArgs(
    smoke ? [...SMOKE_DEFAULTS, ...argv] : argv,
  );
  if (options.database !== 'pg') {
    throw new Error('yarn bench runs the backend on PostgreSQL: --database pg');
  }
  const rounds = wholeNumber(rest.rounds, '--rounds');
  const load = {
    duration: wholeNumber(rest.duration, '--duration'),
    warmup: Number(rest.warmup),
    connections: wholeNumber(rest.connections, '--connections'),
  };
  const deepPages = Number(rest['deep-pages']);

  const manifest: SeedManifest = rest['skip-seed']
    ? JSON.parse(readFileSync(MANIFEST_FILE, 'utf8'))
    : await seed(options);

  let backend = await startBackend({ connection: options.connection });
  let results: RunResults;
  try {
    const catalog = await waitForCatalog(backend, manifest.components);
    const ingestSeconds = backend.startupSeconds + catalog.seconds;
    console.log(
      `catalog has ${manifest.components} components ${ingestSeconds.toFixed(
        1,
      )} s after the backend started`,
    );
    if (catalog.ingested) {
      // Let the catalog settle (stitching, the first processing pass), then
      // start afresh: the rounds and the memory figures should not carry
      // the heap of the ingestion, which the backend without the plugin
      // (started on the ingested catalog) never has.
      await sleep(smoke ? 1000 : 10_000);
      await backend.stop();
      backend = await startBackend({ connection: options.connection });
      await waitForCatalog(backend, manifest.components);
    }

    const backendPid = backend.process.pid!;
    const loadOptions: LoadOptions = {
      ...load,
      headers: { authorization: `Bearer ${backend.userToken}` },
      cpu: () => cpuMilliseconds(backendPid),
    };
    const scenarios = await scenariosFor(manifest, loadOptions, deepPages);
    const pairs: PairTarget[] = [
      {
        label: 'Current evaluation of an entity / catalog entity by name',
        a: scenarios.evaluation,
        b: scenarios.byName,
        target: 1.0,
      },
      {
        label: 'First page due for revisit / catalog by-query page of 50',
        a: scenarios.dueForRevisit,
        b: scenarios.byQuery,
        target: 1.0,
      },
      // The dashboard's first page: its counts and its first list, and
      // the coverage by team tab, each beside a by-query page of its own
      // (measured right after it, so every pair stays A B A B).
      {
        label:
          "Dashboard's first page (all decisions) / catalog by-query page of 50",
        a: scenarios.firstPage,
        b: measuredAgain(scenarios.byQuery, 'beside all decisions'),
        target: 1.0,
      },
      {
        label: "Dashboard's counts (summary) / catalog by-query page of 50",
        a: scenarios.summary,
        b: measuredAgain(scenarios.byQuery, 'beside the summary'),
        target: 1.0,
      },
      {
        label: 'Coverage by team / catalog by-query page of 50',
        a: scenarios.teamCoverage,
        b: measuredAgain(scenarios.byQuery, 'beside coverage by team'),
        target: 1.0,
      },
      {
        label: `Evaluations page ${
          scenarios.deepDepth + 1
        } (cursor) / the first page`,
        a: scenarios.deepPage,
        b: measuredAgain(scenarios.firstPage, 'beside the deep page'),
        target: 1.2,
      },
    ];
    const floorTargets: FloorTarget[] = [
      {
        label: 'Current evaluation of an entity, share of the floor',
        scenario: scenarios.evaluation,
        target: 0.8,
      },
      {
        label: 'Dashboard page of 50 (due for revisit), share of the floor',
        scenario: scenarios.dueForRevisit,
        target: 0.5,
      },
    ];
    // The order within every round: the floor, each pair A then B, the
    // preview. The same order each round, so each pair alternates A B A B.
    const order: Scenario[] = [
      scenarios.floor,
      ...pairs.flatMap(pair => [pair.a, pair.b]),
      scenarios.preview,
    ];

    // The plugin's requests for a page, which the catalog's by-query page
    // stands in for without the plugin; the others stand in as by name.
    const pageScenarios = new Set(
      [
        scenarios.dueForRevisit,
        scenarios.deepPage,
        scenarios.firstPage,
        scenarios.summary,
        scenarios.teamCoverage,
      ].map(scenario => scenario.paths[0]),
    );

    const rssBefore = rssMegabytes(backend.process.pid!);
    const series = await runRounds(order, rounds, loadOptions, backend);
    const rssAfter = rssMegabytes(backend.process.pid!);
    const live = await backend.collectGarbage();
    await backend.stop();

    const floor = series.get(scenarios.floor.name)!;
    const verdicts: Verdict[] = [
      ...pairs.map(pair => {
        const ratio = spread(
          roundRatios(
            series.get(pair.a.name)!,
            series.get(pair.b.name)!,
            m => m.p99,
          ),
        );
        return {
          label: pair.label,
          measure: 'p99 ratio' as const,
          ratio,
          target: `≤ ${pair.target.toFixed(1)}`,
          pass: ratio.median <= pair.target,
        };
      }),
      ...floorTargets.map(target => {
        const ratio = spread(
          roundRatios(
            series.get(target.scenario.name)!,
            floor,
            m => m.throughput,
          ),
        );
        return {
          label: target.label,
          measure: 'throughput share' as const,
          ratio,
          target: `≥ ${target.target.toFixed(1)}`,
          pass: ratio.median >= target.target,
        };
      }),
    ];

    const memory: MemoryFigures = {
      withPlugin: { before: rssBefore, after: rssAfter, live },
      withoutPlugin: await memoryWithoutPlugin({
        connection: options.connection,
        components: manifest.components,
        // The same rounds, each plugin request replaced by the catalog
        // request it is compared with (by name for one entity, by-query
        // for a page).
        order: order.map(scenario =>
          scenario.paths[0].startsWith('/api/catalog/')
            ? scenario
            : pageScenarios.has(scenario.paths[0])
            ? scenarios.byQuery
            : scenarios.byName,
        ),
        rounds,
        load,
      }),
    };

    results = {
      at: new Date().toISOString(),
      command: `yarn bench ${smoke ? '--smoke ' : ''}--evaluations ${
        manifest.evaluations
      } --components ${manifest.components}${
        rest['skip-seed'] ? ' --skip-seed' : ''
      }`,
      evaluations: manifest.evaluations,
      rounds,
      ...load,
      ingestSeconds,
      reused: Boolean(rest['skip-seed']),
      verdicts,
      endpoints: order.map(scenario => ({
        name: scenario.name,
        rounds: series.get(scenario.name)!,
        floorShare:
          scenario === scenarios.floor
            ? undefined
            : spread(
                roundRatios(
                  series.get(scenario.name)!,
                  floor,
                  m => m.throughput,
                ),
              ),
        // The same share by what a request costs: the floor's CPU time per
        // request over this endpoint's, round by round.
        floorCpuShare:
          scenario === scenarios.floor
            ? undefined
            : cpuShare(floor, series.get(scenario.name)!),
      })),
      memory,
    };
  } finally {
    await backend.stop();
  }

  const previous = smoke ? undefined : previousResults(results.evaluations);
  const report = await renderReport({
    options,
    manifest,
    results,
    previous,
  });
  if (smoke) {
    writeFileSync(SMOKE_REPORT, `${report}\n`);
    console.log(report);
    console.log(`(smoke run: written to ${SMOKE_REPORT}, not to the docs)`);
  } else {
    writeReport(report);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(report);
  }
  const failed = results.endpoints
    .filter(endpoint => endpoint.rounds.some(m => m.failures > 0))
    .map(endpoint => endpoint.name);
  if (failed.length > 0) {
    console.error(`non-2xx answers or errors from: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

async function scenariosFor(
  manifest: SeedManifest,
  load: LoadOptions,
  deepPages: number,
) {
  const names = manifest.activeComponentNames;
  const entityRef = (name: string) =>
    encodeURIComponent(`component:default/${name}`);
  const examples = EXAMPLE_EVALUATIONS.map(example =>
    JSON.stringify({ evaluation: example.evaluation }),
  );
  let exampleTurn = 0;
  const deep = await deepPage(load.headers, deepPages);
  return {
    floor: {
      name: `GET /api/build-vs-buy${FLOOR_PATH} (the floor)`,
      paths: [`/api/build-vs-buy${FLOOR_PATH}`],
    },
    evaluation: {
      name: 'GET /api/build-vs-buy/entities/:ref/evaluation',
      paths: names.map(
        name => `/api/build-vs-buy/entities/${entityRef(name)}/evaluation`,
      ),
    },
    byName: {
      name: 'GET /api/catalog/entities/by-name/component/default/:name',
      paths: names.map(
        name => `/api/catalog/entities/by-name/component/default/${name}`,
      ),
    },
    dueForRevisit: {
      name: 'GET /api/build-vs-buy/dashboard/due-for-revisit?limit=50',
      paths: ['/api/build-vs-buy/dashboard/due-for-revisit?limit=50'],
    },
    summary: {
      name: 'GET /api/build-vs-buy/dashboard/summary',
      paths: ['/api/build-vs-buy/dashboard/summary'],
    },
    teamCoverage: {
      name: 'GET /api/build-vs-buy/coverage/teams?order=withoutDecision&limit=500',
      paths: [
        '/api/build-vs-buy/coverage/teams?order=withoutDecision&limit=500',
      ],
    },
    byQuery: {
      name: 'GET /api/catalog/entities/by-query?limit=50&filter=kind=component',
      paths: ['/api/catalog/entities/by-query?limit=50&filter=kind=component'],
    },
    deepDepth: deep.depth,
    deepPage: {
      name: `GET /api/build-vs-buy/evaluations?limit=50&cursor=… (page ${
        deep.depth + 1
      })`,
      paths: [deep.path],
    },
    firstPage: {
      name: 'GET /api/build-vs-buy/evaluations?limit=50',
      paths: ['/api/build-vs-buy/evaluations?limit=50'],
    },
    preview: {
      name: 'POST /api/build-vs-buy/evaluate',
      method: 'POST' as const,
      paths: ['/api/build-vs-buy/evaluate'],
      body: () => examples[exampleTurn++ % examples.length],
    },
  } satisfies Record<string, Scenario | number>;
}

/**
 * A scenario measured a second time in each round under its own name: the
 * B side of another pair, right after that pair's A.
 */
function measuredAgain(scenario: Scenario, beside: string): Scenario {
  return { ...scenario, name: `${scenario.name} (${beside})` };
}

/** Measures every scenario once per round, in the same order each round. */
async function runRounds(
  order: Scenario[],
  rounds: number,
  load: LoadOptions,
  backend: BenchBackend,
): Promise<Map<string, Measured[]>> {
  const series = new Map<string, Measured[]>(order.map(s => [s.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    console.log(`round ${round}/${rounds}`);
    for (const scenario of order) {
      // Each endpoint starts from a collected heap, so the garbage of the
      // one before (a catalog page of 50 leaves megabytes) is not
      // collected in its seconds: pair A always follows another pair's B.
      await backend.collectGarbage();
      series.get(scenario.name)!.push(await measure(scenario, load));
    }
  }
  return series;
}

/**
 * The same backend without the plugin family, under the same rounds of load
 * with the catalog's requests in place of the plugin's (which do not exist
 * there): its resident memory before and after, and its live memory after.
 */
async function memoryWithoutPlugin(options: {
  connection: string;
  components: number;
  order: Scenario[];
  rounds: number;
  load: Omit<LoadOptions, 'headers'>;
}): Promise<MemoryFigures['withoutPlugin']> {
  const backend: BenchBackend = await startBackend({
    connection: options.connection,
    withoutPlugin: true,
  });
  try {
    const headers = { authorization: `Bearer ${backend.userToken}` };
    const probe = await fetch(`${BASE_URL}/api/build-vs-buy/health`, {
      headers,
    });
    if (probe.status !== 404) {
      throw new Error(
        `the backend without the plugin still answers /api/build-vs-buy/health (${probe.status})`,
      );
    }
    await waitForCatalog(backend, options.components);
    const before = rssMegabytes(backend.process.pid!);
    await runRounds(
      options.order,
      options.rounds,
      { ...options.load, headers },
      backend,
    );
    const after = rssMegabytes(backend.process.pid!);
    const live = await backend.collectGarbage();
    return { before, after, live };
  } finally {
    await backend.stop();
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

/** Per round, the floor's CPU time per request over an endpoint's. */
function cpuShare(floor: Measured[], endpoint: Measured[]): Spread | undefined {
  const measured =
    floor.every(m => m.cpuPerRequest !== undefined) &&
    endpoint.every(m => m.cpuPerRequest !== undefined);
  return measured
    ? spread(roundRatios(floor, endpoint, m => m.cpuPerRequest!))
    : undefined;
}

/** The last full run's results, if it was of the same size. */
function previousResults(evaluations: number): RunResults | undefined {
  if (!existsSync(RESULTS_FILE)) return undefined;
  const previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as RunResults;
  return previous.evaluations === evaluations ? previous : undefined;
}

function wholeNumber(value: unknown, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${option}: a whole number >= 1, got ${value}`);
  }
  return number;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
