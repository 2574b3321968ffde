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
 * The team's words for every answer: which step asks it, the question in
 * the article's words, and the candidate or requirement by name. The
 * wizard's live panel, save errors, the decision tab, the ADR and the
 * version compare describe answer paths with this, so nobody is shown
 * `candidates[0].maturity.publicSla`.
 */

import type { EvaluationDraft } from './schema';
import { WIZARD_STEPS, type WizardStepId } from './tree';

/**
 * The question each answer asks, keyed by its path with list positions,
 * requirement ids and gap keys written `*`.
 *
 * @public
 */
export const ANSWER_QUESTIONS = {
  entityRef: 'Which component is evaluated?',
  question: 'What is the question?',
  organisationProfile: 'What kind of organisation is this?',
  prerequisites: 'What are you evaluating, and what can the team take on?',
  'prerequisites.componentDescription': 'What does the component do?',
  'prerequisites.teamCapacity': 'What can the team take on?',
  coreDifferentiator: 'Is it a core differentiator?',
  maintenance: 'Can you maintain it long-term?',
  failureModes: 'Which of the common failure modes apply?',
  'failureModes.migrationPlan': 'What is the migration plan?',
  regulated: 'Where does the vendor review stand?',
  'prerequisites.componentDescription.dataStored': 'What data does it store?',
  'prerequisites.componentDescription.queriesHandled':
    'What queries does it handle?',
  'prerequisites.componentDescription.latencyConstraints':
    'What are its latency constraints?',
  'prerequisites.componentDescription.availabilityConstraints':
    'What are its availability constraints?',
  'prerequisites.componentDescription.dependents':
    'What other components depend on it?',
  'prerequisites.teamCapacity.engineers': 'How many engineers are on the team?',
  'prerequisites.teamCapacity.productionSystemsMaintained':
    'How many production systems does the team already maintain?',
  'prerequisites.teamCapacity.availableCapacity':
    'What can the team realistically take on?',
  'coreDifferentiator.answer': 'Is it a core differentiator?',
  'coreDifferentiator.competitorTest':
    'If two of your competitors used the same vendor for this, would your product lose its edge?',
  'coreDifferentiator.rationale': 'Why is it, or is it not, a differentiator?',
  candidates: 'Which commercial products are candidates?',
  'candidates.*': 'The candidate',
  'candidates.*.id': 'The candidate',
  'candidates.*.name': 'What is the product called?',
  'candidates.*.maturity': 'Is it mature?',
  'candidates.*.maturity.inProductionTwoYears':
    'Has it been in production use for at least two years?',
  'candidates.*.maturity.customersAtYourScale':
    'Does it have customers at your scale or larger?',
  'candidates.*.maturity.publicSla': 'Does it have a public SLA?',
  'candidates.*.maturity.failureModeTrackRecord':
    'Does it have a track record of handling the failure modes you care about?',
  'candidates.*.maturity.referencesChecked':
    'Were its references checked with customers at your scale?',
  'candidates.*.coverage': 'Which requirements does it cover?',
  'candidates.*.coverage.*': 'Does it meet this requirement?',
  'candidates.*.integrationWeeks': 'How many weeks would integrating it take?',
  'candidates.*.notes': 'What did its references say?',
  requirements: 'What are the requirements?',
  'requirements.*': 'The requirement',
  'requirements.*.id': 'The requirement',
  'requirements.*.title': 'What is the requirement?',
  'requirements.*.bucket':
    'Is it a must-have, a should-have or a nice-to-have?',
  'requirements.*.neededByWorkload': 'Does your workload need it?',
  gaps: 'Are the gaps in core or edge cases?',
  'gaps.*': 'Is this gap in core or an edge case?',
  'gaps.*.candidateId': 'Is this gap in core or an edge case?',
  'gaps.*.requirementId': 'Is this gap in core or an edge case?',
  'gaps.*.scope': 'Is this gap in core or an edge case?',
  'gaps.*.breadth': 'Is this core gap narrow or broad?',
  'maintenance.canAllocateTwentyPercentPermanently':
    'Can the team allocate 20% of one engineer to it permanently?',
  'maintenance.ownerGroupRef': 'Which group will maintain it?',
  'maintenance.plan': 'What is the maintenance plan?',
  'failureModes.migrationPlan.dataExtraction':
    'How would you extract your data?',
  'failureModes.migrationPlan.alternative': 'What would you switch to?',
  'failureModes.integrationCostWeeks':
    'What is the integration budget in weeks?',
  'failureModes.engineersOperating': 'How many engineers will operate it?',
  'failureModes.learningCurveWeeksPerEngineer':
    'How many weeks of ramp-up does each engineer need?',
  'failureModes.twelveMonthRoadmap':
    'What will you need from it in twelve months?',
  'failureModes.requirementsStability': 'How stable are the requirements?',
  'failureModes.buildingBecauseBuyingIsBoring':
    'Is building more interesting than buying here?',
  'regulated.procurementStarted': 'Has the procurement process started?',
  'regulated.vendorSecurityReviewMonths':
    'How many months will the vendor security review take?',
  'regulated.buildFallback':
    'What is the build fallback if the vendor review stalls?',
  revisitBy: 'When will you revisit the decision?',
  sessionDurationMinutes: 'How long did the session take, in minutes?',
  teamDecision: 'What did the team decide?',
  'teamDecision.kind': 'What did the team decide?',
  'teamDecision.candidateId': 'Which product does the team buy?',
  'teamDecision.rationale':
    'Why did the team decide otherwise than the tree recommends?',
} as const;

