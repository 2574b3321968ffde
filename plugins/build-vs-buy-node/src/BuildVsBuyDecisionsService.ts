import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type {
  EvaluationStatus,
  EvaluationSummary,
  Page,
  ReviewStatus,
  StoredEvaluation,
  UnevaluatedEntity,
  VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/**
 * Which decisions to list: the filters of `GET /evaluations`. Without a
 * `status`, archived evaluations are left out.
 *
 * @public
 */
export type ListDecisionsOptions = {
  entityRef?: string;
  verdict?: VerdictKind;
  reviewStatus?: ReviewStatus;
  status?: EvaluationStatus;
  /** Page size, 1 to 500; the backend's default is 50. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
};

/**
 * Reads Build vs Buy decisions on behalf of a caller, with the caller's
 * credentials, so the plugin's permission policy applies to other backend
 * plugins too.
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
    options: { limit?: number; cursor?: string },
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
    options: { limit?: number; cursor?: string },
    context: { credentials: BackstageCredentials },
  ): Promise<Page<UnevaluatedEntity>>;
}

/**
 * A client of the Build vs Buy backend over HTTP, through discovery and
 * on-behalf-of tokens.
 *
 * @public
 */
export class DefaultBuildVsBuyDecisionsService
  implements BuildVsBuyDecisionsService
{
  readonly #auth: AuthService;
  readonly #discovery: DiscoveryService;
  readonly #fetch: typeof fetch;

  constructor(options: {
    auth: AuthService;
    discovery: DiscoveryService;
    fetch?: typeof fetch;
  }) {
    this.#auth = options.auth;
    this.#discovery = options.discovery;
    this.#fetch = options.fetch ?? fetch;
  }

  async getDecision(
    options: { entityRef: string },
    context: { credentials: BackstageCredentials },
  ): Promise<StoredEvaluation | undefined> {
    const response = await this.#request(
      `/entities/${encodeURIComponent(options.entityRef)}/evaluation`,
      context.credentials,
    );
    if (response.status === 404) {
      return undefined;
    }
    return (await this.#json(response)) as StoredEvaluation;
  }

  async listDueForRevisit(
    options: { limit?: number; cursor?: string },
    context: { credentials: BackstageCredentials },
  ): Promise<Page<EvaluationSummary>> {
    const response = await this.#request(
      `/dashboard/due-for-revisit?${queryOf(options)}`,
      context.credentials,
    );
    return (await this.#json(response)) as Page<EvaluationSummary>;
  }

  async listDecisions(
    options: ListDecisionsOptions,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<EvaluationSummary>> {
    const response = await this.#request(
      `/evaluations?${queryOf(options)}`,
      context.credentials,
    );
    return (await this.#json(response)) as Page<EvaluationSummary>;
  }

  async listEvaluations(
    options: ListDecisionsOptions,
    context: { credentials: BackstageCredentials },
  ): Promise<Page<StoredEvaluation>> {
    const response = await this.#request(
      `/evaluations?${queryOf({ ...options, view: 'full' })}`,
      context.credentials,
    );
    return (await this.#json(response)) as Page<StoredEvaluation>;
  }

  async getEvaluation(
    options: { id: string },
    context: { credentials: BackstageCredentials },
  ): Promise<StoredEvaluation | undefined> {
    const response = await this.#request(
      `/evaluations/${encodeURIComponent(options.id)}`,
      context.credentials,
    );
    if (response.status === 404) {
      return undefined;
    }
    return (await this.#json(response)) as StoredEvaluation;
  }

  async listNotEvaluated(
    options: { limit?: number; cursor?: string },
    context: { credentials: BackstageCredentials },
  ): Promise<Page<UnevaluatedEntity>> {
    const response = await this.#request(
      `/dashboard/not-evaluated?${queryOf(options)}`,
      context.credentials,
    );
    return (await this.#json(response)) as Page<UnevaluatedEntity>;
  }

  async #request(path: string, credentials: BackstageCredentials) {
    const baseUrl = await this.#discovery.getBaseUrl('build-vs-buy');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'build-vs-buy',
    });
    return this.#fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  async #json(response: Response): Promise<unknown> {
    if (!response.ok) {
      const body = await response.text();
      throw new Error(
        `Build vs Buy backend answered ${response.status} ${response.statusText}: ${body}`,
      );
    }
    return response.json();
  }
}

function queryOf(options: Record<string, string | number | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) query.set(key, String(value));
  }
  return query;
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
 * The service reference other backend plugins depend on.
 *
 * @public
 */
export const buildVsBuyDecisionsServiceRef =
  createServiceRef<BuildVsBuyDecisionsService>({
    id: 'build-vs-buy.decisions',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          auth: coreServices.auth,
          discovery: coreServices.discovery,
        },
        factory: ({ auth, discovery }) =>
          new DefaultBuildVsBuyDecisionsService({ auth, discovery }),
      }),
  });
