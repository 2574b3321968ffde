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

import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  buildVsBuyEvaluationCreatePermission,
  buildVsBuyEvaluationDeletePermission,
  buildVsBuyEvaluationUpdatePermission,
  createEvaluationRequestSchema,
  DASHBOARD_LISTS,
  defaultRevisitBy,
  evaluate,
  evaluationDraftSchema,
  EvaluatedEntity,
  EvaluationDraft,
  EvaluationSummary,
  updateEvaluationRequestSchema,
  type Outcome,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { stringify } from 'csv-stringify/sync';
import express, { NextFunction, Request, Response } from 'express';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import diff from 'microdiff';
import { z } from 'zod';
import {
  EvaluationConflictError,
  MAX_INTEGER,
} from '../database/DatabaseEvaluationStore';
import type {
  AttentionList,
  EvaluationFilter,
  EvaluationStore,
} from '../database/EvaluationStore';
import { factsOf, membersOf } from './catalogFacts';
import {
  type DecisionReader,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  normalizeEntityRef,
} from './decisions';
import type { Reviewer } from './review';
import { nameTheField } from './validationErrors';
import type { BuildVsBuySettings } from './settings';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRequest = Request<any, any, any, any>;

/** The largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 512 * 1024;

export type RouterOptions = {
  store: EvaluationStore;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  settings: BuildVsBuySettings;
  /** The review rule, as the settings configure it. */
  reviewer: Reviewer;
  /** Permission-checked reads, shared with the registered actions. */
  reader: DecisionReader;
  /** Check every response against the spec too; tests turn it on. */
  validateResponses?: boolean;
  /** The clock; tests pass their own. */
  now?: () => Date;
};

const verdictKinds = [
  'build',
  'buy',
  'buy-with-wrapper',
  'no-qualifying-candidate',
  'incomplete',
] as const;

