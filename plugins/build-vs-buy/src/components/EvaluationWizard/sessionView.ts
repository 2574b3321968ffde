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
 * What the wizard shows of the session beside the questions, worked out
 * from the engine's outcome and the answers: the steps the path skips, the
 * candidates already out (whose gaps cannot change the verdict), and every
 * answer in words, by node, for the review. Pure, tested without a DOM.
 */

import {
  CANDIDATE_STANDING_LABELS,
  COVERAGE_LEVEL_LABELS,
  DECISION_NODE_LABELS,
  describeAnswer,
  formatAnswerPath,
  GAP_BREADTH_LABELS,
  GAP_SCOPE_LABELS,
  ORGANISATION_PROFILE_LABELS,
  pathThroughTree,
  REQUIREMENT_BUCKET_LABELS,
  REQUIREMENTS_STABILITY_LABELS,
  VERDICT_LABELS,
  WIZARD_STEPS,
  type AnswerDescription,
  type CandidateStanding,
  type DecisionNode,
  type EvaluationDraft,
  type Outcome,
  type OutcomeFigures,
  type WizardStepId,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/** "Node 2" for Node 2's question, "Prerequisites" for the prerequisites. */
function nodeName(node: DecisionNode): string {
  return DECISION_NODE_LABELS[node].split(':')[0];
}

const NODES = WIZARD_STEPS.flatMap(step => (step.node ? [step.node] : []));

/**
 * The steps the path through the tree skips, each with the reason in
 * words: a node is skipped when the walk went past it without asking it
 * (Node 1 "yes" goes straight to Node 5), or when the verdict was reached
 * without it. Before a verdict, nodes the walk has not reached yet are not
 * skipped: they are still ahead.
 */
export function skippedSteps(
  outcome: Outcome | undefined,
): Map<WizardStepId, string> {
  const skipped = new Map<WizardStepId, string>();
  if (!outcome) {
    return skipped;
  }
  const visited = pathThroughTree(outcome);
  const complete = outcome.verdict.kind !== 'incomplete';
  NODES.forEach((node, index) => {
    if (visited.includes(node)) {
      return;
    }
    const later = NODES.slice(index + 1).find(next => visited.includes(next));
    if (!later && !complete) {
      return;
    }
    const earlier = NODES.slice(0, index)
      .reverse()
      .find(previous => visited.includes(previous));
    const answers = outcome.path
      .filter(step => step.node === earlier)
      .map(step => step.answer);
    const because =
      earlier && answers.length > 0
        ? `${nodeName(earlier)} answered “${answers.join('; ')}”`
        : 'the answers so far';
    const goesTo = later
      ? `goes on at ${nodeName(later)}`
      : `ends at the verdict: ${VERDICT_LABELS[outcome.verdict.kind]}`;
    skipped.set(
      node,
      `Skipped: ${because}, so the path ${goesTo}. This question cannot change the verdict.`,
    );
  });
  return skipped;
}

/** Standings that put a candidate out before its gaps are judged. */
const OUT_BEFORE_NODE_4: ReadonlyArray<CandidateStanding> = [
  'not-mature',
  'missing-must-have',
  'below-threshold',
];

/**
 * The candidates already out before Node 4, by id, with why in words:
 * "Does not affect the verdict: Acme is ruled out at Node 2: not mature".
 */
export function candidatesOutBeforeGaps(
  figures: Pick<OutcomeFigures, 'candidates'> | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const candidate of figures?.candidates ?? []) {
    if (OUT_BEFORE_NODE_4.includes(candidate.standing)) {
      out.set(
        candidate.candidateId,
        `Does not affect the verdict: ${candidate.candidateName} is ${
          CANDIDATE_STANDING_LABELS[candidate.standing]
        }`,
      );
    }
  }
  return out;
}

/** One given answer, in words. */
export type AnswerInWords = {
  description: AnswerDescription;
  /** The answer as the team would say it: "Yes", "Must-have", a text. */
  value: string;
  /** The users, groups or components the answer names, to show as links. */
  entityRefs?: string[];
};

/** The answers a step holds, in the order the wizard asks them. */
export type StepAnswers = {
  stepId: WizardStepId;
  label: string;
  answers: AnswerInWords[];
};

