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

import * as publicApi from './index';
import * as examples from './examples';

describe('package index', () => {
  it('exports the public API and nothing internal', () => {
    expect(Object.keys(publicApi).sort()).toEqual([
      'ANSWER_QUESTIONS',
      'BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE',
      'BuildVsBuyHttpClient',
      'CANDIDATE_STANDING_LABELS',
      'CATALOG_STANDINGS',
      'CATALOG_STANDING_LABELS',
      'COVERAGE_LEVEL_LABELS',
      'DASHBOARD_LISTS',
      'DECISION_LIST_FILTER_KEYS',
      'DECISION_NODE_LABELS',
      'DECISION_TREE_EDGES',
      'DECISION_TREE_NODES',
      'DEFAULT_COVERAGE_THRESHOLD',
      'DEFAULT_DUE_SOON_DAYS',
      'DEFAULT_LEARNING_CURVE_WEEKS_PER_ENGINEER',
      'DEFAULT_PARTIAL_CREDIT',
      'DEFAULT_REVISIT_INTERVAL_MONTHS',
      'ENTITY_REF_PATTERN',
      'EVALUATION_LIMITS',
      'EVALUATION_STATUSES',
      'EVALUATION_STATUS_LABELS',
      'EvaluationConflictError',
      'GAP_BREADTH_LABELS',
      'GAP_SCOPE_LABELS',
      'IDENTIFIER_PATTERN',
      'LIST_FORMATS',
      'LIST_ORDERS',
      'LIST_VIEWS',
      'MAINTENANCE_SHARE',
      'MATURITY_CRITERIA',
      'ORGANISATION_PROFILE_LABELS',
      'PLAUSIBLE_TEAM_ENGINEERS',
      'REQUIREMENTS_STABILITY_LABELS',
      'REQUIREMENT_BUCKET_DEFINITIONS',
      'REQUIREMENT_BUCKET_LABELS',
      'REVIEW_REASON_ACTIONS',
      'REVIEW_REASON_CODES',
      'REVIEW_STATUSES',
      'REVIEW_STATUS_LABELS',
      'SESSION_TIMEBOX_MINUTES',
      'SMALL_TEAM_ENGINEERS',
      'TEAM_COVERAGE_LABELS',
      'TEAM_COVERAGE_ORDERS',
      'VENDOR_PRODUCT_LABELS',
      'VENDOR_PRODUCT_ORDERS',
      'VERDICT_KINDS',
      'VERDICT_LABELS',
      'WARNING_ARTICLE_SENTENCES',
      'WARNING_CODES',
      'WIZARD_STEPS',
      'answerPathParts',
      'answerProblems',
      'buildVsBuyEvaluationCreatePermission',
      'buildVsBuyEvaluationDeletePermission',
      'buildVsBuyEvaluationReadPermission',
      'buildVsBuyEvaluationUpdatePermission',
      'buildVsBuyPermissions',
      'candidateNameKey',
      'catalogStandingOf',
      'chosenCandidate',
      'componentDescriptionSchema',
      'confirmEvaluationRequestSchema',
      'coreDifferentiatorSchema',
      'coverageLevelOf',
      'coverageLevelSchema',
      'createEvaluationRequestSchema',
      'decisionFacts',
      'decisionTreeEdge',
      'decisionTreeMermaid',
      'decisionTreeNode',
      'defaultRevisitBy',
      'dependentEntityRef',
      'describeAnswer',
      'displayNameOf',
      'entityRefSchema',
      'evaluate',
      'evaluationDraftSchema',
      'evaluationSchema',
      'failureModesSchema',
      'formatAnswerPath',
      'gapBreadthSchema',
      'gapClassificationDraftSchema',
      'gapClassificationSchema',
      'gapKey',
      'gapScopeSchema',
      'gapsOf',
      'groupRefSchema',
      'hasMaintenanceOwner',
      'hasMigrationPlan',
      'integrationWeeksOf',
      'isBuyVerdict',
      'isDecisive',
      'isKnownNotMature',
      'isMature',
      'isoDateSchema',
      'lacksBuildFallback',
      'maintenanceSchema',
      'maturitySchema',
      'measureCoverage',
      'migrationPlanSchema',
      'neutraliseCsvCell',
      'organisationProfileOf',
      'organisationProfileSchema',
      'pathThroughTree',
      'plainIssueMessage',
      'plausibilityWarnings',
      'prerequisitesSchema',
      'productKeyOf',
      'quantityOf',
      'readNeutralisedCsvCell',
      'regulatedProfileSchema',
      'requirementBucketSchema',
      'requirementDraftSchema',
      'requirementSchema',
      'requirementsStabilitySchema',
      'reviewOfFacts',
      'reviewStatus',
      'reviewStatusOf',
      'reviewWindow',
      'revisitOnConfirmation',
      'revisitOnSave',
      'scoringRules',
      'sortVendorProducts',
      'teamCapacitySchema',
      'teamCoverage',
      'teamDecisionDraftSchema',
      'teamDecisionKindSchema',
      'teamDecisionOf',
      'teamDecisionSchema',
      'toIsoDate',
      'toMarkdownAdr',
      'updateEvaluationRequestSchema',
      'vendorCandidateDraftSchema',
      'vendorCandidateSchema',
      'vendorPortfolio',
      'verdictLabel',
      'withFullStop',
    ]);
    expect(Object.values(publicApi).every(value => value !== undefined)).toBe(
      true,
    );
    expect(Object.keys(publicApi)).not.toContain('collectGaps');
    expect(Object.keys(publicApi)).not.toContain('EXAMPLE_EVALUATIONS');
  });

  it('keeps the examples on their own entry point', () => {
    expect(Object.values(examples).every(value => value !== undefined)).toBe(
      true,
    );
    expect(Object.keys(examples)).toContain('EXAMPLE_EVALUATIONS');
  });
});
