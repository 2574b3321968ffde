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
