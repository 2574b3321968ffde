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
  alertApiRef,
  ConfigApi,
  configApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { getEntityRelations } from '@backstage/plugin-catalog-react';
import {
  answerProblems,
  describeAnswer,
  EVALUATION_LIMITS,
  plausibilityWarnings,
  type AnswerProblem,
  type EvaluationDraft,
  type StoredEvaluation,
  WIZARD_STEPS,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import useInterval from 'react-use/esm/useInterval';
import { buildVsBuyApiRef, EvaluationConflictError } from '../../api';
import {
  DENIED_REASONS,
  useEvaluationPermissions,
} from '../../hooks/useEvaluationPermissions';
import { messagesByField } from './draftAnswers';
import type { DraftEdit } from './draftEdits';
import { CatalogChecks, useCatalogChecks } from './useCatalogChecks';
import {
  forgetUnsavedAnswers,
  keepUnsavedAnswers,
  keepWizardStep,
  readUnsavedAnswers,
  readWizardStep,
  type UnsavedAnswers,
} from './unsavedAnswers';
import {
  autosaveBlockedReason,
  evaluationToSave,
  hasUnsavedAnswers,
  initialWizardState,
  wizardReducer,
} from './wizardReducer';

const PREVIEW_DEBOUNCE_MS = 500;
/** How long after the last edit a draft saves itself. */
export const AUTOSAVE_DELAY_MS = 2500;
/** How long after the last edit unsaved answers are kept in the browser. */
const KEEP_DELAY_MS = 300;

/** The query parameter that names the step shown: `?step=maintenance`. */
export const STEP_PARAMETER = 'step';

function stepIndex(stepId: string | null | undefined): number | undefined {
  const index = WIZARD_STEPS.findIndex(({ id }) => id === stepId);
  return index < 0 ? undefined : index;
}

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

/**
 * Every invalid answer: the schema's problems, and a maintenance owner the
 * catalog does not know as a group (the server refuses it on save).
 */
function problemsOf(
  draft: EvaluationDraft,
  owner: CatalogChecks['owner'],
): AnswerProblem[] {
  const problems = answerProblems(draft);
  const path = 'maintenance.ownerGroupRef';
  if (owner === null && !problems.some(problem => problem.path === path)) {
    problems.push({
      path,
      label: describeAnswer(path, draft).label,
      message: 'Not a group in the catalog: choose one from the list',
    });
  }
  return problems;
}

/** Seconds spent on the evaluation: earlier sessions plus this one. */
function useSessionSeconds(priorMinutes: number): number {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 1000);
  return priorMinutes * 60 + (now - startedAt) / 1000;
}

/**
 * The wizard's state wired to the API: edits, the debounced preview of the
 * verdict, saving a draft or recording the decision, and the way out of a
 * conflict with someone else's save.
 */
