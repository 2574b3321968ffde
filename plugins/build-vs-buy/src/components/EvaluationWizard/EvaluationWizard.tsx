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

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  answerPathParts,
  describeAnswer,
  WIZARD_STEPS,
  type AnswerDescription,
  type AnswerProblem,
  type EvaluationDraft,
  type StoredEvaluation,
  type Verdict,
  type WizardStepId,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  Grid,
  LinearProgress,
  Link,
  makeStyles,
  Paper,
  Step,
  StepButton,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Fragment, ReactNode, useEffect, useMemo, useState } from 'react';
import { useEntityEvaluation } from '../../hooks/useEntityEvaluation';
import { timeAgo } from '../DecisionChips';
import { EntityOrText } from '../EntityOrText';
import { GuardedButton } from '../GuardedAction';
import { GapsStep, MatureOptionStep, RequirementsStep } from './CandidateSteps';
import { fieldId, messagesByField } from './draftAnswers';
import { storedRefOf } from '../catalogSearch';
import { PrerequisitesStep } from './PrerequisitesStep';
import {
  PRESENTED_NODES,
  PresentationView,
  usePresentation,
} from './PresentationView';
import { StartFromAnotherDecision } from './StartFromAnotherDecision';
import { answersByStep, skippedSteps } from './sessionView';
import { useEvaluationDraft } from './useEvaluationDraft';
import { useLeavePrompt } from './useLeavePrompt';
import { DraftContext } from './WizardFields';
import {
  AnswerLinks,
  ConflictPanel,
  GoToAnswer,
  messageOf,
  stillNeededTitle,
  Timebox,
  VerdictPreview,
} from './WizardPanels';
import {
  CoreDifferentiatorStep,
  FailureModesStep,
  MaintenanceStep,
  TeamDecisionFields,
} from './WizardSteps';
import {
  autosavesAsDraft,
  recordBlockedReason,
  saveBlockedReason,
  stepHasErrors,
  type WizardState,
} from './wizardReducer';

const SAVE_BLOCKED_ID = 'build-vs-buy-save-blocked';

/*
 * Puts the cursor on an answer's field, or on the nearest field that holds
 * it (the dependents' one box for one of its lines); a radio group by its
 * first choice.
 */
function focusAnswer(path: string): void {
  const parts = answerPathParts(path);
  for (let length = parts.length; length > 0; length--) {
    const id = fieldId(parts.slice(0, length));
    const field =
      document.getElementById(id) ??
      document.querySelector<HTMLElement>(`input[name="${id}"]`);
    if (field) {
      field.focus();
      return;
    }
  }
}

/**
 * The first answer a 400 names (`body.evaluation.candidates[0].name: …`),
 * as an answer path, or undefined for any other failure.
 */
export function refusedAnswerPath(
  error: Error | undefined,
): string | undefined {
  if (!(error instanceof ResponseError) || error.statusCode !== 400) {
    return undefined;
  }
  return error.body.error.message.match(
    /(?:^|; )(?:body\.)?evaluation\.([A-Za-z][\w.[\]]*): /,
  )?.[1];
}

/**
 * Every answer given so far, in words, under the node that asks it; each
 * answer's question leads to its field, each node's heading to its step.
 */
