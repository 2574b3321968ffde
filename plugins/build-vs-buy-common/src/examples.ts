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
import type { Evaluation } from './schema';
import { ecommerceVectorDatabase } from './examples/ecommerceVectorDatabase';
import { searchRetrievalPipeline } from './examples/searchRetrievalPipeline';
import { clinicalValidationPipeline } from './examples/clinicalValidationPipeline';
import { ragHybridSearch } from './examples/ragHybridSearch';
import { startupObservability } from './examples/startupObservability';

export {
  ecommerceVectorDatabase,
  searchRetrievalPipeline,
  clinicalValidationPipeline,
  ragHybridSearch,
  startupObservability,
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
