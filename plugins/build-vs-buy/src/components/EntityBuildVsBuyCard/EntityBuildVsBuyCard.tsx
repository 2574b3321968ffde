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

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  catalogStandingOf,
  hasMigrationPlan,
  MIGRATION_PLAN_LABELS,
  migrationPlanStanding,
  type StoredEvaluation,
  teamDecisionOf,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Grid, Typography, makeStyles } from '@material-ui/core';
import { ReactNode } from 'react';
import { useEntityEvaluation } from '../../hooks/useEntityEvaluation';
import {
  DENIED_REASONS,
  useEvaluationPermissions,
} from '../../hooks/useEvaluationPermissions';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import { ConfirmStillValidButton } from '../ConfirmStillValid';
import {
  DraftInProgress,
  ReviewStatusChip,
  VerdictChip,
} from '../DecisionChips';
import { GuardedButton } from '../GuardedAction';
import { EntityOrText, formatDate } from '../EntityOrText';
import { TeamDecisionSummary } from '../TeamDecision';

const useStyles = makeStyles(theme => ({
  label: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
    textTransform: 'uppercase',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
}));

const Field = (props: { label: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <Grid item xs={12} sm={6}>
      <Typography component="h3" className={classes.label}>
        {props.label}
      </Typography>
      <Box component="div">{props.children}</Box>
    </Grid>
  );
};

/**
 * What the team chose: the product of a buy, or building in-house; the
 * tree's verdict unless the team recorded another option.
 */
export function chosenOption(stored: StoredEvaluation): string {
  const verdict = teamDecisionOf(
    stored.evaluation,
    stored.outcome.verdict,
  ).decision;
  switch (verdict.kind) {
    case 'buy':
    case 'buy-with-wrapper':
      return verdict.candidateName;
    case 'build':
      return 'Build';
    case 'no-qualifying-candidate':
      return 'None: find another vendor';
    default:
      return 'Not decided yet';
  }
}

/** Props of {@link EntityBuildVsBuyCard}. @public */
export type EntityBuildVsBuyCardProps = {
  /** Path of the Build vs Buy tab on the entity page. Default `build-vs-buy`. */
  tabPath?: string;
};

/** The decision of the current entity, for its overview page. */
export const EntityBuildVsBuyCard = (props: EntityBuildVsBuyCardProps) => {
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const links = useEntityTabLink(entity, props.tabPath);
  const {
    value: stored,
    loading,
    error,
    replace,
  } = useEntityEvaluation(entityRef);
  const permissions = useEvaluationPermissions(stored?.id);
  const title = entity.metadata.title ?? entity.metadata.name;

  if (loading) {
    return (
      <InfoCard title="Build vs Buy">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title="Build vs Buy">
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!stored) {
    return (
      <InfoCard title="Build vs Buy">
        <EmptyState
          missing="content"
          title="No decision yet"
          description={`Nobody has run ${title} through the build-vs-buy decision tree. One hour on a whiteboard gives a documented, structured answer the team can revisit.`}
          action={
            <GuardedButton
              variant="contained"
              color="primary"
              to={links.wizard}
              allowed={permissions.create.allowed}
              loading={permissions.create.loading}
              deniedReason={DENIED_REASONS.create}
            >
              Start evaluation
            </GuardedButton>
          }
        />
      </InfoCard>
    );
  }

  const { review } = stored;
  const draft = stored.status === 'draft';
  const due =
    catalogStandingOf({
      status: stored.status,
      reviewStatus: review.status,
    }) === 'due-for-revisit';
  const team = teamDecisionOf(stored.evaluation, stored.outcome.verdict);
  const ownerGroupRef = stored.evaluation.maintenance?.ownerGroupRef;
  return (
    <InfoCard
      title="Build vs Buy"
      subheader={stored.evaluation.question || undefined}
      deepLink={{ title: 'View the decision', link: links.tab }}
    >
      <Grid container spacing={2}>
        <Grid item xs={12} className={classes.actions}>
          <VerdictChip verdict={team.decision} />
          <ReviewStatusChip
            status={review.status}
            evaluationStatus={stored.status}
            size="medium"
          />
          {draft && <DraftInProgress stored={stored} />}
        </Grid>
        <Grid item xs={12}>
          <TeamDecisionSummary
            evaluation={stored.evaluation}
            verdict={stored.outcome.verdict}
          />
        </Grid>
        <Field label="Chosen">{chosenOption(stored)}</Field>
        <Field label="Maintenance owner">
          {ownerGroupRef ? (
            <EntityRefLink entityRef={ownerGroupRef} defaultKind="group" />
          ) : (
            'No maintenance owner'
          )}
        </Field>
        <Field label="Revisit by">{review.revisitBy}</Field>
        <Field label="Migration plan">
          {
            MIGRATION_PLAN_LABELS[
              migrationPlanStanding(
                team.decision,
                hasMigrationPlan(stored.evaluation),
              )
            ]
          }
        </Field>
        <Field label={draft ? 'Last saved by' : 'Decided by'}>
          <EntityOrText value={stored.updatedBy} /> on{' '}
          {formatDate(stored.updatedAt)}
        </Field>
        {review.reasons.length > 0 && (
          <Grid item xs={12}>
            {review.reasons.map((reason, index) => (
              <Typography key={`${reason.code}-${index}`} variant="body2">
                {reason.message}
              </Typography>
            ))}
          </Grid>
        )}
        <Grid item xs={12} className={classes.actions}>
          <Link to={links.tab}>Path, requirements and history</Link>
        </Grid>
        {(due || draft) && (
          <Grid item xs={12} className={classes.actions}>
            <GuardedButton
              variant="contained"
              color="primary"
              to={links.wizard}
              allowed={permissions.update.allowed}
              loading={permissions.update.loading}
              deniedReason={DENIED_REASONS.update}
            >
              {draft ? 'Resume draft' : 'Re-evaluate'}
            </GuardedButton>
            {stored.status === 'complete' && permissions.update.allowed && (
              <ConfirmStillValidButton stored={stored} onChange={replace} />
            )}
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
};