export function useEvaluationDraft(options: {
  entity: Entity;
  stored: StoredEvaluation | undefined;
}) {
  const api = useApi(buildVsBuyApiRef);
  const alertApi = useApi(alertApiRef);
  const configApi = useApi(configApiRef);
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const entityRef = stringifyEntityRef(options.entity);
  // The wizard resumes on the step it was left on: the URL's, else the one
  // this browser last showed for the entity.
  const [state, dispatch] = useReducer(wizardReducer, undefined, () =>
    initialWizardState(
      options.stored,
      () => draftFromCatalog(options.entity, defaultProfile(configApi)),
      stepIndex(searchParams.get(STEP_PARAMETER)) ??
        stepIndex(readWizardStep(entityRef)) ??
        0,
    ),
  );
  // Answers left unsaved here before, offered until restored or dismissed.
  const [keptAnswers, setKeptAnswers] = useState<UnsavedAnswers | undefined>(
    () => {
      const kept = readUnsavedAnswers(entityRef, options.stored?.version);
      // Answers the stored version already holds are nothing to offer.
      return kept &&
        JSON.stringify(kept.draft) !==
          JSON.stringify(options.stored?.evaluation)
        ? kept
        : undefined;
    },
  );
  // The timebox counts earlier sessions on this evaluation too.
  const sessionSeconds = useSessionSeconds(
    options.stored?.evaluation.sessionDurationMinutes ?? 0,
  );

  const permissions = useEvaluationPermissions(state.stored?.id);
  const permission = state.stored ? permissions.update : permissions.create;
  const deniedReason = state.stored
    ? DENIED_REASONS.update
    : DENIED_REASONS.create;

  const catalog = useCatalogChecks(state.draft);
  const problems = useMemo(
    () => problemsOf(state.draft, catalog.owner),
    [state.draft, catalog.owner],
  );
  const errors = useMemo(() => messagesByField(problems), [problems]);
  const invalid = problems.length > 0;
  // Valid but unlikely answers, judged here as the team types; the server's
  // outcome carries the same warnings but for the dependents.
  const warnings = useMemo(
    () =>
      plausibilityWarnings(state.draft, {
        now: new Date(),
        knownDependents: catalog.knownDependents,
      }),
    [state.draft, catalog.knownDependents],
  );

  const latestPreview = useRef(0);
  useDebounce(
    () => {
      if (invalid) {
        return;
      }
      const request = ++latestPreview.current;
      dispatch({ type: 'preview-requested', request });
      api.previewEvaluation(state.draft).then(
        value => dispatch({ type: 'preview-answered', request, value }),
        error => dispatch({ type: 'preview-failed', request, error }),
      );
    },
    PREVIEW_DEBOUNCE_MS,
    [state.draft, invalid],
  );

  const edit = useCallback(
    (draftEdit: DraftEdit) => dispatch({ type: 'edit', edit: draftEdit }),
    [],
  );

  const save = async (
    status: 'draft' | 'complete',
    { autosave = false }: { autosave?: boolean } = {},
  ) => {
    const evaluation = evaluationToSave(state.draft, sessionSeconds);
    dispatch({ type: 'save-started', sending: state.draft, autosave });
    try {
      const saved = state.stored
        ? await api.updateEvaluation(state.stored.id, {
            version: state.stored.version,
            status,
            evaluation,
          })
        : await api.createEvaluation({ status, evaluation });
      dispatch({ type: 'saved', stored: saved });
      if (!autosave) {
        alertApi.post({
          message:
            status === 'draft'
              ? `Draft saved as version ${saved.version}.`
              : `Decision recorded as version ${saved.version}.`,
          severity: 'success',
          display: 'transient',
        });
      }
      if (status === 'complete') {
        navigate('..');
      }
    } catch (error) {
      if (error instanceof EvaluationConflictError) {
        dispatch({ type: 'save-conflicted', current: error.current });
      } else {
        dispatch({ type: 'save-failed', error: error as Error });
      }
    }
  };

  // Autosave: a while after the last edit, never over a save in flight,
  // with the same version check (and conflict panel) as Save draft.
  const unsaved = hasUnsavedAnswers(state);
  const autosaveReason = autosaveBlockedReason(state, {
    allowed: !permission.loading && permission.allowed,
    invalid,
  });
  useDebounce(
    () => {
      if (autosaveReason === undefined) {
        save('draft', { autosave: true });
      }
    },
    AUTOSAVE_DELAY_MS,
    // `save` changes with every render; the state it reads is in these.
    [state.draft, autosaveReason],
  );

  // Unsaved answers are kept in this browser until saved, so that a
  // reload, another page or a recorded decision's edits lose nothing.
  useDebounce(
    () => {
      if (keptAnswers) {
        // Not over answers still offered for restoring.
        return;
      }
      if (unsaved) {
        keepUnsavedAnswers(entityRef, {
          version: state.stored?.version,
          draft: state.draft,
          keptAt: new Date().toISOString(),
        });
      } else {
        forgetUnsavedAnswers(entityRef);
      }
    },
    KEEP_DELAY_MS,
    [state.draft, state.stored, unsaved, keptAnswers],
  );

  // The step shown, in the URL and for this entity in the browser.
  const stepId = WIZARD_STEPS[state.activeStep].id;
  useEffect(() => {
    keepWizardStep(entityRef, stepId);
    const first = stepId === WIZARD_STEPS[0].id;
    if (searchParams.get(STEP_PARAMETER) === (first ? null : stepId)) {
      return;
    }
    setSearchParams(
      params => {
        const next = new URLSearchParams(params);
        // The first step is where the wizard opens anyway: a plain URL.
        if (first) {
          next.delete(STEP_PARAMETER);
        } else {
          next.set(STEP_PARAMETER, stepId);
        }
        return next;
      },
      { replace: true },
    );
  }, [entityRef, stepId, searchParams, setSearchParams]);

  return {
    state,
    problems,
    errors,
    invalid,
    warnings,
    catalog,
    sessionSeconds,
    permission,
    deniedReason,
    unsaved,
    autosaveReason,
    keptAnswers,
    edit,
    goToStep: (step: number) => dispatch({ type: 'go-to-step', step }),
    save,
    reapplyMine: () => dispatch({ type: 'reapply-mine' }),
    discardMine: () => dispatch({ type: 'discard-mine' }),
    restoreKeptAnswers: () => {
      if (keptAnswers) {
        dispatch({ type: 'restore-unsaved', draft: keptAnswers.draft });
      }
      setKeptAnswers(undefined);
    },
    dismissKeptAnswers: () => {
      forgetUnsavedAnswers(entityRef);
      setKeptAnswers(undefined);
    },
  };
}