/** A key of {@link ANSWER_QUESTIONS}. @public */
export type AnswerPattern = keyof typeof ANSWER_QUESTIONS;

/**
 * One answer in the team's words.
 *
 * @public
 */
export type AnswerDescription = {
  /** The machine path, as the API and the engine name it. */
  path: string;
  /** The wizard step that asks it. */
  stepId: WizardStepId;
  /**
   * Where in the tree: "Prerequisites", "Node 2", "Failure modes", "The
   * team's decision".
   */
  where: string;
  /** The candidate and/or requirement it is about, by name. */
  subject?: string;
  /** The question, in the article's words. */
  question: string;
  /** All of it: "Node 2, VectorCloud: Does it have a public SLA?" */
  label: string;
};

const WHERE: Record<WizardStepId, string> = {
  prerequisites: 'Prerequisites',
  'core-differentiator': 'Node 1',
  'mature-option': 'Node 2',
  'requirements-coverage': 'Node 3',
  'gap-classification': 'Node 4',
  maintenance: 'Node 5',
  'failure-modes': 'Failure modes',
  review: "The team's decision",
};

/**
 * The step that edits a top-level field, as the tree's WIZARD_STEPS say;
 * fields no step edits (the entity, the session's length) belong with the
 * prerequisites.
 */
function stepOfField(field: string): WizardStepId {
  const step = WIZARD_STEPS.find(({ fields }) =>
    (fields as ReadonlyArray<string>).includes(field),
  );
  return step ? step.id : 'prerequisites';
}

/**
 * Splits `candidates[0].maturity.publicSla` or `gaps[acme/hybrid].scope`
 * into its parts; a list already split is returned as it is.
 *
 * @public
 */
export function answerPathParts(
  path: string | ReadonlyArray<PropertyKey>,
): Array<string | number> {
  if (typeof path !== 'string') {
    return path.map(part => (typeof part === 'number' ? part : String(part)));
  }
  const parts: Array<string | number> = [];
  const pattern = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) {
      // `candidates.0.name`, as some callers join positions, is the same.
      parts.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
    } else {
      parts.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
    }
  }
  return parts;
}

/** The question of a pattern; a key sent as `constructor` is not one. */
function questionOf(pattern: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ANSWER_QUESTIONS, pattern)
    ? (ANSWER_QUESTIONS as Record<string, string>)[pattern]
    : undefined;
}

