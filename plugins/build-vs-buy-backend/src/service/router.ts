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

import type {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  confirmEvaluationRequestSchema,
  createEvaluationRequestSchema,
  createVendorEventRequestSchema,
  DASHBOARD_LISTS,
  entityEvaluationsRequestSchema,
  evaluationDraftSchema,
  type Page,
  type StoredEvaluation,
  updateEvaluationRequestSchema,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import express, { Request } from 'express';
import { z } from 'zod';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import {
  type EvaluationService,
  type ServiceContext,
  StaleVersionError,
} from './EvaluationService';
import {
  decisionCsvColumns,
  namedRefsOf,
  notEvaluatedCsvColumns,
  portfolioRefsOf,
  sendCsvView,
  type CsvPage,
  teamCoverageCsvColumns,
  vendorPortfolioCsvColumns,
} from './middleware/csv';
import { databaseOutageAsUnavailable } from './middleware/databaseOutage';
import { parseJsonBody } from './middleware/jsonBody';
import { rejectNulCharacters } from './middleware/rejectNulCharacters';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  filterOf,
  listQuerySchema,
  normalizeEntityRef,
  parse,
  teamCoverageOrderOf,
  teamCoverageQuerySchema,
  vendorPortfolioOrderOf,
  vendorPortfolioQuerySchema,
  vendorEventsQuerySchema,
  versionSchema,
} from './requests';
import { nameTheField } from './validationErrors';

export { MAX_BODY_BYTES } from './middleware/jsonBody';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRequest = Request<any, any, any, any>;

export type RouterOptions = {
  service: EvaluationService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  /** Check every response against the spec too (the test harness does). */
  validateResponses?: boolean;
};

