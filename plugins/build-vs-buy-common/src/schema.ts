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

import { z } from 'zod';
import { EVALUATION_LIMITS as LIMITS } from './limits';
import { tooManyMessage } from './messages';
import { checkReferences } from './schemaReferences';
import {
  amount,
  coverageLevelSchema,
  entityRefSchema,
  gapBreadthSchema,
  gapScopeSchema,
  groupRefSchema,
  identifierSchema,
  isoDateSchema,
  organisationProfileSchema,
  requiredText,
  requirementBucketSchema,
  requirementsStabilitySchema,
  namesCandidate,
  teamDecisionKindSchema,
  text,
  weeksSchema,
  wholeNumber,
} from './schemaBasics';

/*
 * One source of truth for validation on the frontend and the backend.
 *
 * Every object comes in two variants that share one shape:
 *
 * - the complete variant (`evaluationSchema`) requires every section and
 *   every answer of the whiteboard session;
 * - the draft variant (`evaluationDraftSchema`) lets any of them be missing
 *   except `entityRef` and the identity of list rows, so a team can save
 *   half an hour of work.
 *
 * Text answers may be blank in both variants (forms send empty strings); a
 * blank answer counts as missing. Whether an evaluation is complete enough
 * for a verdict is not judged here:
 * `evaluate` returns the verdict `incomplete` with the paths of the answers
 * the walk through the tree still needs.
 */

export {
  ENTITY_REF_PATTERN,
  IDENTIFIER_PATTERN,
  entityRefSchema,
  groupRefSchema,
  isoDateSchema,
  requirementBucketSchema,
  coverageLevelSchema,
  gapScopeSchema,
  gapBreadthSchema,
  organisationProfileSchema,
  requirementsStabilitySchema,
  teamDecisionKindSchema,
} from './schemaBasics';
export type {
  RequirementBucket,
  CoverageLevel,
  GapScope,
  GapBreadth,
  OrganisationProfile,
  RequirementsStability,
  TeamDecisionKind,
} from './schemaBasics';

// Prerequisites ------------------------------------------------------------

/**
 * "A description of what the component actually does in your system".
 *
 * @public
 */
export const componentDescriptionSchema = z.strictObject({
  dataStored: text(LIMITS.longTextLength),
  queriesHandled: text(LIMITS.longTextLength),
  latencyConstraints: text(LIMITS.longTextLength),
  availabilityConstraints: text(LIMITS.longTextLength),
  dependents: z.array(requiredText(LIMITS.nameLength)).max(LIMITS.dependents, {
    error: tooManyMessage(LIMITS.dependents, 'components'),
  }),
});
/** @public */
export type ComponentDescription = z.infer<typeof componentDescriptionSchema>;

/**
 * "An honest assessment of your team's capacity. Not headcount. Capacity."
 *
 * @public
 */
export const teamCapacitySchema = z.strictObject({
  engineers: wholeNumber('engineers', 1, LIMITS.engineers),
  productionSystemsMaintained: wholeNumber(
    'production systems',
    0,
    LIMITS.productionSystems,
  ),
  availableCapacity: text(LIMITS.longTextLength),
});
/** @public */
export type TeamCapacity = z.infer<typeof teamCapacitySchema>;

/** @public */
export const prerequisitesSchema = z.strictObject({
  componentDescription: componentDescriptionSchema,
  teamCapacity: teamCapacitySchema,
});
/** @public */
export type Prerequisites = z.infer<typeof prerequisitesSchema>;

const prerequisitesDraftSchema = z.strictObject({
  componentDescription: componentDescriptionSchema.partial().optional(),
  teamCapacity: teamCapacitySchema.partial().optional(),
});

// Node 1 -------------------------------------------------------------------

/**
 * Node 1, "Is it a core differentiator?", with the answer to the competitor
 * test.
 *
 * @public
 */
export const coreDifferentiatorSchema = z.strictObject({
  answer: z.enum(['yes', 'no']),
  competitorTest: text(LIMITS.longTextLength),
  rationale: text(LIMITS.longTextLength),
});
/** @public */
export type CoreDifferentiator = z.infer<typeof coreDifferentiatorSchema>;

// Node 2 -------------------------------------------------------------------

/**
 * Node 2, what "mature" means. A candidate is mature only when the article's
 * four criteria hold. `referencesChecked` is the evidence behind them ("Check
 * references. Talk to customers at your scale."), not a criterion: it may be
 * left unanswered, and a mature candidate without it is warned about.
 *
 * @public
 */
export const maturitySchema = z.strictObject({
  inProductionTwoYears: z.boolean(),
  customersAtYourScale: z.boolean(),
  publicSla: z.boolean(),
  failureModeTrackRecord: z.boolean(),
  referencesChecked: z.boolean().optional(),
});
/** @public */
export type Maturity = z.infer<typeof maturitySchema>;

