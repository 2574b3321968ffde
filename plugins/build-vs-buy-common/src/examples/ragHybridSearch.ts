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
 * "If your RAG system needs hybrid search and the product only does vector
 * search, that is a core gap." The vector-only product ranks first on
 * coverage but has a broad core gap and drops out at Node 4; the other lacks
 * one filter type, a narrow core gap a thin wrapper fills.
 *
 * @public
 */
export const ragHybridSearch: Evaluation = {
  entityRef: 'component:default/rag-retriever',
  question:
    'Which retrieval backend should our support assistant use, or do we build one?',
  prerequisites: {
    componentDescription: {
      dataStored: '300,000 support articles and tickets, chunked and embedded.',
      queriesHandled:
        'Hybrid keyword and vector retrieval for the support assistant.',
      latencyConstraints: 'p95 under 300 ms.',
      availabilityConstraints:
        '99.5%; the assistant falls back to keyword search.',
      dependents: ['component:default/support-assistant'],
    },
    teamCapacity: {
      engineers: 8,
      productionSystemsMaintained: 2,
      availableCapacity: 'A few days a month beyond the assistant itself.',
    },
  },
  coreDifferentiator: {
    answer: 'no',
    competitorTest:
      'No. Our edge is the support knowledge and workflows, not the retriever.',
    rationale: 'Most AI infrastructure components are plumbing.',
  },
  candidates: [
    {
      id: 'purevector',
      name: 'PureVector',
      maturity: MATURE,
      coverage: {
        'vector-search': 'met',
        'hybrid-search': 'partial',
        'tenant-filter': 'met',
        'date-filter': 'met',
        highlighting: 'met',
        reranking: 'met',
      },
      integrationWeeks: 2,
    },
    {
      id: 'hybridsearch',
      name: 'HybridSearch Cloud',
      maturity: MATURE,
      coverage: {
        'vector-search': 'met',
        'hybrid-search': 'met',
        'tenant-filter': 'met',
        'date-filter': 'partial',
        highlighting: 'met',
        reranking: 'met',
      },
      integrationWeeks: 3,
    },
  ],
  requirements: [
    { id: 'vector-search', title: 'Vector search', bucket: 'must' },
    {
      id: 'hybrid-search',
      title: 'Hybrid keyword and vector search',
      bucket: 'must',
    },
    {
      id: 'tenant-filter',
      title: 'Filter by customer tenant',
      bucket: 'should',
    },
    {
      id: 'date-filter',
      title: 'Filter by article date range',
      bucket: 'should',
    },
    {
      id: 'highlighting',
      title: 'Highlight matching passages',
      bucket: 'should',
    },
    { id: 'reranking', title: 'Cross-encoder re-ranking', bucket: 'should' },
  ],
  gaps: [
    {
      candidateId: 'purevector',
      requirementId: 'hybrid-search',
      scope: 'core',
      breadth: 'broad',
      note: 'Vector search only: missing an entire category of functionality, keyword retrieval.',
    },
    {
      candidateId: 'hybridsearch',
      requirementId: 'date-filter',
      scope: 'core',
      breadth: 'narrow',
      note: 'One missing filter type: ranges on dates. We post-filter in the wrapper.',
    },
  ],
  maintenance: { canAllocateTwentyPercentPermanently: false },
  failureModes: {
    migrationPlan: {
      dataExtraction:
        'Chunks and embeddings are rebuilt from the article store.',
      alternative: 'PureVector plus a keyword index, behind the wrapper.',
    },
    integrationCostWeeks: 3,
    engineersOperating: 2,
    requirementsStability: 'shifting',
  },
  organisationProfile: 'early-stage-startup',
  revisitBy: '2026-08-01',
  sessionDurationMinutes: 45,
};
