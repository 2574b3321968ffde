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
 * The shape of the article's decision tree, stated once: its nodes, the
 * outcomes, the answers that lead from one to the next, and which wizard step
 * asks which node's question. The wizard's steps, the diagram, the ADR and
 * the Mermaid chart in docs/decision-model.md are all derived from here; the
 * walk itself (which answer is given) stays in evaluate.ts.
 */

import type { DecisionNode, Outcome, VerdictKind } from './evaluate';
import { DECISION_NODE_LABELS, VERDICT_LABELS } from './labels';
import type { EvaluationDraft } from './schema';

/**
 * A node of the decision tree: a question (the prerequisites and the five
 * nodes) or an outcome (a verdict kind).
 *
 * @public
 */
export type DecisionTreeNodeId = DecisionNode | VerdictKind;

/** @public */
export type DecisionTreeNode = {
  id: DecisionTreeNodeId;
  kind: 'question' | 'outcome';
  /** Short name, as a wizard step and the diagram show it. */
  label: string;
  /** The article's question at a node, or the outcome in words. */
  question: string;
};

/**
 * An answer that leads from one node to the next, labelled in the article's
 * words.
 *
 * @public
 */
export type DecisionTreeEdge = {
  from: DecisionNode;
  to: DecisionTreeNodeId;
  label: string;
};

const NODE_SHORT_LABELS: Record<DecisionNode, string> = {
  prerequisites: 'Prerequisites',
  'core-differentiator': 'Node 1: Core differentiator?',
  'mature-option': 'Node 2: Mature option?',
  'requirements-coverage': 'Node 3: Meets 80%+ of requirements?',
  'gap-classification': 'Node 4: Core or edge gaps?',
  maintenance: 'Node 5: Maintain long-term?',
};

const QUESTIONS = Object.keys(NODE_SHORT_LABELS) as DecisionNode[];
const OUTCOMES = Object.keys(VERDICT_LABELS) as VerdictKind[];

/**
 * The prerequisites, the five nodes in the article's order, then the
 * outcomes.
 *
 * @public
 */
export const DECISION_TREE_NODES: ReadonlyArray<DecisionTreeNode> = [
  ...QUESTIONS.map(
    (id): DecisionTreeNode => ({
      id,
      kind: 'question',
      label: NODE_SHORT_LABELS[id],
      question: DECISION_NODE_LABELS[id],
    }),
  ),
  ...OUTCOMES.map(
    (id): DecisionTreeNode => ({
      id,
      kind: 'outcome',
      label: VERDICT_LABELS[id],
      question: VERDICT_LABELS[id],
    }),
  ),
];

/** The label of the edge into `incomplete` from a node whose answers are missing. */
const ANSWERS_MISSING = 'answers missing';

/**
 * Every answer of the tree as the walk in `evaluate` takes it. Node 5 is
 * reached twice in the article: straight from a differentiator ("Building
 * is the easy part. Maintaining is where teams get burned."), and when no
 * vendor qualifies ("build the whole thing or find another vendor").
 *
 * @public
 */
export const DECISION_TREE_EDGES: ReadonlyArray<DecisionTreeEdge> = [
  // "You need a written description of the component you are evaluating."
  { from: 'prerequisites', to: 'core-differentiator', label: 'written down' },
  { from: 'prerequisites', to: 'incomplete', label: 'not written down' },
  // "If yes, it is a differentiator. If no, it is infrastructure."
  {
    from: 'core-differentiator',
    to: 'maintenance',
    label: 'yes: a differentiator',
  },
  {
    from: 'core-differentiator',
    to: 'mature-option',
    label: 'no: infrastructure',
  },
  { from: 'core-differentiator', to: 'incomplete', label: ANSWERS_MISSING },
  {
    from: 'mature-option',
    to: 'requirements-coverage',
    label: 'a mature option exists',
  },
  { from: 'mature-option', to: 'maintenance', label: 'none is mature' },
  { from: 'mature-option', to: 'incomplete', label: ANSWERS_MISSING },
  // "If a product covers all must-haves and most should-haves, buy it."
  {
    from: 'requirements-coverage',
    to: 'gap-classification',
    label: 'all must-haves, most should-haves',
  },
  // "If the product is missing a must-have, stop. Do not buy it."
  {
    from: 'requirements-coverage',
    to: 'maintenance',
    label: 'missing a must-have or under 80%',
  },
  { from: 'requirements-coverage', to: 'incomplete', label: ANSWERS_MISSING },
  // "Edge cases affect unusual scenarios."
  { from: 'gap-classification', to: 'buy', label: 'no core gaps' },
  // "If the gap is narrow ... a wrapper layer is usually viable."
  {
    from: 'gap-classification',
    to: 'buy-with-wrapper',
    label: 'narrow core gaps',
  },
  // "If the gap is broad ... build the whole thing or find another vendor."
  { from: 'gap-classification', to: 'maintenance', label: 'broad core gaps' },
  { from: 'gap-classification', to: 'incomplete', label: ANSWERS_MISSING },
  // "can your team allocate 20% of one engineer's time permanently?"
  { from: 'maintenance', to: 'build', label: 'yes: 20% permanently' },
  // "If the answer is no, you cannot afford to build it" ... "Buy the infrastructure."
  {
    from: 'maintenance',
    to: 'mature-option',
    label: 'no, a differentiator: look for a vendor',
  },
  {
    from: 'maintenance',
    to: 'no-qualifying-candidate',
    label: 'no: find another vendor',
  },
  { from: 'maintenance', to: 'incomplete', label: ANSWERS_MISSING },
];

