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
 * Seeds the benchmark: a catalog file of components owned by a handful of
 * groups, and evaluations with their revisions written straight into the
 * build-vs-buy tables, after the plugin's own migrations.
 *
 *   yarn tsx bench/seed.ts [--evaluations 100000] [--components 20000]
 *     [--database pg|sqlite] [--connection postgresql://...]
 *     [--sqlite-file .data/bench/build-vs-buy.sqlite] [--keep-catalog]
 *
 * On PostgreSQL it drops every database named buildvsbuy_bench_* first (the
 * benchmark backend's, see bench/app-config.bench.yaml) unless
 * --keep-catalog, which keeps the catalog's so it need not ingest again.
 */

/* eslint-disable no-console */

import {
  evaluate,
  evaluationDraftSchema,
  type EvaluationDraft,
  type Outcome,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { DatabaseCatalogFactsStore } from '../plugins/build-vs-buy-backend/src/database/DatabaseCatalogFactsStore';
import { DatabaseDashboardStore } from '../plugins/build-vs-buy-backend/src/database/DatabaseDashboardStore';
import { deriveFactColumns } from '../plugins/build-vs-buy-backend/src/database/tables';
import knexFactory, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const REPO_ROOT = resolve(__dirname, '..');
export const GENERATED_DIR = resolve(REPO_ROOT, 'bench/.generated');
export const CATALOG_FILE = resolve(GENERATED_DIR, 'catalog.yaml');
export const MANIFEST_FILE = resolve(GENERATED_DIR, 'seed.json');
export const DATABASE_PREFIX = 'buildvsbuy_bench_';
export const PLUGIN_DATABASE = `${DATABASE_PREFIX}build-vs-buy`;
export const DEFAULT_PG_CONNECTION =
  process.env.BENCH_PG_CONNECTION ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://buildvsbuy:buildvsbuy@127.0.0.1:5432';

const MIGRATIONS_DIR = resolve(
  REPO_ROOT,
  'plugins/build-vs-buy-backend/migrations',
);
const DAY = 86_400_000;
const COVERAGE_THRESHOLD = 0.8;
/** Every 20th evaluation is archived: no longer the entity's current one. */
const ARCHIVE_EVERY = 20;
/** Every 10th (of the others) is still a draft. */
const DRAFT_EVERY = 10;

const GROUPS = [
  'payments',
  'search-relevance',
  'ml-platform',
  'data-engineering',
  'identity',
  'growth',
];
const SYSTEMS = [
  'checkout',
  'discovery',
  'recommendations',
  'observability',
  'accounts',
  'analytics',
  'messaging',
  'billing',
];
const LIFECYCLES = ['production', 'production', 'production', 'experimental'];

export type SeedOptions = {
  evaluations: number;
  components: number;
  database: 'pg' | 'sqlite';
  connection: string;
  sqliteFile: string;
  keepCatalog: boolean;
};

export type SeedManifest = {
  database: 'pg' | 'sqlite';
  evaluations: number;
  revisions: number;
  components: number;
  seededAt: string;
  evaluationSeedSeconds: number;
  /** Names of components in the catalog whose evaluation is current. */
  activeComponentNames: string[];
  byStatus: Record<string, number>;
  byVerdict: Record<string, number>;
  overdue: number;
  dueSoon: number;
};

export function componentName(index: number): string {
  return `bench-svc-${String(index).padStart(6, '0')}`;
}

export function isArchived(index: number): boolean {
  return index % ARCHIVE_EVERY === ARCHIVE_EVERY - 1;
}

/** A small deterministic PRNG, so two seeds of the same N are the same data. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The catalog: groups, systems and `components` components. */
export function writeCatalog(components: number): void {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const docs: string[] = [];
  for (const group of GROUPS) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: bench-${group}
spec:
  type: team
  children: []
`,
    );
  }
  SYSTEMS.forEach((system, index) => {
    docs.push(
      `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: bench-${system}
spec:
  owner: group:default/bench-${GROUPS[index % GROUPS.length]}
`,
    );
  });
  for (let index = 0; index < components; index += 1) {
    const name = componentName(index);
    docs.push(
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  title: Benchmark service ${index}
  description: A generated component for the build-vs-buy benchmark.
  tags: [benchmark]
spec:
  type: service
  lifecycle: ${LIFECYCLES[index % LIFECYCLES.length]}
  owner: group:default/bench-${GROUPS[index % GROUPS.length]}
  system: system:default/bench-${SYSTEMS[index % SYSTEMS.length]}
`,
    );
  }
  writeFileSync(CATALOG_FILE, docs.join('---\n'));
}

type Template = { evaluation: EvaluationDraft; verdictKind: string };

/*
 * The article's examples, each with a variant that makes it need attention
 * (a buy without a migration plan, a build without a maintenance owner),
 * and the half-finished draft a team saved before finishing it.
 */
function templates(): { complete: Template[]; draft: Template[] } {
  const complete: Template[] = [];
  const draft: Template[] = [];
  const now = new Date();
  for (const example of EXAMPLE_EVALUATIONS) {
    const full = example.evaluation as EvaluationDraft;
    const { migrationPlan: _plan, ...modesWithoutPlan } =
      full.failureModes ?? {};
    const variants: EvaluationDraft[] = [
      full,
      { ...full, failureModes: modesWithoutPlan },
      {
        ...full,
        maintenance: { ...full.maintenance, ownerGroupRef: undefined },
      },
    ];
    for (const variant of variants) {
      const evaluation = evaluationDraftSchema.parse(variant);
      const outcome = evaluate(evaluation, {
        coverageThreshold: COVERAGE_THRESHOLD,
        now,
      });
      complete.push({ evaluation, verdictKind: outcome.verdict.kind });
    }
    const { failureModes: _f, maintenance: _m, gaps: _g, ...early } = full;
    const evaluation = evaluationDraftSchema.parse(early);
    draft.push({
      evaluation,
      verdictKind: evaluate(evaluation, { now }).verdict.kind,
    });
  }
  return { complete, draft };
}

type EvaluationRow = Record<string, string | number | boolean | null>;

/** One evaluation row and its revisions, as the store would have written them. */
function evaluationRows(
  index: number,
  components: number,
  random: () => number,
  source: { complete: Template[]; draft: Template[] },
  now: number,
): { row: EvaluationRow; revisions: EvaluationRow[]; outcome: Outcome } {
  const name = componentName(index);
  const entityRef = `component:default/${name}`;
  const group = `group:default/bench-${GROUPS[index % GROUPS.length]}`;
  const archived = isArchived(index);
  const status = archived
    ? 'archived'
    : index % DRAFT_EVERY === 3
    ? 'draft'
    : 'complete';
  const versions = 1 + Math.floor(random() * 3);
  const template =
    status === 'draft'
      ? source.draft[index % source.draft.length]
      : source.complete[Math.floor(random() * source.complete.length)];

  // Decided some time in the last 18 months; the revisit date lies between
  // 90 days ago and a year ahead, and at least a month after the decision.
  const updatedAt = now - Math.floor(random() * 540 * DAY);
  const revisitBy = isoDate(
    Math.max(
      updatedAt + 30 * DAY,
      now + Math.floor((random() * 455 - 90) * DAY),
    ),
  );
  const hasOwner = template.evaluation.maintenance?.ownerGroupRef;
  const evaluation: EvaluationDraft = {
    ...template.evaluation,
    entityRef,
    revisitBy,
    ...(template.evaluation.maintenance
      ? {
          maintenance: {
            ...template.evaluation.maintenance,
            ownerGroupRef: hasOwner ? group : undefined,
          },
        }
      : {}),
  };
  if (index % 100 === 0) {
    evaluationDraftSchema.parse(evaluation);
  }
  const outcome = evaluate(evaluation, {
    coverageThreshold: COVERAGE_THRESHOLD,
    now: new Date(updatedAt),
  });
  const evaluationJson = JSON.stringify(evaluation);
  const createdAt = updatedAt - (versions - 1) * 14 * DAY;
  const actor = `user:default/bench-user-${index % 40}`;
  const id = randomUUID();
  const inCatalog = index < components;
  const row: EvaluationRow = {
    id,
    entity_ref: entityRef,
    active_entity_ref: archived ? null : entityRef,
    version: versions,
    status,
    evaluation: evaluationJson,
    outcome: JSON.stringify(outcome),
    verdict_kind: outcome.verdict.kind,
    revisit_by: revisitBy,
    // The derived columns exactly as the plugin writes them.
    ...deriveFactColumns(evaluation, outcome.verdict),
    entity_title: `Benchmark service ${index}`,
    entity_owner_ref: group,
    entity_system_ref: `system:default/bench-${
      SYSTEMS[index % SYSTEMS.length]
    }`,
    entity_lifecycle: LIFECYCLES[index % LIFECYCLES.length],
    entity_missing: !inCatalog,
    decided_at: status === 'draft' ? null : new Date(updatedAt).toISOString(),
    created_at: new Date(createdAt).toISOString(),
    created_by: actor,
    updated_at: new Date(updatedAt).toISOString(),
    updated_by: actor,
  };
  // Earlier versions were drafts on the way to this one; an archived
  // evaluation's last revision is the archiving itself.
  const earlyDraft = source.draft[index % source.draft.length];
  const earlyJson = JSON.stringify({
    ...earlyDraft.evaluation,
    entityRef,
  });
  const revisions: EvaluationRow[] = [];
  for (let version = 1; version <= versions; version += 1) {
    const last = version === versions;
    revisions.push({
      evaluation_id: id,
      version,
      status: last ? status : 'draft',
      verdict_kind: last ? outcome.verdict.kind : earlyDraft.verdictKind,
      evaluation: last ? evaluationJson : earlyJson,
      created_at: new Date(createdAt + (version - 1) * 14 * DAY).toISOString(),
      created_by: actor,
    });
  }
  return { row, revisions, outcome };
}

async function openDatabase(options: SeedOptions): Promise<Knex> {
  if (options.database === 'sqlite') {
    mkdirSync(dirname(options.sqliteFile), { recursive: true });
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: options.sqliteFile },
      useNullAsDefault: true,
    });
    await db.raw('PRAGMA foreign_keys = ON');
    return db;
  }
  const admin = knexFactory({
    client: 'pg',
    connection: `${options.connection.replace(/\/+$/, '')}/postgres`,
  });
  try {
    const { rows } = await admin.raw<{ rows: { datname: string }[] }>(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      if (options.keepCatalog && datname === `${DATABASE_PREFIX}catalog`) {
        continue;
      }
      await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
    }
    await admin.raw('CREATE DATABASE ??', [PLUGIN_DATABASE]);
  } finally {
    await admin.destroy();
  }
  return knexFactory({
    client: 'pg',
    connection: `${options.connection.replace(/\/+$/, '')}/${encodeURIComponent(
      PLUGIN_DATABASE,
    )}`,
  });
}