const AnswerSummary = (props: {
  evaluation: EvaluationDraft;
  onGoToAnswer: GoToAnswer;
  onGoToStep: (stepId: WizardStepId) => void;
}) => {
  const steps = answersByStep(props.evaluation).filter(
    ({ stepId }) => stepId !== 'review',
  );
  return (
    <Box component="section" aria-label="Your answers" my={2}>
      <Typography variant="subtitle1" component="h3">
        Your answers
      </Typography>
      {steps.length === 0 && (
        <Typography variant="body2">No answers yet.</Typography>
      )}
      {steps.map(step => (
        <Box
          key={step.stepId}
          component="section"
          aria-label={`Answers: ${step.label}`}
          mt={1}
        >
          <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
            <Typography variant="subtitle2" component="h4">
              {step.label}
            </Typography>
            <Link
              component="button"
              variant="body2"
              onClick={() => props.onGoToStep(step.stepId)}
              aria-label={`Edit ${step.label}`}
            >
              Edit
            </Link>
          </Box>
          <Table size="small" aria-label={`Answers at ${step.label}`}>
            <TableBody>
              {step.answers.map(({ description, value, entityRefs }) => (
                <TableRow key={description.path}>
                  <TableCell
                    component="th"
                    scope="row"
                    style={{ width: '50%' }}
                  >
                    <Link
                      component="button"
                      variant="body2"
                      align="left"
                      onClick={() => props.onGoToAnswer(description)}
                    >
                      {description.subject
                        ? `${description.subject}: ${description.question}`
                        : description.question}
                    </Link>
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'pre-wrap' }}>
                    {entityRefs
                      ? entityRefs.map((ref, index) => (
                          <Fragment key={ref}>
                            {index > 0 && ', '}
                            <EntityOrText value={ref} />
                          </Fragment>
                        ))
                      : value}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
};

/**
 * Where the draft stands against the server: saved, saving, or unsaved and
 * why (autosave waits for a valid draft; a recorded decision is never
 * autosaved, its answers are kept in this browser until recorded).
 */
const SaveStatus = (props: {
  state: WizardState;
  unsaved: boolean;
  allowed: boolean;
  invalid: boolean;
}) => {
  const { state } = props;
  let text: ReactNode;
  if (!props.allowed) {
    return null;
  }
  if (state.saving) {
    text = state.autosaving ? 'Saving the draft…' : 'Saving…';
  } else if (state.conflict) {
    text = 'Unsaved: someone else saved meanwhile, choose above.';
  } else if (!props.unsaved) {
    text = state.stored ? (
      <>
        All answers saved, {timeAgo(state.stored.updatedAt, new Date())} by{' '}
        <EntityOrText value={state.stored.updatedBy} />.
      </>
    ) : (
      'Not saved yet: the draft saves itself after your first answer.'
    );
  } else if (!autosavesAsDraft(state.stored)) {
    text =
      'Unsaved answers, kept in this browser: a recorded decision changes only when you record it again.';
  } else if (state.saveError) {
    text = 'Unsaved answers: the last save failed, try Save draft.';
  } else if (props.invalid) {
    text =
      'Unsaved answers: the draft saves itself once the highlighted answers are fixed.';
  } else {
    text = 'Unsaved answers: the draft saves itself in a moment.';
  }
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      role="status"
      aria-label="Draft status"
    >
      {text}
    </Typography>
  );
};

/**
 * Review: what to fix (invalid answers, with what is wrong) apart from what
 * is still unanswered, each a link to its field.
 */
const ReviewStep = (props: {
  problems: ReadonlyArray<AnswerProblem>;
  missing?: ReadonlyArray<string>;
  evaluation: EvaluationDraft;
  verdict: Verdict | undefined;
  onGoToAnswer: GoToAnswer;
  onGoToStep: (stepId: WizardStepId) => void;
}) => {
  const { problems } = props;
  const missing = props.missing ?? [];
  return (
    <Box>
      <Typography variant="body2" paragraph>
        Save a draft to resume later, or record the decision once the verdict is
        complete. The server computes the verdict.
      </Typography>
      {problems.length > 0 && (
        <Box mb={1}>
          <Alert severity="error" role="region" aria-label="Invalid answers">
            <AnswerLinks
              title={
                problems.length === 1
                  ? 'One answer is invalid; fix it to save:'
                  : `${problems.length} answers are invalid; fix them to save:`
              }
              answers={problems}
              evaluation={props.evaluation}
              onGoToAnswer={props.onGoToAnswer}
            />
          </Alert>
        </Box>
      )}
      {missing.length > 0 && (
        <Alert severity="info" role="region" aria-label="Missing answers">
          <AnswerLinks
            title={`${stillNeededTitle(missing.length).replace(
              /:$/,
              '',
            )} before the decision can be recorded${
              problems.length > 0 ? ' (as of the last valid answers)' : ''
            }:`}
            answers={missing.map(path => ({ path }))}
            evaluation={props.evaluation}
            onGoToAnswer={props.onGoToAnswer}
          />
        </Alert>
      )}
      {props.missing && problems.length === 0 && missing.length === 0 && (
        <Typography variant="body2">
          Every answer the verdict needs is given and valid.
        </Typography>
      )}
      <AnswerSummary
        evaluation={props.evaluation}
        onGoToAnswer={props.onGoToAnswer}
        onGoToStep={props.onGoToStep}
      />
      <TeamDecisionFields verdict={props.verdict} />
    </Box>
  );
};

/*
 * The live verdict and the path so far stay in view while the team scrolls
 * through a long step, on screens wide enough to show them beside it.
 */
const useStyles = makeStyles(theme => ({
  stepSection: {
    padding: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  sessionPanel: {
    [theme.breakpoints.up('md')]: {
      position: 'sticky',
      top: theme.spacing(2),
      maxHeight: `calc(100vh - ${theme.spacing(4)}px)`,
      overflowY: 'auto',
    },
  },
}));

const WizardForm = (props: {
  entity: Entity;
  stored: StoredEvaluation | undefined;
}) => {
  const classes = useStyles();
  const wizard = useEvaluationDraft(props);
  const { state, errors, problems, invalid } = wizard;
  const { activeStep, preview } = state;
  const warnings = useMemo(
    () => messagesByField(wizard.warnings),
    [wizard.warnings],
  );

  // The field a link asked for, focused once its step is shown.
  const [focusPath, setFocusPath] = useState<string>();
  useEffect(() => {
    if (focusPath === undefined) {
      return undefined;
    }
    // After the step's fields have mounted: MUI's buttons take focus only
    // once their ripple is in place.
    const timer = window.setTimeout(() => {
      focusAnswer(focusPath);
      setFocusPath(undefined);
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focusPath, activeStep]);
  const goToAnswer = (description: AnswerDescription) => {
    wizard.goToStep(
      WIZARD_STEPS.findIndex(({ id }) => id === description.stepId),
    );
    setFocusPath(description.path);
  };

  // A save the server refused for an answer puts the cursor on that answer.
  const saveError = state.saveError;
  useEffect(() => {
    const path = refusedAnswerPath(saveError);
    if (path) {
      goToAnswer(describeAnswer(path, state.draft));
    }
    // Only a new refusal moves the cursor, not later edits of the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saveError]);

  const { permission, deniedReason } = wizard;
  const leavePrompt = useLeavePrompt(
    wizard.unsaved && permission.allowed,
    'Some answers are not saved yet. Leave the evaluation anyway?',
  );
  const outcome = preview.value?.outcome;
  const skipped = useMemo(() => skippedSteps(outcome), [outcome]);
  const goToStep = (stepId: WizardStepId) =>
    wizard.goToStep(WIZARD_STEPS.findIndex(({ id }) => id === stepId));
  const presentation = usePresentation();

  const stepViews: Record<WizardStepId, ReactNode> = {
    prerequisites: <PrerequisitesStep entity={props.entity} />,
    'core-differentiator': <CoreDifferentiatorStep />,
    'mature-option': <MatureOptionStep />,
    'requirements-coverage': (
      <RequirementsStep settings={preview.value?.outcome.figures} />
    ),
    'gap-classification': <GapsStep figures={outcome?.figures} />,
    maintenance: <MaintenanceStep />,
    'failure-modes': <FailureModesStep />,
    review: (
      <ReviewStep
        problems={problems}
        missing={preview.value?.outcome.missing}
        evaluation={state.draft}
        verdict={preview.value?.outcome.verdict}
        onGoToAnswer={goToAnswer}
        onGoToStep={goToStep}
      />
    ),
  };
  const step = WIZARD_STEPS[activeStep];
  const lastStep = WIZARD_STEPS.length - 1;
  const saveReason = saveBlockedReason(state, problems);
  const recordReason = recordBlockedReason(state, problems);
  // Permission has its own reason, on the buttons.
  let blockedText: string | undefined;
  if (permission.allowed && saveReason && !state.saving) {
    blockedText = `Saving is disabled: ${saveReason}`;
  } else if (permission.allowed && activeStep === lastStep && recordReason) {
    blockedText = `Recording the decision is disabled: ${recordReason}`;
  }

  return (
    <DraftContext.Provider
      value={{
        draft: state.draft,
        errors,
        warnings,
        catalog: wizard.catalog,
        edit: wizard.edit,
        disabled: !permission.loading && !permission.allowed,
      }}
    >
      {leavePrompt}
      {presentation.node && (
        <PresentationView
          node={presentation.node}
          draft={state.draft}
          outcome={outcome}
          invalid={invalid}
          onShow={presentation.show}
        />
      )}
      {!permission.loading && !permission.allowed && (
        <Alert severity="info">{deniedReason}</Alert>
      )}
      {wizard.keptAnswers && (
        <Box mb={2}>
          <Alert
            severity="info"
            role="region"
            aria-label="Unsaved answers kept in this browser"
            action={
              <>
                <Button color="inherit" onClick={wizard.restoreKeptAnswers}>
                  Restore them
                </Button>
                <Button color="inherit" onClick={wizard.dismissKeptAnswers}>
                  Discard them
                </Button>
              </>
            }
          >
            Answers you did not save{' '}
            {timeAgo(wizard.keptAnswers.keptAt, new Date())} were kept in this
            browser.
          </Alert>
        </Box>
      )}
      {state.conflict && (
        <ConflictPanel
          base={state.base}
          mine={state.draft}
          current={state.conflict}
          onReapply={wizard.reapplyMine}
          onDiscard={wizard.discardMine}
        />
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <Stepper
            nonLinear
            activeStep={activeStep}
            orientation="horizontal"
            alternativeLabel
          >
            {WIZARD_STEPS.map((wizardStep, index) => (
              <Step key={wizardStep.id}>
                <StepButton
                  onClick={() => wizard.goToStep(index)}
                  aria-current={index === activeStep ? 'step' : undefined}
                  optional={
                    stepHasErrors(errors, wizardStep.fields) ? (
                      <Typography variant="caption" color="error">
                        Check answers
                      </Typography>
                    ) : (
                      skipped.has(wizardStep.id) && (
                        <Typography variant="caption" color="textSecondary">
                          Skipped
                        </Typography>
                      )
                    )
                  }
                >
                  {wizardStep.label}
                </StepButton>
              </Step>
            ))}
          </Stepper>
          {/* On the card's white, every label meets WCAG AA contrast. */}
          <Paper className={classes.stepSection}>
            <Box component="section" aria-label={step.label}>
              <Typography variant="h6" component="h2">
                {step.label}
              </Typography>
              {skipped.has(step.id) && (
                <Box mb={2}>
                  <Alert severity="info" role="note" aria-label="Skipped step">
                    {skipped.get(step.id)}
                  </Alert>
                </Box>
              )}
              {activeStep === 0 && autosavesAsDraft(state.stored) && (
                <StartFromAnotherDecision
                  entityRef={storedRefOf(props.entity)}
                  draft={state.draft}
                  onCopy={wizard.edit}
                  disabled={!permission.loading && !permission.allowed}
                />
              )}
              {stepViews[step.id]}
            </Box>
            {state.saveError && (
              <Box my={1}>
                <Alert severity="error">
                  Could not save: {messageOf(state.saveError)}
                </Alert>
              </Box>
            )}
            <Box mt={2} display="flex" style={{ gap: 8 }} flexWrap="wrap">
              <Button
                disabled={activeStep === 0}
                onClick={() => wizard.goToStep(activeStep - 1)}
              >
                Back
              </Button>
              {activeStep < lastStep && (
                <Button
                  variant="outlined"
                  onClick={() => wizard.goToStep(activeStep + 1)}
                >
                  Next
                </Button>
              )}
              <Button
                onClick={() =>
                  presentation.show(
                    PRESENTED_NODES.find(node => node === step.id) ??
                      PRESENTED_NODES[0],
                  )
                }
              >
                Presentation view
              </Button>
              <GuardedButton
                variant="outlined"
                allowed={permission.allowed}
                loading={permission.loading}
                deniedReason={deniedReason}
                disabled={Boolean(saveReason)}
                aria-describedby={saveReason ? SAVE_BLOCKED_ID : undefined}
                onClick={() => wizard.save('draft')}
              >
                Save draft
              </GuardedButton>
              {activeStep === lastStep && (
                <GuardedButton
                  variant="contained"
                  color="primary"
                  allowed={permission.allowed}
                  loading={permission.loading}
                  deniedReason={deniedReason}
                  disabled={Boolean(recordReason)}
                  aria-describedby={recordReason ? SAVE_BLOCKED_ID : undefined}
                  onClick={() => wizard.save('complete')}
                >
                  Record decision
                </GuardedButton>
              )}
            </Box>
            <SaveStatus
              state={state}
              unsaved={wizard.unsaved}
              allowed={!permission.loading && permission.allowed}
              invalid={invalid}
            />
            {blockedText && (
              <Typography
                id={SAVE_BLOCKED_ID}
                variant="body2"
                color="textSecondary"
                role="status"
              >
                {blockedText}
              </Typography>
            )}
          </Paper>
        </Grid>
        <Grid item xs={12} md={4}>
          <div className={classes.sessionPanel}>
            <Timebox seconds={wizard.sessionSeconds} />
            <VerdictPreview
              preview={preview.value}
              loading={preview.loading}
              error={preview.error}
              invalid={invalid}
              evaluation={state.draft}
              catalogWarnings={wizard.warnings.filter(
                ({ code }) => code === 'dependent-not-in-catalog',
              )}
              onGoToAnswer={goToAnswer}
            />
            <Box mt={1}>
              <Typography variant="caption">
                Step {activeStep + 1} of {WIZARD_STEPS.length}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={((activeStep + 1) / WIZARD_STEPS.length) * 100}
                aria-label="Progress through the steps"
              />
            </Box>
          </div>
        </Grid>
      </Grid>
    </DraftContext.Provider>
  );
};

/**
 * The evaluation wizard: prerequisites, the five nodes, the failure modes,
 * review and save, with a live verdict and the one-hour timebox.
 */
export const EvaluationWizard = () => {
  const { entity } = useEntity();
  const { value, loading, error } = useEntityEvaluation(
    stringifyEntityRef(entity),
  );
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!loading) {
      setReady(true);
    }
  }, [loading]);
  if (!ready || loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return <WizardForm entity={entity} stored={value} />;
};
