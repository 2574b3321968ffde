import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
  ServiceRef,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  BuildVsBuyHttpClient,
  type DecisionListFilter,
  type EvaluationSummary,
  type Page,
  type PageQuery,
  type StoredEvaluation,
  type UnevaluatedEntity,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/**
 * Which decisions to list: the list filter of `GET /evaluations` and a page.
 * Without a `status`, archived evaluations are left out.
 *
 * @public
 */
export type ListDecisionsOptions = DecisionListFilter & PageQuery;

/**
 * Reads Build vs Buy decisions on behalf of a caller, with the caller's
 * credentials, so the plugin's permission policy applies to other backend
 * plugins too. Failures are `ResponseError`s from `@backstage/errors`.
 *
 * @public
 */
export interface BuildVsBuyDecisionsService {
  /** The current decision of an entity, or undefined when it has none. */
  getDecision(
    options: { entityRef: string },
    context: { credentials: BackstageCredentials },
  ): Promise<StoredEvaluation | undefined>;
  /** One page of the decisions that are due soon or overdue for revisit. */
  listDueForRevisit(
    options: PageQuery,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<EvaluationSummary>>;
  /**
   * One page of decisions, most recently updated first; follow `nextCursor`
   * for the next one, or use {@link readAllDecisions}.
   */
  listDecisions(
    options: ListDecisionsOptions,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<EvaluationSummary>>;
  /**
   * One page of decisions in full, with their answers, outcome and review;
   * for readers that index or export every decision (one request a page).
   */
  listEvaluations(
    options: ListDecisionsOptions,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<StoredEvaluation>>;
  /** One evaluation with its answers, or undefined when there is none. */
  getEvaluation(
    options: { id: string },
    context: { credentials: BackstageCredentials },
  ): Promise<StoredEvaluation | undefined>;
  /** One page of the catalog components that have no evaluation yet. */
  listNotEvaluated(
    options: PageQuery,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<UnevaluatedEntity>>;
}

/**
 * A client of the Build vs Buy backend over HTTP, through discovery and
 * on-behalf-of tokens, on the plugin's one typed client
 * (`BuildVsBuyHttpClient` from -common).
 *
 * @public
 */
export class DefaultBuildVsBuyDecisionsService
  implements BuildVsBuyDecisionsService
{
  readonly #auth: AuthService;
  readonly #client: BuildVsBuyHttpClient;

  constructor(options: {
    auth: AuthService;
    discovery: DiscoveryService;
    /** The fetch to reach the backend with; tests pass their own. */
    fetch?: typeof fetch;
  }) {
    this.#auth = options.auth;
    const fetchImpl = options.fetch ?? fetch;
    this.#client = new BuildVsBuyHttpClient({
      discoveryApi: options.discovery,
      fetchApi: { fetch: (url, init) => fetchImpl(url, init) },
    });
  }

  async getDecision(
    options: { entityRef: string },
    context: { credentials: BackstageCredentials },
  ): Promise<StoredEvaluation | undefined> {
    return undefinedWhenNotFound(
      this.#client.getEntityEvaluation(
        { entityRef: options.entityRef },
        await this.#tokenFor(context.credentials),
      ),
    );
  }

  async listDueForRevisit(
    options: PageQuery,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<EvaluationSummary>> {
    return this.#client.listDashboard(
      { list: 'due-for-revisit' },
      { limit: options.limit, cursor: options.cursor },
      await this.#tokenFor(context.credentials),
    );
  }

  async listDecisions(
    options: ListDecisionsOptions,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<EvaluationSummary>> {
    return this.#client.listEvaluations(
      options,
      await this.#tokenFor(context.credentials),
    );
  }

  async listEvaluations(
    options: ListDecisionsOptions,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<StoredEvaluation>> {
    return this.#client.listFullEvaluations(
      options,
      await this.#tokenFor(context.credentials),
    );
  }

  async getEvaluation(
    options: { id: string },
    context: { credentials: BackstageCredentials },
  ): Promise<StoredEvaluation | undefined> {
    return undefinedWhenNotFound(
      this.#client.getEvaluation(
        { id: options.id },
        await this.#tokenFor(context.credentials),
      ),
    );
  }

