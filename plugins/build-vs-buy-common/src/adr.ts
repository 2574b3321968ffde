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
import { teamDecisionOf } from './decision';
import type { Outcome } from './evaluate';
import { ORGANISATION_PROFILE_LABELS, verdictLabel } from './labels';
import { toIsoDate } from './revisit';
import type { EvaluationDraft } from './schema';
import { decisionTreeNode } from './tree';

/** @public */
export type MarkdownAdrOptions = {
  /** Defaults to `Build vs buy: <entityRef>`. */
  title?: string;
  decidedAt?: Date;
  /** Who decided: names or entity references. */
  decidedBy?: string | string[];
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

function answered(text: string | undefined): string {
  const escaped = escapeMarkdown(text ?? '');
  return escaped === '' ? '_Not answered_' : escaped;
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
  const deciders =
    options.decidedBy === undefined
      ? []
      : ([] as string[]).concat(options.decidedBy);
  const lines: string[] = [];

  lines.push(
    `# ${escapeMarkdown(
      options.title ?? `Build vs buy: ${evaluation.entityRef}`,
    )}`,
    '',
    `- Status: ${verdict.kind === 'incomplete' ? 'proposed' : 'accepted'}`,
  );
  if (options.decidedAt) {
    lines.push(`- Date: ${toIsoDate(options.decidedAt)}`);
  }
  if (deciders.length > 0) {
    lines.push(`- Deciders: ${deciders.map(escapeMarkdown).join(', ')}`);
  }
  lines.push(`- Component: ${escapeMarkdown(evaluation.entityRef)}`);

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
    `- Dependents: ${list(
      (description?.dependents ?? []).map(escapeMarkdown),
    )}`,
    '',
    '### Team capacity',
    '',
    `- Engineers: ${capacity?.engineers ?? '_Not answered_'}`,
    `- Production systems maintained: ${
      capacity?.productionSystemsMaintained ?? '_Not answered_'
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
      differentiator?.answer ?? '_Not answered_'
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
      ORGANISATION_PROFILE_LABELS[evaluation.organisationProfile ?? 'mid-size']
    }`,
    `- Maintenance: ${
      canMaintain === undefined
        ? '_Not answered_'
        : `the team ${canMaintain ? 'can' : 'cannot'} allocate ${percent(
            figures.maintenanceShare,
          )} of one engineer permanently`
    }`,
  );

  lines.push('', '## Considered Options', '');
  lines.push(
    `- Build in-house${
      evaluation.maintenance?.ownerGroupRef
        ? `, owned by ${escapeMarkdown(evaluation.maintenance.ownerGroupRef)}`
        : ''
    }`,
  );
  for (const candidate of figures.candidates) {
    const { coverage } = candidate;
    lines.push(
      `- ${escapeMarkdown(candidate.candidateName)}: ${
        candidate.mature ? 'mature' : 'not mature'
      }, ${coverage.mustMet}/${coverage.mustTotal} must-haves met, ${percent(
        coverage.ratio,
      )} of should-haves covered (${candidate.standing})`,
    );
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
      lines.push('', `The wrapper fills: ${list(titles)}.`);
    }
  }

  lines.push('', '### Path through the decision tree', '');
  outcome.path.forEach((pathStep, index) => {
    lines.push(
      `${index + 1}. **${
        decisionTreeNode(pathStep.node).question
      }** ${escapeMarkdown(pathStep.answer)}. ${escapeMarkdown(
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
          `Integration is budgeted at ${figures.integrationCostWeeks} weeks.`,
        );
      }
      if (figures.learningCurveWeeks !== undefined) {
        bad.push(
          `Ramp-up of the operating engineers takes ${figures.learningCurveWeeks} weeks in total.`,
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

  lines.push(
    '',
    '## Revisit',
    '',
    figures.revisitBy
      ? `Revisit by ${figures.revisitBy}, or sooner when new information arrives.`
      : 'Revisit when new information arrives; no date was set.',
    '',
  );
  return lines.join('\n');
}
