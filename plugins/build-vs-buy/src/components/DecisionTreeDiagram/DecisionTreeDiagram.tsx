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
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import {
  decisionTreeNode,
  type Outcome,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { makeStyles } from '@material-ui/core';
import { useMemo } from 'react';
import {
  decisionTreeGraph,
  type DiagramEdge,
  type DiagramNode,
} from './decisionTreeGraph';

const ARROW_ID = 'build-vs-buy-tree-arrow';
const ARROW_ON_PATH_ID = 'build-vs-buy-tree-arrow-on-path';

/*
 * Node sizes come from the label's length, not from measuring the text:
 * DependencyGraph measures what a node renders once, so the box must have
 * its final size on the first render. The widths are generous for the
 * theme's sans-serif font.
 */
const SIZES = {
  question: { fontSize: 13, charWidth: 7.4, height: 40, padding: 24 },
  outcome: { fontSize: 13, charWidth: 7.4, height: 40, padding: 32 },
  answer: { fontSize: 11, charWidth: 6.2, height: 22, padding: 14 },
};

function sizeOf(node: DiagramNode) {
  const size = SIZES[node.kind];
  return {
    ...size,
    width: Math.ceil(node.label.length * size.charWidth + size.padding),
  };
}

const useStyles = makeStyles(theme => ({
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
  answer: { fill: theme.palette.background.default, stroke: 'none' },
  answerOnPath: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.primary.main,
    strokeWidth: 1.5,
  },
  text: { fill: theme.palette.text.primary },
  textOnPath: { fill: theme.palette.primary.contrastText },
  answerText: { fill: theme.palette.text.secondary },
  answerTextOnPath: { fill: theme.palette.primary.main, fontWeight: 'bold' },
  edge: { stroke: theme.palette.text.disabled, strokeWidth: 1.5, fill: 'none' },
  edgeOnPath: {
    stroke: theme.palette.primary.main,
    strokeWidth: 3,
    fill: 'none',
  },
  arrow: { fill: theme.palette.text.disabled },
  arrowOnPath: { fill: theme.palette.primary.main },
}));

type Classes = ReturnType<typeof useStyles>;

function nodeClasses(node: DiagramNode, classes: Classes) {
  if (node.kind === 'answer') {
    return node.onPath
      ? { box: classes.answerOnPath, text: classes.answerTextOnPath }
      : { box: classes.answer, text: classes.answerText };
  }
  return node.onPath
    ? { box: classes.boxOnPath, text: classes.textOnPath }
    : { box: classes.box, text: classes.text };
}

const TreeNode = (props: { node: DiagramNode; classes: Classes }) => {
  const { node } = props;
  const size = sizeOf(node);
  const { box, text } = nodeClasses(node, props.classes);
  let radius = 6;
  if (node.kind === 'outcome') {
    radius = size.height / 2;
  } else if (node.kind === 'answer') {
    radius = 4;
  }
  return (
    <g data-testid={node.testId} data-on-path={node.onPath}>
      <rect
        width={size.width}
        height={size.height}
        rx={radius}
        className={box}
      />
      <text
        x={size.width / 2}
        y={size.height / 2}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={size.fontSize}
        className={text}
      >
        {node.label}
      </text>
    </g>
  );
};

const TreeEdge = (props: {
  edge: DiagramEdge & { points: { x: number; y: number }[] };
  classes: Classes;
}) => {
  const { edge, classes } = props;
  const points = edge.points.filter(
    point => Number.isFinite(point.x) && Number.isFinite(point.y),
  );
  if (points.length < 2) {
    return null;
  }
  let arrow: string | undefined;
  if (edge.arrives) {
    arrow = `url(#${edge.onPath ? ARROW_ON_PATH_ID : ARROW_ID})`;
  }
  return (
    <path
      d={points
        .map((point, index) => `${index ? 'L' : 'M'}${point.x},${point.y}`)
        .join(' ')}
      className={edge.onPath ? classes.edgeOnPath : classes.edge}
      markerEnd={arrow}
      data-on-path={edge.onPath}
    />
  );
};

const Arrow = (props: { id: string; className: string }) => (
  <marker
    id={props.id}
    viewBox="0 0 10 10"
    refX="9"
    refY="5"
    markerWidth="9"
    markerHeight="9"
    markerUnits="userSpaceOnUse"
    orient="auto-start-reverse"
  >
    <path d="M 0 0 L 10 5 L 0 10 z" className={props.className} />
  </marker>
);

/**
 * The article's decision tree, from the topology in -common, laid out by
 * Backstage's DependencyGraph (dagre), with the path the evaluation took
 * highlighted.
 */
export const DecisionTreeDiagram = (props: { outcome: Outcome }) => {
  const classes = useStyles();
  const graph = useMemo(
    () => decisionTreeGraph(props.outcome),
    [props.outcome],
  );
  const title = `Decision tree. Path taken: ${graph.path
    .map(node => decisionTreeNode(node).label)
    .join(' → ')}`;
  return (
    <DependencyGraph<DiagramNode, DiagramEdge>
      role="img"
      aria-label={title}
      nodes={graph.nodes}
      edges={graph.edges}
      direction={DependencyGraphTypes.Direction.TOP_BOTTOM}
      ranker={DependencyGraphTypes.Ranker.NETWORK_SIMPLEX}
      nodeMargin={24}
      rankMargin={18}
      edgeMargin={12}
      paddingX={8}
      paddingY={8}
      zoom="disabled"
      allowFullscreen={false}
      defs={[
        <Arrow key="off" id={ARROW_ID} className={classes.arrow} />,
        <Arrow
          key="on"
          id={ARROW_ON_PATH_ID}
          className={classes.arrowOnPath}
        />,
      ]}
      renderNode={({ node }) => <TreeNode node={node} classes={classes} />}
      renderEdge={({ edge, id }) => (
        <TreeEdge key={`${id.v}->${id.w}`} edge={edge} classes={classes} />
      )}
    />
  );
};
