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
 * "If you are a search company, your retrieval pipeline is a core
 * differentiator." The team can allocate a fifth of an engineer
 * permanently, so it builds.
 *
 * @public
 */
export const searchRetrievalPipeline: Evaluation = {
  entityRef: 'component:search/retrieval-pipeline',
  question:
    'Should we build our retrieval pipeline or buy a hosted retrieval API?',
  prerequisites: {
    componentDescription: {
      dataStored: 'Inverted and dense indexes over 2 billion web documents.',
      queriesHandled:
        'Every user query: candidate retrieval and first-stage ranking.',
      latencyConstraints: 'p95 under 120 ms end to end.',
      availabilityConstraints: '99.95%; an outage is a full product outage.',
      dependents: ['component:search/ranker', 'component:search/serp-api'],
    },
    teamCapacity: {
      engineers: 40,
      productionSystemsMaintained: 6,
      availableCapacity: 'A dedicated retrieval team of five engineers.',
    },
  },
  coreDifferentiator: {
    answer: 'yes',
    competitorTest:
      'Yes. Retrieval quality is what users choose us for; the same vendor would make our results interchangeable.',
    rationale: 'Search is the product; retrieval is where relevance is won.',
  },
  candidates: [
    {
      id: 'hostedretrieval',
      name: 'HostedRetrieval',
      maturity: MATURE,
      coverage: { 'custom-ranking': 'missing', 'web-scale': 'partial' },
    },
  ],
  requirements: [
    {
      id: 'custom-ranking',
      title: 'Our own first-stage ranking features',
      bucket: 'must',
    },
    { id: 'web-scale', title: 'Two billion documents', bucket: 'must' },
  ],
  gaps: [],
  maintenance: {
    canAllocateTwentyPercentPermanently: true,
    ownerGroupRef: 'group:search/retrieval',
    plan: 'Retrieval team on-call rotation; quarterly re-tuning as query patterns evolve.',
  },
  failureModes: {
    twelveMonthRoadmap: 'Multilingual retrieval and freshness tiers.',
    requirementsStability: 'shifting',
    buildingBecauseBuyingIsBoring: false,
  },
  organisationProfile: 'large-enterprise',
  revisitBy: '2026-10-01',
  sessionDurationMinutes: 60,
};
