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

import type {
  CoverageLevel,
  EvaluationDraft,
  GapClassificationDraft,
  Maturity,
  RequirementDraft,
  VendorCandidateDraft,
} from './schema';
import { DEFAULT_PARTIAL_CREDIT } from './limits';

/**
 * The article's four facts that make a commercial option mature (Node 2).
 * Whether references were checked is not a fifth criterion: "Check
 * references" is how a team learns these four, so it is kept as evidence
 * (`maturity.referencesChecked`) and warned about when missing.
 *
 * @public
 */
export const MATURITY_CRITERIA = [
  'inProductionTwoYears',
  'customersAtYourScale',
  'publicSla',
  'failureModeTrackRecord',
] as const satisfies ReadonlyArray<keyof Maturity>;

/**
 * Node 2: "Mature means: the product has been in production use for at least
 * two years, has customers at your scale or larger, has a public SLA, and has
 * a track record of handling the failure modes you care about". Unanswered
 * criteria do not hold.
 *
 * @public
 */
export function isMature(candidate: Pick<VendorCandidateDraft, 'maturity'>) {
  const maturity = candidate.maturity;
  return MATURITY_CRITERIA.every(criterion => maturity?.[criterion] === true);
}

/**
 * Whether a candidate is known not to be mature: one of the four criteria
 * is answered "no". Its other criteria cannot change that, so they need no
 * answer.
 *
 * @public
 */
export function isKnownNotMature(
  candidate: Pick<VendorCandidateDraft, 'maturity'>,
) {
  const maturity = candidate.maturity;
  return MATURITY_CRITERIA.some(criterion => maturity?.[criterion] === false);
}

/**
 * Whether a requirement can be a gap at all: a must- or should-have the
 * workload needs. Nice-to-haves "do not factor these into the decision";
 * a requirement the workload does not need "is not a gap at all".
 *
 * @public
 */
export function isDecisive(requirement: RequirementDraft): boolean {
  return (
    (requirement.bucket === 'must' || requirement.bucket === 'should') &&
    requirement.neededByWorkload !== false
  );
}

/**
 * How a candidate covers a requirement, or `undefined` when nobody assessed
 * it yet.
 *
 * @public
 */
export function coverageLevelOf(
  candidate: Pick<VendorCandidateDraft, 'coverage'>,
  requirementId: string,
): CoverageLevel | undefined {
  const coverage = candidate.coverage;
  return coverage &&
    Object.prototype.hasOwnProperty.call(coverage, requirementId)
    ? coverage[requirementId]
    : undefined;
}

/**
 * Node 3 figures of one candidate. Only must- and should-haves the workload
 * needs count; an unassessed requirement counts as missing.
 *
 * @public
 */
export type CandidateCoverage = {
  /** Must-haves the candidate meets fully. */
  mustMet: number;
  /** Must-haves the workload needs. */
  mustTotal: number;
  /** Must-haves the candidate lacks entirely: any one rules it out. */
  mustMissing: number;
  /** Should-have credit: met counts 1, partial counts `partialCredit`. */
  shouldScore: number;
  /** Should-haves the workload needs. */
  shouldTotal: number;
  /** `shouldScore / shouldTotal`, or 1 when there are no should-haves. */
  ratio: number;
};

/**
 * Measures how a candidate covers the requirements (Node 3).
 *
 * @public
 */
export function measureCoverage(
  candidate: Pick<VendorCandidateDraft, 'coverage'>,
  requirements: ReadonlyArray<RequirementDraft>,
  options: { partialCredit?: number } = {},
): CandidateCoverage {
  const partialCredit = options.partialCredit ?? DEFAULT_PARTIAL_CREDIT;
  const coverage: CandidateCoverage = {
    mustMet: 0,
    mustTotal: 0,
    mustMissing: 0,
    shouldScore: 0,
    shouldTotal: 0,
    ratio: 1,
  };
  for (const requirement of requirements) {
    if (!isDecisive(requirement)) {
      continue;
    }
    const level = coverageLevelOf(candidate, requirement.id) ?? 'missing';
    if (requirement.bucket === 'must') {
      coverage.mustTotal += 1;
      if (level === 'met') {
        coverage.mustMet += 1;
      } else if (level === 'missing') {
        coverage.mustMissing += 1;
      }
    } else {
      coverage.shouldTotal += 1;
      if (level === 'met') {
        coverage.shouldScore += 1;
      } else if (level === 'partial') {
        coverage.shouldScore += partialCredit;
      }
    }
  }
  if (coverage.shouldTotal > 0) {
    coverage.ratio = coverage.shouldScore / coverage.shouldTotal;
  }
  return coverage;
}

/**
 * One gap of a candidate: a must- or should-have the workload needs that the
 * candidate meets only partially or not at all, with the team's
 * classification when there is one.
 *
 * @public
 */
export type CandidateGap = {
  candidateId: string;
  requirementId: string;
  requirementTitle: string;
  bucket: 'must' | 'should';
  level: 'partial' | 'missing';
  /** The team's classification (Node 4), when given. */
  classification?: GapClassificationDraft;
  /** Index of the classification in `evaluation.gaps`, when given. */
  classificationIndex?: number;
};

/**
 * Index of the gap classifications of an evaluation by
 * `candidateId/requirementId`.
 */
export function indexGapClassifications(
  gaps: ReadonlyArray<GapClassificationDraft> | undefined,
): Map<string, number> {
  const index = new Map<string, number>();
  gaps?.forEach((gap, position) => {
    const key = gapKey(gap.candidateId, gap.requirementId);
    if (!index.has(key)) {
      index.set(key, position);
    }
  });
  return index;
}

/**
 * The key of a gap, `candidateId/requirementId`. Identifiers never contain a
 * slash, so the key is unambiguous. `evaluate` names an unclassified gap in
 * `missing` as `gaps[<key>]`.
 *
 * @public
 */
export function gapKey(candidateId: string, requirementId: string): string {
  return `${candidateId}/${requirementId}`;
}

export function collectGaps(
  evaluation: Pick<EvaluationDraft, 'requirements' | 'gaps'>,
  candidate: VendorCandidateDraft,
  classifications: Map<string, number>,
): CandidateGap[] {
  const gaps: CandidateGap[] = [];
  for (const requirement of evaluation.requirements ?? []) {
    if (!isDecisive(requirement)) {
      continue;
    }
    const level = coverageLevelOf(candidate, requirement.id);
    if (level !== 'partial' && level !== 'missing') {
      continue;
    }
    const gap: CandidateGap = {
      candidateId: candidate.id,
      requirementId: requirement.id,
      requirementTitle: requirement.title,
      bucket: requirement.bucket as 'must' | 'should',
      level,
    };
    const position = classifications.get(gapKey(candidate.id, requirement.id));
    if (position !== undefined) {
      gap.classification = evaluation.gaps?.[position];
      gap.classificationIndex = position;
    }
    gaps.push(gap);
  }
  return gaps;
}

/**
 * Node 4: the gaps of one candidate, in requirement order. A requirement the
 * workload does not need is no gap, nor is a nice-to-have, nor a requirement
 * nobody assessed yet. Returns an empty list for an unknown candidate.
 *
 * @public
 */
export function gapsOf(
  evaluation: Pick<EvaluationDraft, 'candidates' | 'requirements' | 'gaps'>,
  candidateId: string,
): CandidateGap[] {
  const candidate = evaluation.candidates?.find(({ id }) => id === candidateId);
  if (!candidate) {
    return [];
  }
  return collectGaps(
    evaluation,
    candidate,
    indexGapClassifications(evaluation.gaps),
  );
}
