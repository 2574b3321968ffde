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

/**
 * Example evaluations drawn from the article, for seeding a fresh install,
 * for documentation and for tests. Exported from a separate entry point, not
 * from the package index.
 *
 * @packageDocumentation
 */

import type { VerdictKind } from './evaluate';
import type { Evaluation, Maturity } from './schema';

const MATURE: Maturity = {
  inProductionTwoYears: true,
  customersAtYourScale: true,
  publicSla: true,
  failureModeTrackRecord: true,
  referencesChecked: true,
};

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

/**
 * "If you are a healthcare company using AI for diagnosis support, your
 * clinical validation pipeline is a core differentiator." A regulated
 * organisation that can maintain it builds.
 *
 * @public
 */
export const clinicalValidationPipeline: Evaluation = {
  entityRef: 'component:clinical/validation-pipeline',
  question:
    'Should we build the clinical validation pipeline for diagnosis support or buy a validation platform?',
  prerequisites: {
    componentDescription: {
      dataStored:
        'De-identified imaging studies, model outputs and clinician adjudications.',
      queriesHandled:
        'Validation runs per model version; cohort comparisons for regulatory submissions.',
      latencyConstraints: 'Batch: a full validation run within 24 hours.',
      availabilityConstraints:
        'Business hours; results must be reproducible for audits.',
      dependents: ['component:clinical/model-registry'],
    },
    teamCapacity: {
      engineers: 22,
      productionSystemsMaintained: 3,
      availableCapacity:
        'Two engineers and a clinical data scientist for the year.',
    },
  },
  coreDifferentiator: {
    answer: 'yes',
    competitorTest:
      'Yes. Our validation evidence is what regulators and hospitals buy from us.',
    rationale:
      'The validation pipeline is the basis of our clearance and our clinical claims.',
  },
  candidates: [],
  requirements: [
    {
      id: 'audit-trail',
      title: 'Reproducible audit trail per run',
      bucket: 'must',
    },
  ],
  gaps: [],
  maintenance: {
    canAllocateTwentyPercentPermanently: true,
    ownerGroupRef: 'group:clinical/ml-platform',
    plan: 'Monitoring, on-call in business hours, re-validation when model versions change.',
  },
  failureModes: {
    twelveMonthRoadmap: 'Two new imaging modalities; EU submission.',
    requirementsStability: 'stable',
    buildingBecauseBuyingIsBoring: false,
  },
  organisationProfile: 'regulated',
  regulated: {
    vendorSecurityReviewMonths: 6,
    procurementStarted: false,
    buildFallback: 'We build it ourselves.',
  },
  revisitBy: '2026-09-15',
  sessionDurationMinutes: 70,
};

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

/**
 * An early-stage startup with no mature option for its LLM observability and
 * no capacity to maintain a build: "You do not have the team to maintain
 * infrastructure." Nothing qualifies; find another vendor.
 *
 * @public
 */
export const startupObservability: Evaluation = {
  entityRef: 'component:default/llm-observability',
  question:
    'Do we build LLM observability (drift, hallucination rates) or buy it?',
  prerequisites: {
    componentDescription: {
      dataStored: 'Prompts, completions, user feedback and evaluation scores.',
      queriesHandled:
        'Dashboards for drift, bias and hallucination rates; alerting.',
      latencyConstraints: 'Minutes of delay are acceptable.',
      availabilityConstraints: 'Best effort.',
      dependents: [],
    },
    teamCapacity: {
      engineers: 4,
      productionSystemsMaintained: 1,
      availableCapacity: 'None without slowing the core product.',
    },
  },
  coreDifferentiator: {
    answer: 'no',
    competitorTest: 'No. Customers never see it.',
    rationale: 'Important plumbing, but plumbing nonetheless.',
  },
  candidates: [
    {
      id: 'llmwatch',
      name: 'LLMWatch',
      maturity: {
        ...MATURE,
        inProductionTwoYears: false,
        customersAtYourScale: false,
      },
      coverage: { 'hallucination-rate': 'met' },
    },
  ],
  requirements: [
    {
      id: 'hallucination-rate',
      title: 'Hallucination rate tracking',
      bucket: 'must',
    },
  ],
  gaps: [],
  maintenance: { canAllocateTwentyPercentPermanently: false },
  failureModes: {},
  organisationProfile: 'early-stage-startup',
  sessionDurationMinutes: 30,
};

/**
 * One example evaluation with the verdict the engine gives it.
 *
 * @public
 */
export type ExampleEvaluation = {
  key: string;
  title: string;
  evaluation: Evaluation;
  expectedVerdict: VerdictKind;
};

/**
 * Every example, in the order the article mentions them.
 *
 * @public
 */
export const EXAMPLE_EVALUATIONS: ReadonlyArray<ExampleEvaluation> = [
  {
    key: 'ecommerce-vector-database',
    title: 'E-commerce vector database',
    evaluation: ecommerceVectorDatabase,
    expectedVerdict: 'buy',
  },
  {
    key: 'search-retrieval-pipeline',
    title: 'Search company retrieval pipeline',
    evaluation: searchRetrievalPipeline,
    expectedVerdict: 'build',
  },
  {
    key: 'clinical-validation-pipeline',
    title: 'Clinical validation pipeline',
    evaluation: clinicalValidationPipeline,
    expectedVerdict: 'build',
  },
  {
    key: 'rag-hybrid-search',
    title: 'RAG retriever needing hybrid search',
    evaluation: ragHybridSearch,
    expectedVerdict: 'buy-with-wrapper',
  },
  {
    key: 'startup-llm-observability',
    title: 'Startup LLM observability',
    evaluation: startupObservability,
    expectedVerdict: 'no-qualifying-candidate',
  },
];
