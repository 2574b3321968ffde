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
  EVALUATION_STATUS_LABELS,
  REVIEW_STATUS_LABELS,
  VERDICT_LABELS,
  verdictLabel,
  type EvaluationStatus,
  type ReviewStatus,
  type Verdict,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Chip, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  // A long product name wraps inside its panel instead of being cut off.
  wrap: {
    maxWidth: '100%',
    height: 'auto',
    minHeight: 32,
    paddingTop: theme.spacing(0.5),
    paddingBottom: theme.spacing(0.5),
  },
  wrapLabel: {
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  build: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  buy: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  'buy-with-wrapper': {
    backgroundColor: theme.palette.success.dark,
    color: theme.palette.success.contrastText,
  },
  'no-qualifying-candidate': {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  incomplete: {
    backgroundColor: theme.palette.grey[400],
    color: theme.palette.getContrastText(theme.palette.grey[400]),
  },
  current: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.getContrastText(theme.palette.success.light),
  },
  'due-soon': {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  overdue: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
}));

/**
 * The verdict as a coloured chip; with a full verdict it names the chosen
 * product.
 */
export const VerdictChip = (props: {
  verdict: Verdict | { kind: VerdictKind };
  size?: 'small' | 'medium';
}) => {
  const classes = useStyles();
  const { verdict } = props;
  const label =
    'candidateName' in verdict ||
    (verdict.kind !== 'buy' && verdict.kind !== 'buy-with-wrapper')
      ? verdictLabel(verdict as Verdict)
      : VERDICT_LABELS[verdict.kind];
  return (
    <Chip
      // A long verdict ("Buy … with a thin wrapper over 1 gap") wraps rather
      // than being cut off in a panel or widening a table past its card.
      className={`${classes[verdict.kind]} ${classes.wrap}`}
      classes={{ label: classes.wrapLabel }}
      label={label}
      size={props.size ?? 'medium'}
    />
  );
};

/** A draft: work in progress, not a decision. */
export const DraftChip = (props: {
  size?: 'small' | 'medium';
  /** Shown on hover: who last saved it, and when. */
  detail?: string;
}) => (
  <Chip
    label={EVALUATION_STATUS_LABELS.draft}
    title={props.detail}
    variant="outlined"
    size={props.size ?? 'small'}
  />
);

/**
 * Whether a decision is current, due soon or overdue for revisit. A draft
 * is no decision yet: it shows as "Draft in progress", never as current,
 * so every caller says which status the evaluation has.
 */
export const ReviewStatusChip = (props: {
  status: ReviewStatus;
  evaluationStatus: EvaluationStatus | undefined;
  size?: 'small' | 'medium';
  /** Shown on hover over a draft: who last saved it, and when. */
  draftDetail?: string;
}) => {
  const classes = useStyles();
  if (props.evaluationStatus === 'draft') {
    return <DraftChip size={props.size} detail={props.draftDetail} />;
  }
  return (
    <Chip
      className={classes[props.status]}
      label={REVIEW_STATUS_LABELS[props.status]}
      size={props.size ?? 'small'}
    />
  );
};
