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
 * The report of `yarn bench`: markdown for docs/benchmarks.md, written
 * between its marker comments.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import knexFactory from 'knex';
import { spread, type Measured, type Spread } from './load';
import { REPO_ROOT, type parseSeedArgs, type SeedManifest } from './seed';

const DOC_FILE = resolve(REPO_ROOT, 'docs/benchmarks.md');

export type Verdict = {
  label: string;
  measure: 'p99 ratio' | 'throughput share';
  ratio: Spread;
  target: string;
  pass: boolean;
};

/**
 * A backend's memory in MB: resident before the load and after it, and
 * live (reachable) after the load and a full garbage collection.
 */
export type BackendMemory = { before: number; after: number; live: number };

export type MemoryFigures = {
  withPlugin: BackendMemory;
  withoutPlugin: BackendMemory;
};

export type RunResults = {
  at: string;
  command: string;
  evaluations: number;
  rounds: number;
  duration: number;
  warmup: number;
  connections: number;
  ingestSeconds: number;
  reused: boolean;
  verdicts: Verdict[];
  endpoints: Array<{
    name: string;
    rounds: Measured[];
    floorShare?: Spread;
    floorCpuShare?: Spread;
  }>;
  memory: MemoryFigures;
};

const medianText = (value: number) =>
  Number.isFinite(value) ? value.toFixed(3) : '∞ (no answer)';
const ratioText = (value: number) =>
  Number.isFinite(value) ? value.toFixed(2) : '∞';
// The median to three places, so a ratio just over its target never prints
// as the target itself.
const spreadText = (s: Spread) =>
  s.n === 1
    ? medianText(s.median)
    : `${medianText(s.median)} (${ratioText(s.min)}–${ratioText(s.max)})`;