function quoted(text: string | undefined, fallback: string): string {
  const shown = text?.trim();
  return shown ? `“${shown}”` : fallback;
}

/*
 * Rows and their texts, read defensively: validation errors are described
 * with the answers as they were sent, which may not be lists of rows.
 */
function rowAt(list: unknown, position: number): Record<string, unknown> {
  const row = Array.isArray(list) ? list[position] : undefined;
  return typeof row === 'object' && row !== null ? row : {};
}

function rowWithId(list: unknown, id: unknown): Record<string, unknown> {
  return rowAt(
    list,
    Array.isArray(list) ? list.findIndex(row => row?.id === id) : -1,
  );
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Describes an answer path in the team's words, with the names the
 * evaluation gives its candidates and requirements. Paths of the engine's
 * `missing` list and of validation errors alike; an unknown path still
 * gets a readable label (its last part, spaced), never the path itself.
 *
 * @public
 */
export function describeAnswer(
  path: string | ReadonlyArray<PropertyKey>,
  evaluation: EvaluationDraft,
): AnswerDescription {
  const parts = answerPathParts(path);
  const text = typeof path === 'string' ? path : formatAnswerPath(parts);
  const [field] = parts;
  const subjects: string[] = [];

  // Patterns replace positions, ids and gap keys with `*`, and name them.
  const pattern = parts.map((part, index) => {
    const parent = parts[index - 1];
    // List rows are addressed by position: `candidates[1]`.
    if (index === 1 && field === 'candidates') {
      const position = Number(part);
      subjects.push(
        textOf(rowAt(evaluation.candidates, position).name)?.trim() ||
          `candidate ${position + 1}`,
      );
      return '*';
    }
    if (index === 1 && field === 'requirements') {
      const position = Number(part);
      subjects.push(
        quoted(
          textOf(rowAt(evaluation.requirements, position).title),
          `requirement ${position + 1}`,
        ),
      );
      return '*';
    }
    if (index === 3 && field === 'candidates' && parent === 'coverage') {
      const requirement = rowWithId(evaluation.requirements, String(part));
      subjects.push(quoted(textOf(requirement.title), 'a requirement'));
      return '*';
    }
    if (index === 1 && field === 'gaps') {
      const gap = typeof part === 'number' ? rowAt(evaluation.gaps, part) : {};
      const [candidateId, requirementId] =
        typeof part === 'string'
          ? part.split('/')
          : [gap.candidateId, gap.requirementId];
      const candidate = rowWithId(evaluation.candidates, candidateId);
      const requirement = rowWithId(evaluation.requirements, requirementId);
      subjects.push(textOf(candidate.name)?.trim() || 'a candidate');
      subjects.push(quoted(textOf(requirement.title), 'a requirement'));
      return '*';
    }
    return String(part);
  });

  const key = pattern.join('.');
  const question =
    questionOf(key) ??
    questionOf(pattern.slice(0, -1).join('.')) ??
    spaced(String(parts[parts.length - 1] ?? 'answer'));
  const step = stepOfField(String(field));
  // Coverage is asked with the requirements, at Node 3.
  const stepId: WizardStepId =
    field === 'candidates' && parts[2] === 'coverage'
      ? 'requirements-coverage'
      : step;
  const where = WHERE[stepId];
  const subject = subjects.length > 0 ? subjects.join(', ') : undefined;
  return {
    path: text,
    stepId,
    where,
    subject,
    question,
    label: `${where}${subject ? `, ${subject}` : ''}: ${question}`,
  };
}

/** `['candidates', 0, 'name']` as `candidates[0].name`. @public */
export function formatAnswerPath(
  parts: ReadonlyArray<string | number>,
): string {
  return parts.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${part}` : part;
  }, '');
}

function spaced(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLocaleLowerCase();
  return `${words.charAt(0).toLocaleUpperCase()}${words.slice(1)}?`;
}
