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
  CandidateCoverage,
  CandidateGap,
  collectGaps,
  coverageLevelOf,
  gapKey,
  indexGapClassifications,
  isDecisive,
  isKnownNotMature,
  isMature,
  MATURITY_CRITERIA,
  measureCoverage,
} from './coverage';
import {
  DEFAULT_COVERAGE_THRESHOLD,
  DEFAULT_LEARNING_CURVE_WEEKS_PER_ENGINEER,
  DEFAULT_PARTIAL_CREDIT,
  DEFAULT_REVISIT_INTERVAL_MONTHS,
  MAINTENANCE_SHARE,
  SESSION_TIMEBOX_MINUTES,
  SMALL_TEAM_ENGINEERS,
} from './limits';
import {
  chosenCandidate,
  hasMaintenanceOwner,
  hasMigrationPlan,
  isBuyVerdict,
  lacksBuildFallback,
  organisationProfileOf,
} from './facts';
import { plausibilityWarnings } from './plausibility';
import { defaultRevisitBy } from './revisit';
import type { EvaluationDraft, VendorCandidateDraft } from './schema';
import { WARNING_ARTICLE_SENTENCES, WarningCode } from './warnings';

/**
 * The nodes of the decision tree, plus the prerequisites that precede it.
 *
 * @public
 */
export type DecisionNode =
  | 'prerequisites'
  | 'core-differentiator'
  | 'mature-option'
  | 'requirements-coverage'
  | 'gap-classification'
  | 'maintenance';

/**
 * The outcome of the walk through the tree, discriminated on `kind`.
 *
 * @public
 */
export type Verdict =
  | { kind: 'build' }
  | { kind: 'buy'; candidateId: string; candidateName: string }
  | {
      kind: 'buy-with-wrapper';
      candidateId: string;
      candidateName: string;
      /** Requirement ids of the narrow core gaps the wrapper fills. */
      gaps: string[];
    }
  | { kind: 'no-qualifying-candidate' }
  | { kind: 'incomplete' };

/** @public */
export type VerdictKind = Verdict['kind'];

/**
 * Every verdict kind, in the order the dashboard lists them.
 *
 * @public
 */
export const VERDICT_KINDS = [
  'build',
  'buy',
  'buy-with-wrapper',
  'no-qualifying-candidate',
  'incomplete',
] as const satisfies readonly VerdictKind[];

// A verdict kind added to Verdict but not to VERDICT_KINDS fails here.
type MissingVerdictKind = Exclude<VerdictKind, (typeof VERDICT_KINDS)[number]>;
const everyVerdictKindListed: MissingVerdictKind extends never ? true : never =
  true;
void everyVerdictKindListed;

/**
 * One step of the walk: the node, the answer the team gave, and the
 * article's reasoning for where that answer leads.
 *
 * @public
 */
export type PathStep = {
  node: DecisionNode;
  /** The candidate the step judges, for steps about one candidate. */
  candidateId?: string;
  answer: string;
  reasoning: string;
};

/** @public */
export type Warning = {
  code: WarningCode;
  message: string;
  node?: DecisionNode;
  candidateId?: string;
};

/**
 * Where a candidate ended up in the walk.
 *
 * - `not-mature`: failed Node 2.
 * - `missing-must-have`, `below-threshold`: ruled out at Node 3.
 * - `broad-core-gap`: ruled out at Node 4.
 * - `runner-up`: passed Node 3, but the walk chose a better ranked
 *   candidate or stopped before judging its gaps.
 * - `chosen`: the candidate of a buy verdict.
 * - `not-assessed`: the walk did not get to judge it.
 *
 * @public
 */
export type CandidateStanding =
  | 'not-mature'
  | 'missing-must-have'
  | 'below-threshold'
  | 'broad-core-gap'
  | 'runner-up'
  | 'chosen'
  | 'not-assessed';

/** @public */
export type CandidateFigures = {
  candidateId: string;
  candidateName: string;
  mature: boolean;
  /** Unassessed requirements count as missing in these figures. */
  coverage: CandidateCoverage;
  standing: CandidateStanding;
};

