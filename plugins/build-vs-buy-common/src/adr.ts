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

import { describeAnswer } from './answers';
import type { EvaluationStatus } from './api';
import { teamDecisionOf } from './decision';
import { organisationProfileOf } from './facts';
import type { Outcome } from './evaluate';
import {
  CANDIDATE_STANDING_LABELS,
  ORGANISATION_PROFILE_LABELS,
  REQUIREMENTS_STABILITY_LABELS,
  REVIEW_STATUS_LABELS,
  verdictLabel,
} from './labels';
import { DEFAULT_LEARNING_CURVE_WEEKS_PER_ENGINEER } from './limits';
import type { Review } from './review';
import { toIsoDate } from './revisit';
import type { EvaluationDraft } from './schema';
import { decisionTreeNode } from './tree';
import { displayNameOf, quantityOf, withFullStop } from './wording';

/** @public */
export type MarkdownAdrOptions = {
  /** Defaults to `Build vs buy: <the component's name>`. */
  title?: string;
  decidedAt?: Date;
  /** Who decided: names or entity references. */
  decidedBy?: string | string[];
  /**
   * The evaluation's status: a draft is recorded as `proposed`, whatever
   * its verdict.
   */
  status?: EvaluationStatus;
  /** The entity reference of the component's owner. */
  componentOwnerRef?: string;
  /**
   * Display names by entity reference, for the component, the deciders,
   * the owners and dependents (`spec.profile.displayName` or
   * `metadata.title` from the catalog). A reference without one is shown by
   * its name (`ml-platform`), never as `group:default/ml-platform`.
   */
  displayNames?: Readonly<Record<string, string>>;
  /**
   * The decision's review when the record is made: when it is due for
   * revisit, its reasons (news of the product it bought among them) are
   * written under Revisit, as the new information that arrived.
   */
  review?: Pick<Review, 'status' | 'reasons'>;
};

