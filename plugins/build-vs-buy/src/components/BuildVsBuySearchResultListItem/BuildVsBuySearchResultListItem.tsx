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

import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { useAnalytics } from '@backstage/core-plugin-api';
import type { ResultHighlight } from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  REVIEW_STATUS_LABELS,
  VERDICT_LABELS,
  type ReviewStatus,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Chip,
  ListItemIcon,
  ListItemText,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { DraftChip, ReviewStatusChip, VerdictChip } from '../DecisionChips';

/**
 * A Build vs Buy decision as the search index holds it: the document of type
 * `build-vs-buy` that the search backend module writes.
 *
 * @public
 */
export type BuildVsBuySearchDocument = {
  title: string;
  text: string;
  location: string;
  entityRef?: string;
  /** The tree's verdict. */
  verdict?: VerdictKind;
  /** What the team decided: its own option, else the tree's verdict. */
  teamDecision?: VerdictKind;
  /** The team's decision in words, naming the product of a buy. */
  decisionLabel?: string;
  /** The product the team chose to buy, by name. */
  chosenProduct?: string;
  reviewStatus?: ReviewStatus;
  status?: 'draft' | 'complete';
  revisitBy?: string;
  maintenanceOwnerRef?: string;
  ownerRef?: string;
};

/**
 * Props of {@link BuildVsBuySearchResultListItem}.
 *
 * @public
 */
export type BuildVsBuySearchResultListItemProps = {
  icon?: ReactNode;
  result?:
    | BuildVsBuySearchDocument
    | { title: string; text: string; location: string };
  highlight?: ResultHighlight;
  rank?: number;
  /** Lines of the text shown before it is cut. Defaults to 3. */
  lineClamp?: number;
};

const useStyles = makeStyles(theme => ({
  item: {
    display: 'flex',
  },
  flexContainer: {
    flexWrap: 'wrap',
  },
  itemText: {
    width: '100%',
    wordBreak: 'break-all',
    marginBottom: '1rem',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
}));

const isVerdictKind = (value: unknown): value is VerdictKind =>
  typeof value === 'string' && value in VERDICT_LABELS;

const isReviewStatus = (value: unknown): value is ReviewStatus =>
  typeof value === 'string' && value in REVIEW_STATUS_LABELS;

/**
 * A search result of type `build-vs-buy`: the decision's title and text,
 * with the team's decision, the chosen product, the review status and the
 * revisit date by name.
 *
 * @public
 */
export function BuildVsBuySearchResultListItem(
  props: BuildVsBuySearchResultListItemProps,
) {
  const result = props.result as BuildVsBuySearchDocument | undefined;
  const classes = useStyles();
  const analytics = useAnalytics();
  if (!result) return null;

  const handleClick = () => {
    analytics.captureEvent('discover', result.title, {
      attributes: { to: result.location },
      value: props.rank,
    });
  };
  const { highlight } = props;

  return (
    <div className={classes.item}>
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <div className={classes.flexContainer}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location} onClick={handleClick}>
              {highlight?.fields.title ? (
                <HighlightedSearchResultText
                  text={highlight.fields.title}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.title
              )}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp ?? 3,
                overflow: 'hidden',
                whiteSpace: 'pre-line',
              }}
              color="textSecondary"
              variant="body2"
            >
              {highlight?.fields.text ? (
                <HighlightedSearchResultText
                  text={highlight.fields.text}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.text
              )}
            </Typography>
          }
        />
        <Box className={classes.chips}>
          {typeof result.decisionLabel === 'string' ? (
            <Chip
              label={result.decisionLabel}
              size="small"
              color="primary"
              aria-label={`Decision: ${result.decisionLabel}`}
            />
          ) : (
            // Documents indexed before the team's decision was.
            isVerdictKind(result.verdict) && (
              <VerdictChip verdict={{ kind: result.verdict }} size="small" />
            )
          )}
          {typeof result.chosenProduct === 'string' && (
            <Chip
              label={`Chosen product: ${result.chosenProduct}`}
              size="small"
              variant="outlined"
            />
          )}
          {result.status === 'draft' && <DraftChip />}
          {result.status !== 'draft' && isReviewStatus(result.reviewStatus) && (
            <ReviewStatusChip
              status={result.reviewStatus}
              evaluationStatus={result.status}
            />
          )}
          {result.revisitBy && (
            <Chip
              label={`Revisit by ${result.revisitBy}`}
              size="small"
              variant="outlined"
            />
          )}
        </Box>
      </div>
    </div>
  );
}
