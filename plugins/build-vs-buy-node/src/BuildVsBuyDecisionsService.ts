import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type {
  EvaluationSummary,
  Page,
  StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';

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
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.cursor !== undefined) query.set('cursor', options.cursor);
    const response = await this.#request(
      `/dashboard/due-for-revisit?${query}`,
      context.credentials,
    );
    return (await this.#json(response)) as Page<EvaluationSummary>;
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
