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

import { InfoCard } from '@backstage/core-components';
import {
  REVIEW_STATUS_LABELS,
  VERDICT_LABELS,
  type DecisionSummary,
  type ReviewStatus,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Grid, Typography, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  bars: { listStyle: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: '10em 1fr 3em',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  track: {
    height: theme.spacing(2),
    backgroundColor: theme.palette.action.hover,
    borderRadius: theme.shape.borderRadius,
  },
  bar: {
    height: '100%',
    backgroundColor: theme.palette.primary.main,
    borderRadius: theme.shape.borderRadius,
  },
}));

/** A horizontal bar chart drawn with CSS, readable as a list. */
export const BarChart = (props: {
  title: string;
  bars: { label: string; count: number }[];
}) => {
  const classes = useStyles();
  const max = Math.max(1, ...props.bars.map(bar => bar.count));
  return (
    <InfoCard title={props.title}>
      {props.bars.length === 0 ? (
        <Typography variant="body2">Nothing to show.</Typography>
      ) : (
        <ul className={classes.bars} aria-label={props.title}>
          {props.bars.map(bar => (
            <li
              key={bar.label}
              className={classes.row}
              aria-label={`${bar.label}: ${bar.count}`}
            >
              <Typography variant="body2">{bar.label}</Typography>
              <div className={classes.track} aria-hidden>
                <div
                  className={classes.bar}
                  style={{ width: `${(bar.count / max) * 100}%` }}
                />
              </div>
              <Typography variant="body2" align="right">
                {bar.count}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </InfoCard>
  );
};

/** Verdicts, review status and revisits falling due per month. */
export const DecisionSummaryCharts = (props: { summary: DecisionSummary }) => {
  const { summary } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <BarChart
          title={`Verdicts (${summary.total} decisions)`}
          bars={(Object.keys(VERDICT_LABELS) as VerdictKind[]).map(kind => ({
            label: VERDICT_LABELS[kind],
            count: summary.byVerdict[kind] ?? 0,
          }))}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <BarChart
          title="Review status"
          bars={(Object.keys(REVIEW_STATUS_LABELS) as ReviewStatus[]).map(
            status => ({
              label: REVIEW_STATUS_LABELS[status],
              count: summary.byReviewStatus[status] ?? 0,
            }),
          )}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <BarChart
          title="Revisits due per month"
          bars={summary.revisitsByMonth.map(({ month, count }) => ({
            label: month,
            count,
          }))}
        />
      </Grid>
    </Grid>
  );
};
