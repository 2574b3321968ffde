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
 * The benchmark backend as a child process: started, waited for, signed in
 * to, measured (resident memory) and stopped. Shared by `yarn bench`
 * (bench/run.ts) and `yarn bench:ui` (bench/ui.ts).
 */

/* eslint-disable no-console */

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { componentName, GENERATED_DIR, REPO_ROOT } from './seed';

export const PORT = 7107;
/** Every load of the benchmark goes to this host and nowhere else. */
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const BACKEND_DIR = resolve(REPO_ROOT, 'packages/backend');

export type BenchBackend = {
  process: ChildProcess;
  log: string;
  /** Seconds from the start until the backend answered. */
  startupSeconds: number;
  /** A signed-in guest user's token. */
  userToken: string;
  /**
   * Has the backend run a full garbage collection and returns its live
   * memory after it (the heap's reachable objects and the memory outside
   * the heap they own), in MB.
   */
  collectGarbage(): Promise<number>;
  stop(): Promise<void>;
};

/**
 * Starts the example backend through bench/backend.ts (with the floor
 * module, or without the plugin family) the way `backstage-cli package
 * start` runs it (Node with Backstage's TypeScript transform), without the
 * file watcher, in production mode, as one process whose memory we can read.
 */
export async function startBackend(options: {
  connection: string;
  withoutPlugin?: boolean;
  /** Config files laid over bench/app-config.bench.yaml, relative to bench/. */
  extraConfig?: string[];
}): Promise<BenchBackend> {
  const connection = new URL(options.connection);
  const log = resolve(
    GENERATED_DIR,
    options.withoutPlugin ? 'backend-without-plugin.log' : 'backend.log',
  );
  const logStream = createWriteStream(log);
  const memoryFile = resolve(
    GENERATED_DIR,
    options.withoutPlugin ? 'memory-without-plugin.json' : 'memory.json',
  );
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [BACKEND_DIR] },
  );
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      // bench/backend.ts collects garbage on SIGUSR2 (collectGarbage)
      '--expose-gc',
      '--require',
      transform,
      '../../bench/backend.ts',
      '--config',
      '../../bench/app-config.bench.yaml',
      ...(options.extraConfig ?? []).flatMap(file => [
        '--config',
        `../../bench/${file}`,
      ]),
    ],
    {
      cwd: BACKEND_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_TOKEN: randomBytes(24).toString('hex'),
        BENCH_PG_HOST: connection.hostname,
        BENCH_PG_PORT: connection.port || '5432',
        BENCH_PG_USER: decodeURIComponent(connection.username),
        BENCH_PG_PASSWORD: decodeURIComponent(connection.password),
        BENCH_WITHOUT_PLUGIN: options.withoutPlugin ? '1' : '0',
        BENCH_MEMORY_FILE: memoryFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(logStream);
  child.stderr!.pipe(logStream);
  console.log(
    `backend${options.withoutPlugin ? ' without the plugin' : ''}: pid ${
      child.pid
    } on ${BASE_URL}, log in ${log}`,
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timeout = sleep(15_000).then(() => child.kill('SIGKILL'));
    await Promise.race([exited, timeout]);
  };
  process.once('SIGINT', () => {
    child.kill('SIGTERM');
    process.exit(130);
  });

  const started = Date.now();
  try {
    await waitFor('the backend to answer', 300, async () => {
      if (child.exitCode !== null) {
        throw new Error(
          `the backend exited with ${child.exitCode}; see ${log}`,
        );
      }
      const response = await fetch(
        `${BASE_URL}/.backstage/health/v1/readiness`,
      );
      return response.ok;
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const startupSeconds = (Date.now() - started) / 1000;
  console.log(`backend up in ${startupSeconds.toFixed(1)} s`);
  const collectGarbage = async () => {
    rmSync(memoryFile, { force: true });
    child.kill('SIGUSR2');
    const deadline = Date.now() + 30_000;
    while (!existsSync(memoryFile)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the backend did not collect its garbage; see ${log}`);
      }
      await sleep(20);
    }
    const usage = JSON.parse(readFileSync(memoryFile, 'utf8')) as {
      heapUsed: number;
      external: number;
    };
    return Math.round((usage.heapUsed + usage.external) / 1024 / 1024);
  };
  return {
    process: child,
    log,
    startupSeconds,
    userToken: await guestToken(),
    collectGarbage,
    stop,
  };
}

/**
 * Waits until the catalog counts `components` components and serves the
 * last. Returns the seconds waited and whether the catalog had to ingest
 * them (it was not complete at the first look).
 */
export async function waitForCatalog(
  backend: BenchBackend,
  components: number,
): Promise<{ seconds: number; ingested: boolean }> {
  const headers = { authorization: `Bearer ${backend.userToken}` };
  const started = Date.now();
  const lastName = componentName(components - 1);
  let lastReport = 0;
  let looks = 0;
  await waitFor('the catalog to ingest the components', 3600, async () => {
    looks += 1;
    const response = await fetch(
      `${BASE_URL}/api/catalog/entities/by-query?limit=1&filter=kind=component`,
      { headers },
    );
    const page = (await response.json()) as { totalItems?: number };
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(`catalog: ${page.totalItems ?? 0}/${components} components`);
    }
    if ((page.totalItems ?? 0) < components) return false;
    const last = await fetch(
      `${BASE_URL}/api/catalog/entities/by-name/component/default/${lastName}`,
      { headers },
    );
    return last.ok;
  });
  return { seconds: (Date.now() - started) / 1000, ingested: looks > 1 };
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

export async function waitFor(
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
    await sleep(1000);
  }
}

/** The process's resident memory (VmRSS), in MB. */
export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kilobytes / 1024);
}

// Linux counts a process's CPU time in ticks of 1/100 s (USER_HZ).
const TICK_MS = 10;

/**
 * User and system CPU time (ms) of a process, from its /proc stat line;
 * with `ended`, also that of its children that have ended.
 */
function cpuOfStat(stat: string, options: { ended?: boolean } = {}): number {
  // The fields after the command name (which may hold spaces): utime and
  // stime, the 14th and 15th of the line, are the 12th and 13th of these;
  // cutime and cstime, the ended children's, the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = options.ended
    ? [11, 12, 13, 14].map(field => Number(fields[field]))
    : [11, 12].map(field => Number(fields[field]));
  return ticks.reduce((sum, value) => sum + value, 0) * TICK_MS;
}

/**
 * The CPU time (ms) used so far by the backend and by the processes of the
 * PostgreSQL server on this machine (none when it runs elsewhere), or
 * undefined where /proc cannot say: what the requests of a measurement
 * cost the machine, beside how many were answered.
 */
export function cpuMilliseconds(backendPid: number): number | undefined {
  let total: number;
  try {
    total = cpuOfStat(readFileSync(`/proc/${backendPid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // a process that ended meanwhile
    }
    // A server process that ends (a pool closing an idle connection) takes
    // its time with it; the postmaster, its parent, counts it among its
    // ended children's, so the sum never goes back.
    if (stat.includes(' (postgres) ')) {
      total += cpuOfStat(stat, { ended: true });
    }
  }
  return total;
}
