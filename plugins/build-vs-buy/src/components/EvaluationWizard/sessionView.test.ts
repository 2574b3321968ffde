/**
 * @jest-environment node
 */
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
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import {
  answersByStep,
  candidatesOutBeforeGaps,
  skippedSteps,
} from './sessionView';

const NOW = new Date('2026-06-01T12:00:00Z');

function example(key: string): EvaluationDraft {
  const found = EXAMPLE_EVALUATIONS.find(e => e.key === key);
  if (!found) throw new Error(key);
  return found.evaluation;
}

describe('skippedSteps', () => {
  it('a differentiator skips Nodes 2 to 4 and says why', () => {
    const evaluation = example('search-retrieval-pipeline');
    expect(evaluation.coreDifferentiator?.answer).toBe('yes');
    const skipped = skippedSteps(evaluate(evaluation, { now: NOW }));
    expect([...skipped.keys()]).toEqual([
      'mature-option',
      'requirements-coverage',
      'gap-classification',
    ]);
    expect(skipped.get('mature-option')).toBe(
      'Skipped: Node 1 answered “yes”, so the path goes on at Node 5. This question cannot change the verdict.',
    );
  });

  it('skips nothing ahead of an incomplete walk, nor anything it visited', () => {
    const evaluation = example('search-retrieval-pipeline');
    const outcome = evaluate(
      { ...evaluation, coreDifferentiator: {}, maintenance: {} },
      { now: NOW },
    );
    expect(outcome.verdict.kind).toBe('incomplete');
    expect(skippedSteps(outcome).size).toBe(0);
    expect(skippedSteps(undefined).size).toBe(0);
    const buy = evaluate(example('rag-hybrid-search'), { now: NOW });
    expect(skippedSteps(buy).has('requirements-coverage')).toBe(false);
  });
});

describe('candidatesOutBeforeGaps', () => {
  it('names the candidates out before Node 4, and why, in words', () => {
    const outcome = evaluate(example('ecommerce-vector-database'), {
      now: NOW,
    });
    const out = candidatesOutBeforeGaps(outcome.figures);
    expect(out).toEqual(
      new Map([
        [
          'newvec',
          'Does not affect the verdict: NewVec is ruled out at Node 2: not mature',
        ],
      ]),
    );
    expect(candidatesOutBeforeGaps(undefined).size).toBe(0);
  });
});

describe('answersByStep', () => {
  it('says every answer in words under the step that asks it', () => {
    const evaluation: EvaluationDraft = {
      ...example('ecommerce-vector-database'),
      teamDecision: { kind: 'buy', candidateId: 'vectorcloud' },
      maintenance: {
        canAllocateTwentyPercentPermanently: false,
        ownerGroupRef: 'group:default/ml-platform',
      },
    };
    const steps = answersByStep(evaluation);
    expect(steps.map(({ stepId }) => stepId)).toEqual([
      'prerequisites',
      'core-differentiator',
      'mature-option',
      'requirements-coverage',
      'gap-classification',
      'maintenance',
      'failure-modes',
      'review',
    ]);
    const said = (stepId: string) =>
      steps
        .find(step => step.stepId === stepId)!
        .answers.map(
          ({ description, value }) =>
            `${description.subject ?? ''}|${description.question}|${value}`,
        );
    expect(said('prerequisites')).toContain(
      `|The question|${evaluation.question}`,
    );
    expect(said('core-differentiator')).toContain(
      '|Is it a core differentiator?|No',
    );
    expect(said('mature-option')).toContain(
      'NewVec|Does it have a public SLA?|No',
    );
    expect(said('requirements-coverage')).toEqual(
      expect.arrayContaining([
        '“Nightly bulk re-index”|Is it a must-have, a should-have or a nice-to-have?|Should-have',
        'VectorCloud Managed, “Point-in-time backup”|Does it meet this requirement?|Partial',
      ]),
    );
    expect(said('gap-classification')).toContain(
      'VectorCloud Managed, “Point-in-time backup”|Is this gap in core or an edge case?|Edge: affects unusual scenarios',
    );
    expect(said('review')).toContain(
      '|Which product does the team buy?|VectorCloud Managed',
    );
    // Words, never the machine's paths, ids or codes.
    const everything = JSON.stringify(steps.map(step => said(step.stepId)));
    expect(everything).not.toMatch(/candidates\[|\bvectorcloud\b|"must"/);
    // Entities are shown by their names, as links.
    expect(
      steps[0].answers.find(({ entityRefs }) => entityRefs)?.entityRefs,
    ).toEqual([
      'component:default/product-page',
      'component:default/recommendations-api',
    ]);
    expect(
      steps
        .find(step => step.stepId === 'maintenance')
        ?.answers.find(({ entityRefs }) => entityRefs)?.entityRefs,
    ).toEqual(['group:default/ml-platform']);
  });
});
