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
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DECISION_NODE_LABELS,
  GAP_BREADTH_LABELS,
  GAP_SCOPE_LABELS,
  MATURITY_CRITERIA,
  ORGANISATION_PROFILE_LABELS,
  organisationProfileOf,
  REQUIREMENTS_STABILITY_LABELS,
  REVIEW_STATUS_LABELS,
  describeAnswer,
  gapsOf,
  hasMigrationPlan,
  MIGRATION_PLAN_LABELS,
  migrationPlanStanding,
  quantityOf,
  teamDecisionOf,
  withFullStop,
  type DecisionNode,
  type EvaluationDraft,
  type EvaluationStatus,
  type Outcome,
  type Review,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  ListItemTextProps,
  makeStyles,
  Typography,
} from '@material-ui/core';
import CheckIcon from '@material-ui/icons/CheckCircleOutline';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import { Alert } from '@material-ui/lab';
import { ElementType, ReactNode } from 'react';

/*
 * The theme lets list text run on one line and clips it with an ellipsis;
 * written answers are sentences, so they wrap.
 */
const useAnswerTextStyles = makeStyles({
  root: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

const AnswerText = (props: ListItemTextProps<ElementType, ElementType>) => {
  const classes = useAnswerTextStyles();
  return <ListItemText className={classes.root} {...props} />;
};

const MATURITY_LABELS: Record<(typeof MATURITY_CRITERIA)[number], string> = {
  inProductionTwoYears: 'In production use for at least two years',
  customersAtYourScale: 'Customers at your scale or larger',
  publicSla: 'A public SLA',
  failureModeTrackRecord:
    'A track record with the failure modes you care about',
};

function answer(text: string | number | undefined | null): string {
  if (text === undefined || text === null || text === '') {
    return 'Not answered';
  }
  return String(text);
}

/** A number of weeks; an unanswered one without the unit. */
function weeks(count: number | undefined): string {
  return count === undefined ? 'Not answered' : quantityOf(count, 'week');
}

function yesNo(value: boolean | undefined): string {
  if (value === undefined) {
    return 'Not answered';
  }
  return value ? 'Yes' : 'No';
}

const Answer = (props: { question: string; children: ReactNode }) => (
  <ListItem disableGutters>
    <AnswerText
      primary={props.question}
      secondary={props.children}
      secondaryTypographyProps={{ component: 'div' }}
    />
  </ListItem>
);

/** The written description of the component and the team's capacity. */
export const PrerequisitesSection = (props: {
  evaluation: EvaluationDraft;
}) => {
  const { evaluation } = props;
  const description = evaluation.prerequisites?.componentDescription;
  const capacity = evaluation.prerequisites?.teamCapacity;
  return (
    <InfoCard title={DECISION_NODE_LABELS.prerequisites}>
      <List dense>
        <Answer question="Question">{answer(evaluation.question)}</Answer>
        <Answer question="What data it stores">
          {answer(description?.dataStored)}
        </Answer>
        <Answer question="What queries it handles">
          {answer(description?.queriesHandled)}
        </Answer>
        <Answer question="Latency constraints">
          {answer(description?.latencyConstraints)}
        </Answer>
        <Answer question="Availability constraints">
          {answer(description?.availabilityConstraints)}
        </Answer>
        <Answer question="What depends on it">
          {description?.dependents?.length
            ? description.dependents.map(ref => (
                <div key={ref}>
                  {ref.includes(':') ? <EntityRefLink entityRef={ref} /> : ref}
                </div>
              ))
            : 'Nothing recorded'}
        </Answer>
        <Answer question="Team capacity">
          {`Engineers: ${answer(
            capacity?.engineers,
          )}. Production systems maintained: ${answer(
            capacity?.productionSystemsMaintained,
          )}. ${withFullStop(answer(capacity?.availableCapacity))}`}
        </Answer>
        <Answer question="Organisation">
          {ORGANISATION_PROFILE_LABELS[organisationProfileOf(evaluation)]}
        </Answer>
      </List>
    </InfoCard>
  );
};

/** Each node's answer, the team's rationale and the article's reasoning. */
export const NodeAnswersSection = (props: {
  evaluation: EvaluationDraft;
  outcome: Outcome;
}) => {
  const { evaluation, outcome } = props;
  const reasoningAt = (node: DecisionNode) =>
    outcome.path.filter(step => step.node === node);
  const candidates = evaluation.candidates ?? [];
  const Steps = (stepProps: { node: DecisionNode }) => (
    <>
      {reasoningAt(stepProps.node).map((step, index) => (
        <Typography variant="body2" key={index}>
          <strong>{step.answer}</strong> — {step.reasoning}
        </Typography>
      ))}
    </>
  );
  return (
    <InfoCard title="The five nodes">
      <List dense>
        <Answer question={DECISION_NODE_LABELS['core-differentiator']}>
          <Typography variant="body2">
            Answer: {answer(evaluation.coreDifferentiator?.answer)}
          </Typography>
          <Typography variant="body2">
            Competitor test:{' '}
            {answer(evaluation.coreDifferentiator?.competitorTest)}
          </Typography>
          <Typography variant="body2">
            Rationale: {answer(evaluation.coreDifferentiator?.rationale)}
          </Typography>
          <Steps node="core-differentiator" />
        </Answer>
        <Answer question={DECISION_NODE_LABELS['mature-option']}>
          {candidates.length === 0 && 'No candidates on the table.'}
          {candidates.map(candidate => (
            <Typography variant="body2" key={candidate.id}>
              {candidate.name}:{' '}
              {MATURITY_CRITERIA.map(
                criterion =>
                  `${MATURITY_LABELS[criterion]} ${yesNo(
                    candidate.maturity?.[criterion],
                  ).toLowerCase()}`,
              ).join('; ')}
              . Evidence: references checked{' '}
              {yesNo(candidate.maturity?.referencesChecked).toLowerCase()}.
              {candidate.notes ? ` ${candidate.notes}` : ''}
            </Typography>
          ))}
          <Steps node="mature-option" />
        </Answer>
        <Answer question={DECISION_NODE_LABELS['requirements-coverage']}>
          <Steps node="requirements-coverage" />
        </Answer>
        <Answer question={DECISION_NODE_LABELS['gap-classification']}>
          <Steps node="gap-classification" />
        </Answer>
        <Answer question={DECISION_NODE_LABELS.maintenance}>
          <Typography variant="body2">
            Can the team allocate 20% of one engineer permanently?{' '}
            {yesNo(evaluation.maintenance?.canAllocateTwentyPercentPermanently)}
          </Typography>
          <Typography variant="body2">
            Maintenance plan: {answer(evaluation.maintenance?.plan)}
          </Typography>
          <Steps node="maintenance" />
        </Answer>
      </List>
      {outcome.missing.length > 0 && (
        <Alert severity="info">
          Still to answer:{' '}
          {outcome.missing
            .map(path => describeAnswer(path, evaluation).label)
            .join('; ')}
        </Alert>
      )}
    </InfoCard>
  );
};

/** The gaps of every candidate and how the team classified them (Node 4). */
export const GapsSection = (props: { evaluation: EvaluationDraft }) => {
  const { evaluation } = props;
  const rows = (evaluation.candidates ?? []).flatMap(candidate =>
    gapsOf(evaluation, candidate.id).map(gap => ({
      candidate: candidate.name,
      gap,
    })),
  );
  return (
    <InfoCard title="Gaps">
      {rows.length === 0 ? (
        <Typography variant="body2">No gaps.</Typography>
      ) : (
        <List dense>
          {rows.map(({ candidate, gap }) => (
            <ListItem
              disableGutters
              key={`${gap.candidateId}/${gap.requirementId}`}
            >
              <AnswerText
                primary={`${candidate}: ${gap.requirementTitle} (${gap.bucket}-have, ${gap.level})`}
                secondary={
                  gap.classification?.scope
                    ? [
                        GAP_SCOPE_LABELS[gap.classification.scope],
                        gap.classification.breadth &&
                          GAP_BREADTH_LABELS[gap.classification.breadth],
                        gap.classification.note,
                      ]
                        .filter(Boolean)
                        .join('. ')
                    : 'Not classified'
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
};

const Check = (props: { ok: boolean; title: string; detail: string }) => (
  <ListItem disableGutters>
    <ListItemIcon>
      {props.ok ? (
        <CheckIcon color="primary" titleAccess="Addressed" />
      ) : (
        <WarningIcon color="error" titleAccess="Not addressed" />
      )}
    </ListItemIcon>
    <AnswerText primary={props.title} secondary={props.detail} />
  </ListItem>
);

/** The article's common failure modes as a checklist. */
export const FailureModesSection = (props: {
  evaluation: EvaluationDraft;
  outcome: Outcome;
}) => {
  const modes = props.evaluation.failureModes ?? {};
  const plan = modes.migrationPlan;
  const planStanding = migrationPlanStanding(
    teamDecisionOf(props.evaluation, props.outcome.verdict).decision,
    hasMigrationPlan(props.evaluation),
  );
  const figures = props.outcome.figures;
  return (
    <InfoCard title="Common failure modes">
      <List dense>
        <Check
          title="Building because buying is boring"
          ok={modes.buildingBecauseBuyingIsBoring === false}
          detail={`Is building more interesting than buying here? ${yesNo(
            modes.buildingBecauseBuyingIsBoring,
          )}`}
        />
        <Check
          title="Buying without a migration plan"
          ok={planStanding === 'written' || planStanding === 'not-needed'}
          detail={
            planStanding === 'not-needed'
              ? `${MIGRATION_PLAN_LABELS[planStanding]}.`
              : `Data extraction: ${withFullStop(
                  answer(plan?.dataExtraction),
                )} Alternative: ${withFullStop(answer(plan?.alternative))}`
          }
        />
        <Check
          title="Underestimating integration cost"
          ok={figures.integrationCostWeeks !== undefined}
          detail={`Integration budget: ${weeks(figures.integrationCostWeeks)}`}
        />
        <Check
          title="Ignoring the team's learning curve"
          ok={figures.learningCurveWeeks !== undefined}
          detail={`Engineers operating it: ${answer(
            modes.engineersOperating,
          )}. Ramp-up in total: ${weeks(figures.learningCurveWeeks)}`}
        />
        <Check
          title="Over-indexing on current requirements"
          ok={Boolean(modes.twelveMonthRoadmap?.trim())}
          detail={`Twelve-month roadmap: ${withFullStop(
            answer(modes.twelveMonthRoadmap),
          )} Requirements: ${
            modes.requirementsStability
              ? REQUIREMENTS_STABILITY_LABELS[modes.requirementsStability]
              : 'Not answered'
          }.`}
        />
      </List>
    </InfoCard>
  );
};

/**
 * The warnings of the outcome and the reasons of the review status; a
 * draft has no review status yet, only its reasons.
 */
export const WarningsSection = (props: {
  outcome: Outcome;
  review: Review;
  evaluationStatus: EvaluationStatus;
}) => (
  <InfoCard title="Warnings">
    {props.outcome.warnings.length === 0 &&
    props.review.reasons.length === 0 ? (
      <Typography variant="body2">No warnings.</Typography>
    ) : (
      <>
        {props.outcome.warnings.map((warning, index) => (
          <Alert severity="warning" key={`${warning.code}-${index}`}>
            {warning.message}
          </Alert>
        ))}
        {props.review.reasons.map((reason, index) => (
          <Alert severity="info" key={`${reason.code}-${index}`}>
            {props.evaluationStatus === 'draft'
              ? reason.message
              : `${REVIEW_STATUS_LABELS[props.review.status]}: ${
                  reason.message
                }`}
          </Alert>
        ))}
      </>
    )}
  </InfoCard>
);