/**
 * The node of the tree with this id.
 *
 * @public
 */
export function decisionTreeNode(id: DecisionTreeNodeId): DecisionTreeNode {
  return DECISION_TREE_NODES.find(node => node.id === id)!;
}

/**
 * The edge from one node to another, if the tree has one.
 *
 * @public
 */
export function decisionTreeEdge(
  from: DecisionTreeNodeId,
  to: DecisionTreeNodeId,
): DecisionTreeEdge | undefined {
  return DECISION_TREE_EDGES.find(edge => edge.from === from && edge.to === to);
}

/** @public */
export type WizardStepId = DecisionNode | 'failure-modes' | 'review';

/**
 * A step of the evaluation wizard: the node whose question it asks, if
 * any, and the parts of the evaluation it edits.
 *
 * @public
 */
export type WizardStep = {
  id: WizardStepId;
  label: string;
  node?: DecisionNode;
  fields: ReadonlyArray<keyof EvaluationDraft>;
};

const STEP_FIELDS: Record<
  DecisionNode,
  ReadonlyArray<keyof EvaluationDraft>
> = {
  prerequisites: ['question', 'prerequisites', 'organisationProfile'],
  'core-differentiator': ['coreDifferentiator'],
  'mature-option': ['candidates'],
  'requirements-coverage': ['requirements'],
  'gap-classification': ['gaps'],
  maintenance: ['maintenance'],
};

/**
 * The wizard's steps: one per question of the tree in the article's order,
 * then the common failure modes and the review, where the team records its
 * decision.
 *
 * @public
 */
export const WIZARD_STEPS: ReadonlyArray<WizardStep> = [
  ...QUESTIONS.map(
    (node): WizardStep => ({
      id: node,
      label: NODE_SHORT_LABELS[node],
      node,
      fields: STEP_FIELDS[node],
    }),
  ),
  {
    id: 'failure-modes',
    label: 'Common failure modes',
    fields: ['failureModes', 'regulated', 'revisitBy'],
  },
  { id: 'review', label: 'Review and save', fields: ['teamDecision'] },
];

/**
 * The nodes an outcome's walk visited, in order, ending with its verdict;
 * repeated steps on one node (one per candidate) count once. Every
 * consecutive pair is an edge of {@link DECISION_TREE_EDGES}.
 *
 * @public
 */
export function pathThroughTree(outcome: Outcome): DecisionTreeNodeId[] {
  const nodes: DecisionTreeNodeId[] = [];
  for (const step of outcome.path) {
    if (nodes[nodes.length - 1] !== step.node) {
      nodes.push(step.node);
    }
  }
  const last = nodes[nodes.length - 1];
  if (
    outcome.verdict.kind === 'no-qualifying-candidate' &&
    last !== 'maintenance'
  ) {
    // A differentiator the team cannot maintain, for which no vendor
    // qualified either: Node 5 already said no, so the walk ends there
    // without asking it again.
    nodes.push('maintenance');
  }
  nodes.push(outcome.verdict.kind);
  return nodes;
}

function mermaidId(id: DecisionTreeNodeId): string {
  return id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;');
}

/**
 * The tree as a Mermaid flowchart, as docs/decision-model.md shows it.
 *
 * @public
 */
export function decisionTreeMermaid(): string {
  const lines = ['flowchart TD'];
  for (const node of DECISION_TREE_NODES) {
    const id = mermaidId(node.id);
    lines.push(
      node.kind === 'question'
        ? `  ${id}{"${mermaidText(node.question)}"}`
        : `  ${id}(["${mermaidText(node.label)}"])`,
    );
  }
  for (const edge of DECISION_TREE_EDGES) {
    lines.push(
      `  ${mermaidId(edge.from)} -->|"${mermaidText(edge.label)}"| ${mermaidId(
        edge.to,
      )}`,
    );
  }
  return lines.join('\n');
}
