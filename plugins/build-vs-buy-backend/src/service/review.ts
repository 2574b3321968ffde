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

import {
  evaluate,
  EvaluationDraft,
  reviewOfFacts,
  reviewStatus,
  reviewStatusOf,
  reviewWindow,
  revisitOnConfirmation,
  revisitOnSave,
  type EvaluationSummary,
  type Outcome,
  type Review,
  type RevisitOnSave,
  type StoredEvaluation,
  type VendorEventFacts,
  type CatalogChanges,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type {
  EvaluationRecord,
  EvaluationSummaryRecord,
  EvaluationText,
  ReviewWindow,
} from '../database/types';
import type { BuildVsBuySettings } from './settings';

/**
 * The engine and the review rule of -common with the plugin's settings
 * applied, shared by the service and the revisit scan. The stores' SQL
 * compares the columns -common's `decisionFacts` derived, against
 * {@link Reviewer.windowAt}.
 */
export type Reviewer = {
  /** The outcome of answers under the configured coverage threshold. */
  evaluate(evaluation: EvaluationDraft, at: Date): Outcome;
  /** The revisit date in force: the answer, or the configured interval. */
  revisitByOf(evaluation: EvaluationDraft, at: Date): string;
  /**
   * The revisit date a save at `at` records, and the answers it stores:
   * -common's `revisitOnSave` with the configured interval.
   */
  revisitOnSave(
    evaluation: EvaluationDraft,
    stored: EvaluationRecord | undefined,
    at: Date,
  ): RevisitOnSave;
  /** The revisit date a confirmation at `at` moves a decision to. */
  revisitOnConfirmation(record: EvaluationRecord, at: Date): RevisitOnSave;
  /** The day review status is judged on, and the end of its due-soon window. */
  windowAt(at: Date): ReviewWindow;
  /** The review of answers with the revisit date and verdict in force. */
  reviewAnswers(
    evaluation: EvaluationDraft,
    revisitBy: string,
    verdict: Outcome['verdict'],
    decidedAt: Date | undefined,
    at: Date,
    /** The vendor event the decision is under, if any. */
    vendorEvent?: VendorEventFacts,
    /** What changed in the catalog since the decision, if the scan found any. */
    catalogChanges?: CatalogChanges,
  ): Review;
  /** The review of a stored evaluation as of `at`. */
  review(record: EvaluationRecord, at: Date): Review;
  /** A record as the API returns it, reviewed as of `at`. */
  toStored(record: EvaluationRecord, at: Date): StoredEvaluation;
  /**
   * A record as the API returns it, reviewed as of `at`, as JSON text: the
   * value of {@link Reviewer.toStored}, with the stored answers and outcome
   * spliced in as they were saved instead of parsed and written again.
   */
  toStoredJson(record: EvaluationText, at: Date): string;
  /** A record as lists return it, reviewed as of `at`. */
  toSummary(record: EvaluationSummaryRecord, at: Date): EvaluationSummary;
};

export function createReviewer(settings: BuildVsBuySettings): Reviewer {
  const reviewAnswers: Reviewer['reviewAnswers'] = (
    evaluation,
    revisitBy,
    verdict,
    decidedAt,
    at,
    vendorEvent,
    catalogChanges,
  ) =>
    reviewStatus({ ...evaluation, revisitBy }, at, {
      dueSoonDays: settings.dueSoonDays,
      revisitIntervalMonths: settings.revisitIntervalMonths,
      verdict,
      decidedAt,
      vendorEvent,
      catalogChanges,
    });
  const review: Reviewer['review'] = (record, at) =>
    reviewAnswers(
      record.evaluation,
      record.revisitBy,
      record.outcome.verdict,
      record.decidedAt ? new Date(record.decidedAt) : undefined,
      at,
      record.vendorEvent,
      record.catalogChanges,
    );
  return {
    evaluate: (evaluation, at) =>
      evaluate(evaluation, {
        coverageThreshold: settings.coverageThreshold,
        now: at,
      }),
    revisitByOf: (evaluation, at) =>
      revisitOnSave({
        evaluation,
        savedAt: at,
        revisitIntervalMonths: settings.revisitIntervalMonths,
      }).revisitBy,
    revisitOnSave: (evaluation, stored, at) =>
      revisitOnSave({
        evaluation,
        stored,
        savedAt: at,
        revisitIntervalMonths: settings.revisitIntervalMonths,
      }),
    revisitOnConfirmation: (record, at) =>
      revisitOnConfirmation({
        evaluation: record.evaluation,
        confirmedAt: at,
        revisitIntervalMonths: settings.revisitIntervalMonths,
      }),
    windowAt: at => reviewWindow(at, settings.dueSoonDays),
    reviewAnswers,
    review,
    toStored: (record, at) => ({
      id: record.id,
      entityRef: record.entityRef,
      version: record.version,
      status: record.status,
      evaluation: record.evaluation,
      outcome: record.outcome,
      review: review(record, at),
      entity: record.entity,
      createdAt: record.createdAt,
      createdBy: record.createdBy,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
    }),
    toStoredJson: (record, at) => {
      const { evaluationJson, outcomeJson, reviewFacts } = record;
      // The stored revisit date is the one in force, so one was set.
      const reviewed = reviewFacts
        ? reviewOfFacts(
            {
              revisitBy: record.revisitBy,
              revisitDateSet: true,
              facts: reviewFacts,
            },
            reviewWindow(at, settings.dueSoonDays),
          )
        : review(
            {
              ...record,
              evaluation: JSON.parse(evaluationJson),
              outcome: JSON.parse(outcomeJson),
            },
            at,
          );
      // The keys in the order of toStored, so the text is the one
      // JSON.stringify writes of its value.
      const head = JSON.stringify({
        id: record.id,
        entityRef: record.entityRef,
        version: record.version,
        status: record.status,
      });
      const tail = JSON.stringify({
        review: reviewed,
        entity: record.entity,
        createdAt: record.createdAt,
        createdBy: record.createdBy,
        updatedAt: record.updatedAt,
        updatedBy: record.updatedBy,
      });
      return `${head.slice(
        0,
        -1,
      )},"evaluation":${evaluationJson},"outcome":${outcomeJson},${tail.slice(
        1,
      )}`;
    },
    toSummary: (record, at) => ({
      id: record.id,
      entityRef: record.entityRef,
      version: record.version,
      status: record.status,
      verdict: record.verdict,
      teamDecision: record.teamDecision,
      decidedAgainstTree: record.decidedAgainstTree,
      regulatedWithoutBuildFallback: record.regulatedWithoutBuildFallback,
      // The stored revisit date is the one in force, so one was set: the
      // review status rests on it and the stored attention alone.
      reviewStatus: reviewStatusOf(
        { revisitBy: record.revisitBy, needsAttention: record.needsAttention },
        reviewWindow(at, settings.dueSoonDays),
      ),
      revisitBy: record.revisitBy,
      maintenanceOwnerRef: record.maintenanceOwnerRef,
      hasMigrationPlan: record.hasMigrationPlan,
      candidateNames: record.candidateNames,
      entity: record.entity,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
    }),
  };
}
