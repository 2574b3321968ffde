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

import type { Evaluation } from '../schema';
import { MATURE } from './maturity';

/**
 * "If you are an e-commerce company, your vector database is probably not a
 * core differentiator." A mature managed vector database covers every
 * must-have; it cannot store vectors above 2,048 dimensions, but the
 * workload maxes out at 1,536, so "that is not a gap at all".
 *
 * @public
 */
export const ecommerceVectorDatabase: Evaluation = {
  entityRef: 'component:default/product-similarity-store',
  question:
    'Should we build our own vector store for product similarity search or buy a managed vector database?',
  prerequisites: {
    componentDescription: {
      dataStored:
        '12 million product embeddings (1,536 dimensions) with category, price and stock metadata.',
      queriesHandled:
        'Top-k similar products for product pages and the "more like this" carousel, filtered by category and stock.',
      latencyConstraints: 'p99 under 80 ms at 1,500 QPS during sales events.',
      availabilityConstraints:
        '99.9% monthly; product pages degrade to bestsellers when it is down.',
      dependents: [
        'component:default/product-page',
        'component:default/recommendations-api',
      ],
    },
    teamCapacity: {
      engineers: 14,
      productionSystemsMaintained: 4,
      availableCapacity:
        'One engineer for about a quarter of the next six months, beyond on-call for the four systems we run.',
    },
  },
  coreDifferentiator: {
    answer: 'no',
    competitorTest:
      'No. Two competitors on the same vector database would still differ in catalogue, ranking and merchandising.',
    rationale:
      'It is infrastructure that supports a differentiator: the ranking models are ours, the storage is plumbing.',
  },
  candidates: [
    {
      id: 'vectorcloud',
      name: 'VectorCloud Managed',
      maturity: MATURE,
      coverage: {
        'ann-search': 'met',
        'metadata-filtering': 'met',
        'p99-latency': 'met',
        'bulk-reindex': 'met',
        'point-in-time-backup': 'partial',
        'multi-region': 'met',
        'dimensions-above-2048': 'missing',
        'built-in-dashboards': 'missing',
      },
      integrationWeeks: 4,
      notes:
        'Three retailers at our scale confirmed the SLA held through Black Friday.',
    },
    {
      id: 'newvec',
      name: 'NewVec',
      maturity: { ...MATURE, inProductionTwoYears: false, publicSla: false },
      coverage: {},
      notes:
        'Eighteen months old; impressive benchmark, no operational track record.',
    },
  ],
  requirements: [
    {
      id: 'ann-search',
      title: 'Approximate nearest neighbour search',
      bucket: 'must',
    },
    {
      id: 'metadata-filtering',
      title: 'Filter by category and stock',
      bucket: 'must',
    },
    {
      id: 'p99-latency',
      title: 'p99 under 80 ms at 1,500 QPS',
      bucket: 'must',
    },
    { id: 'bulk-reindex', title: 'Nightly bulk re-index', bucket: 'should' },
    {
      id: 'point-in-time-backup',
      title: 'Point-in-time backup',
      bucket: 'should',
    },
    { id: 'multi-region', title: 'Multi-region replicas', bucket: 'should' },
    {
      id: 'dimensions-above-2048',
      title: 'Vectors with more than 2,048 dimensions',
      bucket: 'should',
      neededByWorkload: false,
      notes: 'Our workload maxes out at 1,536 dimensions.',
    },
    {
      id: 'built-in-dashboards',
      title: 'Built-in usage dashboards',
      bucket: 'nice',
    },
  ],
  gaps: [
    {
      candidateId: 'vectorcloud',
      requirementId: 'point-in-time-backup',
      scope: 'edge',
      note: 'Daily snapshots only; we can re-embed from the catalogue.',
    },
  ],
  maintenance: {
    canAllocateTwentyPercentPermanently: false,
    plan: '',
  },
  failureModes: {
    migrationPlan: {
      dataExtraction:
        'Embeddings are regenerated from the catalogue; metadata is exported nightly to object storage.',
      alternative:
        'Self-hosted open-source vector database behind the same client interface.',
    },
    integrationCostWeeks: 4,
    engineersOperating: 3,
    learningCurveWeeksPerEngineer: 1.5,
    twelveMonthRoadmap: 'Image embeddings next year; same dimensions.',
    requirementsStability: 'stable',
    buildingBecauseBuyingIsBoring: false,
  },
  organisationProfile: 'mid-size',
  revisitBy: '2026-12-01',
  sessionDurationMinutes: 55,
};
