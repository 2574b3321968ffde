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
 * Builders for the engine tests. The base evaluation is a complete,
 * warning-free buy of one mature candidate by a mid-size team; each test
 * changes the one answer it is about.
 */

import type {
  CoverageLevel,
  Evaluation,
  GapClassification,
  Maturity,
  Requirement,
  RequirementBucket,
  VendorCandidate,
} from '../schema';

export const MATURE: Maturity = {
  inProductionTwoYears: true,
  customersAtYourScale: true,
  publicSla: true,
  failureModeTrackRecord: true,
  referencesChecked: true,
};

export function requirement(
  id: string,
  bucket: RequirementBucket,
  extra: Partial<Requirement> = {},
): Requirement {
  return { id, title: `Requirement ${id}`, bucket, ...extra };
}

/** One must-have `m1` and five should-haves `s1`..`s5`. */
export const REQUIREMENTS: Requirement[] = [
  requirement('m1', 'must'),
  requirement('s1', 'should'),
  requirement('s2', 'should'),
  requirement('s3', 'should'),
  requirement('s4', 'should'),
  requirement('s5', 'should'),
];

/** A mature candidate; requirements not named in `coverage` are met. */
export function candidate(
  id: string,
  coverage: Record<string, CoverageLevel> = {},
  extra: Partial<VendorCandidate> = {},
): VendorCandidate {
  const full: Record<string, CoverageLevel> = {};
  for (const { id: requirementId } of REQUIREMENTS) {
    full[requirementId] = 'met';
  }
  return {
    id,
    name: `Vendor ${id}`,
    maturity: MATURE,
    coverage: { ...full, ...coverage },
    ...extra,
  };
}

export function gap(
  candidateId: string,
  requirementId: string,
  scope: 'core' | 'edge',
  breadth?: 'narrow' | 'broad',
): GapClassification {
  return breadth
    ? { candidateId, requirementId, scope, breadth }
    : { candidateId, requirementId, scope };
}

export function anEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    entityRef: 'component:default/vector-store',
    question: 'Build or buy the vector store?',
    prerequisites: {
      componentDescription: {
        dataStored: 'Product embeddings',
        queriesHandled: 'Top-k similarity',
        latencyConstraints: 'p99 under 100 ms',
        availabilityConstraints: '99.9%',
        dependents: ['component:default/product-page'],
      },
      teamCapacity: {
        engineers: 20,
        productionSystemsMaintained: 3,
        availableCapacity: 'One engineer for a quarter',
      },
    },
    coreDifferentiator: {
      answer: 'no',
      competitorTest: 'No, our edge is the ranking.',
      rationale: 'It is plumbing.',
    },
    candidates: [candidate('acme')],
    requirements: REQUIREMENTS,
    gaps: [],
    maintenance: {
      canAllocateTwentyPercentPermanently: true,
      ownerGroupRef: 'group:default/platform',
      plan: 'Monitoring, upgrades, on-call.',
    },
    failureModes: {
      migrationPlan: {
        dataExtraction: 'Nightly export',
        alternative: 'Open-source vector database',
      },
      integrationCostWeeks: 3,
      engineersOperating: 2,
      twelveMonthRoadmap: 'Image embeddings',
      requirementsStability: 'stable',
      buildingBecauseBuyingIsBoring: false,
    },
    organisationProfile: 'mid-size',
    revisitBy: '2026-09-01',
    sessionDurationMinutes: 45,
    ...overrides,
  };
}

/** The base evaluation on the build path: no candidate at all. */
export function aBuildEvaluation(
  overrides: Partial<Evaluation> = {},
): Evaluation {
  return anEvaluation({ candidates: [], ...overrides });
}
