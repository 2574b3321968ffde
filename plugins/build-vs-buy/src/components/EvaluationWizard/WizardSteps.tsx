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

import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import {
  GAP_BREADTH_LABELS,
  GAP_SCOPE_LABELS,
  COVERAGE_LEVEL_LABELS,
  MATURITY_CRITERIA,
  ORGANISATION_PROFILE_LABELS,
  REQUIREMENT_BUCKET_LABELS,
  gapsOf,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Button, TextField, Typography } from '@material-ui/core';
import { ReactNode, useContext } from 'react';
import {
  DraftContext,
  OptionSelect,
  SelectAnswer,
  TextAnswer,
  YesNoAnswer,
} from './WizardFields';

const MATURITY_QUESTIONS: Record<(typeof MATURITY_CRITERIA)[number], string> = {
  inProductionTwoYears: 'In production use for at least two years?',
  customersAtYourScale: 'Customers at your scale or larger?',
  publicSla: 'A public SLA?',
  failureModeTrackRecord:
    'A track record of handling the failure modes you care about?',
  referencesChecked: 'References checked with customers at your scale?',
};

function useDraftContext() {
  const context = useContext(DraftContext);
  if (!context) {
    throw new Error('Wizard steps must be used inside the wizard');
  }
  return context;
}

/** An identifier from a name: `VectorCloud Managed` → `vectorcloud-managed`. */
export function identifierFrom(name: string, taken: string[]): string {
  const stem =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'item';
  let id = stem;
  for (let n = 2; taken.includes(id); n++) {
    id = `${stem}-${n}`;
  }
  return id;
}

/** What the catalog says of the component, beside the prerequisites. */
export const CatalogContext = (props: { entity: Entity }) => {
  const { entity } = props;
  const dependsOn = getEntityRelations(entity, 'dependsOn');
  const dependencyOf = getEntityRelations(entity, 'dependencyOf');
  const owners = getEntityRelations(entity, 'ownedBy');
  const systems = getEntityRelations(entity, 'partOf', { kind: 'system' });
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">From the catalog</Typography>
      <Typography variant="body2">
        {entity.metadata.description ?? 'No description in the catalog.'}
      </Typography>
      <Typography variant="body2" component="div">
        Owner: <EntityRefLinks entityRefs={owners} defaultKind="group" />
      </Typography>
      {systems.length > 0 && (
        <Typography variant="body2" component="div">
          System: <EntityRefLinks entityRefs={systems} />
        </Typography>
      )}
      <Typography variant="body2" component="div">
        Depends on:{' '}
        {dependsOn.length ? (
          <EntityRefLinks entityRefs={dependsOn} />
        ) : (
          'nothing recorded'
        )}
      </Typography>
      <Typography variant="body2" component="div">
        Depended on by:{' '}
        {dependencyOf.length ? (
          <EntityRefLinks entityRefs={dependencyOf} />
        ) : (
          'nothing recorded'
        )}
      </Typography>
      <Typography variant="caption">
        {`Evaluating ${getCompoundEntityRef(entity).name}.`}
      </Typography>
    </Box>
  );
};

const DependentsAnswer = () => {
  const { draft, errors, setAnswer, disabled } = useDraftContext();
  const dependents = draft.prerequisites?.componentDescription?.dependents;
  const error = Object.entries(errors).find(([name]) =>
    name.startsWith('prerequisites.componentDescription.dependents'),
  )?.[1];
  return (
    <TextField
      id="build-vs-buy-dependents"
      label="What other components depend on it (one per line)"
      fullWidth
      multiline
      minRows={2}
      margin="normal"
      variant="outlined"
      disabled={disabled}
      value={(dependents ?? []).join('\n')}
      error={Boolean(error)}
      helperText={error}
      onChange={event =>
        setAnswer(
          ['prerequisites', 'componentDescription', 'dependents'],
          event.target.value
            .split('\n')
            .map(line => line.trim())
            .filter((line, index, lines) => line || index < lines.length - 1)
            .filter(Boolean),
        )
      }
    />
  );
};

