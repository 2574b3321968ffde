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
 * The session on the shared screen: one node of the tree at a time, in
 * large type, with the team's answers in words and the verdict and path so
 * far. Read-only: the team answers in the wizard, the screen shows it. The
 * node shown is in the URL (`?present=maintenance`), so a reload keeps it.
 */

import {
  DECISION_NODE_LABELS,
  WIZARD_STEPS,
  type DecisionNode,
  type EvaluationDraft,
  type Outcome,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  Dialog,
  Grid,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Fragment, KeyboardEvent, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { VerdictChip } from '../DecisionChips';
import { EntityOrText } from '../EntityOrText';
import { answersByStep, skippedSteps } from './sessionView';
import { PathSoFar } from './WizardPanels';

/** The query parameter that names the node presented: `?present=maintenance`. */
export const PRESENT_PARAMETER = 'present';

/** The nodes presented one at a time, in the order the tree asks them. */
export const PRESENTED_NODES: ReadonlyArray<DecisionNode> =
  WIZARD_STEPS.flatMap(step => (step.node ? [step.node] : []));

/**
 * The node the URL asks to present, or undefined when the presentation is
 * closed; an unknown value presents the first node.
 */
export function presentedNode(value: string | null): DecisionNode | undefined {
  if (value === null) {
    return undefined;
  }
  return PRESENTED_NODES.find(node => node === value) ?? PRESENTED_NODES[0];
}

/** The presentation's place in the URL: which node, or none. */
export function usePresentation() {
  const [searchParams, setSearchParams] = useSearchParams();
  const node = presentedNode(searchParams.get(PRESENT_PARAMETER));
  const show = (next: DecisionNode | undefined) =>
    setSearchParams(
      params => {
        const updated = new URLSearchParams(params);
        if (next) {
          updated.set(PRESENT_PARAMETER, next);
        } else {
          updated.delete(PRESENT_PARAMETER);
        }
        return updated;
      },
      { replace: true },
    );
  return { node, show };
}

const useStyles = makeStyles(theme => ({
  screen: {
    padding: theme.spacing(4, 6),
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
  },
  question: {
    fontSize: '3rem',
    lineHeight: 1.2,
    fontWeight: 500,
  },
  answerQuestion: {
    fontSize: '1.5rem',
    color: theme.palette.text.secondary,
  },
  answer: {
    fontSize: '2rem',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  large: {
    fontSize: '1.5rem',
  },
}));

/** One node, full screen, for the shared screen. */
export const PresentationView = (props: {
  node: DecisionNode;
  draft: EvaluationDraft;
  /** The verdict so far, as the server last computed it. */
  outcome?: Outcome;
  /** Whether the answers are invalid, so the verdict shown is an older one. */
  invalid?: boolean;
  onShow: (node: DecisionNode | undefined) => void;
}) => {
  const classes = useStyles();
  const { node, outcome } = props;
  const index = PRESENTED_NODES.indexOf(node);
  const previous = PRESENTED_NODES[index - 1];
  const next = PRESENTED_NODES[index + 1];
  const answers = useMemo(
    () =>
      answersByStep(props.draft).find(({ stepId }) => stepId === node)
        ?.answers ?? [],
    [props.draft, node],
  );
  const skipped = useMemo(() => skippedSteps(outcome), [outcome]).get(node);
  const treeAnswers = (outcome?.path ?? [])
    .filter(step => step.node === node)
    .map(step => step.answer);

  // The dialog's own key handler gives way to this one: Escape leaves here.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onShow(undefined);
    } else if (event.key === 'ArrowRight' && next) {
      event.preventDefault();
      props.onShow(next);
    } else if (event.key === 'ArrowLeft' && previous) {
      event.preventDefault();
      props.onShow(previous);
    }
  };

  return (
    <Dialog
      open
      fullScreen
      onClose={() => props.onShow(undefined)}
      onKeyDown={onKeyDown}
      aria-labelledby="build-vs-buy-presented-node"
      aria-describedby="build-vs-buy-presented-place"
    >
      <Box className={classes.screen}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={2}>
          <Typography
            id="build-vs-buy-presented-place"
            variant="body1"
            className={classes.large}
            style={{ flexGrow: 1 }}
          >
            {`Presentation: ${index + 1} of ${PRESENTED_NODES.length}`}
          </Typography>
          <Button
            size="large"
            variant="outlined"
            disabled={!previous}
            onClick={() => props.onShow(previous)}
          >
            Previous node
          </Button>
          <Button
            size="large"
            variant="contained"
            color="primary"
            disabled={!next}
            onClick={() => props.onShow(next)}
          >
            Next node
          </Button>
          <Button size="large" onClick={() => props.onShow(undefined)}>
            Leave presentation
          </Button>
        </Box>
        <Grid container spacing={6}>
          <Grid item xs={12} md={8}>
            <Typography
              id="build-vs-buy-presented-node"
              component="h1"
              className={classes.question}
              gutterBottom
            >
              {DECISION_NODE_LABELS[node]}
            </Typography>
            {skipped && (
              <Typography className={classes.large} paragraph role="note">
                {skipped}
              </Typography>
            )}
            {treeAnswers.length > 0 && (
              <Typography className={classes.large} paragraph>
                {`The tree: ${treeAnswers.join('; ')}`}
              </Typography>
            )}
            <Box component="section" aria-label="The team's answers">
              {answers.length === 0 && (
                <Typography className={classes.answer}>
                  No answers yet.
                </Typography>
              )}
              <dl style={{ margin: 0 }}>
                {answers.map(({ description, value, entityRefs }) => (
                  <Fragment key={description.path}>
                    <Typography
                      component="dt"
                      className={classes.answerQuestion}
                    >
                      {description.subject
                        ? `${description.subject}: ${description.question}`
                        : description.question}
                    </Typography>
                    <Typography
                      component="dd"
                      className={classes.answer}
                      style={{ marginLeft: 0, marginBottom: 16 }}
                    >
                      {entityRefs
                        ? entityRefs.map((ref, position) => (
                            <Fragment key={ref}>
                              {position > 0 && ', '}
                              <EntityOrText value={ref} />
                            </Fragment>
                          ))
                        : value}
                    </Typography>
                  </Fragment>
                ))}
              </dl>
            </Box>
          </Grid>
          <Grid item xs={12} md={4}>
            <Box component="section" aria-label="Verdict so far">
              <Typography variant="h4" component="h2" gutterBottom>
                Verdict so far
              </Typography>
              {props.invalid && (
                <Typography className={classes.large} paragraph>
                  Some answers need fixing in the wizard; this is the verdict of
                  the last valid ones.
                </Typography>
              )}
              {outcome ? (
                <Box className={classes.large}>
                  <VerdictChip verdict={outcome.verdict} />
                  <PathSoFar outcome={outcome} />
                </Box>
              ) : (
                <Typography className={classes.large}>
                  Not computed yet.
                </Typography>
              )}
            </Box>
          </Grid>
        </Grid>
      </Box>
    </Dialog>
  );
};