const cpuText = (s: Spread) =>
  s.n === 1
    ? `${s.median.toFixed(2)} ms`
    : `${s.median.toFixed(2)} ms (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const ms = (value: number) =>
  Number.isFinite(value)
    ? `${value.toFixed(value < 10 ? 1 : 0)} ms`
    : 'no answer';
const count = (value: number) => value.toLocaleString('en-US');
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export async function renderReport(run: {
  options: ReturnType<typeof parseSeedArgs>['options'];
  manifest: SeedManifest;
  results: RunResults;
  previous?: RunResults;
}): Promise<string> {
  const { manifest, results, previous } = run;
  const lines: string[] = [];
  lines.push(
    `Run of ${minute(results.at)} UTC: \`${results.command}\`; ` +
      `${results.rounds} interleaved round${
        results.rounds === 1 ? '' : 's'
      }, each endpoint ${results.duration} s measured after a ${
        results.warmup
      } s warm-up per round, ${results.connections} connections.`,
    '',
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${Math.round(
      totalmem() / 2 ** 30,
    )} GiB memory, Node ${process.version}, PostgreSQL ${await postgresVersion(
      run.options.connection,
    )}, all on the same host (shared with other work).`,
    '',
    `Data: ${count(manifest.evaluations)} evaluations (${Object.entries(
      manifest.byStatus,
    )
      .map(([status, n]) => `${count(n)} ${status}`)
      .join(', ')}), ${count(manifest.revisions)} revisions, ${count(
      manifest.overdue,
    )} overdue and ${count(manifest.dueSoon)} due within 30 days; ${count(
      manifest.components,
    )} components in the catalog. ` +
      (results.reused
        ? `Data reused (\`--skip-seed\`) from the seed of ${minute(
            manifest.seededAt,
          )}.`
        : `Seeding the evaluations took ${manifest.evaluationSeedSeconds.toFixed(
            1,
          )} s; the catalog had ingested the components ${results.ingestSeconds.toFixed(
            0,
          )} s after the backend started.`),
    '',
  );

  const previousOf = (label: string) =>
    previous?.verdicts.find(v => v.label === label);
  lines.push(
    `Targets, each judged on the median of its per-round ratios (range in brackets)${
      previous
        ? `, beside the previous run of the same size (${minute(
            previous.at,
          )} UTC)`
        : ''
    }:`,
    '',
    previous
      ? '| Target | Measure | Median (range) | Target | Result | Previous run | Same result |'
      : '| Target | Measure | Median (range) | Target | Result |',
    previous
      ? '| --- | --- | --- | --- | --- | --- | --- |'
      : '| --- | --- | --- | --- | --- |',
  );
  for (const verdict of results.verdicts) {
    const cells = [
      verdict.label,
      verdict.measure,
      spreadText(verdict.ratio),
      verdict.target,
      verdict.pass ? 'pass' : '**fail**',
    ];
    if (previous) {
      const before = previousOf(verdict.label);
      cells.push(
        before
          ? `${spreadText(before.ratio)}, ${before.pass ? 'pass' : 'fail'}`
          : '–',
        before ? (before.pass === verdict.pass ? 'yes' : '**no**') : '–',
      );
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }

  lines.push(
    '',
    "Every endpoint, medians over the rounds (range in brackets); the share of the floor is per round, this endpoint's throughput over the floor's. CPU a request is the CPU time of the backend and the PostgreSQL server per answered request (the load generator not counted), and the share of the floor by CPU the floor's over this endpoint's, per round: the same share seen from what a request costs instead of how many are answered. These two are reported, not judged:",
    '',
    '| Endpoint | Requests | Requests/s | Share of the floor | p50 | p99 | Non-2xx or errors | CPU a request | Share of the floor by CPU |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const endpoint of results.endpoints) {
    const of = (pick: (m: Measured) => number) =>
      spread(endpoint.rounds.map(pick));
    const p99 = of(m => m.p99);
    lines.push(
      `| \`${endpoint.name}\` | ${count(
        endpoint.rounds.reduce((sum, m) => sum + m.requests, 0),
      )} | ${of(m => m.throughput).median.toFixed(0)} | ${
        endpoint.floorShare ? spreadText(endpoint.floorShare) : '1 (the floor)'
      } | ${ms(of(m => m.p50).median)} | ${ms(p99.median)}${
        p99.n > 1 ? ` (${ms(p99.min)}–${ms(p99.max)})` : ''
      } | ${endpoint.rounds.reduce((sum, m) => sum + m.failures, 0)} | ${
        endpoint.rounds.every(m => m.cpuPerRequest !== undefined)
          ? cpuText(of(m => m.cpuPerRequest!))
          : '–'
      } | ${
        endpoint.floorCpuShare
          ? spreadText(endpoint.floorCpuShare)
          : endpoint.floorShare
          ? '–'
          : '1 (the floor)'
      } |`,
    );
  }

  const { withPlugin, withoutPlugin } = results.memory;
  lines.push(
    '',
    `Backend memory with the plugin family: resident (RSS) ${withPlugin.before} MB before the load and ${withPlugin.after} MB after it; live after the load and a full garbage collection (the heap's reachable objects and the memory outside the heap they own), ${withPlugin.live} MB. ` +
      `The same backend without it (bench/backend.ts with \`BENCH_WITHOUT_PLUGIN=1\`), after the same rounds with the catalog's requests in place of the plugin's: ${withoutPlugin.before} MB before, ${withoutPlugin.after} MB after, ${withoutPlugin.live} MB live. ` +
      `The plugin's share of the resident memory after the load: ${memoryShare(
        withPlugin.after,
        withoutPlugin.after,
      )}; of the live memory: ${memoryShare(
        withPlugin.live,
        withoutPlugin.live,
      )}.`,
  );
  return lines.join('\n');
}

/** The plugin's share of a backend's memory, or that none is measurable. */
function memoryShare(withPlugin: number, withoutPlugin: number): string {
  const difference = withPlugin - withoutPlugin;
  if (difference < 0) {
    return `none measurable, the backend without it held ${-difference} MB more`;
  }
  return `${((difference / withPlugin) * 100).toFixed(0)} % (${difference} MB)`;
}

export async function postgresVersion(connection: string): Promise<string> {
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

/**
 * Replaces the figures between a pair of marker comments of
 * docs/benchmarks.md: `bench:results` for `yarn bench`, `bench:ui` for
 * `yarn bench:ui`.
 */
export function writeReport(report: string, markers = 'bench:results') {
  const BEGIN_MARKER = `<!-- ${markers}:begin -->`;
  const END_MARKER = `<!-- ${markers}:end -->`;
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
