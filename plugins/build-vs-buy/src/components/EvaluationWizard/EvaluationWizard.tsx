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
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  WIZARD_STEPS,
  type StoredEvaluation,
  type Verdict,
  type WizardStepId,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  Grid,
  LinearProgress,
  Step,
  StepButton,
  Stepper,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { ReactNode, useEffect, useState } from 'react';
import { useEntityEvaluation } from '../../hooks/useEntityEvaluation';
import {
  DENIED_REASONS,
  useEvaluationPermissions,
} from '../../hooks/useEvaluationPermissions';
import { GuardedButton } from '../GuardedAction';
import { GapsStep, MatureOptionStep, RequirementsStep } from './CandidateSteps';
import { PrerequisitesStep } from './PrerequisitesStep';
import { useEvaluationDraft } from './useEvaluationDraft';
import { DraftContext } from './WizardFields';
import {
  ConflictPanel,
  messageOf,
  Timebox,
  VerdictPreview,
} from './WizardPanels';
import {
  CoreDifferentiatorStep,
  FailureModesStep,
  MaintenanceStep,
  TeamDecisionFields,
} from './WizardSteps';
import { canRecordDecision, canSave, stepHasErrors } from './wizardReducer';

const ReviewStep = (props: { verdict: Verdict | undefined }) => (
  <Box>
    <Typography variant="body2" paragraph>
      Save a draft to resume later, or record the decision once the verdict is
      complete. The server computes the verdict.
    </Typography>
    {props.verdict?.kind === 'incomplete' && (
      <Alert severity="info">
        The decision cannot be recorded yet: answers are missing.
      </Alert>
    )}
    <TeamDecisionFields verdict={props.verdict} />
  </Box>
);

const WizardForm = (props: {
  entity: Entity;
  stored: StoredEvaluation | undefined;
}) => {
  const wizard = useEvaluationDraft(props);
  const { state, errors, invalid } = wizard;
  const { activeStep, preview } = state;

  const permissions = useEvaluationPermissions(state.stored?.id);
  const permission = state.stored ? permissions.update : permissions.create;
  const deniedReason = state.stored
    ? DENIED_REASONS.update
    : DENIED_REASONS.create;

  const stepViews: Record<WizardStepId, ReactNode> = {
    prerequisites: <PrerequisitesStep entity={props.entity} />,
    'core-differentiator': <CoreDifferentiatorStep />,
    'mature-option': <MatureOptionStep />,
    'requirements-coverage': (
      <RequirementsStep settings={preview.value?.outcome.figures} />
    ),
    'gap-classification': <GapsStep />,
    maintenance: <MaintenanceStep />,
    'failure-modes': <FailureModesStep />,
    review: <ReviewStep verdict={preview.value?.outcome.verdict} />,
  };
  const step = WIZARD_STEPS[activeStep];
  const lastStep = WIZARD_STEPS.length - 1;

  return (
    <DraftContext.Provider
      value={{
        draft: state.draft,
        errors,
        edit: wizard.edit,
        disabled: !permission.loading && !permission.allowed,
      }}
    >
      {!permission.loading && !permission.allowed && (
        <Alert severity="info">{deniedReason}</Alert>
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
                    ) : undefined
                  }
                >
                  {wizardStep.label}
                </StepButton>
              </Step>
            ))}
          </Stepper>
          <Box component="section" aria-label={step.label} px={1}>
            <Typography variant="h6" component="h2">
              {step.label}
            </Typography>
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
            <GuardedButton
              variant="outlined"
              allowed={permission.allowed}
              loading={permission.loading}
              deniedReason={deniedReason}
              disabled={!canSave(state, invalid)}
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
                disabled={!canRecordDecision(state, invalid)}
                onClick={() => wizard.save('complete')}
              >
                Record decision
              </GuardedButton>
            )}
          </Box>
        </Grid>
        <Grid item xs={12} md={4}>
          <Timebox seconds={wizard.sessionSeconds} />
          <VerdictPreview
            preview={preview.value}
            loading={preview.loading}
            error={preview.error}
            invalid={invalid}
            evaluation={state.draft}
            onGoToStep={stepId =>
              wizard.goToStep(WIZARD_STEPS.findIndex(({ id }) => id === stepId))
            }
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
