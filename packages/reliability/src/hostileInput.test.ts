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

import { TestDatabases } from '@backstage/backend-test-utils';
import {
  EVALUATION_LIMITS,
  EvaluationDraft,
  StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import {
  API,
  componentRef,
  exampleEvaluation,
  historyProblems,
  rowCounts,
  startPlugin,
  TestServer,
} from './harness';

jest.setTimeout(600_000);

/*
 * Property tests branch on the generated input (a text that fits is stored,
 * one that does not is refused), so their expectations are conditional.
 */
/* eslint-disable jest/no-conditional-expect */

/*
 * Hostile input into every write route, every text field, query and path
 * parameter, hand-picked and generated with fast-check. Never a 500; a 400
 * names the field; a rejected request stores nothing; valid text comes back
 * exactly as the schema keeps it (trimmed, otherwise byte for byte).
 */

type Path = Array<string | number>;

/** Every free-text field of an evaluation, with its limit. */
const TEXT_FIELDS: Array<{ path: Path; max: number; required?: boolean }> = [
  { path: ['question'], max: EVALUATION_LIMITS.longTextLength },
  ...[
    'dataStored',
    'queriesHandled',
    'latencyConstraints',
    'availabilityConstraints',
  ].map(field => ({
    path: ['prerequisites', 'componentDescription', field],
    max: EVALUATION_LIMITS.longTextLength,
  })),
  {
    path: ['prerequisites', 'componentDescription', 'dependents', 0],
    max: EVALUATION_LIMITS.nameLength,
    required: true,
  },
  {
    path: ['prerequisites', 'teamCapacity', 'availableCapacity'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  {
    path: ['coreDifferentiator', 'competitorTest'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  {
    path: ['coreDifferentiator', 'rationale'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  {
    path: ['candidates', 0, 'name'],
    max: EVALUATION_LIMITS.nameLength,
    required: true,
  },
  { path: ['candidates', 0, 'notes'], max: EVALUATION_LIMITS.longTextLength },
  {
    path: ['requirements', 0, 'title'],
    max: EVALUATION_LIMITS.nameLength,
    required: true,
  },
  {
    path: ['requirements', 0, 'notes'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  { path: ['gaps', 0, 'note'], max: EVALUATION_LIMITS.longTextLength },
  { path: ['maintenance', 'plan'], max: EVALUATION_LIMITS.longTextLength },
  {
    path: ['failureModes', 'twelveMonthRoadmap'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  {
    path: ['failureModes', 'migrationPlan', 'dataExtraction'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  {
    path: ['failureModes', 'migrationPlan', 'alternative'],
    max: EVALUATION_LIMITS.longTextLength,
  },
  {
    path: ['regulated', 'buildFallback'],
    max: EVALUATION_LIMITS.longTextLength,
  },
];

/** Hand-picked payloads: SQL, markup, scripts, and awkward Unicode. */
const PAYLOADS = [
  "'; DROP TABLE evaluations; --",
  "'); DELETE FROM evaluation_revisions; --",
  '" OR "1"="1',
  "1' OR '1'='1' /*",
  '$1 $2 ? ?? :name \\ \\\\ %s %d',
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=alert(1)>',
  ['javascript', 'alert(1)'].join(':'),
  "{{constructor.constructor('alert(1)')()}}",
  '${process.exit(1)}',
  'مرحبا \u202Eevil.exe\u202C بالعالم',
  'עברית עם English באמצע',
  '👩🏽‍💻🇳🇱🏳️‍🌈 𝕳𝖊𝖑𝖑𝖔',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  'zero\u200bwidth\u200djoiner',
  'line\u2028separator\u2029',
  'e\u0301\u0301\u0301',
  '\\u0000 \\x00 %00 %ED%A0%80',
  '__proto__',
  'first line\r\nsecond\tline',
];

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map(code => String.fromCharCode(code));

/** Short strings a hostile client might send: text, parameters. */
const shortHostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(...PAYLOADS),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...PAYLOADS),
        fc.string({ unit: 'binary-ascii', maxLength: 10 }),
        loneSurrogate,
        fc.constantFrom(' ', '\t', '\n', '\u00a0', '\ufeff', '\u0000'),
      ),
      { maxLength: 8 },
    )
    .map(parts => parts.join('')),
);

/** ... and long ones around the field limits: just under, at and over. */
const hostileText = fc.oneof(
  shortHostileText,
  fc
    .tuple(
      fc.constantFrom(
        EVALUATION_LIMITS.nameLength,
        EVALUATION_LIMITS.longTextLength,
      ),
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom('x', '€', '👩🏽‍💻', '\ud800'),
    )
    .map(([limit, delta, unit]) =>
      unit.repeat(Math.max(0, Math.floor((limit + delta) / unit.length))),
    ),
);

/** The JSON type of a value, to tell a wrong type from a wrong value. */
function jsonType(value: unknown) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function formatPath(path: Path): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${part}`,
    'body.evaluation',
  );
}

function getPath(value: unknown, path: Path): unknown {
  return path.reduce<any>((acc, part) => acc?.[part], value);
}

function setPath<T>(value: T, path: Path, leaf: unknown): T {
  const copy: any = structuredClone(value);
  let node = copy;
  path.slice(0, -1).forEach((part, index) => {
    if (node[part] === undefined) {
      node[part] = typeof path[index + 1] === 'number' ? [] : {};
    }
    node = node[part];
  });
  node[path[path.length - 1]] = leaf;
  return copy;
}

function deletePath<T>(value: T, path: Path): T {
  const copy: any = structuredClone(value);
  const parent = getPath(copy, path.slice(0, -1)) as any;
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else delete parent[path[path.length - 1]];
  return copy;
}

/** Paths of every value in a JSON value, leaves and objects alike. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
  );
  return prefix.length ? [prefix, ...children] : children;
}

/** Percent-encodes the UTF-8 bytes of a path or query value. */
function encode(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map(byte =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** A status the API may answer caller input with: anything but 5xx. */
function expectNoServerError(response: request.Response, what: string) {
  if (response.status >= 500) {
    throw new Error(
      `${what} -> ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
}

/** A 400 that names what was wrong. */
function expectNamedField(response: request.Response, field: RegExp | string) {
  expect(response.status).toBe(400);
  expect(typeof response.body.error?.message).toBe('string');
  if (typeof field === 'string') {
    expect(response.body.error.message).toContain(field);
  } else {
    expect(response.body.error.message).toMatch(field);
  }
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('hostile input, %p', databaseId => {
  let server: TestServer;
  let knex: Knex;
  let existing: StoredEvaluation;
  let nextEntity = 0;

  beforeAll(async () => {
    ({ server, knex } = await startPlugin({ databases, databaseId }));
    const created = await request(server)
      .post(`${API}/evaluations`)
      .send({ status: 'draft', evaluation: exampleEvaluation() });
    if (created.status !== 201) {
      throw new Error(`could not create the evaluation: ${created.text}`);
    }
    existing = created.body;
  });

  const currentVersion = async () =>
    (await request(server).get(`${API}/evaluations/${existing.id}`)).body
      .version as number;

  /** Saves an update of the existing evaluation; the response. */
  const update = async (evaluation: EvaluationDraft) =>
    request(server)
      .put(`${API}/evaluations/${existing.id}`)
      .send({ version: await currentVersion(), status: 'draft', evaluation });

  it('round-trips every hand-picked payload in every text field, through create, update and preview', async () => {
    for (const payload of PAYLOADS) {
      const entityRef = componentRef(nextEntity++);
      const evaluation = TEXT_FIELDS.reduce(
        (acc, field) => setPath(acc, field.path, payload),
        exampleEvaluation(entityRef),
      );
      const stored = payload.trim();

      const created = await request(server)
        .post(`${API}/evaluations`)
        .send({ status: 'draft', evaluation });
      expect({ payload, status: created.status }).toEqual({
        payload,
        status: 201,
      });
      const read = await request(server).get(
        `${API}/evaluations/${created.body.id}`,
      );
      const revision = await request(server).get(
        `${API}/evaluations/${created.body.id}/revisions/1`,
      );
      for (const { path } of TEXT_FIELDS) {
        expect({ path, value: getPath(read.body.evaluation, path) }).toEqual({
          path,
          value: stored,
        });
        expect(getPath(revision.body.evaluation, path)).toBe(stored);
      }

      const updated = await request(server)
        .put(`${API}/evaluations/${created.body.id}`)
        .send({
          version: 1,
          status: 'draft',
          evaluation: { ...evaluation, question: `${payload}${payload}` },
        });
      expect(updated.status).toBe(200);
      expect(updated.body.evaluation.question).toBe(
        `${payload}${payload}`.trim(),
      );

      const preview = await request(server)
        .post(`${API}/evaluate`)
        .send({ evaluation });
      expect(preview.status).toBe(200);
    }
    // Nothing leaked into SQL: both tables are still there and whole.
    expect(await rowCounts(knex)).toEqual({
      evaluations: 1 + PAYLOADS.length,
      revisions: 1 + 2 * PAYLOADS.length,
    });
  });

  it('stores generated text byte for byte when it fits the field, and refuses it naming the field when not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TEXT_FIELDS),
        hostileText,
        async (field, value) => {
          const before = await rowCounts(knex);
          const response = await update(
            setPath(existing.evaluation, field.path, value),
          );
          const kept = value.trim();
          const fits =
            kept.length <= field.max && (!field.required || kept.length > 0);
          if (fits) {
            expect(response.status).toBe(200);
            const read = await request(server).get(
              `${API}/evaluations/${existing.id}`,
            );
            expect(getPath(read.body.evaluation, field.path)).toBe(kept);
          } else {
            expectNamedField(response, formatPath(field.path));
            expect(await rowCounts(knex)).toEqual(before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  /*
   * Wrong types, missing and extra fields at every place in the body. The
   * create names an entity that already has an evaluation and the update a
   * version that is long gone, so a body that passes validation is refused
   * with 409 and none of them can store anything.
   */
  const routes = [
    {
      name: 'POST /evaluations',
      send: (body: Record<string, unknown>) =>
        request(server)
          .post(`${API}/evaluations`)
          .send({ status: 'draft', ...body }),
      accepted: 409,
    },
    {
      name: 'PUT /evaluations/:id',
      send: (body: Record<string, unknown>) =>
        request(server)
          .put(`${API}/evaluations/${existing.id}`)
          .send({ version: 100_000, status: 'draft', ...body }),
      accepted: 409,
    },
    {
      name: 'POST /evaluate',
      send: (body: Record<string, unknown>) =>
        request(server).post(`${API}/evaluate`).send(body),
      accepted: 200,
    },
  ];

  const wrongValue = fc.oneof(
    fc.constantFrom(null, 0, -1, 1.5, 1e300, true, false, '', 'text', [], {}),
    fc.constantFrom(...PAYLOADS),
    fc.jsonValue({ maxDepth: 2 }),
  );

  it.each(routes.map(route => [route.name, route] as const))(
    '%s: wrong types, missing and extra fields get 400 naming the field and store nothing',
    async (_name, route) => {
      const example = exampleEvaluation();
      const paths = pathsOf(example);
      const objectPaths = [
        [],
        ...paths.filter(path => {
          const value = getPath(example, path);
          return (
            value !== null &&
            typeof value === 'object' &&
            !Array.isArray(value) &&
            path[path.length - 1] !== 'coverage'
          );
        }),
      ];
      const before = await rowCounts(knex);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc
              .tuple(fc.constantFrom(...paths), wrongValue)
              .map(([path, value]) => ({
                kind: 'wrong type' as const,
                path,
                evaluation: setPath(example, path, value),
              })),
            fc.constantFrom(...paths).map(path => ({
              kind: 'missing' as const,
              path,
              evaluation: deletePath(example, path),
            })),
            fc
              .tuple(
                fc.constantFrom(...objectPaths),
                // Prefixed so that it is never a field the schema knows.
                fc.string({ maxLength: 20 }).map(key => `x-${key}`),
                wrongValue,
              )
              .map(([path, key, value]) => ({
                kind: 'extra' as const,
                path: [...path, key],
                evaluation: setPath(example, [...path, key], value),
              })),
          ),
          async ({ kind, path, evaluation }) => {
            const response = await route.send({ evaluation });
            expectNoServerError(response, `${kind} ${formatPath(path)}`);
            expect([400, route.accepted]).toContain(response.status);
            if (kind === 'extra') expect(response.status).toBe(400);
            if (response.status !== 400) return;
            const message: string = response.body.error.message;
            if (kind === 'extra') {
              // Reported at the object it was added to, named by its
              // question or name in words before what is wrong.
              const at = `${formatPath(path.slice(0, -1))}: `;
              expect(message).toContain(at);
              expect(message.slice(message.indexOf(at))).toMatch(
                /^[^;]*Unrecognized key/,
              );
            } else if (
              kind === 'wrong type' &&
              jsonType(getPath(evaluation, path)) !==
                jsonType(getPath(example, path))
            ) {
              // A value of the wrong type is named by its own path.
              expect(message).toContain(formatPath(path));
            } else {
              // A wrong value or a missing row can break references
              // elsewhere (a coverage naming a requirement): some field.
              expect(message).toMatch(/(^|; )(body\.)?evaluation[.:[]/);
            }
          },
        ),
        { numRuns: 250 },
      );
      expect(await rowCounts(knex)).toEqual(before);
    },
  );

  it.each(routes.map(route => [route.name, route] as const))(
    '%s: arbitrary JSON bodies, huge bodies and broken JSON are refused as 400',
    async (_name, route) => {
      const before = await rowCounts(knex);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async body => {
          const response = await request(server)
            [route.name.startsWith('PUT') ? 'put' : 'post'](
              `${API}${route.name.split(' ')[1].replace(':id', existing.id)}`,
            )
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expectNamedField(response, /^body/);
        }),
        { numRuns: 150 },
      );

      const huge = await route.send({
        evaluation: {
          ...exampleEvaluation(),
          question: 'x'.repeat(1024 * 1024),
        },
      });
      expectNamedField(huge, /^body: larger than/);
      const longText = await route.send({
        evaluation: { ...exampleEvaluation(), question: 'x'.repeat(100_000) },
      });
      expectNamedField(longText, 'body.evaluation.question');
      const manyRows = await route.send({
        evaluation: {
          ...exampleEvaluation(),
          requirements: Array.from({ length: 5_000 }, (_, i) => ({
            id: `r${i}`,
            title: 'r',
          })),
        },
      });
      expectNamedField(manyRows, 'body.evaluation.requirements');
      const deep = await request(server)
        .post(`${API}/evaluations`)
        .set('Content-Type', 'application/json')
        .send(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      expectNoServerError(deep, 'deeply nested JSON');
      expect(deep.status).toBe(400);
      for (const broken of ['{"status": ', '{"a":1}}', '\u0000', '']) {
        const response = await request(server)
          .post(`${API}/evaluations`)
          .set('Content-Type', 'application/json')
          .send(broken);
        expectNamedField(response, /^body/);
      }
      const utf16 = await request(server)
        .post(`${API}/evaluations`)
        .set('Content-Type', 'application/json; charset=utf-16')
        .send(JSON.stringify({ status: 'draft' }));
      expectNoServerError(utf16, 'utf-16 body');
      expect(utf16.status).toBeLessThan(500);
      expect(await rowCounts(knex)).toEqual(before);
    },
  );

  const listRoutes = [
    '/evaluations',
    '/dashboard/summary',
    '/dashboard/not-evaluated',
    '/dashboard/due-for-revisit',
    '/dashboard/no-migration-plan',
    '/dashboard/no-maintenance-owner',
    '/dashboard/entity-missing',
    '/evaluations/ID/revisions',
  ];
  const queryKeys = [
    'entityRef',
    'ownerGroup',
    'system',
    'verdict',
    'lifecycle',
    'status',
    'reviewStatus',
    'limit',
    'cursor',
    'format',
  ];

  it('query parameters of the list routes: never a 500, a 400 names the parameter', async () => {
    const hostileQueryValue = shortHostileText;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...listRoutes),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...queryKeys),
              fc.constantFrom(...queryKeys).map(key => `${key}[]`),
              fc.constantFrom(...queryKeys).map(key => `${key}[a]`),
              fc.string({ maxLength: 10 }),
            ),
            fc.oneof(
              hostileQueryValue.map(encode),
              fc.constantFrom('%ED%A0%80', '%ZZ', '%'),
            ),
          ),
          { maxLength: 4 },
        ),
        async (route, pairs) => {
          const query = pairs
            .map(([key, value]) => `${encode(key)}=${value}`)
            .join('&');
          const response = await request(server).get(
            `${API}${route.replace('ID', existing.id)}?${query}`,
          );
          expectNoServerError(response, `${route}?${query}`);
          expect([200, 400]).toContain(response.status);
          if (response.status === 400) {
            expect(response.body.error.message).toMatch(/^(query|cursor)/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('path parameters: never a 500, unknown resources are 404', async () => {
    const before = await rowCounts(knex);
    const hostilePath = fc
      .oneof(
        shortHostileText,
        fc.constantFrom('..', '.', '%2e%2e', existing?.id ?? 'x'),
        fc.integer().map(String),
        fc.constantFrom('2147483647', '-1', '0', '1e3', '0x10', 'NaN'),
      )
      .filter(value => value.length > 0);
    const templates: Array<[string, string]> = [
      ['get', '/evaluations/P'],
      ['get', '/evaluations/P/revisions'],
      ['get', '/evaluations/P/revisions/1'],
      ['get', '/evaluations/ID/revisions/P'],
      ['get', '/evaluations/P/diff?from=1&to=1'],
      ['get', `/evaluations/ID/diff?from=1&to=P`],
      ['put', '/evaluations/P'],
      ['delete', '/evaluations/P?version=1'],
      ['delete', '/evaluations/ID?version=P'],
      ['get', '/entities/P/evaluation'],
      ['get', '/dashboard/P'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...templates),
        hostilePath,
        async ([method, template], value) => {
          // Never archive the shared fixture: a DELETE of its own id with
          // version 1 would succeed, which is not what this property is about.
          fc.pre(!(method === 'delete' && value === existing.id));
          const path = `${API}${template
            .replace('ID', existing.id)
            .replace('P', encode(value))}`;
          const response = await (request(server) as any)[method](path).send(
            method === 'put'
              ? {
                  version: 100_000,
                  status: 'draft',
                  evaluation: existing.evaluation,
                }
              : undefined,
          );
          expectNoServerError(response, `${method} ${path}`);
          expect([200, 400, 404, 409]).toContain(response.status);
        },
      ),
      { numRuns: 400 },
    );
    // A URL longer than Node's header limit never reaches the plugin.
    const long = await request(server).get(
      `${API}/evaluations/${'x'.repeat(100_000)}`,
    );
    expect(long.status).toBe(431);
    for (const raw of ['%ED%A0%80', '%ZZ', '%']) {
      const response = await request(server).get(`${API}/evaluations/${raw}`);
      expect(response.status).toBe(400);
    }
    expect(await rowCounts(knex)).toEqual(before);
  });

  it('leaves no evaluation half-written after all of the above', async () => {
    expect(await historyProblems(knex)).toEqual([]);
  });

  /*
   * Caller input that once reached PostgreSQL unchecked and came back as a
   * 500 (SQLite accepted it): found by this suite, now refused with a 400
   * that names where the input was.
   */
  describe('input PostgreSQL cannot hold is a 400, not a 500', () => {
    it('a NUL byte in a path or query parameter', async () => {
      const nul = encode('a\u0000b');
      const ref = encode('component:default/a\u0000b');
      const answers = await Promise.all(
        [
          ['get', `/evaluations/${nul}`],
          ['get', `/evaluations/${nul}/revisions`],
          ['put', `/evaluations/${nul}`],
          ['delete', `/evaluations/${nul}?version=1`],
          ['get', `/entities/${ref}/evaluation`],
          ['get', `/evaluations?lifecycle=${nul}`],
          ['get', `/dashboard/summary?lifecycle=${nul}`],
        ].map(async ([method, path]) => {
          const response = await (request(server) as any)
            [method](`${API}${path}`)
            .send(
              method === 'put'
                ? {
                    version: 1,
                    status: 'draft',
                    evaluation: existing.evaluation,
                  }
                : undefined,
            );
          return `${method} ${path} -> ${response.status} ${response.body.error?.message}`;
        }),
      );
      expect(
        answers.filter(
          answer =>
            !/-> 400 (path|query\.lifecycle): must not contain a NUL character$/.test(
              answer,
            ),
        ),
      ).toEqual([]);
    });

    it('a version beyond the database integer range', async () => {
      const answers = await Promise.all(
        [
          `/evaluations/${existing.id}/revisions/3000000000`,
          `/evaluations/${existing.id}/diff?from=1&to=3000000000`,
        ].map(async path => {
          const response = await request(server).get(`${API}${path}`);
          return `${path} -> ${response.status}`;
        }),
      );
      expect(answers.filter(answer => !/-> 400$/.test(answer))).toEqual([]);
    });

    it('a revisions cursor this API did not return', async () => {
      const forged = Buffer.from(JSON.stringify(['abc', 'x'])).toString(
        'base64url',
      );
      const response = await request(server).get(
        `${API}/evaluations/${existing.id}/revisions?cursor=${forged}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^cursor: /);
    });
  });
});
