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
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  ConfigApi,
  configApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import {
  EVALUATION_LIMITS,
  SESSION_TIMEBOX_MINUTES,
  type EvaluationDraft,
  type StoredEvaluation,
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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import useInterval from 'react-use/esm/useInterval';
import {
  buildVsBuyApiRef,
  EvaluationConflictError,
  type EvaluationPreview,
} from '../../api';
import { useEntityEvaluation } from '../../hooks/useEntityEvaluation';
import {
  DENIED_REASONS,
  useEvaluationPermissions,
} from '../../hooks/useEvaluationPermissions';
import { VerdictChip } from '../DecisionChips';
import { GuardedButton } from '../GuardedAction';
import { AnswerChangesTable } from '../RevisionHistory';
import {
  answerChanges,
  AnswerPath,
  fieldErrors,
  reapplyAnswers,
  setAnswer as setAnswerIn,
} from './draftAnswers';
import { DraftContext } from './WizardFields';
import {
  CoreDifferentiatorStep,
  FailureModesStep,
  GapsStep,
  MaintenanceStep,
  MatureOptionStep,
  PrerequisitesStep,
  RequirementsStep,
} from './WizardSteps';

const STEPS: { label: string; fields: string[] }[] = [
  {
    label: 'Prerequisites',
    fields: ['question', 'prerequisites', 'organisationProfile'],
  },
  { label: 'Node 1: Core differentiator?', fields: ['coreDifferentiator'] },
  { label: 'Node 2: Mature option?', fields: ['candidates'] },
  { label: 'Node 3: Meets 80%+ of requirements?', fields: ['requirements'] },
  { label: 'Node 4: Core or edge gaps?', fields: ['gaps'] },
  { label: 'Node 5: Maintain long-term?', fields: ['maintenance'] },
  {
    label: 'Common failure modes',
    fields: ['failureModes', 'regulated', 'revisitBy'],
  },
  { label: 'Review and save', fields: [] },
];

const PREVIEW_DEBOUNCE_MS = 500;

const ORGANISATION_PROFILES = [
  'early-stage-startup',
  'mid-size',
  'large-enterprise',
  'regulated',
] as const;

/**
 * A new evaluation, prefilled from what the catalog knows, for the
 * organisation profile the portal starts evaluations with.
 */
export function draftFromCatalog(
  entity: Entity,
  organisationProfile: EvaluationDraft['organisationProfile'] = 'mid-size',
): EvaluationDraft {
  const title = entity.metadata.title ?? entity.metadata.name;
  const description = entity.metadata.description?.trim();
  const dependents = getEntityRelations(entity, 'dependencyOf').map(ref =>
    stringifyEntityRef(ref),
  );
  const ownerGroup = getEntityRelations(entity, 'ownedBy', {
    kind: 'group',
  }).map(ref => stringifyEntityRef(ref))[0];
  return {
    entityRef: stringifyEntityRef(entity),
    question: `Should we build ${title} ourselves or buy it?${
      description ? ` ${description}` : ''
    }`,
    prerequisites: {
      componentDescription: {
        dependents: dependents.slice(0, EVALUATION_LIMITS.dependents),
      },
    },
    ...(ownerGroup ? { maintenance: { ownerGroupRef: ownerGroup } } : {}),
    organisationProfile,
  };
}

/** `buildVsBuy.defaultOrganisationProfile`, when it names a profile. */
function defaultProfile(configApi: ConfigApi) {
  const value = configApi.getOptionalString(
    'buildVsBuy.defaultOrganisationProfile',
  );
  return ORGANISATION_PROFILES.find(profile => profile === value);
}

function formatClock(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = Math.floor(totalSeconds % 60);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

function messageOf(error: Error): string {
  if (error instanceof ResponseError) {
    return error.body.error.message;
  }
  return error.message;
}

/** The one-hour timebox: elapsed time across sessions, with a bar. */
const Timebox = (props: { seconds: number }) => {
  const minutes = props.seconds / 60;
  const over = minutes > SESSION_TIMEBOX_MINUTES;
  return (
    <Box mb={2} role="timer" aria-label="Session time">
      <Typography variant="body2">
        Session time {formatClock(props.seconds)} of {SESSION_TIMEBOX_MINUTES}
        :00
      </Typography>
      <LinearProgress
        variant="determinate"
        color={over ? 'secondary' : 'primary'}
        value={Math.min(100, (minutes / SESSION_TIMEBOX_MINUTES) * 100)}
        aria-label="Share of the one-hour timebox used"
      />
      {over && (
        <Alert severity="warning">
          Do not let the discussion go longer than one hour. The point is a
          documented, structured answer the team can revisit.
        </Alert>
      )}
    </Box>
  );
};

/** The server's verdict for the answers so far. */
const VerdictPreview = (props: {
  preview?: EvaluationPreview;
  loading: boolean;
  error?: Error;
  invalid: boolean;
}) => (
  <InfoCard title="Verdict so far">
    <div aria-live="polite">
      {props.invalid && (
        <Typography variant="body2">
          Fix the highlighted answers to see the verdict.
        </Typography>
      )}
      {!props.invalid && props.loading && <Progress />}
      {!props.invalid && props.error && (
        <Typography variant="body2" color="error">
          The verdict could not be computed: {messageOf(props.error)}
        </Typography>
      )}
      {!props.invalid && props.preview && (
        <>
          <VerdictChip verdict={props.preview.outcome.verdict} />
          {props.preview.outcome.missing.length > 0 && (
            <Typography variant="body2">
              {props.preview.outcome.missing.length} answers still needed:{' '}
              {props.preview.outcome.missing.slice(0, 5).join(', ')}
              {props.preview.outcome.missing.length > 5 ? '…' : ''}
            </Typography>
          )}
          {props.preview.outcome.warnings.map((warning, index) => (
            <Typography variant="body2" key={`${warning.code}-${index}`}>
              ⚠ {warning.message}
            </Typography>
          ))}
        </>
      )}
    </div>
  </InfoCard>
);

/** Someone saved meanwhile: what they changed, and the way forward. */
const ConflictPanel = (props: {
  base: EvaluationDraft;
  mine: EvaluationDraft;
  current: StoredEvaluation;
  onReapply: () => void;
  onDiscard: () => void;
}) => (
  <Box mb={2}>
    <Alert severity="warning">
      {`Someone else saved version ${props.current.version} (${props.current.updatedBy}) while you were editing. Your answers are kept.`}
    </Alert>
    <Typography variant="subtitle2">What changed meanwhile</Typography>
    <AnswerChangesTable
      label="What changed meanwhile"
      changes={answerChanges(props.base, props.current.evaluation)}
      beforeTitle="When you started"
      afterTitle={`Version ${props.current.version}`}
    />
    <Typography variant="subtitle2">Your answers</Typography>
    <AnswerChangesTable
      label="Your answers"
      changes={answerChanges(props.base, props.mine)}
      beforeTitle="When you started"
      afterTitle="Yours"
    />
    <Box mt={1} display="flex" style={{ gap: 8 }}>
      <Button variant="contained" color="primary" onClick={props.onReapply}>
        Reapply my answers onto version {props.current.version}
      </Button>
      <Button variant="outlined" onClick={props.onDiscard}>
        Discard my answers
      </Button>
    </Box>
  </Box>
);

const WizardForm = (props: {
  entity: Entity;
  stored: StoredEvaluation | undefined;
}) => {
  const api = useApi(buildVsBuyApiRef);
  const alertApi = useApi(alertApiRef);
  const configApi = useApi(configApiRef);
  const navigate = useNavigate();
  const [stored, setStored] = useState(props.stored);
  const [base, setBase] = useState<EvaluationDraft>(
    () =>
      props.stored?.evaluation ??
      draftFromCatalog(props.entity, defaultProfile(configApi)),
  );
  const [draft, setDraft] = useState<EvaluationDraft>(base);
  const [activeStep, setActiveStep] = useState(0);
  const [conflict, setConflict] = useState<StoredEvaluation | undefined>();
  const [saveError, setSaveError] = useState<Error | undefined>();
  const [saving, setSaving] = useState(false);

  // The timebox counts earlier sessions on this evaluation too.
  const [startedAt] = useState(() => Date.now());
  const priorSeconds =
    (props.stored?.evaluation.sessionDurationMinutes ?? 0) * 60;
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 1000);
  const sessionSeconds = priorSeconds + (now - startedAt) / 1000;

  const permissions = useEvaluationPermissions(stored?.id);
  const permission = stored ? permissions.update : permissions.create;
  const deniedReason = stored ? DENIED_REASONS.update : DENIED_REASONS.create;

  const errors = useMemo(() => fieldErrors(draft), [draft]);
  const invalid = Object.keys(errors).length > 0;

  const [preview, setPreview] = useState<{
    value?: EvaluationPreview;
    loading: boolean;
    error?: Error;
  }>({ loading: true });
  // Only the answer to the latest request is shown.
  const latestPreview = useRef(0);
  useDebounce(
    () => {
      if (invalid) {
        return;
      }
      const request = ++latestPreview.current;
      setPreview(previous => ({ ...previous, loading: true }));
      api.previewEvaluation(draft).then(
        value =>
          request === latestPreview.current &&
          setPreview({ value, loading: false }),
        error =>
          request === latestPreview.current &&
          setPreview({ error, loading: false }),
      );
    },
    PREVIEW_DEBOUNCE_MS,
    [draft, invalid],
  );

  const setAnswer = useCallback((path: AnswerPath, value: unknown) => {
    setDraft(previous => setAnswerIn(previous, path, value));
  }, []);

  const save = async (status: 'draft' | 'complete') => {
    const evaluation: EvaluationDraft = {
      ...draft,
      sessionDurationMinutes: Math.min(
        EVALUATION_LIMITS.sessionMinutes,
        Math.round(sessionSeconds / 6) / 10,
      ),
    };
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = stored
        ? await api.updateEvaluation(stored.id, {
            version: stored.version,
            status,
            evaluation,
          })
        : await api.createEvaluation({ status, evaluation });
      setStored(saved);
      setBase(saved.evaluation);
      setDraft(saved.evaluation);
      alertApi.post({
        message:
          status === 'draft'
            ? `Draft saved as version ${saved.version}.`
            : `Decision recorded as version ${saved.version}.`,
        severity: 'success',
        display: 'transient',
      });
      if (status === 'complete') {
        navigate('..');
      }
    } catch (error) {
      if (error instanceof EvaluationConflictError) {
        setConflict(error.current);
      } else {
        setSaveError(error as Error);
      }
    } finally {
      setSaving(false);
    }
  };

  const stepHasErrors = (fields: string[]) =>
    Object.keys(errors).some(name =>
      fields.some(field => name === field || name.startsWith(`${field}.`)),
    );

  const steps = [
    <PrerequisitesStep entity={props.entity} />,
    <CoreDifferentiatorStep />,
    <MatureOptionStep />,
    <RequirementsStep />,
    <GapsStep />,
    <MaintenanceStep />,
    <FailureModesStep />,
    <Box>
      <Typography variant="body2" paragraph>
        Save a draft to resume later, or record the decision once the verdict is
        complete. The server computes the verdict.
      </Typography>
      {preview.value?.outcome.verdict.kind === 'incomplete' && (
        <Alert severity="info">
          The decision cannot be recorded yet: answers are missing.
        </Alert>
      )}
    </Box>,
  ];

  return (
    <DraftContext.Provider
      value={{
        draft,
        errors,
        setAnswer,
        disabled: !permission.loading && !permission.allowed,
      }}
    >
      {!permission.loading && !permission.allowed && (
        <Alert severity="info">{deniedReason}</Alert>
      )}
      {conflict && (
        <ConflictPanel
          base={base}
          mine={draft}
          current={conflict}
          onReapply={() => {
            setDraft(reapplyAnswers(base, draft, conflict.evaluation));
            setBase(conflict.evaluation);
            setStored(conflict);
            setConflict(undefined);
          }}
          onDiscard={() => {
            setDraft(conflict.evaluation);
            setBase(conflict.evaluation);
            setStored(conflict);
            setConflict(undefined);
          }}
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
            {STEPS.map((step, index) => (
              <Step key={step.label}>
                <StepButton
                  onClick={() => setActiveStep(index)}
                  aria-current={index === activeStep ? 'step' : undefined}
                  optional={
                    stepHasErrors(step.fields) ? (
                      <Typography variant="caption" color="error">
                        Check answers
                      </Typography>
                    ) : undefined
                  }
                >
                  {step.label}
                </StepButton>
              </Step>
            ))}
          </Stepper>
          <Box component="section" aria-label={STEPS[activeStep].label} px={1}>
            <Typography variant="h6" component="h2">
              {STEPS[activeStep].label}
            </Typography>
            {steps[activeStep]}
          </Box>
          {saveError && (
            <Box my={1}>
              <Alert severity="error">
                Could not save: {messageOf(saveError)}
              </Alert>
            </Box>
          )}
          <Box mt={2} display="flex" style={{ gap: 8 }} flexWrap="wrap">
            <Button
              disabled={activeStep === 0}
              onClick={() => setActiveStep(step => step - 1)}
            >
              Back
            </Button>
            {activeStep < STEPS.length - 1 && (
              <Button
                variant="outlined"
                onClick={() => setActiveStep(step => step + 1)}
              >
                Next
              </Button>
            )}
            <GuardedButton
              variant="outlined"
              allowed={permission.allowed}
              loading={permission.loading}
              deniedReason={deniedReason}
              disabled={saving || invalid || Boolean(conflict)}
              onClick={() => save('draft')}
            >
              Save draft
            </GuardedButton>
            {activeStep === STEPS.length - 1 && (
              <GuardedButton
                variant="contained"
                color="primary"
                allowed={permission.allowed}
                loading={permission.loading}
                deniedReason={deniedReason}
                disabled={
                  saving ||
                  invalid ||
                  Boolean(conflict) ||
                  preview.value?.outcome.verdict.kind === 'incomplete'
                }
                onClick={() => save('complete')}
              >
                Record decision
              </GuardedButton>
            )}
          </Box>
        </Grid>
        <Grid item xs={12} md={4}>
          <Timebox seconds={sessionSeconds} />
          <VerdictPreview
            preview={preview.value}
            loading={preview.loading}
            error={preview.error}
            invalid={invalid}
          />
          <Box mt={1}>
            <Typography variant="caption">
              Step {activeStep + 1} of {STEPS.length}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={((activeStep + 1) / STEPS.length) * 100}
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
