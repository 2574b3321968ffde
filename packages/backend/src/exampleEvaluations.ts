import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  Evaluation,
  Page,
  EvaluationSummary,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  clinicalValidationPipeline,
  ecommerceVectorDatabase,
  ragHybridSearch,
  searchRetrievalPipeline,
  startupObservability,
} from '@build-vs-buy/plugin-build-vs-buy-common/examples';

const DAY = 86_400_000;

function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

/**
 * The example catalog's teams as the seeded decisions describe them: the
 * members each group has in examples/org.yaml, and what the team wrote down
 * as its capacity ("Not headcount. Capacity.").
 */
const TEAMS = {
  'applied-ml-startup': {
    engineers: 5,
    productionSystemsMaintained: 2,
    availableCapacity:
      'One engineer for about a quarter of the next six months, beyond on-call for the storefront and its search.',
  },
  'search-relevance': {
    engineers: 8,
    productionSystemsMaintained: 3,
    availableCapacity:
      'Five of the eight engineers work on retrieval full time: it is the product.',
  },
  'clinical-ai': {
    engineers: 7,
    productionSystemsMaintained: 3,
    availableCapacity:
      'Two engineers and a clinical data scientist for the year.',
  },
  'ml-platform': {
    engineers: 12,
    productionSystemsMaintained: 4,
    availableCapacity:
      'A few days a month beyond the four production systems the team already runs.',
  },
} as const;

/**
 * Places an example on a component, owned and assessed by one team, with
 * the example catalog's components that depend on it.
 */
function placed(
  example: Evaluation,
  component: string,
  team: keyof typeof TEAMS,
  dependents: string[],
  rest: Partial<Evaluation>,
): Evaluation {
  return {
    ...example,
    entityRef: `component:default/${component}`,
    prerequisites: {
      componentDescription: {
        ...example.prerequisites.componentDescription,
        dependents: dependents.map(name => `component:default/${name}`),
      },
      teamCapacity: TEAMS[team],
    },
    maintenance: {
      ...example.maintenance,
      ownerGroupRef: `group:default/${team}`,
    },
    ...rest,
  };
}

/**
 * The article's examples placed on the example catalog's components, with
 * the capacity of the team that owns each and the profile of the example
 * organisation (Acme AI, 32 engineers: the article's mid-size team; its
 * clinical team works in a regulated industry), and revisit dates relative
 * to today so the dashboard has something in every list: a fresh buy, a
 * build due soon, an overdue build, a buy without a migration plan, and a
 * decision with no qualifying candidate.
 */
export function exampleEvaluations(now: Date): Evaluation[] {
  const { migrationPlan: _dropped, ...ragFailureModesWithoutPlan } =
    ragHybridSearch.failureModes;
  return [
    placed(
      ecommerceVectorDatabase,
      'vector-database',
      'applied-ml-startup',
      ['product-search'],
      {
        organisationProfile: 'mid-size',
        revisitBy: daysFrom(now, 150),
      },
    ),
    placed(
      searchRetrievalPipeline,
      'retrieval-pipeline',
      'search-relevance',
      [],
      {
        organisationProfile: 'mid-size',
        revisitBy: daysFrom(now, -20),
      },
    ),
    placed(
      clinicalValidationPipeline,
      'clinical-validation-pipeline',
      'clinical-ai',
      [],
      { revisitBy: daysFrom(now, 12) },
    ),
    placed(ragHybridSearch, 'rag-retriever', 'ml-platform', ['llm-gateway'], {
      organisationProfile: 'mid-size',
      failureModes: ragFailureModesWithoutPlan,
      revisitBy: daysFrom(now, 90),
    }),
    placed(
      startupObservability,
      'model-monitoring',
      'ml-platform',
      ['clinical-validation-pipeline'],
      {
        organisationProfile: 'mid-size',
        revisitBy: daysFrom(now, 60),
      },
    ),
  ];
}

/**
 * Seeds the example portal: once the backend has started, and only while
 * the plugin has no evaluation at all, records the examples through the
 * plugin's own HTTP API, so they pass the same validation, catalog checks
 * and audit as any other save. Not part of the plugin: adopters do not
 * install it.
 */
const CATALOG_WAIT_MS = 5 * 60_000;
const CATALOG_POLL_MS = 3_000;

export default createBackendModule({
  pluginId: 'build-vs-buy',
  moduleId: 'example-evaluations',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ auth, discovery, lifecycle, logger, catalog }) {
        let stopped = false;
        lifecycle.addShutdownHook(() => {
          stopped = true;
        });

        const seed = async () => {
          const credentials = await auth.getOwnServiceCredentials();
          const evaluations = exampleEvaluations(new Date());
          // The catalog reads the example files after start-up; the plugin
          // refuses evaluations of entities it does not know yet.
          const deadline = Date.now() + CATALOG_WAIT_MS;
          for (;;) {
            const { items } = await catalog.getEntitiesByRefs(
              { entityRefs: evaluations.map(e => e.entityRef) },
              { credentials },
            );
            if (items.every(Boolean)) break;
            if (stopped || Date.now() > deadline) {
              logger.warn(
                'The example catalog did not load in time; no example evaluations were seeded',
              );
              return;
            }
            await new Promise(resolve => setTimeout(resolve, CATALOG_POLL_MS));
          }

          const baseUrl = await discovery.getBaseUrl('build-vs-buy');
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'build-vs-buy',
          });
          const headers = {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
          };
          const existing = await fetch(`${baseUrl}/evaluations?limit=1`, {
            headers,
          });
          if (!existing.ok) {
            throw new Error(`listing evaluations answered ${existing.status}`);
          }
          const page = (await existing.json()) as Page<EvaluationSummary>;
          if (page.items.length > 0) {
            return;
          }
          let seeded = 0;
          for (const evaluation of evaluations) {
            const response = await fetch(`${baseUrl}/evaluations`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ status: 'complete', evaluation }),
            });
            if (response.ok) {
              seeded += 1;
            } else {
              const body = (await response.json()) as {
                error?: { message?: string };
              };
              logger.warn(
                `Could not seed the example evaluation of ${evaluation.entityRef}: ${response.status} ${body.error?.message}`,
              );
            }
          }
          logger.info(`Seeded ${seeded} example build-vs-buy evaluations`);
        };

        // In the background: start-up does not wait for the catalog.
        lifecycle.addStartupHook(() => {
          seed().catch(error =>
            logger.warn(`Seeding example evaluations failed: ${error}`),
          );
        });
      },
    });
  },
});