export const PrerequisitesStep = (props: { entity: Entity }) => (
  <>
    <Typography variant="body2" paragraph>
      A written description of what the component actually does in your system,
      and an honest assessment of your team&apos;s capacity. Not headcount.
      Capacity.
    </Typography>
    <CatalogContext entity={props.entity} />
    <TextAnswer path={['question']} label="The question" multiline required />
    <TextAnswer
      path={['prerequisites', 'componentDescription', 'dataStored']}
      label="What data it stores"
      multiline
    />
    <TextAnswer
      path={['prerequisites', 'componentDescription', 'queriesHandled']}
      label="What queries it handles"
      multiline
    />
    <TextAnswer
      path={['prerequisites', 'componentDescription', 'latencyConstraints']}
      label="Latency constraints"
    />
    <TextAnswer
      path={[
        'prerequisites',
        'componentDescription',
        'availabilityConstraints',
      ]}
      label="Availability constraints"
    />
    <DependentsAnswer />
    <TextAnswer
      path={['prerequisites', 'teamCapacity', 'engineers']}
      label="Engineers on the team"
      type="number"
    />
    <TextAnswer
      path={['prerequisites', 'teamCapacity', 'productionSystemsMaintained']}
      label="Production systems the team already maintains"
      type="number"
    />
    <TextAnswer
      path={['prerequisites', 'teamCapacity', 'availableCapacity']}
      label="What the team can realistically take on"
      multiline
    />
    <SelectAnswer
      path={['organisationProfile']}
      label="Organisation"
      options={ORGANISATION_PROFILE_LABELS}
    />
  </>
);

export const CoreDifferentiatorStep = () => (
  <>
    <Typography variant="body2" paragraph>
      The test: if two of your competitors used the same vendor for this
      component, would your product lose its edge? Teams consistently
      over-classify components as differentiators. Fight this bias.
    </Typography>
    <YesNoAnswer
      path={['coreDifferentiator', 'answer']}
      label="Is it a core differentiator?"
      values={['yes', 'no']}
    />
    <TextAnswer
      path={['coreDifferentiator', 'competitorTest']}
      label="The competitor test: would your product lose its edge?"
      multiline
    />
    <TextAnswer
      path={['coreDifferentiator', 'rationale']}
      label="Rationale"
      multiline
    />
  </>
);

/** One row of a list answer (a candidate, a requirement), as a labelled section. */
const AnswerRow = (props: { label: string; children: ReactNode }) => (
  <Box
    component="section"
    aria-label={props.label}
    mb={2}
    p={2}
    border={1}
    borderColor="divider"
    borderRadius={4}
  >
    {props.children}
  </Box>
);

/** Adds a row with an identifier no other row of the list has. */
const AddRowButton = (props: {
  noun: string;
  rows: ReadonlyArray<{ id: string }>;
  disabled?: boolean;
  onAdd: (id: string, ordinal: number) => void;
}) => {
  const ordinal = props.rows.length + 1;
  return (
    <Button
      variant="outlined"
      disabled={props.disabled}
      onClick={() =>
        props.onAdd(
          identifierFrom(
            `${props.noun}-${ordinal}`,
            props.rows.map(row => row.id),
          ),
          ordinal,
        )
      }
    >
      Add {props.noun}
    </Button>
  );
};

export const MatureOptionStep = () => {
  const { draft, setAnswer, disabled } = useDraftContext();
  const candidates = draft.candidates ?? [];
  const remove = (index: number) => {
    const id = candidates[index].id;
    setAnswer(
      ['candidates'],
      candidates.filter((_, i) => i !== index),
    );
    setAnswer(
      ['gaps'],
      (draft.gaps ?? []).filter(gap => gap.candidateId !== id),
    );
  };
  return (
    <>
      <Typography variant="body2" paragraph>
        Mature means: in production use for at least two years, customers at
        your scale or larger, a public SLA, and a track record of handling the
        failure modes you care about. Check references.
      </Typography>
      {candidates.map((candidate, index) => (
        <AnswerRow
          key={candidate.id}
          label={`Candidate ${candidate.name || index + 1}`}
        >
          <TextAnswer
            path={['candidates', index, 'name']}
            label="Product name"
            required
          />
          {MATURITY_CRITERIA.map(criterion => (
            <div key={criterion}>
              <YesNoAnswer
                path={['candidates', index, 'maturity', criterion]}
                label={MATURITY_QUESTIONS[criterion]}
              />
            </div>
          ))}
          <TextAnswer
            path={['candidates', index, 'integrationWeeks']}
            label="Integration estimate (weeks)"
            type="number"
          />
          <TextAnswer
            path={['candidates', index, 'notes']}
            label="Notes from references"
            multiline
          />
          <Button disabled={disabled} onClick={() => remove(index)}>
            Remove {candidate.name || 'candidate'}
          </Button>
        </AnswerRow>
      ))}
      <AddRowButton
        noun="candidate"
        rows={candidates}
        disabled={disabled}
        onAdd={(id, ordinal) =>
          setAnswer(
            ['candidates'],
            [...candidates, { id, name: `Candidate ${ordinal}` }],
          )
        }
      />
    </>
  );
};

