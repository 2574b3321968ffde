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
 * The decision tree of -common as a graph for DependencyGraph. Each answer
 * (a labelled edge of the tree) becomes a small node of its own between the
 * question and where it leads, so the layout engine (dagre) gives every
 * label its own place: no label overlaps a node or another label.
 */

import {
  DECISION_TREE_EDGES,
  DECISION_TREE_NODES,
  pathThroughTree,
  type DecisionTreeNodeId,
  type Outcome,
} from '@build-vs-buy/plugin-build-vs-buy-common';

export type DiagramNode = {
  id: string;
  kind: 'question' | 'outcome' | 'answer';
  label: string;
  onPath: boolean;
  /** `node-<id>` for the tree's nodes, `edge-<from>-<to>` for an answer. */
  testId: string;
};

export type DiagramEdge = {
  from: string;
  to: string;
  onPath: boolean;
  /** The second half of an answer, the one that arrives. */
  arrives: boolean;
};

export type DiagramGraph = {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  path: DecisionTreeNodeId[];
};

/**
 * The graph to draw for an outcome, with the path it took marked. The
 * incomplete outcome is drawn only when the walk stopped there, joined to
 * the node where it stopped; every other node and answer is always drawn.
 */
export function decisionTreeGraph(outcome: Outcome): DiagramGraph {
  const path = pathThroughTree(outcome);
  const onPath = new Set<string>(path);
  const taken = new Set(
    path.slice(1).map((to, index) => `${path[index]}->${to}`),
  );
  const stoppedAt =
    outcome.verdict.kind === 'incomplete' ? path[path.length - 2] : undefined;
  const answers = DECISION_TREE_EDGES.filter(
    edge => edge.to !== 'incomplete' || edge.from === stoppedAt,
  );
  const nodes: DiagramNode[] = DECISION_TREE_NODES.filter(
    node => node.id !== 'incomplete' || stoppedAt !== undefined,
  ).map(node => ({
    id: node.id,
    kind: node.kind,
    label: node.label,
    onPath: onPath.has(node.id),
    testId: `node-${node.id}`,
  }));
  const edges: DiagramEdge[] = [];
  for (const answer of answers) {
    const id = `${answer.from}->${answer.to}`;
    const isTaken = taken.has(id);
    nodes.push({
      id,
      kind: 'answer',
      label: answer.label,
      onPath: isTaken,
      testId: `edge-${answer.from}-${answer.to}`,
    });
    edges.push(
      { from: answer.from, to: id, onPath: isTaken, arrives: false },
      { from: id, to: answer.to, onPath: isTaken, arrives: true },
    );
  }
  return { nodes, edges, path };
}
