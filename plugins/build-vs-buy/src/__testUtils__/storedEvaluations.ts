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
  evaluate,
  hasMigrationPlan,
  reviewStatus,
  lacksBuildFallback,
  teamDecisionOf,
  type EvaluationDraft,
  type EvaluationSummary,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';

export const NOW = new Date('2026-06-01T12:00:00Z');

/** A stored evaluation as the backend returns it, from an example. */
export function storedEvaluation(
  key: string,
  overrides: Partial<StoredEvaluation> & {
    evaluation?: EvaluationDraft;
  } = {},
): StoredEvaluation {
  const example = EXAMPLE_EVALUATIONS.find(e => e.key === key);
  if (!example) {
    throw new Error(`No example ${key}`);
  }
  const evaluation = overrides.evaluation ?? example.evaluation;
  const outcome = evaluate(evaluation, { now: NOW });
  return {
    id: `evaluation-${key}`,
    entityRef: evaluation.entityRef,
    version: 3,
    status: 'complete',
    outcome,
    review: reviewStatus(evaluation, NOW, { verdict: outcome.verdict }),
    entity: {
      title: example.title,
      ownerRef: 'group:default/ml-platform',
      systemRef: 'system:default/search',
      lifecycle: 'production',
      missing: false,
    },
    createdAt: '2026-01-10T09:00:00.000Z',
    createdBy: 'user:default/ada',
    updatedAt: '2026-02-01T10:30:00.000Z',
    updatedBy: 'user:default/grace',
    ...overrides,
    evaluation,
  };
}

/** The list row of a stored evaluation. */
export function evaluationSummary(stored: StoredEvaluation): EvaluationSummary {
  const team = teamDecisionOf(stored.evaluation, stored.outcome.verdict);
  return {
    id: stored.id,
    entityRef: stored.entityRef,
    version: stored.version,
    status: stored.status,
    verdict: stored.outcome.verdict,
    teamDecision: team.decision,
    decidedAgainstTree: team.decidedAgainstTree,
    regulatedWithoutBuildFallback: lacksBuildFallback(
      stored.evaluation,
      team.decision,
    ),
    reviewStatus: stored.review.status,
    revisitBy: stored.review.revisitBy,
    maintenanceOwnerRef: stored.evaluation.maintenance?.ownerGroupRef,
    hasMigrationPlan: hasMigrationPlan(stored.evaluation),
    candidateNames: stored.evaluation.candidates?.map(({ name }) => name),
    entity: stored.entity,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

export const componentEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'product-similarity-store',
    namespace: 'default',
    description: 'Vector store behind product similarity search',
  },
  spec: {
    type: 'service',
    owner: 'group:default/ml-platform',
    system: 'search',
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/ml-platform' },
    { type: 'partOf', targetRef: 'system:default/search' },
    { type: 'dependencyOf', targetRef: 'component:default/product-page' },
    { type: 'dependsOn', targetRef: 'resource:default/embeddings-bucket' },
  ],
};

function group(name: string, displayName: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', profile: { displayName }, children: [] },
  };
}

/** The catalog around `componentEntity`: its owner, other groups, its dependents. */
export const catalogEntities = [
  componentEntity,
  group('ml-platform', 'ML Platform'),
  group('search-relevance', 'Search Relevance'),
  group('applied-ml-startup', 'Applied ML Startup'),
  ...['product-page', 'recommendations-api'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/ml-platform' },
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada', namespace: 'default' },
    spec: { memberOf: ['ml-platform'] },
  },
];