export const RequirementsStep = () => {
  const { draft, setAnswer, disabled } = useDraftContext();
  const requirements = draft.requirements ?? [];
  const candidates = draft.candidates ?? [];
  const remove = (index: number) => {
    const id = requirements[index].id;
    setAnswer(
      ['requirements'],
      requirements.filter((_, i) => i !== index),
    );
    setAnswer(
      ['candidates'],
      candidates.map(candidate => {
        const { [id]: _removed, ...coverage } = candidate.coverage ?? {};
        return candidate.coverage ? { ...candidate, coverage } : candidate;
      }),
    );
    setAnswer(
      ['gaps'],
      (draft.gaps ?? []).filter(gap => gap.requirementId !== id),
    );
  };
  return (
    <>
      <Typography variant="body2" paragraph>
        Separate your requirements into must-haves, should-haves and
        nice-to-haves. If the product is missing a must-have, stop. Do not buy
        it.
      </Typography>
      {requirements.map((requirement, index) => (
        <AnswerRow
          key={requirement.id}
          label={`Requirement ${requirement.title || index + 1}`}
        >
          <TextAnswer
            path={['requirements', index, 'title']}
            label="Requirement"
            required
          />
          <SelectAnswer
            path={['requirements', index, 'bucket']}
            label="Bucket"
            options={REQUIREMENT_BUCKET_LABELS}
          />
          <YesNoAnswer
            path={['requirements', index, 'neededByWorkload']}
            label="Does the workload need it?"
            helperText="No: a product that lacks it has no gap at all."
          />
          {candidates.map((candidate, candidateIndex) => (
            <SelectAnswer
              key={candidate.id}
              path={['candidates', candidateIndex, 'coverage', requirement.id]}
              label={`${candidate.name} covers it`}
              options={COVERAGE_LEVEL_LABELS}
            />
          ))}
          <Button disabled={disabled} onClick={() => remove(index)}>
            Remove requirement
          </Button>
        </AnswerRow>
      ))}
      <AddRowButton
        noun="requirement"
        rows={requirements}
        disabled={disabled}
        onAdd={(id, ordinal) =>
          setAnswer(
            ['requirements'],
            [...requirements, { id, title: `Requirement ${ordinal}` }],
          )
        }
      />
    </>
  );
};

export const GapsStep = () => {
  const { draft, setAnswer, errors, disabled } = useDraftContext();
  const candidates = draft.candidates ?? [];
  const classify = (
    candidateId: string,
    requirementId: string,
    index: number | undefined,
    patch: { scope?: string; breadth?: string },
  ) => {
    const gaps = [...(draft.gaps ?? [])];
    if (index === undefined) {
      gaps.push({ candidateId, requirementId, ...patch } as any);
    } else {
      gaps[index] = { ...gaps[index], ...patch } as any;
      if (patch.breadth === undefined && 'breadth' in patch) {
        delete gaps[index].breadth;
      }
    }
    setAnswer(['gaps'], gaps);
  };
  const rows = candidates.flatMap(candidate =>
    gapsOf(draft as EvaluationDraft, candidate.id).map(gap => ({
      candidate,
      gap,
    })),
  );
  return (
    <>
      <Typography variant="body2" paragraph>
        Core gaps affect your primary user flow; edge cases affect unusual
        scenarios. If a core gap is narrow, a wrapper layer is usually viable;
        if it is broad, you are building half the product anyway.
      </Typography>
      {rows.length === 0 && (
        <Typography variant="body2">
          No gaps: no candidate misses a must- or should-have.
        </Typography>
      )}
      {rows.map(({ candidate, gap }) => {
        const key = `${gap.candidateId}-${gap.requirementId}`;
        const index = gap.classificationIndex;
        return (
          <Box
            key={key}
            component="section"
            aria-label={`${candidate.name}: ${gap.requirementTitle}`}
            mb={2}
          >
            <Typography variant="subtitle2">
              {candidate.name}: {gap.requirementTitle} ({gap.bucket}-have,{' '}
              {gap.level})
            </Typography>
            <OptionSelect
              id={`build-vs-buy-gap-${key}-scope`}
              label="Scope"
              value={gap.classification?.scope}
              options={GAP_SCOPE_LABELS}
              emptyLabel="Not classified"
              disabled={disabled}
              onChange={scope =>
                classify(gap.candidateId, gap.requirementId, index, { scope })
              }
            />
            <OptionSelect
              id={`build-vs-buy-gap-${key}-breadth`}
              label="Breadth"
              value={gap.classification?.breadth}
              options={GAP_BREADTH_LABELS}
              emptyLabel="Not classified"
              disabled={disabled}
              error={
                index === undefined
                  ? undefined
                  : errors[`gaps.${index}.breadth`]
              }
              onChange={breadth =>
                classify(gap.candidateId, gap.requirementId, index, { breadth })
              }
            />
          </Box>
        );
      })}
    </>
  );
};

