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
import type { Outcome, VerdictKind } from './evaluate';
import type { Review, ReviewStatus } from './review';
import { EVALUATION_LIMITS } from './limits';
import { evaluationDraftSchema, type EvaluationDraft } from './schema';
import { entityRefSchema } from './schemaBasics';

/*
 * The wire types of the Build vs Buy backend's HTTP API, shared by the
 * backend (which produces them) and the frontend client (which reads them).
 * The OpenAPI spec of the backend describes the same shapes.
 */

/**
 * A draft may be incomplete; a complete evaluation has a verdict; an
 * archived one is kept in history but no longer current.
 *
 * @public
 */
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/**
 * Every status an evaluation can have: a draft, a complete decision, or
 * archived.
 *
 * @public
 */
export const EVALUATION_STATUSES = ['draft', 'complete', 'archived'] as const;

/**
 * What the catalog says of the evaluated entity, refreshed by the backend.
 *
 * @public
 */
export type EvaluatedEntity = {
  title?: string;
  ownerRef?: string;
  systemRef?: string;
  lifecycle?: string;
  /** True once the entity has left the catalog. */
  missing: boolean;
};

/**
 * One stored evaluation at its current version, with the outcome the server
 * computed and its review status as of the request.
 *
 * @public
 */
export type StoredEvaluation = {
  id: string;
  entityRef: string;
  /** Increases by one with every save; updates must name the version read. */
  version: number;
  status: EvaluationStatus;
  evaluation: EvaluationDraft;
  outcome: Outcome;
  review: Review;
  entity: EvaluatedEntity;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};

/**
 * A row of a list: the stored evaluation without its full answers.
 *
 * @public
 */
export type EvaluationSummary = {
  id: string;
  entityRef: string;
  version: number;
  status: EvaluationStatus;
  /** The tree's verdict: its recommendation. */
  verdict: Outcome['verdict'];
  /**
   * What the team decided: the option it recorded, else the tree's verdict
   * (see `teamDecisionOf`).
   */
  teamDecision: Outcome['verdict'];
  /** Whether the team decided otherwise than the tree recommends. */
  decidedAgainstTree: boolean;
  /**
   * A regulated organisation buys with no build fallback written down
   * (`lacksBuildFallback`): advice shown as a flag, not a reason to revisit.
   */
  regulatedWithoutBuildFallback: boolean;
  reviewStatus: ReviewStatus;
  revisitBy?: string;
  maintenanceOwnerRef?: string;
  hasMigrationPlan: boolean;
  /** The names of the candidates the team put on the table, in its order. */
  candidateNames?: string[];
  entity: EvaluatedEntity;
  updatedAt: string;
  updatedBy: string;
};

/**
 * One saved revision in the history of an evaluation.
 *
 * @public
 */
export type EvaluationRevision = {
  evaluationId: string;
  version: number;
  status: EvaluationStatus;
  verdictKind: VerdictKind;
  evaluation: EvaluationDraft;
  /**
   * The revisit date in force from this revision on; unknown for revisions
   * saved before it was recorded.
   */
  revisitBy?: string;
  /**
   * Why the decision still holds, when this revision confirmed it as it
   * stood (`POST /evaluations/{id}/confirm`) instead of changing answers.
   */
  confirmationNote?: string;
  createdAt: string;
  createdBy: string;
};

/**
 * A revision without its answers, for history lists.
 *
 * @public
 */
export type EvaluationRevisionSummary = Omit<EvaluationRevision, 'evaluation'>;

/**
 * One answer that differs between two revisions, named by its path
 * (`failureModes.migrationPlan.alternative`, `candidates[1].name`).
 *
 * @public
 */
export type AnswerChange = {
  path: string;
  before?: unknown;
  after?: unknown;
};

/**
 * What changed between two revisions.
 *
 * @public
 */
export type EvaluationDiff = {
  evaluationId: string;
  from: number;
  to: number;
  changes: AnswerChange[];
};