/**
 * The HTTP API of the plugin: an adapter from the OpenAPI routes to
 * {@link EvaluationService}. Each handler takes the caller's credentials,
 * parses its input (a 400 naming the field) and calls the service, which
 * owns permissions, orchestration and audit events.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth } = options;
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

  // JSON text made of stored evaluations, the answers spliced in as they
  // were saved: res.json would parse and write them all again. The spec's
  // response validator checks only what goes through res.json.
  const sendStoredJson = (res: express.Response, json: string) => {
    if (options.validateResponses) {
      res.json(JSON.parse(json));
      return;
    }
    res.type('json').send(json);
  };
  const contextOf = async (req: AnyRequest): Promise<ServiceContext> => ({
    credentials: await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    }),
    request: req,
  });
  const pageOf = (query: z.infer<typeof listQuerySchema>) => ({
    filter: filterOf(query),
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    cursor: query.cursor,
  });

  // A CSV asked for without a limit is the whole view (see sendCsvView).
  const csvRequestOf = (query: { limit?: number; cursor?: string }) => ({
    limit: query.limit,
    cursor: query.cursor,
    pageSize: MAX_PAGE_SIZE,
  });

  // A page of decisions for a CSV: its columns in words, with the display
  // names of the entities the page names.
  const decisionsInWords = async (
    page: Page<StoredEvaluation>,
    context: ServiceContext,
  ): Promise<CsvPage<StoredEvaluation>> => ({
    page,
    columns: decisionCsvColumns(
      await service.displayNames(namedRefsOf(page.items), context),
    ),
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/evaluations', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(listQuerySchema, req.query, 'query');
    if (query.format === 'csv') {
      // In words, as the dashboard lists' CSV: the answers and review of
      // each decision, and the display names of the entities it names.
      await sendCsvView(res, csvRequestOf(query), async page =>
        decisionsInWords(
          await service.listInFull(
            { filter: filterOf(query), ...page, order: query.order },
            context,
          ),
          context,
        ),
      );
      return;
    }
    res.json(
      await service.list(
        { ...pageOf(query), order: query.order, view: query.view },
        context,
      ),
    );
  });

  router.post('/evaluations', async (req, res) => {
    const context = await contextOf(req);
    const body = parse(createEvaluationRequestSchema, req.body, 'body');
    res.status(201).json(await service.create(body, context));
  });

  router.get('/evaluations/:id', async (req, res) => {
    res.json(await service.get(req.params.id, await contextOf(req)));
  });

  // A stale version: the 409 carries the current record to merge with.
  const staleVersionAnswered = (
    error: unknown,
    req: AnyRequest,
    res: express.Response,
  ) => {
    if (!(error instanceof StaleVersionError)) {
      throw error;
    }
    res.status(409).json({
      error: { name: error.name, message: error.message },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 409 },
      current: error.current,
    });
  };

  router.put('/evaluations/:id', async (req, res) => {
    const context = await contextOf(req);
    const body = parse(updateEvaluationRequestSchema, req.body, 'body');
    try {
      res.json(await service.update(req.params.id, body, context));
    } catch (error) {
      staleVersionAnswered(error, req, res);
    }
  });

  router.post('/evaluations/:id/confirm', async (req, res) => {
    const context = await contextOf(req);
    const body = parse(confirmEvaluationRequestSchema, req.body, 'body');
    try {
      res.json(await service.confirm(req.params.id, body, context));
    } catch (error) {
      staleVersionAnswered(error, req, res);
    }
  });

  router.delete('/evaluations/:id', async (req, res) => {
    const context = await contextOf(req);
    const version = parse(versionSchema, req.query.version, 'query.version');
    await service.archive(req.params.id, version, context);
    res.status(204).end();
  });

  router.get('/evaluations/:id/revisions', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(
      listQuerySchema.pick({ limit: true, cursor: true }),
      req.query,
      'query',
    );
    res.json(
      await service.listRevisions(
        req.params.id,
        { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor },
        context,
      ),
    );
  });

  router.get('/evaluations/:id/revisions/:version', async (req, res) => {
    const context = await contextOf(req);
    const version = parse(versionSchema, req.params.version, 'version');
    res.json(await service.getRevision(req.params.id, version, context));
  });

  router.get('/evaluations/:id/diff', async (req, res) => {
    const context = await contextOf(req);
    const versions = parse(
      z.strictObject({ from: versionSchema, to: versionSchema }),
      req.query,
      'query',
    );
    res.json(await service.diff(req.params.id, versions, context));
  });

  router.get('/entities/:entityRef/evaluation', async (req, res) => {
    const context = await contextOf(req);
    const entityRef = normalizeEntityRef(req.params.entityRef);
    const [stored] = await service.getByEntityRefsJson([entityRef], context);
    if (stored === undefined) {
      throw new NotFoundError(`${entityRef} has no evaluation`);
    }
    sendStoredJson(res, stored);
  });

  router.post('/entities/evaluations/by-refs', async (req, res) => {
    const context = await contextOf(req);
    const { entityRefs } = parse(
      entityEvaluationsRequestSchema,
      req.body,
      'body',
    );
    const stored = await service.getByEntityRefsJson(entityRefs, context);
    sendStoredJson(
      res,
      `{"items":[${stored.map(text => text ?? 'null').join(',')}]}`,
    );
  });

  router.post('/evaluate', async (req, res) => {
    await contextOf(req);
    const { evaluation } = parse(
      z.strictObject({ evaluation: evaluationDraftSchema }),
      req.body,
      'body',
    );
    res.json(service.preview(evaluation));
  });

  router.get('/dashboard/summary', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(listQuerySchema, req.query, 'query');
    res.json(await service.summarize(filterOf(query), context));
  });

  router.get('/dashboard/not-evaluated', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(listQuerySchema, req.query, 'query');
    if (query.format !== 'csv') {
      res.json(await service.listNotEvaluated(pageOf(query), context));
      return;
    }
    await sendCsvView(res, csvRequestOf(query), async page => {
      const unevaluated = await service.listNotEvaluated(
        { filter: filterOf(query), ...page },
        context,
      );
      const names = await service.displayNames(
        namedRefsOf(unevaluated.items),
        context,
      );
      return {
        page: unevaluated,
        columns: notEvaluatedCsvColumns(names),
      };
    });
  });

  router.get('/coverage/teams', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(teamCoverageQuerySchema, req.query, 'query');
    const { ownerGroups, system, lifecycle } = filterOf({
      ownerGroup: query.ownerGroup,
      system: query.system,
      lifecycle: query.lifecycle,
    });
    const coverage = (page: { limit: number; cursor?: string }) =>
      service.teamCoverage(
        {
          filter: { ownerGroups, system, lifecycle },
          ...teamCoverageOrderOf(query),
          ...page,
        },
        context,
      );
    if (query.format !== 'csv') {
      res.json(
        await coverage({
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          cursor: query.cursor,
        }),
      );
      return;
    }
    await sendCsvView(res, csvRequestOf(query), async page => {
      const teams = await coverage(page);
      const names = await service.displayNames(
        teams.items.map(team => team.ownerRef),
        context,
      );
      return { page: teams, columns: teamCoverageCsvColumns(names) };
    });
  });

  router.get('/portfolio/products', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(vendorPortfolioQuerySchema, req.query, 'query');
    const products = (page: { limit: number; cursor?: string }) =>
      service.vendorPortfolio(
        { ...vendorPortfolioOrderOf(query), ...page },
        context,
      );
    if (query.format !== 'csv') {
      res.json(
        await products({
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          cursor: query.cursor,
        }),
      );
      return;
    }
    await sendCsvView(res, csvRequestOf(query), async page => {
      const portfolio = await products(page);
      const names = await service.displayNames(
        portfolioRefsOf(portfolio.items),
        context,
      );
      return { page: portfolio, columns: vendorPortfolioCsvColumns(names) };
    });
  });

  router.post('/portfolio/products/events', async (req, res) => {
    const context = await contextOf(req);
    const body = parse(createVendorEventRequestSchema, req.body, 'body');
    const { event, created } = await service.recordVendorEvent(body, context);
    // A retry with a key already recorded gets the event it recorded.
    res.status(created ? 201 : 200).json(event);
  });

  router.get('/portfolio/products/events', async (req, res) => {
    const context = await contextOf(req);
    const query = parse(vendorEventsQuerySchema, req.query, 'query');
    res.json({ items: await service.listVendorEvents(query.product, context) });
  });

  router.get('/dashboard/:list', async (req, res) => {
    const context = await contextOf(req);
    const list = parse(z.enum(DASHBOARD_LISTS), req.params.list, 'list');
    const query = parse(listQuerySchema, req.query, 'query');
    if (query.format !== 'csv') {
      res.json(await service.listAttention(list, pageOf(query), context));
      return;
    }
    // In words: the answers and review of each decision, and the display
    // names of the entities it names.
    await sendCsvView(res, csvRequestOf(query), async page =>
      decisionsInWords(
        await service.listAttentionInFull(
          list,
          { filter: filterOf(query), ...page },
          context,
        ),
        context,
      ),
    );
  });

  router.use(nameTheField);
  router.use(databaseOutageAsUnavailable(options.logger));
  return router;
}