const text = z.string().trim().min(1).max(255);
const listQuerySchema = z.strictObject({
  entityRef: text.optional(),
  ownerGroup: z.union([text, z.array(text).max(100)]).optional(),
  system: text.optional(),
  verdict: z.enum(verdictKinds).optional(),
  lifecycle: text.optional(),
  status: z.enum(['draft', 'complete', 'archived']).optional(),
  reviewStatus: z.enum(['current', 'due-soon', 'overdue']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(1024).optional(),
  format: z.enum(['json', 'csv']).optional(),
  view: z.enum(['summary', 'full']).optional(),
});
const versionSchema = z.coerce.number().int().min(1).max(MAX_INTEGER);
const evaluateRequestSchema = z.strictObject({
  evaluation: evaluationDraftSchema,
});

const SUMMARY_COLUMNS = [
  'entityRef',
  'verdict',
  'reviewStatus',
  'revisitBy',
  'maintenanceOwnerRef',
  'hasMigrationPlan',
  'entityOwnerRef',
  'system',
  'lifecycle',
  'updatedAt',
  'updatedBy',
];

/**
 * The HTTP API of the plugin. Handlers keep one order: credentials,
 * permission, validated input, store, audit event.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    store,
    httpAuth,
    permissions,
    auditor,
    catalog,
    settings,
    reviewer,
    reader,
  } = options;
  const now = options.now ?? (() => new Date());
  // Requests are checked against the OpenAPI spec first; the handlers then
  // parse them with the -common zod schemas, whose 400 names the field.
  const router = await createOpenApiRouter({
    middleware: [parseJsonBody],
    validatorOptions: {
      // Every invalid field named in one answer, not just the first.
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
      validateResponses: options.validateResponses ?? false,
    },
  });
  router.use(rejectNulCharacters);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Any request of the typed router; its params and query are typed per route.
  const credentialsOf = (req: AnyRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  const { toStored, toSummary, mayRead, readFilter } = reader;

  /*
   * Reading one evaluation: a caller who may not read it gets the same 404
   * as for one that does not exist, so a denial reveals nothing.
   */
  const readable = async (id: string, credentials: BackstageCredentials) => {
    const record = (await mayRead(id, credentials))
      ? await store.get(id)
      : undefined;
    if (!record) {
      throw new NotFoundError(`No evaluation ${id}`);
    }
    return record;
  };

  const authorizeChange = async (
    permission:
      | typeof buildVsBuyEvaluationUpdatePermission
      | typeof buildVsBuyEvaluationDeletePermission,
    id: string,
    credentials: BackstageCredentials,
  ) => {
    const record = await readable(id, credentials);
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: id }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action} evaluation ${id}`,
      );
    }
    return record;
  };

  /*
   * The catalog facts of the evaluated entity, checked with the caller's
   * credentials: it must exist, and the maintenance owner must be a Group.
   * One batched lookup for both.
   */
  const catalogFacts = async (
    evaluation: EvaluationDraft,
    credentials: BackstageCredentials,
  ): Promise<{ entity: EvaluatedEntity; maintainers?: number }> => {
    const ownerRef = evaluation.maintenance?.ownerGroupRef;
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: ownerRef
          ? [evaluation.entityRef, ownerRef]
          : [evaluation.entityRef],
      },
      { credentials },
    );
    const [entity, owner] = items;
    if (!entity) {
      throw new InputError(
        `evaluation.entityRef: ${evaluation.entityRef} is not in the catalog`,
      );
    }
    if (ownerRef && owner?.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `evaluation.maintenance.ownerGroupRef: ${ownerRef} is not a Group in the catalog`,
      );
    }
    return {
      entity: factsOf(entity),
      maintainers: owner ? membersOf(owner) : undefined,
    };
  };

  const outcomeFor = (
    evaluation: EvaluationDraft,
    status: 'draft' | 'complete',
    at: Date,
  ): Outcome => {
    const outcome = evaluate(evaluation, {
      coverageThreshold: settings.coverageThreshold,
      now: at,
    });
    if (status === 'complete' && outcome.verdict.kind === 'incomplete') {
      throw new InputError(
        `A complete decision needs every answer the tree asks for; missing: ${outcome.missing
          .slice(0, 20)
          .join(', ')}`,
      );
    }
    return outcome;
  };

  const revisitByFor = (evaluation: EvaluationDraft, at: Date) =>
    evaluation.revisitBy ??
    defaultRevisitBy(at, settings.revisitIntervalMonths);

  /*
   * What a create or an update stores: the server's outcome, the revisit
   * date in force and the catalog facts, checked with the caller's
   * credentials.
   */
  const writeFor = async (
    body: { status: 'draft' | 'complete'; evaluation: EvaluationDraft },
    credentials: BackstageCredentials,
    at: Date,
  ) => ({
    status: body.status,
    evaluation: body.evaluation,
    outcome: outcomeFor(body.evaluation, body.status, at),
    revisitBy: revisitByFor(body.evaluation, at),
    ...(await catalogFacts(body.evaluation, credentials)),
    actorRef: actorOf(credentials),
    now: at,
  });

  const audited = async <T>(
    req: AnyRequest,
    eventId: string,
    meta: Record<string, string | number | undefined>,
    action: () => Promise<T>,
  ): Promise<T> => {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta: withoutUndefined(meta),
    });
    try {
      const result = await action();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };

  router.get('/evaluations', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parse(listQuerySchema, req.query, 'query');
    const permissionFilter = await readFilter(credentials);
    if (permissionFilter === 'deny') {
      res.json({ items: [] });
      return;
    }
    const at = now();
    const page = await store.list({
      filter: filterOf(query),
      window: reviewer.windowAt(at),
      permissionFilter,
      order: 'updated',
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      cursor: query.cursor,
    });
    // `full` pages carry the answers too, for readers that index or export
    // every decision: one request per page rather than one per decision.
    res.json({
      items: page.items.map(record =>
        query.view === 'full' ? toStored(record, at) : toSummary(record, at),
      ),
      nextCursor: page.nextCursor,
    });
  });

  router.post('/evaluations', async (req, res) => {
    const credentials = await credentialsOf(req);
    const [decision] = await permissions.authorize(
      [{ permission: buildVsBuyEvaluationCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not create evaluations');
    }
    const body = parse(createEvaluationRequestSchema, req.body, 'body');
    const at = now();
    const write = await writeFor(body, credentials, at);
    const record = await audited(
      req,
      'evaluation-create',
      { entityRef: body.evaluation.entityRef, status: body.status },
      () => store.create({ ...write, entityRef: body.evaluation.entityRef }),
    );
    res.status(201).json(toStored(record, at));
  });

  router.get('/evaluations/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    const record = await readable(req.params.id, credentials);
    res.json(toStored(record, now()));
  });

  router.put('/evaluations/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    const id = req.params.id;
    const current = await authorizeChange(
      buildVsBuyEvaluationUpdatePermission,
      id,
      credentials,
    );
    const body = parse(updateEvaluationRequestSchema, req.body, 'body');
    if (body.evaluation.entityRef !== current.entityRef) {
      throw new InputError(
        `evaluation.entityRef: an evaluation stays with its entity (${current.entityRef})`,
      );
    }
    const at = now();
    const write = await writeFor(body, credentials, at);
    try {
      const record = await audited(
        req,
        'evaluation-update',
        { evaluationId: id, version: body.version, status: body.status },
        () => store.update({ ...write, id, expectedVersion: body.version }),
      );
      res.json(toStored(record, at));
    } catch (error) {
      if (error instanceof EvaluationConflictError && error.current) {
        res.status(409).json({
          error: { name: error.name, message: error.message },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 409 },
          current: toStored(error.current, at),
        });
        return;
      }
      throw error;
    }
  });

  router.delete('/evaluations/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    const id = req.params.id;
    await authorizeChange(
      buildVsBuyEvaluationDeletePermission,
      id,
      credentials,
    );
    const version = parse(versionSchema, req.query.version, 'query.version');
    await audited(
      req,
      'evaluation-archive',
      { evaluationId: id, version },
      () =>
        store.archive({
          id,
          expectedVersion: version,
          actorRef: actorOf(credentials),
          now: now(),
        }),
    );
    res.status(204).end();
  });

  router.get('/evaluations/:id/revisions', async (req, res) => {
    const credentials = await credentialsOf(req);
    await readable(req.params.id, credentials);
    const query = parse(
      listQuerySchema.pick({ limit: true, cursor: true }),
      req.query,
      'query',
    );
    res.json(
      await store.listRevisions({
        id: req.params.id,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
      }),
    );
  });

  router.get('/evaluations/:id/revisions/:version', async (req, res) => {
    const credentials = await credentialsOf(req);
    await readable(req.params.id, credentials);
    const version = parse(versionSchema, req.params.version, 'version');
    const revision = await store.getRevision({ id: req.params.id, version });
    if (!revision) {
      throw new NotFoundError(
        `No revision ${version} of evaluation ${req.params.id}`,
      );
    }
    res.json(revision);
  });

  router.get('/evaluations/:id/diff', async (req, res) => {
    const credentials = await credentialsOf(req);
    await readable(req.params.id, credentials);
    const { from, to } = parse(
      z.strictObject({ from: versionSchema, to: versionSchema }),
      req.query,
      'query',
    );
    const [before, after] = await Promise.all([
      store.getRevision({ id: req.params.id, version: from }),
      store.getRevision({ id: req.params.id, version: to }),
    ]);
    if (!before || !after) {
      throw new NotFoundError(
        `No revision ${before ? to : from} of evaluation ${req.params.id}`,
      );
    }
    res.json({
      evaluationId: req.params.id,
      from,
      to,
      changes: diff(before.evaluation, after.evaluation).map(change => ({
        path: formatPath(change.path),
        before: 'oldValue' in change ? change.oldValue : undefined,
        after: 'value' in change ? change.value : undefined,
      })),
    });
  });

  router.get('/entities/:entityRef/evaluation', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = normalizeEntityRef(req.params.entityRef);
    const stored = await reader.getByEntityRef(entityRef, credentials, now());
    if (!stored) {
      throw new NotFoundError(`${entityRef} has no evaluation`);
    }
    res.json(stored);
  });

  router.post('/evaluate', async (req, res) => {
    await credentialsOf(req);
    const { evaluation } = parse(evaluateRequestSchema, req.body, 'body');
    const at = now();
    const outcome = evaluate(evaluation, {
      coverageThreshold: settings.coverageThreshold,
      now: at,
    });
    const review = reviewer.reviewAnswers(
      evaluation,
      revisitByFor(evaluation, at),
      outcome.verdict,
      at,
      at,
    );
    res.json({ outcome, review });
  });

  router.get('/dashboard/summary', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parse(listQuerySchema, req.query, 'query');
    const permissionFilter = await readFilter(credentials);
    const at = now();
    if (permissionFilter === 'deny') {
      res.json({
        total: 0,
        byVerdict: {},
        byReviewStatus: { current: 0, 'due-soon': 0, overdue: 0 },
        byOwnerGroup: [],
        revisitsByMonth: [],
      });
      return;
    }
    res.json(
      await store.summarize({
        filter: { ...filterOf(query), status: 'complete' },
        window: reviewer.windowAt(at),
        permissionFilter,
      }),
    );
  });

  router.get('/dashboard/not-evaluated', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parse(listQuerySchema, req.query, 'query');
    const filter: Record<string, string | string[]> = { kind: 'component' };
    if (query.ownerGroup)
      filter['relations.ownedBy'] = toArray(query.ownerGroup);
    if (query.system) filter['relations.partOf'] = query.system;
    if (query.lifecycle) filter['spec.lifecycle'] = query.lifecycle;
    const page = await catalog.queryEntities(
      query.cursor
        ? { cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE }
        : {
            filter,
            limit: query.limit ?? DEFAULT_PAGE_SIZE,
            orderFields: { field: 'metadata.name', order: 'asc' },
          },
      { credentials },
    );
    const evaluated = await store.evaluatedEntityRefs(
      page.items.map(entity => stringifyEntityRef(entity)),
    );
    const items = page.items
      .map(entity => ({
        entityRef: stringifyEntityRef(entity),
        ...factsOf(entity),
      }))
      .filter(entity => !evaluated.has(entity.entityRef))
      .map(({ missing: _missing, ...entity }) => entity);
    send(
      res,
      query.format,
      {
        items,
        nextCursor: page.pageInfo.nextCursor,
      },
      ['entityRef', 'title', 'ownerRef', 'systemRef', 'lifecycle'],
    );
  });

  router.get('/dashboard/:list', async (req, res) => {
    const credentials = await credentialsOf(req);
    const list = parse(z.enum(DASHBOARD_LISTS), req.params.list, 'list');
    const query = parse(listQuerySchema, req.query, 'query');
    const page = await reader.listAttention(
      list as AttentionList,
      {
        filter: filterOf(query),
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
      },
      credentials,
      now(),
    );
    send(res, query.format, page, SUMMARY_COLUMNS);
  });

  router.use(nameTheField);
  router.use(databaseOutageAsUnavailable(options.logger));
  return router;
}

const jsonBody = express.json({ limit: MAX_BODY_BYTES });

/*
 * Malformed JSON and oversized bodies are the caller's mistakes: a clear
 * 400 naming the body, never a 500. Turned into InputErrors here, before
 * the OpenAPI router's error handler, which keeps only an error's message.
 */
function parseJsonBody(req: Request, res: Response, next: NextFunction) {
  jsonBody(req, res, (error?: Error & { type?: string }) => {
    if (!error) {
      next();
    } else if (error.type === 'entity.parse.failed') {
      next(new InputError(`body: not valid JSON (${error.message})`));
    } else if (error.type === 'entity.too.large') {
      next(new InputError(`body: larger than ${MAX_BODY_BYTES} bytes`));
    } else if (
      error.type === 'encoding.unsupported' ||
      error.type === 'charset.unsupported'
    ) {
      next(new InputError(`body: ${error.message}`));
    } else {
      next(error);
    }
  });
}

function send(
  res: Response,
  format: 'json' | 'csv' | undefined,
  page: { items: Array<Record<string, unknown>>; nextCursor?: string },
  columns: string[],
) {
  if (format !== 'csv') {
    res.json(page);
    return;
  }
  const rows = page.items.map(item => {
    const summary = item as Partial<EvaluationSummary> &
      Record<string, unknown>;
    const flat: Record<string, unknown> = {
      ...item,
      verdict: summary.verdict?.kind ?? item.verdict,
      entityOwnerRef: summary.entity?.ownerRef,
      system: summary.entity?.systemRef,
      lifecycle: summary.entity?.lifecycle ?? item.lifecycle,
    };
    return columns.map(column => flat[column] ?? '');
  });
  if (page.nextCursor) {
    res.setHeader('X-Next-Cursor', page.nextCursor);
  }
  res
    .type('text/csv')
    .send(stringify([columns, ...rows], { cast: { boolean: b => String(b) } }));
}

function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 10)
      .map(issue => `${formatPath([where, ...issue.path])}: ${issue.message}`);
    throw new InputError(problems.join('; '));
  }
  return result.data;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

function toArray(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function filterOf(query: z.infer<typeof listQuerySchema>): EvaluationFilter {
  return {
    entityRef:
      query.entityRef &&
      normalizeEntityRef(query.entityRef, undefined, 'query.entityRef'),
    ownerGroups: query.ownerGroup
      ? toArray(query.ownerGroup).map(ref =>
          normalizeEntityRef(ref, 'group', 'query.ownerGroup'),
        )
      : undefined,
    system:
      query.system &&
      normalizeEntityRef(query.system, 'system', 'query.system'),
    verdict: query.verdict,
    lifecycle: query.lifecycle,
    status: query.status,
    reviewStatus: query.reviewStatus,
  };
}

/*
 * A NUL character cannot be stored in a PostgreSQL text column, so one in
 * the path or the query would reach the database as an error: refuse it
 * here, naming where it was. (In bodies it is stored JSON-escaped.)
 */
function rejectNulCharacters(req: Request, _res: Response, next: NextFunction) {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw new InputError('path: not a valid URL-encoded path');
  }
  if (path.includes('\u0000')) {
    throw new InputError('path: must not contain a NUL character');
  }
  for (const [name, value] of Object.entries(req.query)) {
    if (containsNul(value)) {
      throw new InputError(`query.${name}: must not contain a NUL character`);
    }
  }
  next();
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value && typeof value === 'object') {
    return Object.values(value).some(containsNul);
  }
  return false;
}

const DATABASE_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
]);

const DATABASE_UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection|connection error and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

/*
 * While the database is down or restarting, callers get a 503 they may
 * retry, not a 500 that reads like a bug. The cause (with its SQL) goes to
 * the log, not to the caller.
 */
function databaseOutageAsUnavailable(logger: LoggerService) {
  return (error: Error, _req: Request, _res: Response, next: NextFunction) => {
    const code = (error as { code?: string }).code;
    if (
      (code && DATABASE_UNAVAILABLE_CODES.has(code)) ||
      error.name === 'KnexTimeoutError' ||
      DATABASE_UNAVAILABLE_MESSAGES.test(String(error.message))
    ) {
      logger.warn(`Database unavailable: ${error.message}`);
      next(
        new ServiceUnavailableError(
          'The Build vs Buy database is unavailable; try again shortly',
        ),
      );
      return;
    }
    next(error);
  };
}

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

function withoutUndefined(meta: Record<string, string | number | undefined>) {
  return Object.fromEntries(
    Object.entries(meta).filter(([, value]) => value !== undefined),
  ) as Record<string, string | number>;
}