/** Parts of a path that are bookkeeping, not answers. */
const NOT_ANSWERS = new Set([
  'id',
  'candidateId',
  'requirementId',
  'entityRef',
  'sessionDurationMinutes',
]);

const LABELS_BY_FIELD: Record<string, Record<string, string>> = {
  bucket: REQUIREMENT_BUCKET_LABELS,
  scope: GAP_SCOPE_LABELS,
  breadth: GAP_BREADTH_LABELS,
  organisationProfile: ORGANISATION_PROFILE_LABELS,
  requirementsStability: REQUIREMENTS_STABILITY_LABELS,
};

function inWords(
  parts: ReadonlyArray<string | number>,
  value: unknown,
  draft: EvaluationDraft,
): string {
  const field = String(parts[parts.length - 1]);
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (Array.isArray(value)) {
    return value.map(String).join(', ');
  }
  const text = String(value);
  if (parts[0] === 'candidates' && parts[2] === 'coverage') {
    return (COVERAGE_LEVEL_LABELS as Record<string, string>)[text] ?? text;
  }
  if (parts[0] === 'coreDifferentiator' && field === 'answer') {
    return text === 'yes' ? 'Yes' : 'No';
  }
  if (parts[0] === 'teamDecision' && field === 'kind') {
    return (VERDICT_LABELS as Record<string, string>)[text] ?? text;
  }
  if (parts[0] === 'teamDecision' && field === 'candidateId') {
    return draft.candidates?.find(({ id }) => id === text)?.name ?? text;
  }
  return LABELS_BY_FIELD[field]?.[text] ?? text;
}

function leaves(
  value: unknown,
  parts: Array<string | number>,
  found: Array<{ parts: Array<string | number>; value: unknown }>,
): void {
  if (value === undefined || value === null || value === '') {
    return;
  }
  const last = parts[parts.length - 1];
  if (typeof last === 'string' && NOT_ANSWERS.has(last)) {
    if (!(parts[0] === 'teamDecision' && last === 'candidateId')) {
      return;
    }
  }
  const listOfTexts =
    Array.isArray(value) && value.every(item => typeof item !== 'object');
  if (Array.isArray(value) && !listOfTexts) {
    value.forEach((item, index) => {
      // A gap is addressed by its candidate and requirement, not position.
      const gap = item as { candidateId?: string; requirementId?: string };
      const key =
        parts.length === 1 && parts[0] === 'gaps'
          ? `${gap.candidateId}/${gap.requirementId}`
          : index;
      leaves(item, [...parts, key], found);
    });
    return;
  }
  if (typeof value === 'object' && !listOfTexts) {
    for (const [key, item] of Object.entries(value as object)) {
      leaves(item, [...parts, key], found);
    }
    return;
  }
  if (listOfTexts && (value as unknown[]).length === 0) {
    return;
  }
  found.push({ parts, value });
}

/*
 * Top-level answers the tree's questions do not cover, named as the
 * prerequisites step labels them.
 */
const FIELD_QUESTIONS: Record<string, string> = {
  question: 'The question',
  organisationProfile: 'Organisation',
};

/** Every answer given, in words, grouped by the step that asks it. */
export function answersByStep(draft: EvaluationDraft): StepAnswers[] {
  const found: Array<{ parts: Array<string | number>; value: unknown }> = [];
  leaves(draft, [], found);
  return WIZARD_STEPS.map(step => ({
    stepId: step.id,
    label: step.label,
    answers: found
      .map(({ parts, value }) => {
        const described = describeAnswer(formatAnswerPath(parts), draft);
        const question = FIELD_QUESTIONS[String(parts[0])];
        const description =
          parts.length === 1 && question
            ? {
                ...described,
                question,
                label: `${described.where}: ${question}`,
              }
            : described;
        const field = parts[parts.length - 1];
        const names =
          field === 'ownerGroupRef' ||
          (parts[1] === 'componentDescription' && field === 'dependents');
        return {
          description,
          value: inWords(parts, value, draft),
          ...(names ? { entityRefs: [value].flat().map(String) } : {}),
        };
      })
      .filter(({ description }) => description.stepId === step.id),
  })).filter(({ answers }) => answers.length > 0);
}
