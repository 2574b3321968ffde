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

import { readFileSync } from 'fs';
import { resolve } from 'path';
import {
  aBuildEvaluation,
  anEvaluation,
  candidate,
  gap,
} from './__fixtures__/evaluations';
import { evaluate } from './evaluate';
import { EXAMPLE_EVALUATIONS } from './examples';
import {
  DECISION_TREE_EDGES,
  DECISION_TREE_NODES,
  WIZARD_STEPS,
  decisionTreeEdge,
  decisionTreeMermaid,
  decisionTreeNode,
  pathThroughTree,
  type DecisionTreeNodeId,
} from './tree';

function expectEveryStepOnAnEdge(path: DecisionTreeNodeId[]) {
  for (let i = 1; i < path.length; i++) {
    expect(decisionTreeEdge(path[i - 1], path[i])).toBeDefined();
  }
}

describe('the decision tree', () => {
  it('has the prerequisites, the five nodes of the article and the five outcomes', () => {
    expect(
      DECISION_TREE_NODES.filter(node => node.kind === 'question').map(
        node => node.question,
      ),
    ).toEqual([
      'Prerequisites',
      'Node 1: Is it a core differentiator?',
      'Node 2: Does a mature commercial option exist?',
      'Node 3: Does it meet 80%+ of requirements?',
      'Node 4: Are the gaps in core or edge cases?',
      'Node 5: Can you maintain it long-term?',
    ]);
    expect(
      DECISION_TREE_NODES.filter(node => node.kind === 'outcome').map(
        node => node.label,
      ),
    ).toEqual([
      'Build in-house',
      'Buy',
      'Buy with a thin wrapper',
      'No qualifying candidate',
      'Incomplete',
    ]);
  });

  it('connects every node: each question leads somewhere, each node is reached', () => {
    const leaving = (kind: string) =>
      DECISION_TREE_NODES.filter(node => node.kind === kind).map(
        node =>
          DECISION_TREE_EDGES.filter(edge => edge.from === node.id).length,
      );
    expect(leaving('question').every(count => count > 0)).toBe(true);
    expect(leaving('outcome').every(count => count === 0)).toBe(true);
    const reached = new Set(DECISION_TREE_EDGES.map(edge => edge.to));
    expect(
      DECISION_TREE_NODES.filter(node => !reached.has(node.id)).map(
        node => node.id,
      ),
    ).toEqual(['prerequisites']);
  });

  it('labels every answer, once per pair of nodes', () => {
    const pairs = DECISION_TREE_EDGES.map(edge => `${edge.from}->${edge.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const edge of DECISION_TREE_EDGES) {
      expect(edge.label).not.toBe('');
    }
  });

  it('"If yes, it is a differentiator. If no, it is infrastructure."', () => {
    expect(decisionTreeEdge('core-differentiator', 'maintenance')?.label).toBe(
      'yes: a differentiator',
    );
    expect(
      decisionTreeEdge('core-differentiator', 'mature-option')?.label,
    ).toBe('no: infrastructure');
  });

  it('"If the gap is narrow ... a wrapper layer is usually viable. If the gap is broad ... build the whole thing or find another vendor."', () => {
    expect(
      decisionTreeEdge('gap-classification', 'buy-with-wrapper')?.label,
    ).toBe('narrow core gaps');
    expect(decisionTreeEdge('gap-classification', 'maintenance')?.label).toBe(
      'broad core gaps',
    );
    expect(decisionTreeEdge('gap-classification', 'build')).toBeUndefined();
  });

  it('finds a node by id', () => {
    expect(decisionTreeNode('maintenance')).toEqual({
      id: 'maintenance',
      kind: 'question',
      label: 'Node 5: Maintain long-term?',
      question: 'Node 5: Can you maintain it long-term?',
    });
  });
});

describe('WIZARD_STEPS', () => {
  it('asks the prerequisites and each node in the article order, then the failure modes and the review', () => {
    expect(WIZARD_STEPS.map(step => step.label)).toEqual([
      'Prerequisites',
      'Node 1: Core differentiator?',
      'Node 2: Mature option?',
      'Node 3: Meets 80%+ of requirements?',
      'Node 4: Core or edge gaps?',
      'Node 5: Maintain long-term?',
      'Common failure modes',
      'Review and save',
    ]);
    expect(WIZARD_STEPS.map(step => step.node)).toEqual([
      'prerequisites',
      'core-differentiator',
      'mature-option',
      'requirements-coverage',
      'gap-classification',
      'maintenance',
      undefined,
      undefined,
    ]);
  });

  it('edits every part of an evaluation in exactly one step', () => {
    const fields = WIZARD_STEPS.flatMap(step => step.fields);
    expect(new Set(fields).size).toBe(fields.length);
    const parts = Object.keys(anEvaluation()).filter(
      key => !['entityRef', 'sessionDurationMinutes'].includes(key),
    );
    expect([...fields].sort()).toEqual(
      [...parts, 'regulated', 'teamDecision'].sort(),
    );
  });

  it("records the team's decision at the last step, after the tree", () => {
    expect(WIZARD_STEPS[WIZARD_STEPS.length - 1]).toMatchObject({
      id: 'review',
      fields: ['teamDecision'],
    });
  });
});

describe('pathThroughTree', () => {
  it.each(EXAMPLE_EVALUATIONS.map(example => [example.key, example] as const))(
    '%s walks along the edges of the tree to its verdict',
    (_, { evaluation, expectedVerdict }) => {
      const path = pathThroughTree(evaluate(evaluation));
      expect(path[0]).toBe('prerequisites');
      expect(path[path.length - 1]).toBe(expectedVerdict);
      expectEveryStepOnAnEdge(path);
    },
  );

  it('counts the steps of one node on several candidates once', () => {
    const outcome = evaluate(
      anEvaluation({
        candidates: [
          candidate('a', { s1: 'missing', s2: 'missing' }),
          candidate('b', { s1: 'partial' }),
        ],
        gaps: [gap('b', 's1', 'core', 'narrow')],
      }),
    );
    expect(pathThroughTree(outcome)).toEqual([
      'prerequisites',
      'core-differentiator',
      'mature-option',
      'requirements-coverage',
      'gap-classification',
      'buy-with-wrapper',
    ]);
  });

  it('"Teams consistently over-classify": a differentiator the team cannot maintain and no vendor qualifies ends at Node 5', () => {
    const outcome = evaluate(
      aBuildEvaluation({
        coreDifferentiator: {
          answer: 'yes',
          competitorTest: 'Yes, ranking is our edge.',
          rationale: 'Retrieval is the product.',
        },
        maintenance: { canAllocateTwentyPercentPermanently: false },
      }),
    );
    expect(outcome.verdict.kind).toBe('no-qualifying-candidate');
    const path = pathThroughTree(outcome);
    expect(path).toEqual([
      'prerequisites',
      'core-differentiator',
      'maintenance',
      'mature-option',
      'maintenance',
      'no-qualifying-candidate',
    ]);
    expectEveryStepOnAnEdge(path);
  });

  it('ends at incomplete where answers are missing', () => {
    const path = pathThroughTree(
      evaluate({ entityRef: 'component:default/vector-store' }),
    );
    expect(path).toEqual([
      'prerequisites',
      'core-differentiator',
      'incomplete',
    ]);
    expectEveryStepOnAnEdge(path);
  });
});

describe('decisionTreeMermaid', () => {
  it('draws every node and every labelled answer', () => {
    const mermaid = decisionTreeMermaid();
    expect(mermaid.split('\n')).toHaveLength(
      1 + DECISION_TREE_NODES.length + DECISION_TREE_EDGES.length,
    );
    expect(mermaid).toContain(
      '  coreDifferentiator{"Node 1: Is it a core differentiator?"}',
    );
    expect(mermaid).toContain('  buyWithWrapper(["Buy with a thin wrapper"])');
    expect(mermaid).toContain(
      '  gapClassification -->|"narrow core gaps"| buyWithWrapper',
    );
  });

  it('is the chart docs/decision-model.md shows', () => {
    const docs = readFileSync(
      resolve(__dirname, '../../../docs/decision-model.md'),
      'utf8',
    );
    expect(docs).toContain(
      ['```mermaid', decisionTreeMermaid(), '```'].join('\n'),
    );
  });
});
