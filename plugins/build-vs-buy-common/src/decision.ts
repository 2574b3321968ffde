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

/*
 * The team's decision. The article: "This decision tree gives you a
 * structured way to make the call. It is not a formula." The tree's verdict
 * is a recommendation; the team records what it decided, and why when that
 * differs. Which option the team decided and whether it went against the
 * tree are decided here, once: the backend's stored column and its filter,
 * the save that refuses a missing rationale, the UI, the ADR and the audit
 * events all use this function's result.
 */

import { gapsOf } from './coverage';
import type { Verdict } from './evaluate';
import type { EvaluationDraft } from './schema';
import { namesCandidate } from './schemaBasics';

/**
 * What the team decided, and how that stands to the tree's verdict.
 *
 * @public
 */
export type TeamDecisionFacts = {
  /**
   * What the team decided: the option it recorded, else the tree's
   * verdict. A buy names the candidate; a buy with a thin wrapper the narrow
   * core gaps the team classified for it.
   */
  decision: Verdict;
  /** The tree's verdict: its recommendation. */
  recommendation: Verdict;
  /** Whether the team recorded an option of its own ("follow the tree" otherwise). */
  recordedOwnOption: boolean;
  /**
   * Whether the team's option differs from the tree's verdict (another
   * kind, or another candidate). Never while the tree has no verdict yet.
   */
  decidedAgainstTree: boolean;
  /** The team's reason, trimmed; undefined when blank. */
  rationale?: string;
  /**
   * The answers a complete decision still needs: the candidate of a buy
   * that names none (`teamDecision.candidateId`), and the rationale of a
   * decision against the tree (`teamDecision.rationale`).
   */
  missing: string[];
};

function candidateIdOf(verdict: Verdict): string | undefined {
  return 'candidateId' in verdict ? verdict.candidateId : undefined;
}

/** The same option: the same kind, and for a buy the same candidate. */
function sameOption(decision: Verdict, verdict: Verdict): boolean {
  return (
    decision.kind === verdict.kind &&
    candidateIdOf(decision) === candidateIdOf(verdict)
  );
}

/** The option the team recorded, as a verdict; undefined when none is. */
function recordedOption(
  evaluation: EvaluationDraft,
  verdict: Verdict,
): Verdict | undefined {
  const recorded = evaluation.teamDecision;
  if (recorded?.kind === undefined) {
    return undefined;
  }
  if (recorded.kind === 'build') {
    return { kind: 'build' };
  }
  const candidateId = recorded.candidateId;
  if (candidateId === undefined) {
    return undefined;
  }
  const candidate = evaluation.candidates?.find(({ id }) => id === candidateId);
  const candidateName = candidate?.name?.trim() || 'an unlisted candidate';
  if (recorded.kind === 'buy') {
    return { kind: 'buy', candidateId, candidateName };
  }
  const gaps =
    verdict.kind === 'buy-with-wrapper' && verdict.candidateId === candidateId
      ? verdict.gaps
      : gapsOf(evaluation, candidateId)
          .filter(
            ({ classification }) =>
              classification?.scope === 'core' &&
              classification.breadth === 'narrow',
          )
          .map(({ requirementId }) => requirementId);
  return { kind: 'buy-with-wrapper', candidateId, candidateName, gaps };
}

/**
 * The team's decision on an evaluation whose tree's verdict is `verdict`.
 * Without an option of its own the team follows the tree. An option that
 * differs from the verdict is a decision against the tree, which a
 * complete decision records only with its rationale; a draft may leave the
 * rationale for later.
 *
 * @public
 */
export function teamDecisionOf(
  evaluation: EvaluationDraft,
  verdict: Verdict,
): TeamDecisionFacts {
  const own = recordedOption(evaluation, verdict);
  const decision = own ?? verdict;
  const decidedAgainstTree =
    own !== undefined &&
    verdict.kind !== 'incomplete' &&
    !sameOption(own, verdict);
  const rationale = evaluation.teamDecision?.rationale?.trim() || undefined;
  const missing: string[] = [];
  if (
    evaluation.teamDecision?.kind !== undefined &&
    namesCandidate(evaluation.teamDecision.kind) &&
    evaluation.teamDecision.candidateId === undefined
  ) {
    missing.push('teamDecision.candidateId');
  }
  if (decidedAgainstTree && rationale === undefined) {
    missing.push('teamDecision.rationale');
  }
  return {
    decision,
    recommendation: verdict,
    recordedOwnOption: own !== undefined,
    decidedAgainstTree,
    rationale,
    missing,
  };
}
