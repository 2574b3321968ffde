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

import fc from 'fast-check';
import {
  ANSWER_QUESTIONS,
  answerPathParts,
  describeAnswer,
  formatAnswerPath,
} from './answers';
import { evaluate } from './evaluate';
import { EXAMPLE_EVALUATIONS, ragHybridSearch } from './examples';
import type { EvaluationDraft } from './schema';

const QUESTIONS = new Set<string>(Object.values(ANSWER_QUESTIONS));

/** Every leaf of an answer object, as paths of parts. */
function leaves(value: unknown, path: Array<string | number> = []) {
  if (value === null || typeof value !== 'object') {
    return [path];
  }
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  if (entries.length === 0) return [path];
  const found: Array<Array<string | number>> = [];
  for (const [key, item] of entries)
    found.push(...leaves(item, [...path, key]));
  return found;
}

/** What must never reach a person: dotted paths, indices, gap keys. */
const INTERNAL = /\[\d+\]|\w\.\w|gaps\[|candidate-\d|requirement-\d/;

describe('describeAnswer', () => {
  const evaluation = ragHybridSearch;
  const vendor = evaluation.candidates[0];
  const requirement = evaluation.requirements[0];

  it.each([
    [
      'candidates[0].maturity.publicSla',
      `Node 2, ${vendor.name}: Does it have a public SLA?`,
      'mature-option',
    ],
    [
      `candidates[0].coverage.${requirement.id}`,
      `Node 3, ${vendor.name}, “${requirement.title}”: Does it meet this requirement?`,
      'requirements-coverage',
    ],
    [
      `gaps[${vendor.id}/${requirement.id}]`,
      `Node 4, ${vendor.name}, “${requirement.title}”: Is this gap in core or an edge case?`,
      'gap-classification',
    ],
    [
      'prerequisites.componentDescription.dataStored',
      'Prerequisites: What data does it store?',
      'prerequisites',
    ],
    [
      'maintenance.canAllocateTwentyPercentPermanently',
      'Node 5: Can the team allocate 20% of one engineer to it permanently?',
      'maintenance',
    ],
    [
      'failureModes.migrationPlan.alternative',
      'Failure modes: What would you switch to?',
      'failure-modes',
    ],
    [
      'requirements[0].bucket',
      `Node 3, “${requirement.title}”: Is it a must-have, a should-have or a nice-to-have?`,
      'requirements-coverage',
    ],
    [
      'teamDecision.rationale',
      "The team's decision: Why did the team decide otherwise than the tree recommends?",
      'review',
    ],
    [
      'teamDecision.candidateId',
      "The team's decision: Which product does the team buy?",
      'review',
    ],
    [
      'teamDecision',
      "The team's decision: What did the team decide?",
      'review',
    ],
  ])('%s reads "%s"', (path, label, stepId) => {
    const description = describeAnswer(path, evaluation);
    expect(description).toMatchObject({ path, label, stepId });
  });

  it('names rows the team has not named yet by their place, not their id', () => {
    const draft: EvaluationDraft = {
      entityRef: 'component:default/gateway',
      candidates: [{ id: 'candidate-1', name: '' }],
      requirements: [{ id: 'requirement-1', title: ' ' }],
    };
    expect(describeAnswer('candidates[0].name', draft).label).toBe(
      'Node 2, candidate 1: What is the product called?',
    );
    expect(
      describeAnswer('candidates[0].coverage.requirement-1', draft).label,
    ).toBe(
      'Node 3, candidate 1, a requirement: Does it meet this requirement?',
    );
    expect(describeAnswer('gaps[0].scope', draft).label).toBe(
      'Node 4, a candidate, a requirement: Is this gap in core or an edge case?',
    );
  });

  it('reads answers that are not lists of rows, as invalid input may be, without throwing', () => {
    const sent = {
      entityRef: 'component:default/gateway',
      candidates: [{ id: 'a', name: 5 }, null, 'x'],
      requirements: 'none',
      gaps: [7],
    } as unknown as EvaluationDraft;
    expect(describeAnswer('candidates[0].coverage.r', sent).label).toBe(
      'Node 3, candidate 1, a requirement: Does it meet this requirement?',
    );
    expect(describeAnswer('candidates[1].name', sent).label).toBe(
      'Node 2, candidate 2: What is the product called?',
    );
    expect(describeAnswer('requirements[0].title', sent).label).toBe(
      'Node 3, requirement 1: What is the requirement?',
    );
    expect(describeAnswer('gaps[0].scope', sent).label).toBe(
      'Node 4, a candidate, a requirement: Is this gap in core or an edge case?',
    );
  });

  it('takes a path already split, and never shows an unknown one raw', () => {
    expect(
      describeAnswer(['candidates', 0, 'maturity', 'publicSla'], evaluation)
        .path,
    ).toBe('candidates[0].maturity.publicSla');
    expect(describeAnswer('somethingNew', evaluation).label).toBe(
      'Prerequisites: Something new?',
    );
    expect(describeAnswer('', evaluation).label).toBe('Prerequisites: Answer?');
    expect(describeAnswer('constructor', evaluation).label).toBe(
      'Prerequisites: Constructor?',
    );
  });

  it('splits and joins paths, gap keys included', () => {
    expect(answerPathParts('gaps[acme/hybrid].scope')).toEqual([
      'gaps',
      'acme/hybrid',
      'scope',
    ]);
    expect(answerPathParts('candidates.0.coverage.7')).toEqual([
      'candidates',
      0,
      'coverage',
      7,
    ]);
    expect(
      describeAnswer('candidates.0.coverage.7', {
        entityRef: 'component:default/x',
        candidates: [{ id: 'a', name: 'Acme' }],
        requirements: [{ id: '7', title: 'Hybrid search' }],
      }).label,
    ).toBe('Node 3, Acme, “Hybrid search”: Does it meet this requirement?');
    expect(formatAnswerPath(['candidates', 2, 'name'])).toBe(
      'candidates[2].name',
    );
  });

  it.each(EXAMPLE_EVALUATIONS.map(example => [example.title, example]))(
    'has a question for every answer of the example "%s"',
    (_title, example) => {
      for (const path of leaves(example.evaluation)) {
        const description = describeAnswer(path, example.evaluation);
        expect({ path, known: QUESTIONS.has(description.question) }).toEqual({
          path,
          known: true,
        });
        expect(description.label).not.toMatch(INTERNAL);
      }
    },
  );

  it('has a question for every answer the walk can ask for', () => {
    const examples = EXAMPLE_EVALUATIONS.map(({ evaluation: e }) => e);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: examples.length - 1 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (which, removals) => {
          // A draft: the example with some answers taken away.
          const draft = structuredClone(examples[which]) as Record<string, any>;
          const paths = leaves(draft).filter(path => path.length > 1);
          for (const removal of removals) {
            const path = paths[removal % paths.length];
            let holder = draft;
            for (const part of path.slice(0, -1)) {
              holder = holder?.[part];
            }
            if (holder && typeof holder === 'object') {
              delete holder[path[path.length - 1]];
            }
          }
          const outcome = evaluate(draft as EvaluationDraft);
          for (const missing of outcome.missing) {
            const description = describeAnswer(
              missing,
              draft as EvaluationDraft,
            );
            expect(QUESTIONS.has(description.question)).toBe(true);
            expect(description.label).not.toMatch(INTERNAL);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
