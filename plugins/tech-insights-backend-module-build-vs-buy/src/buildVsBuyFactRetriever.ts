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
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  toIsoDate,
  type EvaluationSummary,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  BuildVsBuyDecisionsService,
  readAllDecisions,
  readAllNotEvaluated,
} from '@build-vs-buy/plugin-build-vs-buy-node';
import { DateTime } from 'luxon';

/**
 * The id of the retriever, and its key under `techInsights.factRetrievers`
 * in config.
 *
 * @public
 */
export const BUILD_VS_BUY_FACT_RETRIEVER_ID = 'build-vs-buy-decision-retriever';

/** The value of `verdict` and `reviewStatus` for a component without a decision. */
const NONE = 'none';

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

/**
 * Options of {@link createBuildVsBuyFactRetriever}.
 *
 * @public
 */
export type BuildVsBuyFactRetrieverOptions = {
  /** Reads the decisions: `buildVsBuyDecisionsServiceRef` of -node. */
  decisions: BuildVsBuyDecisionsService;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Decisions per request to the Build vs Buy backend, 1 to 500. Default 200. */
  batchSize?: number;
};

/**
 * A fact retriever that publishes, for every catalog component, the state of
 * its Build vs Buy decision. A component without a decision gets
 * `verdict: 'none'`, `reviewStatus: 'none'`, every boolean `false`, and no
 * `daysUntilRevisit`, since it has no revisit date.
 *
 * @public
 */
export function createBuildVsBuyFactRetriever(
  options: BuildVsBuyFactRetrieverOptions,
): FactRetriever {
  const { decisions } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 200;
  return {
    id: BUILD_VS_BUY_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Build vs Buy decision',
    description:
      'Whether a component has a Build vs Buy decision, its verdict, and whether it is current',
    entityFilter: [{ kind: 'component' }],
    schema: {
      verdict: {
        type: 'string',
        description:
          "The verdict: build, buy, buy-with-wrapper, no-qualifying-candidate, incomplete (a draft), or 'none' without a decision",
      },
      reviewStatus: {
        type: 'string',
        description:
          "current, due-soon or overdue for revisit; 'none' without a decision",
      },
      hasMigrationPlan: {
        type: 'boolean',
        description:
          'The decision records how to get the data out and what to move to',
      },
      hasMaintenanceOwner: {
        type: 'boolean',
        description: 'The decision names a group that maintains the component',
      },
      daysUntilRevisit: {
        type: 'integer',
        description:
          'Days until the revisit date, negative once it has passed; absent without a decision',
      },
      decisionCurrent: {
        type: 'boolean',
        description:
          'A complete decision whose review status is current: not a draft, not due for revisit',
      },
    },
    async handler(context) {
      const credentials = await context.auth.getOwnServiceCredentials();
      const at = now();
      const timestamp = DateTime.fromJSDate(at);
      const facts = new Map<string, TechInsightFact>();

      for await (const summary of readAllDecisions(
        decisions,
        { limit: batchSize },
        { credentials },
      )) {
        const entity = componentOf(summary.entityRef);
        if (entity && !summary.entity.missing) {
          facts.set(keyOf(summary.entityRef), {
            entity,
            facts: decisionFacts(summary, at),
            timestamp,
          });
        }
      }

      for await (const { entityRef } of readAllNotEvaluated(
        decisions,
        { limit: batchSize },
        { credentials },
      )) {
        const entity = componentOf(entityRef);
        // Evaluated between the two reads: the decision stands.
        if (entity && !facts.has(keyOf(entityRef))) {
          facts.set(keyOf(entityRef), {
            entity,
            facts: {
              verdict: NONE,
              reviewStatus: NONE,
              hasMigrationPlan: false,
              hasMaintenanceOwner: false,
              decisionCurrent: false,
            },
            timestamp,
          });
        }
      }
      return [...facts.values()];
    },
  };
}

/** The facts of one decision as of `at`. */
function decisionFacts(summary: EvaluationSummary, at: Date) {
  return {
    verdict: summary.verdict.kind,
    reviewStatus: summary.reviewStatus,
    hasMigrationPlan: summary.hasMigrationPlan,
    hasMaintenanceOwner: summary.maintenanceOwnerRef !== undefined,
    ...(summary.revisitBy && {
      daysUntilRevisit: Math.round(
        (Date.parse(summary.revisitBy) - Date.parse(toIsoDate(at))) /
          DAY_MILLISECONDS,
      ),
    }),
    decisionCurrent:
      summary.status === 'complete' && summary.reviewStatus === 'current',
  };
}

/** The backend keeps entity refs in lower case; the catalog may not. */
function keyOf(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

function componentOf(entityRef: string): TechInsightFact['entity'] | undefined {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return kind.toLocaleLowerCase('en-US') === 'component'
    ? { kind, namespace, name }
    : undefined;
}
