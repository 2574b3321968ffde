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
  EVALUATION_STATUS_LABELS,
  REVIEW_STATUS_LABELS,
  revisitMonthLabel,
  VERDICT_LABELS,
  type DecisionSummary,
  type ReviewStatus,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ButtonBase, Grid, Typography, makeStyles } from '@material-ui/core';
import type { DashboardView } from './dashboardView';

const useStyles = makeStyles(theme => ({
  bars: { listStyle: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: '10em 1fr 3em',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
    width: '100%',
    textAlign: 'left',
    borderRadius: theme.shape.borderRadius,
  },
  clickable: {
    '&:hover, &:focus-visible': { backgroundColor: theme.palette.action.hover },
  },
  selected: { outline: `2px solid ${theme.palette.primary.main}` },
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

/** One bar; one that filters the table says which filter it sets. */
export type Bar = {
  label: string;
  count: number;
  /** The filter a click on the bar applies; none, and it is not a button. */
  filter?: Partial<DashboardView>;
  selected?: boolean;
};

/**
 * A horizontal bar chart drawn with CSS, readable as a list. A bar with a
 * filter is a button that applies it.
 */
export const BarChart = (props: {
  title: string;
  bars: Bar[];
  onSelect?: (filter: Partial<DashboardView>) => void;
}) => {
  const classes = useStyles();
  const max = Math.max(1, ...props.bars.map(bar => bar.count));
  const { onSelect } = props;
  return (
    <InfoCard title={props.title}>
      {props.bars.length === 0 ? (
        <Typography variant="body2">Nothing to show.</Typography>
      ) : (
        <ul className={classes.bars} aria-label={props.title}>
          {props.bars.map(bar => {
            const name = `${bar.label}: ${bar.count}`;
            const content = (
              <>
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
              </>
            );
            const { filter } = bar;
            return (
              <li key={bar.label}>
                {filter && onSelect ? (
                  <ButtonBase
                    className={`${classes.row} ${classes.clickable} ${
                      bar.selected ? classes.selected : ''
                    }`}
                    aria-label={name}
                    aria-pressed={Boolean(bar.selected)}
                    title="Show these decisions in the table"
                    onClick={() => onSelect(filter)}
                  >
                    {content}
                  </ButtonBase>
                ) : (
                  <div className={classes.row} aria-label={name}>
                    {content}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </InfoCard>
  );
};

/**
 * The filter a bar applies: complete decisions of one verdict, one review
 * status; or the drafts. The table switches to all decisions, so it lists
 * what the bar counted.
 */
const decided = (patch: Partial<DashboardView>): Partial<DashboardView> => ({
  tab: 'all',
  status: 'complete',
  verdict: undefined,
  reviewStatus: undefined,
  ...patch,
});
const DRAFTS: Partial<DashboardView> = {
  tab: 'all',
  status: 'draft',
  verdict: undefined,
  reviewStatus: undefined,
};

/**
 * Verdicts, review status and revisits falling due per month, with the
 * drafts in progress beside the decisions. Overdue revisits have a bar of
 * their own, so the months add up to the decisions.
 */
export const DecisionSummaryCharts = (props: {
  summary: DecisionSummary;
  view: DashboardView;
  onSelect: (filter: Partial<DashboardView>) => void;
}) => {
  const { summary, view, onSelect } = props;
  const draftBar: Bar = {
    label: EVALUATION_STATUS_LABELS.draft,
    count: summary.drafts,
    filter: DRAFTS,
    selected: view.status === 'draft',
  };
  const decidedOnly = view.status === 'complete';
  const verdicts = (Object.keys(VERDICT_LABELS) as VerdictKind[])
    // A draft is the walk in progress: it has its own bar, and a complete
    // decision always has a verdict.
    .filter(kind => kind !== 'incomplete' || summary.byVerdict[kind])
    .map(kind => ({
      label: VERDICT_LABELS[kind],
      count: summary.byVerdict[kind] ?? 0,
      filter: decided({ verdict: kind }),
      selected: decidedOnly && view.verdict === kind,
    }));
  const months: Bar[] = [
    {
      label: 'Overdue',
      count: summary.revisitsOverdue,
      filter: decided({ reviewStatus: 'overdue' }),
      selected: decidedOnly && view.reviewStatus === 'overdue',
    },
    ...summary.revisitsByMonth.map(({ month, count }) => ({
      label: revisitMonthLabel(month),
      count,
    })),
    ...(summary.revisitsLater
      ? [{ label: 'Later', count: summary.revisitsLater }]
      : []),
  ];
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <BarChart
          title={`Verdicts (${summary.total} decisions, ${summary.drafts} ${
            summary.drafts === 1 ? 'draft' : 'drafts'
          })`}
          bars={[...verdicts, draftBar]}
          onSelect={onSelect}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <BarChart
          title="Review status"
          bars={[
            ...(Object.keys(REVIEW_STATUS_LABELS) as ReviewStatus[]).map(
              status => ({
                label: REVIEW_STATUS_LABELS[status],
                count: summary.byReviewStatus[status] ?? 0,
                filter: decided({ reviewStatus: status }),
                selected: decidedOnly && view.reviewStatus === status,
              }),
            ),
            draftBar,
          ]}
          onSelect={onSelect}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <BarChart
          title={`Revisits due per month (${summary.total} decisions)`}
          bars={months}
          onSelect={onSelect}
        />
      </Grid>
    </Grid>
  );
};