export const MaintenanceStep = () => (
  <>
    <Typography variant="body2" paragraph>
      Can your team allocate 20% of one engineer&apos;s time permanently to this
      system? Not for the first six months: permanently.
    </Typography>
    <YesNoAnswer
      path={['maintenance', 'canAllocateTwentyPercentPermanently']}
      label="Can the team allocate 20% of one engineer permanently?"
    />
    <TextAnswer
      path={['maintenance', 'ownerGroupRef']}
      label="Maintenance owner (group reference)"
      helperText="group:namespace/name"
      blankAsUnanswered
    />
    <TextAnswer
      path={['maintenance', 'plan']}
      label="Maintenance plan: monitoring, upgrades, incident response, documentation, on-call, tuning"
      multiline
    />
  </>
);

export const FailureModesStep = () => {
  const { draft } = useDraftContext();
  return (
    <>
      <Typography variant="subtitle2">
        Buying without a migration plan
      </Typography>
      <TextAnswer
        path={['failureModes', 'migrationPlan', 'dataExtraction']}
        label="How would you extract your data?"
        multiline
      />
      <TextAnswer
        path={['failureModes', 'migrationPlan', 'alternative']}
        label="What would you switch to?"
        multiline
      />
      <Typography variant="subtitle2">
        Underestimating integration cost
      </Typography>
      <TextAnswer
        path={['failureModes', 'integrationCostWeeks']}
        label="Integration budget (weeks)"
        type="number"
      />
      <Typography variant="subtitle2">
        Ignoring the team&apos;s learning curve
      </Typography>
      <TextAnswer
        path={['failureModes', 'engineersOperating']}
        label="Engineers who will operate it"
        type="number"
      />
      <TextAnswer
        path={['failureModes', 'learningCurveWeeksPerEngineer']}
        label="Ramp-up weeks per engineer (1 to 2)"
        type="number"
      />
      <Typography variant="subtitle2">
        Over-indexing on current requirements
      </Typography>
      <TextAnswer
        path={['failureModes', 'twelveMonthRoadmap']}
        label="The twelve-month roadmap"
        multiline
      />
      <SelectAnswer
        path={['failureModes', 'requirementsStability']}
        label="Requirements are"
        options={{
          stable: 'Stable',
          shifting: 'Shifting',
          unstable: 'Unstable',
        }}
      />
      <YesNoAnswer
        path={['failureModes', 'buildingBecauseBuyingIsBoring']}
        label="Building because buying is boring?"
      />
      {draft.organisationProfile === 'regulated' && (
        <>
          <Typography variant="subtitle2">Regulated industry</Typography>
          <YesNoAnswer
            path={['regulated', 'procurementStarted']}
            label="Has the procurement process started?"
          />
          <TextAnswer
            path={['regulated', 'vendorSecurityReviewMonths']}
            label="Vendor security review (months)"
            type="number"
          />
          <TextAnswer
            path={['regulated', 'buildFallback']}
            label="Build fallback if the vendor review stalls"
            multiline
          />
        </>
      )}
      <TextAnswer
        path={['revisitBy']}
        label="Revisit by"
        type="date"
        helperText="Defaults to six months after the decision"
      />
    </>
  );
};