const coverageSchema = z
  .record(identifierSchema, coverageLevelSchema)
  .refine(coverage => Object.keys(coverage).length <= LIMITS.requirements, {
    message: `Must assess at most ${LIMITS.requirements} requirements`,
  });

const candidateFields = {
  id: identifierSchema,
  name: requiredText(LIMITS.nameLength),
  integrationWeeks: weeksSchema.optional(),
  notes: text(LIMITS.longTextLength).optional(),
};

/**
 * A commercial product under evaluation, with its coverage of each
 * requirement (keyed by requirement id).
 *
 * @public
 */
export const vendorCandidateSchema = z.strictObject({
  ...candidateFields,
  maturity: maturitySchema,
  coverage: coverageSchema,
});
/** @public */
export type VendorCandidate = z.infer<typeof vendorCandidateSchema>;

/** @public */
export const vendorCandidateDraftSchema = z.strictObject({
  ...candidateFields,
  maturity: maturitySchema.partial().optional(),
  coverage: coverageSchema.optional(),
});
/** @public */
export type VendorCandidateDraft = z.infer<typeof vendorCandidateDraftSchema>;

// Node 3 -------------------------------------------------------------------

const requirementFields = {
  id: identifierSchema,
  title: requiredText(LIMITS.nameLength),
  /**
   * `false` when the workload never needs it ("your workload maxes out at
   * 1,536"): then a product that lacks it has no gap at all. Defaults to
   * `true`.
   */
  neededByWorkload: z.boolean().optional(),
  notes: text(LIMITS.longTextLength).optional(),
};

/**
 * A requirement in one of the article's three buckets.
 *
 * @public
 */
export const requirementSchema = z.strictObject({
  ...requirementFields,
  bucket: requirementBucketSchema,
});
/** @public */
export type Requirement = z.infer<typeof requirementSchema>;

/** @public */
export const requirementDraftSchema = z.strictObject({
  ...requirementFields,
  bucket: requirementBucketSchema.optional(),
});
/** @public */
export type RequirementDraft = z.infer<typeof requirementDraftSchema>;

// Node 4 -------------------------------------------------------------------

const gapFields = {
  candidateId: identifierSchema,
  requirementId: identifierSchema,
  breadth: gapBreadthSchema.optional(),
  note: text(LIMITS.longTextLength).optional(),
};

/**
 * Node 4, the classification of one gap: a must- or should-have that a
 * candidate meets only partially or not at all. `breadth` is required for
 * core gaps.
 *
 * @public
 */
export const gapClassificationSchema = z
  .strictObject({ ...gapFields, scope: gapScopeSchema })
  .superRefine((gap, ctx) => {
    if (gap.scope === 'core' && gap.breadth === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['breadth'],
        message: 'A core gap must be classified as narrow or broad',
      });
    }
  });
/** @public */
export type GapClassification = z.infer<typeof gapClassificationSchema>;

/** @public */
export const gapClassificationDraftSchema = z.strictObject({
  ...gapFields,
  scope: gapScopeSchema.optional(),
});
/** @public */
export type GapClassificationDraft = z.infer<
  typeof gapClassificationDraftSchema
>;

// Node 5 -------------------------------------------------------------------

/**
 * Node 5, "Can you maintain it long-term?".
 *
 * @public
 */
export const maintenanceSchema = z.strictObject({
  canAllocateTwentyPercentPermanently: z.boolean(),
  ownerGroupRef: groupRefSchema.optional(),
  /**
   * Monitoring, upgrades, incident response, documentation, on-call, and
   * tuning as data, models and query patterns shift.
   */
  plan: text(LIMITS.longTextLength).optional(),
});
/** @public */
export type Maintenance = z.infer<typeof maintenanceSchema>;

// Failure modes and profile ------------------------------------------------

/**
 * "Know how you would extract your data and switch to an alternative."
 *
 * @public
 */
export const migrationPlanSchema = z.strictObject({
  dataExtraction: text(LIMITS.longTextLength),
  alternative: text(LIMITS.longTextLength),
});
/** @public */
export type MigrationPlan = z.infer<typeof migrationPlanSchema>;

const failureModesFields = {
  integrationCostWeeks: weeksSchema.optional(),
  engineersOperating: wholeNumber('engineers', 0, LIMITS.engineers).optional(),
  // The article budgets one to two weeks; a team may know better, so any
  // estimate is kept and one outside that budget is warned about.
  learningCurveWeeksPerEngineer: weeksSchema.optional(),
  twelveMonthRoadmap: text(LIMITS.longTextLength).optional(),
  requirementsStability: requirementsStabilitySchema.optional(),
  buildingBecauseBuyingIsBoring: z.boolean().optional(),
};

