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

import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import knexFactory from 'knex';

jest.setTimeout(300_000);

/*
 * The README's "Running on PostgreSQL", followed as written: the example
 * backend started with `yarn workspace backend start --config
 * ../../app-config.yaml --config ../../app-config.production.yaml` and the
 * POSTGRES_* variables. The catalog must hold the example components and the
 * plugin must answer with the seeded decisions, stored on PostgreSQL.
 *
 * Only the port and the database prefix differ from the README, so the run
 * disturbs no portal on :7007 and leaves no database behind.
 */
const connectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const ROOT = resolve(__dirname, '../../..');
const STARTUP_MS = 240_000;

/** The test cluster's connection string, naming one database. */
function databaseUrl(database: string): string {
  const url = new URL(connectionString!);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? done(address.port)
          : fail(new Error('no port')),
      );
    });
  });
}

async function poll<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
  output: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `${what} within ${
          timeoutMs / 1000
        } s; the backend said:\n${output().slice(-4000)}`,
      );
    }
    await new Promise(wait => setTimeout(wait, 2_000));
  }
}

describe('the README\'s "Running on PostgreSQL"', () => {
  const prefix = `bvb_production_${randomBytes(4).toString('hex')}_`;
  let backend: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    if (!connectionString) {
      throw new Error(
        'Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (scripts/postgres.sh does)',
      );
    }
  });

  afterAll(async () => {
    if (backend?.pid) {
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(wait => setTimeout(wait, 3_000));
    }
    if (!connectionString) return;
    const admin = knexFactory({
      client: 'pg',
      connection: databaseUrl('postgres'),
    });
    try {
      const { rows } = await admin.raw(
        'select datname from pg_database where datname like ?',
        [`${prefix}%`],
      );
      for (const { datname } of rows as { datname: string }[]) {
        await admin.raw('drop database if exists ?? with (force)', [datname]);
      }
    } finally {
      await admin.destroy();
    }
  });

  it('starts a backend whose catalog holds the example components and whose plugin answers from PostgreSQL', async () => {
    const url = new URL(connectionString!);
    const port = await freePort();
    const base = `http://localhost:${port}`;
    backend = spawn(
      'yarn',
      [
        'workspace',
        'backend',
        'start',
        '--config',
        '../../app-config.yaml',
        '--config',
        '../../app-config.production.yaml',
      ],
      {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          // Jest's NODE_ENV=test would turn the guest sign-in off.
          NODE_ENV: 'development',
          POSTGRES_HOST: url.hostname,
          POSTGRES_PORT: url.port || '5432',
          POSTGRES_USER: decodeURIComponent(url.username),
          POSTGRES_PASSWORD: decodeURIComponent(url.password),
          APP_CONFIG_backend_listen: `:${port}`,
          APP_CONFIG_backend_baseUrl: base,
          APP_CONFIG_backend_database_prefix: prefix,
        },
      },
    );
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    backend.stdout?.on('data', collect);
    backend.stderr?.on('data', collect);

    await poll(
      'The backend did not answer /api/build-vs-buy/health',
      async () =>
        (await fetch(`${base}/api/build-vs-buy/health`)).ok ? true : undefined,
      STARTUP_MS,
      () => output,
    );
    const token = await poll(
      'Guest sign-in did not give a token',
      async () => {
        const response = await fetch(
          `${base}/api/auth/guest/refresh?env=development`,
          { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
        );
        return response.ok
          ? ((await response.json()).backstageIdentity?.token as string)
          : undefined;
      },
      60_000,
      () => output,
    );
    const headers = { Authorization: `Bearer ${token}` };

    const examples = [
      ...readFileSync(resolve(ROOT, 'examples/entities.yaml'), 'utf8').matchAll(
        /^kind: Component\nmetadata:\n {2}name: ([\w-]+)$/gm,
      ),
    ].map(match => match[1]);
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const components = await poll(
      'The catalog did not hold the example components',
      async () => {
        const response = await fetch(
          `${base}/api/catalog/entities/by-query?filter=kind=component&limit=500`,
          { headers },
        );
        const names = ((await response.json()).items as any[]).map(
          entity => entity.metadata.name as string,
        );
        return examples.every(name => names.includes(name)) ? names : undefined;
      },
      120_000,
      () => output,
    );
    expect(components).toEqual(expect.arrayContaining(examples));

    const decisions = await poll(
      'The plugin did not answer with the seeded decisions',
      async () => {
        const response = await fetch(`${base}/api/build-vs-buy/evaluations`, {
          headers,
        });
        const { items } = await response.json();
        return items.length >= 5 ? (items as any[]) : undefined;
      },
      120_000,
      () => output,
    );
    expect(decisions.map(decision => decision.entityRef)).toEqual(
      expect.arrayContaining([
        'component:default/vector-database',
        'component:default/rag-retriever',
      ]),
    );

    // Stored on PostgreSQL, in the plugin's own database.
    const plugin = knexFactory({
      client: 'pg',
      connection: databaseUrl(`${prefix}build-vs-buy`),
    });
    try {
      const [{ count }] = await plugin('evaluations').count({ count: '*' });
      expect(Number(count)).toBe(decisions.length);
    } finally {
      await plugin.destroy();
    }
  });
});