/**
 * Escapes user text for inline Markdown: whitespace collapses to single
 * spaces, HTML is neutralised, and characters that would start emphasis,
 * links, code, tables, headings or lists are escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])(?= |$)/, '$1\\$2');
}

const NOT_ANSWERED = '_Not answered_';

function answered(text: string | undefined): string {
  const escaped = escapeMarkdown(text ?? '');
  return escaped === '' ? NOT_ANSWERED : escaped;
}

/** A number of weeks; an unanswered one without the unit. */
function weeks(count: number | undefined): string {
  return count === undefined ? NOT_ANSWERED : quantityOf(count, 'week');
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

function list(items: string[]): string {
  return items.length > 0 ? items.join(', ') : '_none_';
}

/**
 * Renders an evaluation and its outcome as a Markdown architecture decision
 * record in the MADR layout: context and problem statement, decision
 * drivers, considered options (every candidate and "Build in-house"),
 * decision outcome with the path through the tree, consequences (warnings
 * among the bad ones) and the revisit date. All user text is escaped.
 *
 * @public
 */
export function toMarkdownAdr(
  evaluation: EvaluationDraft,
  outcome: Outcome,
  options: MarkdownAdrOptions = {},
): string {
  const { verdict, figures } = outcome;
  const description = evaluation.prerequisites?.componentDescription;
  const capacity = evaluation.prerequisites?.teamCapacity;
  const requirements = evaluation.requirements ?? [];
  const titlesIn = (bucket: string) =>
    requirements
      .filter(requirement => requirement.bucket === bucket)
      .map(requirement => escapeMarkdown(requirement.title));
  const nameOf = (entityRef: string) =>
    escapeMarkdown(displayNameOf(entityRef, options.displayNames));
  const deciders =
    options.decidedBy === undefined
      ? []
      : ([] as string[]).concat(options.decidedBy);
  const componentName = displayNameOf(
    evaluation.entityRef,
    options.displayNames,
  );
  const maintenanceOwnerRef = evaluation.maintenance?.ownerGroupRef?.trim();
  const proposed = verdict.kind === 'incomplete' || options.status === 'draft';
  const lines: string[] = [];

  lines.push(
    `# ${escapeMarkdown(options.title ?? `Build vs buy: ${componentName}`)}`,
    '',
    `- Status: ${proposed ? 'proposed' : 'accepted'}`,
  );
  if (options.decidedAt) {
    lines.push(`- Date: ${toIsoDate(options.decidedAt)}`);
  }
  if (deciders.length > 0) {
    lines.push(`- Deciders: ${deciders.map(nameOf).join(', ')}`);
  }
  lines.push(`- Component: ${escapeMarkdown(componentName)}`);
  if (options.componentOwnerRef) {
    lines.push(`- Component owner: ${nameOf(options.componentOwnerRef)}`);
  }

  lines.push(
    '',
    '## Context and Problem Statement',
    '',
    answered(evaluation.question),
    '',
    '### What the component does',
    '',
    `- Data stored: ${answered(description?.dataStored)}`,
    `- Queries handled: ${answered(description?.queriesHandled)}`,
    `- Latency constraints: ${answered(description?.latencyConstraints)}`,
    `- Availability constraints: ${answered(
      description?.availabilityConstraints,
    )}`,
    `- Dependents: ${list((description?.dependents ?? []).map(nameOf))}`,
    '',
    '### Team capacity',
    '',
    `- Engineers: ${capacity?.engineers ?? NOT_ANSWERED}`,
    `- Production systems maintained: ${
      capacity?.productionSystemsMaintained ?? NOT_ANSWERED
    }`,
    `- Available capacity: ${answered(capacity?.availableCapacity)}`,
  );

  const differentiator = evaluation.coreDifferentiator;
  const canMaintain =
    evaluation.maintenance?.canAllocateTwentyPercentPermanently;
  lines.push(
    '',
    '## Decision Drivers',
    '',
    `- Core differentiator: ${
      differentiator?.answer ?? NOT_ANSWERED
    }. Competitor test: ${answered(differentiator?.competitorTest)}`,
    `- Rationale: ${answered(differentiator?.rationale)}`,
    `- Must-haves: ${list(titlesIn('must'))}`,
    `- Should-haves (at least ${percent(
      figures.coverageThreshold,
    )} covered, partial counts ${percent(figures.partialCredit)}): ${list(
      titlesIn('should'),
    )}`,
    `- Nice-to-haves, not factored into the decision: ${list(
      titlesIn('nice'),
    )}`,
    `- Organisation profile: ${
      ORGANISATION_PROFILE_LABELS[organisationProfileOf(evaluation)]
    }`,
    `- Maintenance: ${
      canMaintain === undefined
        ? NOT_ANSWERED
        : `the team ${canMaintain ? 'can' : 'cannot'} allocate ${percent(
            figures.maintenanceShare,
          )} of one engineer permanently`
    }`,
  );

  lines.push('', '## Considered Options', '');
  lines.push(
    `- Build in-house${
      maintenanceOwnerRef ? `, owned by ${nameOf(maintenanceOwnerRef)}` : ''
    }`,
  );
  for (const candidate of figures.candidates) {
    const { coverage } = candidate;
    const answers = evaluation.candidates?.find(
      ({ id }) => id === candidate.candidateId,
    );
    lines.push(
      `- ${escapeMarkdown(candidate.candidateName)}: ${
        candidate.mature ? 'mature' : 'not mature'
      }, ${coverage.mustMet}/${coverage.mustTotal} must-haves met, ${percent(
        coverage.ratio,
      )} of should-haves covered; ${
        CANDIDATE_STANDING_LABELS[candidate.standing]
      }`,
    );
    if (answers?.integrationWeeks !== undefined) {
      lines.push(
        `  - Integration estimate: ${weeks(answers.integrationWeeks)}`,
      );
    }
    if (answers?.notes?.trim()) {
      lines.push(`  - Reference notes: ${escapeMarkdown(answers.notes)}`);
    }
  }

  lines.push('', '## Decision Outcome', '');
  if (verdict.kind === 'incomplete') {
    lines.push(
      'No option chosen yet: the evaluation is incomplete. Still to answer:',
      '',
      ...outcome.missing.map(
        path => `- ${escapeMarkdown(describeAnswer(path, evaluation).label)}`,
      ),
    );
  } else {
    const last = outcome.path[outcome.path.length - 1];
    const recommended = `"${escapeMarkdown(verdictLabel(verdict))}", because ${
      last
        ? escapeMarkdown(
            last.reasoning.charAt(0).toLowerCase() + last.reasoning.slice(1),
          )
        : 'of the path below.'
    }`;
    // "It is not a formula": the team's decision, and the tree's when the
    // team decided otherwise.
    const team = teamDecisionOf(evaluation, verdict);
    const chosen = team.decision;
    if (team.decidedAgainstTree) {
      lines.push(
        `Chosen option: "${escapeMarkdown(
          verdictLabel(chosen),
        )}", the team's decision against the tree's recommendation.`,
        '',
        `The tree recommends: ${recommended}`,
      );
    } else {
      lines.push(`Chosen option: ${recommended}`);
    }
    if (team.rationale) {
      lines.push('', `The team's rationale: ${escapeMarkdown(team.rationale)}`);
    }
    if (chosen.kind === 'buy-with-wrapper' && chosen.gaps.length > 0) {
      const titles = requirements
        .filter(({ id }) => chosen.gaps.includes(id))
        .map(({ title }) => escapeMarkdown(title));
      lines.push('', `The wrapper fills: ${withFullStop(list(titles))}`);
    }
  }

  lines.push('', '### Path through the decision tree', '');
  outcome.path.forEach((pathStep, index) => {
    lines.push(
      `${index + 1}. **${
        decisionTreeNode(pathStep.node).question
      }** ${withFullStop(escapeMarkdown(pathStep.answer))} ${escapeMarkdown(
        pathStep.reasoning,
      )}`,
    );
  });

  const good: string[] = [];
  const bad: string[] = outcome.warnings.map(({ message }) =>
    escapeMarkdown(message),
  );
  switch (verdict.kind) {
    case 'buy':
    case 'buy-with-wrapper':
      good.push(
        'The team spends its engineering time on the differentiator, not on plumbing.',
      );
      if (verdict.kind === 'buy-with-wrapper') {
        bad.push('The team builds and maintains a thin wrapper over the gaps.');
      }
      if (figures.integrationCostWeeks !== undefined) {
        bad.push(
          `Integration is budgeted at ${weeks(figures.integrationCostWeeks)}.`,
        );
      }
      if (figures.learningCurveWeeks !== undefined) {
        bad.push(
          `Ramp-up of the operating engineers takes ${weeks(
            figures.learningCurveWeeks,
          )} in total.`,
        );
      }
      break;
    case 'build':
      good.push(
        'The team controls a capability that the decision tree says to own.',
      );
      bad.push(
        `Every system you build becomes a system you maintain: at least ${percent(
          figures.maintenanceShare,
        )} of one engineer, permanently.`,
      );
      break;
    case 'no-qualifying-candidate':
      good.push('No dependency and no maintenance burden are taken on yet.');
      bad.push(
        'The component stays undecided: find another vendor or revisit the build path.',
      );
      break;
    default:
      break;
  }
  lines.push('', '### Consequences', '');
  lines.push(...good.map(text => `- Good: ${text}`));
  lines.push(...bad.map(text => `- Bad: ${text}`));
  if (good.length === 0 && bad.length === 0) {
    lines.push('- _None recorded yet_');
  }

  const modes = evaluation.failureModes;
  const maintenancePlan = evaluation.maintenance?.plan;
  const stability = modes?.requirementsStability;
  lines.push(
    '',
    '## More Information',
    '',
    '### Migration plan',
    '',
    `- Data extraction: ${answered(modes?.migrationPlan?.dataExtraction)}`,
    `- Alternative to switch to: ${answered(
      modes?.migrationPlan?.alternative,
    )}`,
    '',
    '### Maintenance plan',
    '',
    `- Owner: ${
      maintenanceOwnerRef ? nameOf(maintenanceOwnerRef) : '_No group named_'
    }`,
    `- Plan: ${answered(maintenancePlan)}`,
    '',
    '### Twelve-month roadmap',
    '',
    `- Roadmap: ${answered(modes?.twelveMonthRoadmap)}`,
    `- Requirements: ${
      stability ? REQUIREMENTS_STABILITY_LABELS[stability] : NOT_ANSWERED
    }`,
    '',
    '### Integration and learning-curve budgets',
    '',
    `- Integration, budgeted separately from evaluation: ${weeks(
      figures.integrationCostWeeks,
    )}`,
    `- Engineers who will operate it: ${
      modes?.engineersOperating ?? NOT_ANSWERED
    }`,
    `- Ramp-up per engineer: ${
      modes?.learningCurveWeeksPerEngineer === undefined &&
      figures.learningCurveWeeks !== undefined
        ? `${NOT_ANSWERED}, ${weeks(
            DEFAULT_LEARNING_CURVE_WEEKS_PER_ENGINEER,
          )} assumed`
        : weeks(modes?.learningCurveWeeksPerEngineer)
    }`,
    `- Ramp-up in total: ${weeks(figures.learningCurveWeeks)}`,
  );

  lines.push(
    '',
    '## Revisit',
    '',
    figures.revisitBy
      ? `Revisit by ${figures.revisitBy}, or sooner when new information arrives.`
      : 'Revisit when new information arrives; no date was set.',
    '',
  );
  const review = options.review;
  if (review && review.status !== 'current' && review.reasons.length > 0) {
    lines.push(
      `${REVIEW_STATUS_LABELS[review.status]} when this record was made:`,
      '',
      ...review.reasons.map(reason => `- ${escapeMarkdown(reason.message)}`),
      '',
    );
  }
  return lines.join('\n');
}
