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
