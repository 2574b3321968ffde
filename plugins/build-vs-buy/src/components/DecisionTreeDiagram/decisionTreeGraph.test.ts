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

import { evaluate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { decisionTreeGraph } from './decisionTreeGraph';

function outcomeOf(key: string) {
  return evaluate(EXAMPLE_EVALUATIONS.find(e => e.key === key)!.evaluation);
}

describe('decisionTreeGraph', () => {
  it.each(EXAMPLE_EVALUATIONS.map(example => [example.key]))(
    '%s: every node is joined to the graph, every edge joins two nodes',
    key => {
      const { nodes, edges } = decisionTreeGraph(outcomeOf(key));
      const ids = new Set(nodes.map(node => node.id));
      expect(ids.size).toBe(nodes.length);
      const ends = edges.flatMap(edge => [edge.from, edge.to]);
      expect(ends.every(id => ids.has(id))).toBe(true);
      expect(nodes.filter(node => !ends.includes(node.id))).toEqual([]);
      expect(ids.has('incomplete')).toBe(false);
    },
  );

  it('marks the path of a wrapper buy, answer by answer', () => {
    const { nodes, edges } = decisionTreeGraph(outcomeOf('rag-hybrid-search'));
    const onPath = nodes.filter(node => node.onPath).map(node => node.label);
    expect(onPath).toEqual([
      'Prerequisites',
      'Node 1: Core differentiator?',
      'Node 2: Mature option?',
      'Node 3: Meets 80%+ of requirements?',
      'Node 4: Core or edge gaps?',
      'Buy with a thin wrapper',
      'written down',
      'no: infrastructure',
      'a mature option exists',
      'all must-haves, most should-haves',
      'narrow core gaps',
    ]);
    expect(edges.filter(edge => edge.onPath)).toHaveLength(10);
  });

  it('joins incomplete to the node where the walk stopped, and only there', () => {
    const { nodes } = decisionTreeGraph(
      evaluate({ entityRef: 'component:default/x' }),
    );
    expect(
      nodes
        .filter(
          node => node.id === 'incomplete' || node.id.endsWith('->incomplete'),
        )
        .map(node => [node.testId, node.onPath]),
    ).toEqual([
      ['node-incomplete', true],
      ['edge-core-differentiator-incomplete', true],
    ]);
  });
});