/** @public */
export type OutcomeFigures = {
  candidates: CandidateFigures[];
  coverageThreshold: number;
  partialCredit: number;
  /** Share of one engineer a built system needs permanently (0.2). */
  maintenanceShare: number;
  /** Engineers operating the product times weeks of ramp-up each. */
  learningCurveWeeks?: number;
  /**
   * The integration budget: `failureModes.integrationCostWeeks`, else the
   * chosen candidate's `integrationWeeks`.
   */
  integrationCostWeeks?: number;
  sessionOverTimebox: boolean;
  /**
   * `revisitBy` of the evaluation, else six months after `options.now`;
   * `undefined` when neither is known.
   */
  revisitBy?: string;
};

/** @public */
export type Outcome = {
  verdict: Verdict;
  path: PathStep[];
  warnings: Warning[];
  figures: OutcomeFigures;
  /**
   * Paths of the answers the walk still needs, when the verdict is
   * `incomplete`; otherwise empty. Existing list rows are addressed by index
   * (`candidates[1].maturity.publicSla`), a gap nobody classified by its key
   * (`gaps[acme/hybrid-search]`).
   */
  missing: string[];
};

/** @public */
export type EvaluateOptions = {
  /** Share of should-haves a candidate must cover, 0..1. Default 0.8. */
  coverageThreshold?: number;
  /** Credit a partially met should-have earns, 0..1. Default 0.5. */
  partialCredit?: number;
  /** The present, for the revisit date. The engine never reads a clock. */
  now?: Date;
};

// Tolerance for comparing coverage ratios built from fractional credits.
const EPSILON = 1e-9;

const REASONING = {
  prerequisitesMissing:
    'You need a written description of the component you are evaluating, and an honest assessment of your team’s capacity.',
  prerequisitesDone:
    'Write down what your team can realistically take on without degrading their existing commitments.',
  differentiatorYes:
    'If two of your competitors used the same vendor for this component, your product would lose its edge: it is a differentiator.',
  differentiatorNo:
    'If two of your competitors used the same vendor for this component, your product would not lose its edge: it is infrastructure.',
  differentiatorMissing:
    'This is the most important question and the one teams answer fastest and most incorrectly.',
  matureYes:
    'Mature means: the product has been in production use for at least two years, has customers at your scale or larger, has a public SLA, and has a track record of handling the failure modes you care about.',
  matureNo:
    'A product that has handled 10,000 QPS in production at three companies is more valuable than a product that promises 100,000 QPS in a benchmark.',
  matureMissing:
    'Check references. Talk to customers at your scale. Ask specifically about failure modes.',
  coverageMissing:
    'Separate your requirements into three buckets: must-haves, should-haves and nice-to-haves.',
  mustHaveMissing:
    'If the product is missing a must-have, stop. Do not buy it. No amount of discount or roadmap promise compensates for a missing must-have.',
  belowThreshold:
    'No commercial product meets 100% of your requirements. The question is whether it meets the 80% that matters.',
  coveragePasses:
    'If a product covers all must-haves and most should-haves, buy it.',
  gapsEdge:
    'Edge cases affect unusual scenarios; the remaining gaps are cheaper to work around than building the whole thing.',
  gapsNone:
    'The remaining gaps are cheaper to work around than building the whole thing.',
  gapsNarrow:
    'If the gap is narrow — one missing filter type, one unsupported metric — a wrapper layer is usually viable.',
  gapsBroad:
    'If the gap is broad — missing an entire category of functionality — you are building half the product anyway, so build the whole thing or find another vendor.',
  gapsMissing:
    'When a product covers your main workflow but misses edge cases, classify each gap.',
  maintainYes:
    'Your team can allocate 20% of one engineer’s time permanently to this system: not for the first six months, permanently.',
  maintainNo:
    'If the answer is no, you cannot afford to build it, regardless of whether you have the skills.',
  maintainMissing:
    'Building is the easy part. Maintaining is where teams get burned.',
} as const;

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

type Settings = {
  coverageThreshold: number;
  partialCredit: number;
  now?: Date;
};

function settle(options: EvaluateOptions): Settings {
  const coverageThreshold =
    options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD;
  const partialCredit = options.partialCredit ?? DEFAULT_PARTIAL_CREDIT;
  for (const [name, value] of [
    ['coverageThreshold', coverageThreshold],
    ['partialCredit', partialCredit],
  ] as const) {
    if (!(value >= 0 && value <= 1)) {
      throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
    }
  }
  if (options.now !== undefined && Number.isNaN(options.now.getTime())) {
    throw new RangeError('now must be a valid date');
  }
  return { coverageThreshold, partialCredit, now: options.now };
}