  async listNotEvaluated(
    options: PageQuery,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<UnevaluatedEntity>> {
    return this.#client.listNotEvaluated(
      { limit: options.limit, cursor: options.cursor },
      await this.#tokenFor(context.credentials),
    );
  }

  async #tokenFor(credentials: BackstageCredentials) {
    return this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'build-vs-buy',
    });
  }
}

/* A 404 means none, or none the caller may read: the same to the caller. */
async function undefinedWhenNotFound<T>(
  read: Promise<T>,
): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ResponseError && error.statusCode === 404) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Every decision that matches `options`, read page by page through
 * `listDecisions`: one request per page, never one per decision.
 *
 * @public
 */
export async function* readAllDecisions(
  service: Pick<BuildVsBuyDecisionsService, 'listDecisions'>,
  options: Omit<ListDecisionsOptions, 'cursor'>,
  context: { credentials: BackstageCredentials },
): AsyncGenerator<EvaluationSummary> {
  yield* readPages(cursor =>
    service.listDecisions({ ...options, cursor }, context),
  );
}

/**
 * Every decision that matches `options`, in full, read page by page through
 * `listEvaluations`: one request per page, never one per decision.
 *
 * @public
 */
export async function* readAllEvaluations(
  service: Pick<BuildVsBuyDecisionsService, 'listEvaluations'>,
  options: Omit<ListDecisionsOptions, 'cursor'>,
  context: { credentials: BackstageCredentials },
): AsyncGenerator<StoredEvaluation> {
  yield* readPages(cursor =>
    service.listEvaluations({ ...options, cursor }, context),
  );
}

/**
 * Every catalog component without an evaluation, read page by page through
 * `listNotEvaluated`.
 *
 * @public
 */
export async function* readAllNotEvaluated(
  service: Pick<BuildVsBuyDecisionsService, 'listNotEvaluated'>,
  options: Omit<PageQuery, 'cursor'>,
  context: { credentials: BackstageCredentials },
): AsyncGenerator<UnevaluatedEntity> {
  yield* readPages(cursor =>
    service.listNotEvaluated({ ...options, cursor }, context),
  );
}

/** Follows `nextCursor` to the last page; refuses a cursor repeated. */
async function* readPages<T>(
  list: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    yield* page.items;
    if (page.nextCursor !== undefined && page.nextCursor === cursor) {
      throw new Error(
        `Build vs Buy backend returned the same cursor twice: ${cursor}`,
      );
    }
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * The service reference other backend plugins depend on. Its default
 * factory is {@link buildVsBuyDecisionsServiceFactory}.
 *
 * @public
 */
export const buildVsBuyDecisionsServiceRef: ServiceRef<
  BuildVsBuyDecisionsService,
  'plugin',
  'singleton'
> = createServiceRef<BuildVsBuyDecisionsService>({
  id: 'build-vs-buy.decisions',
  defaultFactory: async service => createDecisionsServiceFactory(service),
});

/**
 * Reads decisions over HTTP from the Build vs Buy backend, found through
 * discovery, with on-behalf-of tokens.
 *
 * @public
 */
export const buildVsBuyDecisionsServiceFactory = createDecisionsServiceFactory(
  buildVsBuyDecisionsServiceRef,
);

function createDecisionsServiceFactory(
  service: ServiceRef<BuildVsBuyDecisionsService, 'plugin', 'singleton'>,
) {
  return createServiceFactory({
    service,
    deps: {
      auth: coreServices.auth,
      discovery: coreServices.discovery,
    },
    factory: ({ auth, discovery }) =>
      new DefaultBuildVsBuyDecisionsService({ auth, discovery }),
  });
}
