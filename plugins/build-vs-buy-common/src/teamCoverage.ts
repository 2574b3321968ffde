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

import type { EvaluationStatus } from './api';
import { REVIEW_STATUS_LABELS } from './labels';
import { reviewStatusOf, type ReviewWindow } from './review';

/**
 * How far one owner group's components have a decision: the view a
 * platform lead takes into a quarterly review.
 *
 * Every component the group owns is counted once, in exactly one of
 * `current`, `dueSoon`, `overdue` (a complete decision, by its review
 * status) and `withoutDecision` (no evaluation, or only a draft); so the
 * four add up to `components`. `draftsInProgress` counts those without a
 * decision that have a draft on the way: it is part of `withoutDecision`,
 * not beside it. Archived evaluations count as none.
 *
 * @public
 */
export type TeamCoverage = {
  /** The owner group, as the catalog names it (`group:default/payments`). */
  ownerRef: string;
  /** The components the group owns. */
  components: number;
  /** With a complete decision whose review status is current. */
  current: number;
  /** With a complete decision due soon for revisit, or needing attention. */
  dueSoon: number;
  /** With a complete decision whose revisit date has passed. */
  overdue: number;
  /** With no complete decision: not evaluated, or only a draft. */
  withoutDecision: number;
  /** Of those without a decision, the ones with a draft in progress. */
  draftsInProgress: number;
};

/**
 * The counts of {@link TeamCoverage} a team coverage list can be ordered
 * by, and the owner group itself.
 *
 * @public
 */
export const TEAM_COVERAGE_ORDERS = [
  'ownerRef',
  'components',
  'current',
  'dueSoon',
  'overdue',
  'withoutDecision',
  'draftsInProgress',
] as const;

/** @public */
export type TeamCoverageOrder = (typeof TEAM_COVERAGE_ORDERS)[number];

/**
 * The words of each column of coverage by team, for tables and CSV files.
 *
 * @public
 */
export const TEAM_COVERAGE_LABELS: Record<TeamCoverageOrder, string> = {
  ownerRef: 'Owner',
  components: 'Components',
  current: `Decision ${REVIEW_STATUS_LABELS.current.toLocaleLowerCase(
    'en-US',
  )}`,
  dueSoon: REVIEW_STATUS_LABELS['due-soon'],
  overdue: REVIEW_STATUS_LABELS.overdue,
  withoutDecision: 'Without a decision',
  draftsInProgress: 'Of which a draft in progress',
};

/**
 * A catalog component as team coverage counts it.
 *
 * @public
 */
export type CoveredComponent = { entityRef: string; ownerRef?: string };

/**
 * An evaluation as team coverage counts it: its status, and what its
 * review status rests on (see {@link reviewStatusOf}).
 *
 * @public
 */
export type CoveringEvaluation = {
  entityRef: string;
  status: EvaluationStatus;
  revisitBy: string;
  needsAttention: boolean;
};

/**
 * Team coverage as of a review window: each owner group's components
 * counted by the decision they have (see {@link TeamCoverage}), the review
 * status by {@link reviewStatusOf}. Components without an owner are not
 * counted; evaluations of entities that are not among `components` are
 * ignored. Groups come ordered by their ref.
 *
 * The backend counts the same in SQL; its store tests compare the two
 * group by group.
 *
 * @public
 */
export function teamCoverage(
  components: CoveredComponent[],
  evaluations: CoveringEvaluation[],
  window: ReviewWindow,
): TeamCoverage[] {
  const active = new Map<string, CoveringEvaluation>();
  for (const evaluation of evaluations) {
    if (evaluation.status !== 'archived') {
      active.set(evaluation.entityRef, evaluation);
    }
  }
  const byOwner = new Map<string, TeamCoverage>();
  for (const component of components) {
    if (!component.ownerRef) {
      continue;
    }
    let team = byOwner.get(component.ownerRef);
    if (!team) {
      team = {
        ownerRef: component.ownerRef,
        components: 0,
        current: 0,
        dueSoon: 0,
        overdue: 0,
        withoutDecision: 0,
        draftsInProgress: 0,
      };
      byOwner.set(component.ownerRef, team);
    }
    team.components += 1;
    const evaluation = active.get(component.entityRef);
    if (evaluation?.status === 'complete') {
      const status = reviewStatusOf(evaluation, window);
      if (status === 'current') team.current += 1;
      else if (status === 'due-soon') team.dueSoon += 1;
      else team.overdue += 1;
    } else {
      team.withoutDecision += 1;
      if (evaluation?.status === 'draft') team.draftsInProgress += 1;
    }
  }
  return [...byOwner.values()].sort((a, b) => {
    if (a.ownerRef === b.ownerRef) return 0;
    return a.ownerRef < b.ownerRef ? -1 : 1;
  });
}