type Walk = {
  evaluation: EvaluationDraft;
  settings: Settings;
  path: PathStep[];
  warnings: Warning[];
  missing: string[];
  standings: Map<string, CandidateStanding>;
  coverages: Map<string, CandidateCoverage>;
  classifications: Map<string, number>;
};

function warn(
  walk: Walk,
  code: WarningCode,
  detail: string | undefined,
  context: { node?: DecisionNode; candidateId?: string } = {},
): void {
  const sentence = WARNING_ARTICLE_SENTENCES[code];
  walk.warnings.push({
    code,
    message: detail ? `${sentence} ${detail}` : sentence,
    ...context,
  });
}

function step(walk: Walk, pathStep: PathStep): void {
  walk.path.push(pathStep);
}

const INCOMPLETE: Verdict = { kind: 'incomplete' };

// Prerequisites and Node 1 -------------------------------------------------

function checkPrerequisites(walk: Walk): void {
  const { evaluation } = walk;
  const description = evaluation.prerequisites?.componentDescription;
  const capacity = evaluation.prerequisites?.teamCapacity;
  const missing: string[] = [];
  if (isBlank(evaluation.question)) {
    missing.push('question');
  }
  for (const field of [
    'dataStored',
    'queriesHandled',
    'latencyConstraints',
    'availabilityConstraints',
  ] as const) {
    if (isBlank(description?.[field])) {
      missing.push(`prerequisites.componentDescription.${field}`);
    }
  }
  if (description?.dependents === undefined) {
    missing.push('prerequisites.componentDescription.dependents');
  }
  if (capacity?.engineers === undefined) {
    missing.push('prerequisites.teamCapacity.engineers');
  }
  if (capacity?.productionSystemsMaintained === undefined) {
    missing.push('prerequisites.teamCapacity.productionSystemsMaintained');
  }
  if (isBlank(capacity?.availableCapacity)) {
    missing.push('prerequisites.teamCapacity.availableCapacity');
  }
  step(walk, {
    node: 'prerequisites',
    answer: missing.length > 0 ? 'not written down' : 'written down',
    reasoning:
      missing.length > 0
        ? REASONING.prerequisitesMissing
        : REASONING.prerequisitesDone,
  });
  walk.missing.push(...missing);
}

function askCoreDifferentiator(walk: Walk): 'yes' | 'no' | undefined {
  const answer = walk.evaluation.coreDifferentiator;
  const missing: string[] = [];
  if (answer?.answer === undefined) {
    missing.push('coreDifferentiator.answer');
  }
  if (isBlank(answer?.competitorTest)) {
    missing.push('coreDifferentiator.competitorTest');
  }
  if (isBlank(answer?.rationale)) {
    missing.push('coreDifferentiator.rationale');
  }
  if (missing.length > 0) {
    walk.missing.push(...missing);
    step(walk, {
      node: 'core-differentiator',
      answer: 'not answered',
      reasoning: REASONING.differentiatorMissing,
    });
    return undefined;
  }
  const isDifferentiator = answer?.answer === 'yes';
  step(walk, {
    node: 'core-differentiator',
    answer: isDifferentiator ? 'yes' : 'no',
    reasoning: isDifferentiator
      ? REASONING.differentiatorYes
      : REASONING.differentiatorNo,
  });
  if (isDifferentiator) {
    warn(
      walk,
      'over-classification-risk',
      'Fight this bias: would your product really lose its edge if two competitors used the same vendor?',
      { node: 'core-differentiator' },
    );
  }
  return isDifferentiator ? 'yes' : 'no';
}

// Nodes 2 to 4 ---------------------------------------------------------------

type CandidateWalk =
  | { verdict: Verdict }
  | { verdict: undefined; lastNode: DecisionNode };

