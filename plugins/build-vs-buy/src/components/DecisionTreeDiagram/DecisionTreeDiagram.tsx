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
  DECISION_NODE_LABELS,
  VERDICT_LABELS,
  type DecisionNode,
  type Outcome,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { makeStyles } from '@material-ui/core';

type DiagramNode = DecisionNode | VerdictKind;

type Box = { x: number; y: number; label: string; terminal?: boolean };

const WIDTH = 200;
const HEIGHT = 44;

const BOXES: Record<DiagramNode, Box> = {
  prerequisites: { x: 380, y: 30, label: DECISION_NODE_LABELS.prerequisites },
  'core-differentiator': {
    x: 380,
    y: 110,
    label: 'Node 1: Core differentiator?',
  },
  'mature-option': { x: 190, y: 200, label: 'Node 2: Mature option?' },
  'requirements-coverage': {
    x: 190,
    y: 290,
    label: 'Node 3: Meets 80%+?',
  },
  'gap-classification': {
    x: 190,
    y: 380,
    label: 'Node 4: Core or edge gaps?',
  },
  maintenance: { x: 570, y: 290, label: 'Node 5: Maintain long-term?' },
  buy: { x: 110, y: 480, label: VERDICT_LABELS.buy, terminal: true },
  'buy-with-wrapper': {
    x: 330,
    y: 480,
    label: VERDICT_LABELS['buy-with-wrapper'],
    terminal: true,
  },
  build: { x: 530, y: 480, label: VERDICT_LABELS.build, terminal: true },
  'no-qualifying-candidate': {
    x: 740,
    y: 480,
    label: VERDICT_LABELS['no-qualifying-candidate'],
    terminal: true,
  },
  incomplete: {
    x: 740,
    y: 110,
    label: VERDICT_LABELS.incomplete,
    terminal: true,
  },
};

const EDGES: { from: DiagramNode; to: DiagramNode; label: string }[] = [
  { from: 'prerequisites', to: 'core-differentiator', label: 'written down' },
  { from: 'core-differentiator', to: 'mature-option', label: 'no' },
  { from: 'core-differentiator', to: 'maintenance', label: 'yes' },
  { from: 'mature-option', to: 'requirements-coverage', label: 'some mature' },
  { from: 'mature-option', to: 'maintenance', label: 'none' },
  { from: 'requirements-coverage', to: 'gap-classification', label: 'passes' },
  { from: 'requirements-coverage', to: 'maintenance', label: 'none passes' },
  { from: 'gap-classification', to: 'buy', label: 'none or edge' },
  { from: 'gap-classification', to: 'buy-with-wrapper', label: 'narrow core' },
  { from: 'gap-classification', to: 'maintenance', label: 'none left' },
  { from: 'maintenance', to: 'build', label: 'yes' },
  { from: 'maintenance', to: 'no-qualifying-candidate', label: 'no' },
  { from: 'maintenance', to: 'mature-option', label: 'no: try vendors' },
];

/**
 * The nodes the walk visited, in order, ending with its verdict; repeated
 * steps on one node (one per candidate) count once.
 */
export function pathThroughTree(outcome: Outcome): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  for (const step of outcome.path) {
    if (nodes[nodes.length - 1] !== step.node) {
      nodes.push(step.node);
    }
  }
  nodes.push(outcome.verdict.kind);
  return nodes;
}

const useStyles = makeStyles(theme => ({
  svg: { width: '100%', maxWidth: 900, height: 'auto' },
  box: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.divider,
    strokeWidth: 1.5,
  },
  boxOnPath: {
    fill: theme.palette.primary.main,
    stroke: theme.palette.primary.dark,
    strokeWidth: 2.5,
  },
  text: { fill: theme.palette.text.primary, fontSize: 12 },
  textOnPath: { fill: theme.palette.primary.contrastText, fontSize: 12 },
  edge: { stroke: theme.palette.text.disabled, strokeWidth: 1.5, fill: 'none' },
  edgeOnPath: {
    stroke: theme.palette.primary.main,
    strokeWidth: 3,
    fill: 'none',
  },
  edgeLabel: { fill: theme.palette.text.secondary, fontSize: 10 },
}));

function anchor(box: Box, towards: Box) {
  const dy = towards.y - box.y;
  const dx = towards.x - box.x;
  if (Math.abs(dy) * WIDTH > Math.abs(dx) * HEIGHT) {
    return { x: box.x, y: box.y + (Math.sign(dy) * HEIGHT) / 2 };
  }
  return { x: box.x + (Math.sign(dx) * WIDTH) / 2, y: box.y };
}

/**
 * The article's decision tree drawn as SVG, with the path the evaluation
 * took highlighted.
 */
export const DecisionTreeDiagram = (props: { outcome: Outcome }) => {
  const classes = useStyles();
  const path = pathThroughTree(props.outcome);
  const onPath = new Set(path);
  const edgesOnPath = new Set(
    path.slice(1).map((to, index) => `${path[index]}->${to}`),
  );
  const visibleEdges = [...EDGES];
  if (props.outcome.verdict.kind === 'incomplete' && path.length > 1) {
    visibleEdges.push({
      from: path[path.length - 2],
      to: 'incomplete',
      label: 'answers missing',
    });
  }

  return (
    <svg
      className={classes.svg}
      viewBox="0 0 900 520"
      role="img"
      aria-labelledby="build-vs-buy-tree-title"
    >
      <title id="build-vs-buy-tree-title">
        {`Decision tree. Path taken: ${path
          .map(node => BOXES[node].label)
          .join(' → ')}`}
      </title>
      <defs>
        <marker
          id="build-vs-buy-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
        </marker>
      </defs>
      {visibleEdges.map(edge => {
        const from = BOXES[edge.from];
        const to = BOXES[edge.to];
        const start = anchor(from, to);
        const end = anchor(to, from);
        const highlighted = edgesOnPath.has(`${edge.from}->${edge.to}`);
        return (
          <g
            key={`${edge.from}->${edge.to}`}
            data-testid={`edge-${edge.from}-${edge.to}`}
            data-on-path={highlighted}
          >
            <line
              x1={start.x}
              y1={start.y}
              x2={end.x}
              y2={end.y}
              className={highlighted ? classes.edgeOnPath : classes.edge}
              markerEnd="url(#build-vs-buy-arrow)"
            />
            <text
              x={(start.x + end.x) / 2 + 4}
              y={(start.y + end.y) / 2 - 4}
              className={classes.edgeLabel}
            >
              {edge.label}
            </text>
          </g>
        );
      })}
      {(Object.keys(BOXES) as DiagramNode[]).map(node => {
        const box = BOXES[node];
        const highlighted = onPath.has(node);
        return (
          <g key={node} data-testid={`node-${node}`} data-on-path={highlighted}>
            <rect
              x={box.x - WIDTH / 2}
              y={box.y - HEIGHT / 2}
              width={WIDTH}
              height={HEIGHT}
              rx={box.terminal ? HEIGHT / 2 : 6}
              className={highlighted ? classes.boxOnPath : classes.box}
            />
            <text
              x={box.x}
              y={box.y + 4}
              textAnchor="middle"
              className={highlighted ? classes.textOnPath : classes.text}
            >
              {box.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