export async function seed(options: SeedOptions): Promise<SeedManifest> {
  const started = Date.now();
  writeCatalog(options.components);
  console.log(
    `catalog: ${options.components} components in ${CATALOG_FILE} (${
      Date.now() - started
    } ms)`,
  );

  const db = await openDatabase(options);
  const manifest: SeedManifest = {
    database: options.database,
    evaluations: options.evaluations,
    revisions: 0,
    components: options.components,
    seededAt: new Date().toISOString(),
    evaluationSeedSeconds: 0,
    activeComponentNames: [],
    byStatus: {},
    byVerdict: {},
    overdue: 0,
    dueSoon: 0,
  };
  try {
    await db.migrate.latest({ directory: MIGRATIONS_DIR });
    await db('evaluation_revisions').delete();
    await db('evaluations').delete();
    await db('catalog_components').delete();

    const dbStarted = Date.now();
    const random = mulberry32(42);
    const source = templates();
    const now = Date.now();
    const today = isoDate(now);
    const dueSoonBy = isoDate(now + 30 * DAY);
    // Rows per transaction; per statement, within the bind-parameter limits
    // of both databases (SQLite's multi-row insert is the tighter one).
    const batch = 2000;
    const chunk = options.database === 'pg' ? 1000 : 200;
    for (let from = 0; from < options.evaluations; from += batch) {
      const rows: EvaluationRow[] = [];
      const revisions: EvaluationRow[] = [];
      const to = Math.min(from + batch, options.evaluations);
      for (let index = from; index < to; index += 1) {
        const made = evaluationRows(
          index,
          options.components,
          random,
          source,
          now,
        );
        rows.push(made.row);
        revisions.push(...made.revisions);
        const status = String(made.row.status);
        manifest.byStatus[status] = (manifest.byStatus[status] ?? 0) + 1;
        if (status !== 'archived') {
          const verdict = String(made.row.verdict_kind);
          manifest.byVerdict[verdict] = (manifest.byVerdict[verdict] ?? 0) + 1;
          const revisitBy = String(made.row.revisit_by);
          if (revisitBy < today) manifest.overdue += 1;
          else if (revisitBy <= dueSoonBy) manifest.dueSoon += 1;
          if (
            index < options.components &&
            manifest.activeComponentNames.length < 5000
          ) {
            manifest.activeComponentNames.push(componentName(index));
          }
        }
      }
      await db.transaction(async tx => {
        for (let at = 0; at < rows.length; at += chunk) {
          await tx('evaluations').insert(rows.slice(at, at + chunk));
        }
        for (let at = 0; at < revisions.length; at += chunk) {
          await tx('evaluation_revisions').insert(
            revisions.slice(at, at + chunk),
          );
        }
      });
      manifest.revisions += revisions.length;
      if (to % 20_000 === 0 || to === options.evaluations) {
        console.log(
          `evaluations: ${to}/${options.evaluations} (${(
            (Date.now() - dbStarted) /
            1000
          ).toFixed(1)} s)`,
        );
      }
    }
    // The copy of the catalog's components that coverage by team counts,
    // saved as the catalog refresh saves it (the bench keeps that job out
    // of the measurement), with each component's decision copied beside it.
    const refreshedAt = new Date(now).toISOString();
    const catalogFacts = new DatabaseCatalogFactsStore(db);
    for (let from = 0; from < options.components; from += chunk) {
      const components = [];
      for (
        let index = from;
        index < Math.min(from + chunk, options.components);
        index += 1
      ) {
        components.push({
          entityRef: `component:default/${componentName(index)}`,
          title: `Benchmark service ${index}`,
          ownerRef: `group:default/bench-${GROUPS[index % GROUPS.length]}`,
          systemRef: `system:default/bench-${SYSTEMS[index % SYSTEMS.length]}`,
          lifecycle: LIFECYCLES[index % LIFECYCLES.length],
        });
      }
      await catalogFacts.saveComponents(components, refreshedAt);
    }
    // What the plugin does on its schedule soon after it starts: the
    // counts the triggers kept for each batch, folded into one row per
    // combination.
    await new DatabaseDashboardStore(db).compactCounts();
    if (options.database === 'pg') {
      // What autovacuum does soon after a bulk load (inserts trigger it on
      // PostgreSQL 13 and later): the statistics the planner needs, and the
      // visibility map without which no index answers a query alone.
      await db.raw(
        'VACUUM ANALYZE evaluations, evaluation_revisions, catalog_components, evaluation_counts, evaluation_owner_counts',
      );
    }
    manifest.evaluationSeedSeconds = (Date.now() - dbStarted) / 1000;
  } finally {
    await db.destroy();
  }
  writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `seeded ${manifest.evaluations} evaluations and ${
      manifest.revisions
    } revisions into ${
      options.database === 'pg' ? PLUGIN_DATABASE : options.sqliteFile
    } in ${manifest.evaluationSeedSeconds.toFixed(1)} s`,
  );
  return manifest;
}

