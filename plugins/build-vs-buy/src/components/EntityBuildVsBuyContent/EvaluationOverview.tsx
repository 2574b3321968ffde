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
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  catalogStandingOf,
  teamDecisionOf,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Grid, Typography } from '@material-ui/core';
import { useEntityEvaluation } from '../../hooks/useEntityEvaluation';
import {
  DENIED_REASONS,
  useEvaluationPermissions,
} from '../../hooks/useEvaluationPermissions';
import { ConfirmStillValidButton } from '../ConfirmStillValid';
import {
  DraftInProgress,
  ReviewStatusChip,
  VerdictChip,
} from '../DecisionChips';
import { DecisionTreeDiagram } from '../DecisionTreeDiagram';
import { formatDate } from '../EntityOrText';
import { GuardedButton } from '../GuardedAction';
import { RequirementsMatrix } from '../RequirementsMatrix';
import { RevisionHistory } from '../RevisionHistory';
import { TeamDecisionSummary } from '../TeamDecision';
import { AdrDownloadButton } from './AdrDownloadButton';
import {
  FailureModesSection,
  GapsSection,
  NodeAnswersSection,
  PrerequisitesSection,
  WarningsSection,
} from './EvaluationSections';

/** The decision of the current entity in full. */
export const EvaluationOverview = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const {
    value: stored,
    loading,
    error,
    replace,
  } = useEntityEvaluation(entityRef);
  const permissions = useEvaluationPermissions(stored?.id);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!stored) {
    return (
      <EmptyState
        missing="content"
        title="No decision yet"
        description="Run the component through the decision tree: prerequisites, the five nodes and the common failure modes, in one hour."
        action={
          <GuardedButton
            variant="contained"
            color="primary"
            to="evaluate"
            allowed={permissions.create.allowed}
            loading={permissions.create.loading}
            deniedReason={DENIED_REASONS.create}
          >
            Start evaluation
          </GuardedButton>
        }
      />
    );
  }

  const { evaluation, outcome, review } = stored;
  const draft = stored.status === 'draft';
  const due =
    catalogStandingOf({
      status: stored.status,
      reviewStatus: review.status,
    }) === 'due-for-revisit';
  const team = teamDecisionOf(evaluation, outcome.verdict);
  let editLabel = due ? 'Re-evaluate' : 'Edit evaluation';
  if (draft) {
    editLabel = 'Resume draft';
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Decision">
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 8 }}
          >
            <VerdictChip verdict={team.decision} />
            <ReviewStatusChip
              status={review.status}
              evaluationStatus={stored.status}
            />
            {draft ? (
              <Typography variant="body2">
                <DraftInProgress stored={stored} />. Not decided yet: last saved
                on {formatDate(stored.updatedAt)}. Version {stored.version}.
              </Typography>
            ) : (
              <Typography variant="body2">
                Revisit by {review.revisitBy}. Version {stored.version}.
              </Typography>
            )}
          </Box>
          <Box mt={2}>
            <TeamDecisionSummary
              evaluation={evaluation}
              verdict={outcome.verdict}
            />
          </Box>
          <Box mt={2} display="flex" style={{ gap: 8 }} flexWrap="wrap">
            <GuardedButton
              variant={due ? 'contained' : 'outlined'}
              color="primary"
              to="evaluate"
              allowed={permissions.update.allowed}
              loading={permissions.update.loading}
              deniedReason={DENIED_REASONS.update}
            >
              {editLabel}
            </GuardedButton>
            {stored.status === 'complete' && permissions.update.allowed && (
              <ConfirmStillValidButton
                stored={stored}
                onChange={replace}
                variant={due ? 'contained' : 'outlined'}
              />
            )}
            <AdrDownloadButton stored={stored} />
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <PrerequisitesSection evaluation={evaluation} />
      </Grid>
      <Grid item xs={12} md={6}>
        <WarningsSection
          outcome={outcome}
          review={review}
          evaluationStatus={stored.status}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Decision tree: the path taken">
          <DecisionTreeDiagram outcome={outcome} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <NodeAnswersSection evaluation={evaluation} outcome={outcome} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Requirements matrix">
          <RequirementsMatrix evaluation={evaluation} outcome={outcome} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <GapsSection evaluation={evaluation} />
      </Grid>
      <Grid item xs={12} md={6}>
        <FailureModesSection evaluation={evaluation} outcome={outcome} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Revision history">
          <RevisionHistory
            // A new version (a confirmation) is read from the top again.
            key={stored.version}
            evaluationId={stored.id}
            evaluation={stored.evaluation}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