/**
 * A page of a list, with the cursor of the next page when there is one.
 *
 * @public
 */
export type Page<T> = { items: T[]; nextCursor?: string };

/**
 * A catalog component that has no evaluation yet.
 *
 * @public
 */
export type UnevaluatedEntity = {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  systemRef?: string;
  lifecycle?: string;
};

/**
 * The counts on the dashboard.
 *
 * @public
 */
export type DecisionSummary = {
  /** Complete decisions; drafts are counted apart. */
  total: number;
  /** Evaluations saved as a draft: in progress, not yet a decision. */
  drafts: number;
  byVerdict: Partial<Record<VerdictKind, number>>;
  byReviewStatus: Record<ReviewStatus, number>;
  byOwnerGroup: { groupRef: string; count: number }[];
  /**
   * Revisits falling due per calendar month (`YYYY-MM`) from today on, the
   * next twelve months that have any.
   */
  revisitsByMonth: { month: string; count: number }[];
  /** Decisions whose revisit date has passed. */
  revisitsOverdue: number;
  /** Decisions due after the months `revisitsByMonth` lists. */
  revisitsLater: number;
};

/**
 * The dashboard's lists of decisions that need attention.
 *
 * @public
 */
export const DASHBOARD_LISTS = [
  'due-for-revisit',
  'no-migration-plan',
  'no-maintenance-owner',
  'entity-missing',
] as const;

/** @public */
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

/**
 * The body of a create: a draft or a complete evaluation. The verdict is
 * never posted: the server computes it.
 *
 * @public
 */
export const createEvaluationRequestSchema = z.strictObject({
  status: z.enum(['draft', 'complete']),
  evaluation: evaluationDraftSchema,
});

/** @public */
export type CreateEvaluationRequest = z.infer<
  typeof createEvaluationRequestSchema
>;

/**
 * The body of an update: the version the client read, so a concurrent edit
 * is refused with 409 instead of being overwritten.
 *
 * @public
 */
export const updateEvaluationRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(['draft', 'complete']),
  evaluation: evaluationDraftSchema,
});

/** @public */
export type UpdateEvaluationRequest = z.infer<
  typeof updateEvaluationRequestSchema
>;

/**
 * How many entities one read of current evaluations may name; a page of
 * the catalog's table is 100 at most.
 *
 * @public
 */
export const ENTITY_REFS_PER_READ = 100;

/**
 * The body of `POST /entities/evaluations/by-refs`: the entities whose
 * current evaluation is wanted. The answer holds one item per reference,
 * in the same order, `null` where an entity has no current evaluation (or
 * the caller may not read it), so that a component without a decision,
 * the usual case, is an answer and not an error.
 *
 * @public
 */
export const entityEvaluationsRequestSchema = z.strictObject({
  entityRefs: z.array(entityRefSchema).min(1).max(ENTITY_REFS_PER_READ),
});

/** @public */
export type EntityEvaluationsRequest = z.infer<
  typeof entityEvaluationsRequestSchema
>;

/**
 * The body of a confirmation that a recorded decision is still valid: the
 * version the client read (a stale one is refused with 409, as an update
 * is) and a note saying why it still holds. The answers stay as they are;
 * the revisit date moves one revisit interval ahead of today.
 *
 * @public
 */
export const confirmEvaluationRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  note: z
    .string()
    .trim()
    .min(1, 'Say why the decision still holds')
    .max(EVALUATION_LIMITS.longTextLength)
    // Stored as text, which PostgreSQL cannot hold a NUL character in.
    .refine(note => !note.includes('\u0000'), {
      message: 'must not contain a NUL character',
    }),
});

/**
 * The body of `POST /evaluations/{id}/confirm`: the version read and why
 * the decision still holds.
 *
 * @public
 */
export type ConfirmEvaluationRequest = z.infer<
  typeof confirmEvaluationRequestSchema
>;