export function parseSeedArgs(argv: string[]): {
  options: SeedOptions;
  rest: Record<string, string | boolean | undefined>;
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      evaluations: { type: 'string', default: '100000' },
      components: { type: 'string' },
      database: { type: 'string', default: 'pg' },
      connection: { type: 'string', default: DEFAULT_PG_CONNECTION },
      'sqlite-file': {
        type: 'string',
        default: resolve(REPO_ROOT, '.data/bench/build-vs-buy.sqlite'),
      },
      'keep-catalog': { type: 'boolean', default: false },
      'skip-seed': { type: 'boolean', default: false },
      'deep-pages': { type: 'string', default: '200' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '20' },
      smoke: { type: 'boolean', default: false },
      loads: { type: 'string', default: '20' },
    },
    strict: true,
  });
  const evaluations = Number(values.evaluations);
  // The catalog ingests far slower than the plugin's tables fill; see
  // docs/benchmarks.md for the measurement behind the default.
  const components = Number(values.components ?? Math.min(evaluations, 20_000));
  if (!Number.isInteger(evaluations) || evaluations < 1) {
    throw new Error(`--evaluations: a whole number >= 1, got ${evaluations}`);
  }
  if (!Number.isInteger(components) || components < 1) {
    throw new Error(`--components: a whole number >= 1, got ${components}`);
  }
  if (values.database !== 'pg' && values.database !== 'sqlite') {
    throw new Error(`--database: pg or sqlite, got ${values.database}`);
  }
  return {
    options: {
      evaluations,
      components,
      database: values.database,
      connection: values.connection,
      sqliteFile: resolve(values['sqlite-file']),
      keepCatalog: values['keep-catalog'],
    },
    rest: values,
  };
}

if (require.main === module) {
  seed(parseSeedArgs(process.argv.slice(2)).options).catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
}