function askMatureOption(walk: Walk): VendorCandidateDraft[] | undefined {
  const candidates = walk.evaluation.candidates;
  if (candidates === undefined) {
    walk.missing.push('candidates');
  }
  const missing: string[] = [];
  (candidates ?? []).forEach((candidate, index) => {
    // Mature means all four criteria: one "no" already rules a candidate
    // out, and its other criteria cannot change that, so they are not asked.
    if (isKnownNotMature(candidate)) {
      return;
    }
    for (const criterion of MATURITY_CRITERIA) {
      if (candidate.maturity?.[criterion] === undefined) {
        missing.push(`candidates[${index}].maturity.${criterion}`);
      }
    }
  });
  if (candidates === undefined || missing.length > 0) {
    walk.missing.push(...missing);
    step(walk, {
      node: 'mature-option',
      answer: 'not answered',
      reasoning: REASONING.matureMissing,
    });
    return undefined;
  }
  const mature = candidates.filter(candidate => isMature(candidate));
  for (const candidate of candidates) {
    if (!mature.includes(candidate)) {
      walk.standings.set(candidate.id, 'not-mature');
    }
  }
  step(walk, {
    node: 'mature-option',
    answer:
      mature.length > 0
        ? `yes: ${mature.map(({ name }) => name).join(', ')}`
        : 'no',
    reasoning: mature.length > 0 ? REASONING.matureYes : REASONING.matureNo,
  });
  for (const candidate of mature) {
    if (candidate.maturity?.referencesChecked !== true) {
      warn(
        walk,
        'references-not-checked',
        `${candidate.name} is counted as mature on its own claims: talk to customers at your scale before relying on it.`,
        { node: 'mature-option', candidateId: candidate.id },
      );
    }
  }
  if (mature.length === 0) {
    warn(
      walk,
      'no-mature-option',
      candidates.length > 0
        ? `None of ${candidates.length} candidates meets all four maturity criteria.`
        : 'No commercial option was put on the table.',
      { node: 'mature-option' },
    );
  }
  return mature;
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

function askRequirementsCoverage(
  walk: Walk,
  mature: VendorCandidateDraft[],
): VendorCandidateDraft[] | undefined {
  const { evaluation, settings } = walk;
  const requirements = evaluation.requirements ?? [];
  const missing: string[] = [];
  if (evaluation.requirements === undefined) {
    missing.push('requirements');
  }
  requirements.forEach((requirement, index) => {
    if (requirement.bucket === undefined) {
      missing.push(`requirements[${index}].bucket`);
    }
  });
  // Node 2 made sure the candidates are there.
  const candidates = evaluation.candidates as VendorCandidateDraft[];
  for (const candidate of mature) {
    const index = candidates.indexOf(candidate);
    for (const requirement of requirements) {
      if (
        isDecisive(requirement) &&
        coverageLevelOf(candidate, requirement.id) === undefined
      ) {
        missing.push(`candidates[${index}].coverage.${requirement.id}`);
      }
    }
  }
  if (missing.length > 0) {
    walk.missing.push(...missing);
    step(walk, {
      node: 'requirements-coverage',
      answer: 'not assessed',
      reasoning: REASONING.coverageMissing,
    });
    return undefined;
  }
  if (
    !requirements.some(
      ({ bucket, neededByWorkload }) =>
        bucket === 'must' && neededByWorkload !== false,
    )
  ) {
    warn(
      walk,
      'no-must-haves',
      'No requirement is a must-have the workload needs: Node 3 cannot rule any candidate out.',
      { node: 'requirements-coverage' },
    );
  }
  const passing: VendorCandidateDraft[] = [];
  for (const candidate of mature) {
    const coverage = walk.coverages.get(candidate.id) as CandidateCoverage;
    const figures = `${coverage.mustMet}/${
      coverage.mustTotal
    } must-haves met, ${percent(coverage.ratio)} of should-haves`;
    if (coverage.mustMissing > 0) {
      walk.standings.set(candidate.id, 'missing-must-have');
      step(walk, {
        node: 'requirements-coverage',
        candidateId: candidate.id,
        answer: `${candidate.name}: missing a must-have (${figures})`,
        reasoning: REASONING.mustHaveMissing,
      });
    } else if (coverage.ratio + EPSILON < settings.coverageThreshold) {
      walk.standings.set(candidate.id, 'below-threshold');
      step(walk, {
        node: 'requirements-coverage',
        candidateId: candidate.id,
        answer: `${candidate.name}: below ${percent(
          settings.coverageThreshold,
        )} (${figures})`,
        reasoning: REASONING.belowThreshold,
      });
    } else {
      passing.push(candidate);
      walk.standings.set(candidate.id, 'runner-up');
      step(walk, {
        node: 'requirements-coverage',
        candidateId: candidate.id,
        answer: `${candidate.name}: yes (${figures})`,
        reasoning: REASONING.coveragePasses,
      });
    }
  }
  return passing;
}

type GapJudgement = {
  gaps: CandidateGap[];
  coreNarrow: string[];
  coreBroad: string[];
  edge: string[];
  missing: string[];
};

function judgeGaps(walk: Walk, candidate: VendorCandidateDraft): GapJudgement {
  const gaps = collectGaps(walk.evaluation, candidate, walk.classifications);
  const judgement: GapJudgement = {
    gaps,
    coreNarrow: [],
    coreBroad: [],
    edge: [],
    missing: [],
  };
  for (const gap of gaps) {
    const classification = gap.classification;
    const where =
      gap.classificationIndex === undefined
        ? `gaps[${gapKey(gap.candidateId, gap.requirementId)}]`
        : `gaps[${gap.classificationIndex}]`;
    if (classification === undefined) {
      judgement.missing.push(where);
      continue;
    }
    if (gap.bucket === 'must' && classification.scope === 'edge') {
      warn(
        walk,
        'must-have-gap-treated-as-core',
        `The partial must-have "${gap.requirementTitle}" of ${candidate.name} is treated as a core gap.`,
        { node: 'gap-classification', candidateId: candidate.id },
      );
    }
    const scope = gap.bucket === 'must' ? 'core' : classification.scope;
    if (scope === undefined) {
      judgement.missing.push(`${where}.scope`);
    } else if (scope === 'edge') {
      judgement.edge.push(gap.requirementId);
    } else if (classification.breadth === 'broad') {
      judgement.coreBroad.push(gap.requirementId);
    } else if (classification.breadth === 'narrow') {
      judgement.coreNarrow.push(gap.requirementId);
    } else {
      judgement.missing.push(`${where}.breadth`);
    }
  }
  return judgement;
}

function rankCandidates(
  walk: Walk,
  candidates: VendorCandidateDraft[],
): Array<{ candidate: VendorCandidateDraft; judgement: GapJudgement }> {
  const ranked = candidates.map(candidate => ({
    candidate,
    judgement: judgeGaps(walk, candidate),
    ratio: (walk.coverages.get(candidate.id) as CandidateCoverage).ratio,
  }));
  const coreGaps = (judgement: GapJudgement) =>
    judgement.coreBroad.length + judgement.coreNarrow.length;
  const order = (left: string, right: string) =>
    left < right ? -1 : Number(left > right);
  // "If gaps are in edge cases, buy": a candidate that needs no wrapper
  // (no core gap) ranks before one that does, whatever their should-have
  // coverage; then the higher coverage, then fewer core gaps.
  const needsWrapper = (judgement: GapJudgement) =>
    Number(coreGaps(judgement) > 0);
  ranked.sort(
    (left, right) =>
      needsWrapper(left.judgement) - needsWrapper(right.judgement) ||
      right.ratio - left.ratio ||
      coreGaps(left.judgement) - coreGaps(right.judgement) ||
      order(left.candidate.name, right.candidate.name) ||
      order(left.candidate.id, right.candidate.id),
  );
  return ranked;
}

/** The titles of a judgement's gaps, for answers people read. */
function titlesOf(judgement: GapJudgement, requirementIds: string[]): string {
  return judgement.gaps
    .filter(gap => requirementIds.includes(gap.requirementId))
    .map(gap => gap.requirementTitle)
    .join(', ');
}

function askGapClassification(
  walk: Walk,
  passing: VendorCandidateDraft[],
): Verdict | undefined {
  for (const { candidate, judgement } of rankCandidates(walk, passing)) {
    if (judgement.coreBroad.length > 0) {
      walk.standings.set(candidate.id, 'broad-core-gap');
      step(walk, {
        node: 'gap-classification',
        candidateId: candidate.id,
        answer: `${candidate.name}: broad core gap (${titlesOf(
          judgement,
          judgement.coreBroad,
        )})`,
        reasoning: REASONING.gapsBroad,
      });
      continue;
    }
    if (judgement.missing.length > 0) {
      walk.missing.push(...judgement.missing);
      step(walk, {
        node: 'gap-classification',
        candidateId: candidate.id,
        answer: `${candidate.name}: ${judgement.missing.length} gaps not classified`,
        reasoning: REASONING.gapsMissing,
      });
      return INCOMPLETE;
    }
    walk.standings.set(candidate.id, 'chosen');
    if (judgement.coreNarrow.length > 0) {
      step(walk, {
        node: 'gap-classification',
        candidateId: candidate.id,
        answer: `${candidate.name}: narrow core gaps only (${titlesOf(
          judgement,
          judgement.coreNarrow,
        )})`,
        reasoning: REASONING.gapsNarrow,
      });
      return {
        kind: 'buy-with-wrapper',
        candidateId: candidate.id,
        candidateName: candidate.name,
        gaps: judgement.coreNarrow,
      };
    }
    step(walk, {
      node: 'gap-classification',
      candidateId: candidate.id,
      answer:
        judgement.edge.length > 0
          ? `${candidate.name}: edge gaps only (${titlesOf(
              judgement,
              judgement.edge,
            )})`
          : `${candidate.name}: no gaps`,
      reasoning:
        judgement.edge.length > 0 ? REASONING.gapsEdge : REASONING.gapsNone,
    });
    return {
      kind: 'buy',
      candidateId: candidate.id,
      candidateName: candidate.name,
    };
  }
  return undefined;
}

/*
 * Nodes 2 to 4. Returns a verdict (buy, buy with a wrapper, or incomplete)
 * or, when no candidate qualifies, the node where the last one dropped out.
 */
function walkCandidates(walk: Walk): CandidateWalk {
  const mature = askMatureOption(walk);
  if (mature === undefined) {
    return { verdict: INCOMPLETE };
  }
  if (mature.length === 0) {
    return { verdict: undefined, lastNode: 'mature-option' };
  }
  const passing = askRequirementsCoverage(walk, mature);
  if (passing === undefined) {
    return { verdict: INCOMPLETE };
  }
  if (passing.length === 0) {
    return { verdict: undefined, lastNode: 'requirements-coverage' };
  }
  const verdict = askGapClassification(walk, passing);
  return verdict
    ? { verdict }
    : { verdict: undefined, lastNode: 'gap-classification' };
}

// Node 5 -------------------------------------------------------------------

function askMaintenance(walk: Walk): boolean | undefined {
  const answer =
    walk.evaluation.maintenance?.canAllocateTwentyPercentPermanently;
  if (answer === undefined) {
    walk.missing.push('maintenance.canAllocateTwentyPercentPermanently');
    step(walk, {
      node: 'maintenance',
      answer: 'not answered',
      reasoning: REASONING.maintainMissing,
    });
    return undefined;
  }
  step(walk, {
    node: 'maintenance',
    answer: answer ? 'yes' : 'no',
    reasoning: answer ? REASONING.maintainYes : REASONING.maintainNo,
  });
  if (!answer) {
    warn(walk, 'cannot-afford-to-build', undefined, { node: 'maintenance' });
  }
  return answer;
}

// The walk -------------------------------------------------------------------

function decide(walk: Walk): Verdict {
  checkPrerequisites(walk);
  const isDifferentiator = askCoreDifferentiator(walk);
  if (walk.missing.length > 0 || isDifferentiator === undefined) {
    return INCOMPLETE;
  }
  if (isDifferentiator === 'yes') {
    // Node 1 "yes" goes straight to Node 5 (build path).
    const canMaintain = askMaintenance(walk);
    if (canMaintain === undefined) {
      return INCOMPLETE;
    }
    if (canMaintain) {
      return { kind: 'build' };
    }
    // A differentiator the team cannot maintain: buy it if a candidate
    // qualifies, otherwise nothing qualifies.
    const fallback = walkCandidates(walk);
    return fallback.verdict ?? { kind: 'no-qualifying-candidate' };
  }
  const candidateWalk = walkCandidates(walk);
  if (candidateWalk.verdict) {
    return candidateWalk.verdict;
  }
  const canMaintain = askMaintenance(walk);
  if (canMaintain === undefined) {
    return INCOMPLETE;
  }
  return canMaintain ? { kind: 'build' } : { kind: 'no-qualifying-candidate' };
}

/*
 * Profile gates that turn a verdict incomplete: a regulated organisation
 * buys only with a build fallback in place.
 */
function warnAboutVerdict(walk: Walk, verdict: Verdict): void {
  const { evaluation } = walk;
  const failureModes = evaluation.failureModes;
  const profile = organisationProfileOf(evaluation);
  if (isBuyVerdict(verdict)) {
    if (!hasMigrationPlan(evaluation)) {
      warn(
        walk,
        'buy-without-migration-plan',
        `Before committing to ${verdict.candidateName}, know how you would extract your data and switch to an alternative.`,
        { candidateId: verdict.candidateId },
      );
    }
    if (
      failureModes?.integrationCostWeeks === undefined &&
      chosenCandidate(evaluation, verdict)?.integrationWeeks === undefined
    ) {
      warn(
        walk,
        'integration-cost-not-budgeted',
        'Integration is where hidden requirements surface.',
        { candidateId: verdict.candidateId },
      );
    }
    if (failureModes?.engineersOperating === undefined) {
      warn(
        walk,
        'learning-curve-not-estimated',
        'Say how many engineers will operate it.',
      );
    }
    const rampUp = failureModes?.learningCurveWeeksPerEngineer;
    if (rampUp !== undefined && (rampUp < 1 || rampUp > 2)) {
      warn(
        walk,
        'learning-curve-outside-budget',
        `${rampUp} weeks of ramp-up per engineer is outside the one to two weeks the article budgets; say what makes this product ${
          rampUp < 1 ? 'quicker' : 'slower'
        } to learn.`,
      );
    }
    if (profile === 'regulated') {
      // "Start the procurement process early, and have a build fallback if
      // the vendor review stalls": advice the decision carries, not a gate.
      const months = evaluation.regulated?.vendorSecurityReviewMonths;
      const length =
        months === undefined
          ? undefined
          : `${months} ${months === 1 ? 'month' : 'months'}`;
      if (evaluation.regulated?.procurementStarted !== true) {
        warn(
          walk,
          'procurement-not-started',
          length === undefined
            ? 'Say how long the vendor security review will take.'
            : `The vendor security review is expected to take ${length}.`,
        );
      }
      if (lacksBuildFallback(evaluation, verdict)) {
        warn(
          walk,
          'regulated-without-build-fallback',
          `Write down what you would build if the review stalls${
            length === undefined ? '' : ` (expected to take ${length})`
          }.`,
        );
      }
    }
  }
  if (verdict.kind === 'build') {
    const engineers = evaluation.prerequisites?.teamCapacity?.engineers;
    if (engineers !== undefined && engineers < SMALL_TEAM_ENGINEERS) {
      // The article's advice, "Buy the infrastructure. Spend your
      // engineering time on the differentiator", fits only when the
      // component is infrastructure; on the other paths the small-team point
      // is about keeping the build thin.
      const differentiator = evaluation.coreDifferentiator?.answer === 'yes';
      warn(
        walk,
        'small-team-cannot-maintain',
        differentiator
          ? `Your team has ${engineers} engineers and answered yes for its differentiator: build the differentiator itself and buy the infrastructure around it.`
          : `Your team has ${engineers} engineers and answered yes, with no commercial option that qualifies: look for another vendor before building, or keep the build to a thin integration layer.`,
        { node: 'maintenance' },
      );
    }
    if (!hasMaintenanceOwner(evaluation)) {
      warn(walk, 'build-without-owner', 'Name the group that will own it.', {
        node: 'maintenance',
      });
    }
    if (isBlank(evaluation.maintenance?.plan)) {
      warn(walk, 'build-without-maintenance-plan', undefined, {
        node: 'maintenance',
      });
    }
    if (failureModes?.requirementsStability === 'unstable') {
      warn(walk, 'build-on-unstable-requirements', undefined);
    }
    if (failureModes?.buildingBecauseBuyingIsBoring === true) {
      warn(
        walk,
        'building-because-buying-is-boring',
        'If the commercial option works, buy it and spend your build energy on something that matters.',
      );
    }
    if (isBlank(failureModes?.twelveMonthRoadmap)) {
      warn(walk, 'build-without-twelve-month-roadmap', undefined);
    }
    if (
      profile === 'early-stage-startup' &&
      evaluation.coreDifferentiator?.answer === 'no'
    ) {
      warn(
        walk,
        'startup-building-infrastructure',
        'No candidate qualifies for this infrastructure; look for another vendor before building it.',
      );
    }
    if (profile === 'large-enterprise') {
      warn(walk, 'enterprise-build-may-lose-maintainer', undefined);
    }
  }
}

function warnAboutSession(walk: Walk): void {
  const minutes = walk.evaluation.sessionDurationMinutes;
  if (minutes !== undefined && minutes > SESSION_TIMEBOX_MINUTES) {
    warn(
      walk,
      'session-over-timebox',
      `The session took ${minutes} minutes. The point is not to reach the perfect answer.`,
    );
  }
}

/*
 * Answers that are valid but unlikely, and a revisit date that has passed
 * (a default one never has). Dependents are judged where the catalog is.
 */
function warnAboutAnswers(walk: Walk): void {
  for (const { code, message, node } of plausibilityWarnings(walk.evaluation, {
    now: walk.settings.now,
  })) {
    walk.warnings.push({ code, message, ...(node && { node }) });
  }
}

function figuresOf(
  walk: Walk,
  verdict: Verdict,
  revisitBy: string | undefined,
): OutcomeFigures {
  const { evaluation, settings } = walk;
  const failureModes = evaluation.failureModes;
  const engineersOperating = failureModes?.engineersOperating;
  const chosen = chosenCandidate(evaluation, verdict);
  const minutes = evaluation.sessionDurationMinutes;
  return {
    candidates: (evaluation.candidates ?? []).map(candidate => ({
      candidateId: candidate.id,
      candidateName: candidate.name,
      mature: isMature(candidate),
      coverage: walk.coverages.get(candidate.id) as CandidateCoverage,
      standing: walk.standings.get(candidate.id) ?? 'not-assessed',
    })),
    coverageThreshold: settings.coverageThreshold,
    partialCredit: settings.partialCredit,
    maintenanceShare: MAINTENANCE_SHARE,
    learningCurveWeeks:
      engineersOperating === undefined
        ? undefined
        : engineersOperating *
          (failureModes?.learningCurveWeeksPerEngineer ??
            DEFAULT_LEARNING_CURVE_WEEKS_PER_ENGINEER),
    integrationCostWeeks:
      failureModes?.integrationCostWeeks ?? chosen?.integrationWeeks,
    sessionOverTimebox:
      minutes !== undefined && minutes > SESSION_TIMEBOX_MINUTES,
    revisitBy,
  };
}

/**
 * Walks an evaluation through the decision tree.
 *
 * Prerequisites, then Node 1 (core differentiator). "Yes" goes to Node 5:
 * build when the team can maintain it, otherwise buy a qualifying candidate
 * or, without one, no qualifying candidate. "No" goes through Node 2
 * (mature options), Node 3 (all must-haves, should-have coverage at the
 * threshold) and Node 4 (gaps) to a buy; when no candidate survives, Node 5
 * decides between build and no qualifying candidate.
 *
 * Pure and deterministic: the same input gives the same outcome. Expects
 * input that passed `evaluationDraftSchema`. Throws a `RangeError` for
 * options out of range.
 *
 * @public
 */
export function evaluate(
  evaluation: EvaluationDraft,
  options: EvaluateOptions = {},
): Outcome {
  const settings = settle(options);
  const walk: Walk = {
    evaluation,
    settings,
    path: [],
    warnings: [],
    missing: [],
    standings: new Map(),
    coverages: new Map(),
    classifications: indexGapClassifications(evaluation.gaps),
  };
  for (const candidate of evaluation.candidates ?? []) {
    walk.coverages.set(
      candidate.id,
      measureCoverage(candidate, evaluation.requirements ?? [], settings),
    );
  }
  const verdict = decide(walk);
  if (verdict.kind !== 'incomplete') {
    warnAboutVerdict(walk, verdict);
  }
  const revisitBy =
    evaluation.revisitBy ??
    (settings.now
      ? defaultRevisitBy(settings.now, DEFAULT_REVISIT_INTERVAL_MONTHS)
      : undefined);
  warnAboutSession(walk);
  warnAboutAnswers(walk);
  return {
    verdict,
    path: walk.path,
    warnings: walk.warnings,
    figures: figuresOf(walk, verdict, revisitBy),
    missing: verdict.kind === 'incomplete' ? walk.missing : [],
  };
}