/**
 * The article's common failure modes, as a checklist.
 *
 * @public
 */
export const failureModesSchema = z.strictObject({
  ...failureModesFields,
  migrationPlan: migrationPlanSchema.optional(),
});
/** @public */
export type FailureModes = z.infer<typeof failureModesSchema>;

/**
 * What a regulated organisation knows about the vendor review.
 *
 * @public
 */
export const regulatedProfileSchema = z.strictObject({
  vendorSecurityReviewMonths: amount('months', 0, LIMITS.months).optional(),
  procurementStarted: z.boolean().optional(),
  buildFallback: text(LIMITS.longTextLength).optional(),
});
/** @public */
export type RegulatedProfile = z.infer<typeof regulatedProfileSchema>;

// The team's decision -------------------------------------------------------

const teamDecisionFields = {
  /** A buy names the candidate by its id; a build names none. */
  candidateId: identifierSchema.optional(),
  /** Why the team decided as it did; needed when it differs from the tree. */
  rationale: text(LIMITS.longTextLength).optional(),
};

/**
 * "It is not a formula.": the option the team chose, which may differ from
 * the tree's verdict, and why. Absent, the team follows the tree. A complete
 * decision that differs from the verdict needs a rationale; whether it
 * differs is decided by `teamDecisionOf`, which knows the verdict.
 *
 * @public
 */
export const teamDecisionSchema = z
  .strictObject({ ...teamDecisionFields, kind: teamDecisionKindSchema })
  .superRefine((decision, ctx) => {
    const buys = namesCandidate(decision.kind);
    if (buys && decision.candidateId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['candidateId'],
        message: 'A buy must name the candidate the team chose',
      });
    }
    if (!buys && decision.candidateId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['candidateId'],
        message: 'Building in-house names no candidate',
      });
    }
  });
/** @public */
export type TeamDecision = z.infer<typeof teamDecisionSchema>;

/** @public */
export const teamDecisionDraftSchema = z.strictObject({
  ...teamDecisionFields,
  kind: teamDecisionKindSchema.optional(),
});
/** @public */
export type TeamDecisionDraft = z.infer<typeof teamDecisionDraftSchema>;

// Evaluation ---------------------------------------------------------------

const evaluationFields = {
  entityRef: entityRefSchema,
  organisationProfile: organisationProfileSchema.optional(),
  regulated: regulatedProfileSchema.optional(),
  revisitBy: isoDateSchema.optional(),
  sessionDurationMinutes: amount(
    'minutes',
    0,
    LIMITS.sessionMinutes,
  ).optional(),
};

/**
 * A complete evaluation: every section of the whiteboard session answered.
 * Use it where a finished evaluation is submitted whole (imports, API
 * clients); `evaluate` still decides whether the answers reach a verdict.
 *
 * @public
 */
export const evaluationSchema = z
  .strictObject({
    ...evaluationFields,
    question: text(LIMITS.longTextLength),
    prerequisites: prerequisitesSchema,
    coreDifferentiator: coreDifferentiatorSchema,
    candidates: z.array(vendorCandidateSchema).max(LIMITS.candidates),
    requirements: z.array(requirementSchema).max(LIMITS.requirements),
    gaps: z.array(gapClassificationSchema).max(LIMITS.gaps),
    maintenance: maintenanceSchema,
    failureModes: failureModesSchema,
    teamDecision: teamDecisionSchema.optional(),
  })
  .superRefine(checkReferences);
/** @public */
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * An evaluation saved part way: everything optional except `entityRef` and
 * the identity of list rows. Limits and cross references are enforced as in
 * `evaluationSchema`.
 *
 * @public
 */
export const evaluationDraftSchema = z
  .strictObject({
    ...evaluationFields,
    question: text(LIMITS.longTextLength).optional(),
    prerequisites: prerequisitesDraftSchema.optional(),
    coreDifferentiator: coreDifferentiatorSchema.partial().optional(),
    candidates: z
      .array(vendorCandidateDraftSchema)
      .max(LIMITS.candidates)
      .optional(),
    requirements: z
      .array(requirementDraftSchema)
      .max(LIMITS.requirements)
      .optional(),
    gaps: z.array(gapClassificationDraftSchema).max(LIMITS.gaps).optional(),
    maintenance: maintenanceSchema.partial().optional(),
    failureModes: z
      .strictObject({
        ...failureModesFields,
        migrationPlan: migrationPlanSchema.partial().optional(),
      })
      .optional(),
    teamDecision: teamDecisionDraftSchema.optional(),
  })
  .superRefine(checkReferences);
/** @public */
export type EvaluationDraft = z.infer<typeof evaluationDraftSchema>;
