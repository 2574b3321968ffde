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

import {
  SMALL_TEAM_ENGINEERS,
  teamDecisionOf,
  verdictLabel,
  type TeamDecisionDraft,
  type Verdict,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { OwnerGroupAnswer } from './OwnerGroupAnswer';
import {
  OptionSelect,
  SelectAnswer,
  TextAnswer,
  useDraftContext,
  YesNoAnswer,
} from './WizardFields';

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

/**
 * The article's point for small teams, shown before the team answers Node 5
 * when its capacity says it is one.
 */
const SmallTeamPoint = () => {
  const { draft } = useDraftContext();
  const engineers = draft.prerequisites?.teamCapacity?.engineers;
  if (engineers === undefined || engineers >= SMALL_TEAM_ENGINEERS) {
    return null;
  }
  return (
    <Alert severity="info">
      Your team has {engineers} {engineers === 1 ? 'engineer' : 'engineers'}.
      For small teams (fewer than ten engineers total), the answer is almost
      always no for anything beyond a thin integration layer.
    </Alert>
  );
};

export const MaintenanceStep = () => (
  <>
    <Typography variant="body2" paragraph>
      Can your team allocate 20% of one engineer&apos;s time permanently to this
      system? Not for the first six months: permanently.
    </Typography>
    <SmallTeamPoint />
    <YesNoAnswer
      path={['maintenance', 'canAllocateTwentyPercentPermanently']}
      label="Can the team allocate 20% of one engineer permanently?"
    />
    <OwnerGroupAnswer label="Maintenance owner" />
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
        label="Ramp-up weeks per engineer (the article budgets 1 to 2)"
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

/** The team follows the tree: it recorded no option of its own. */
const FOLLOW_THE_TREE = 'follow';

/**
 * The option of a team decision as a select value: `follow`, `build`,
 * `buy:<id>`, `buy-with-wrapper:<id>`.
 */
function optionOf(decision: TeamDecisionDraft | undefined): string {
  if (decision?.kind === 'build') return 'build';
  if (decision?.kind && decision.candidateId) {
    return `${decision.kind}:${decision.candidateId}`;
  }
  return FOLLOW_THE_TREE;
}

/**
 * The team's decision, at the step that records it: "It is not a formula."
 * The team follows the tree unless it picks another option, and then says
 * why before the decision can be recorded.
 */
export const TeamDecisionFields = (props: {
  /** The tree's verdict, as the server's preview has it. */
  verdict: Verdict | undefined;
}) => {
  const { draft, errors, edit, disabled } = useDraftContext();
  const verdict = props.verdict ?? { kind: 'incomplete' };
  const team = teamDecisionOf(draft, verdict);
  const options: Record<string, string> = {
    [FOLLOW_THE_TREE]:
      verdict.kind === 'incomplete'
        ? 'Follow the tree (no verdict yet)'
        : `Follow the tree: ${verdictLabel(verdict)}`,
    build: verdictLabel({ kind: 'build' }),
  };
  for (const { id, name } of draft.candidates ?? []) {
    const candidate = { candidateId: id, candidateName: name };
    options[`buy:${id}`] = verdictLabel({ kind: 'buy', ...candidate });
    options[`buy-with-wrapper:${id}`] = verdictLabel({
      kind: 'buy-with-wrapper',
      ...candidate,
      gaps: [],
    });
  }
  const choose = (value: string | undefined) => {
    const rationale = draft.teamDecision?.rationale;
    const [kind, candidateId] = (value ?? FOLLOW_THE_TREE).split(':') as [
      TeamDecisionDraft['kind'] | typeof FOLLOW_THE_TREE,
      string | undefined,
    ];
    const next: TeamDecisionDraft = {
      ...(kind !== FOLLOW_THE_TREE ? { kind } : {}),
      ...(candidateId ? { candidateId } : {}),
      ...(rationale !== undefined ? { rationale } : {}),
    };
    edit({
      type: 'answer',
      path: ['teamDecision'],
      value: Object.keys(next).length > 0 ? next : undefined,
    });
  };
  return (
    <>
      <Typography variant="body2" paragraph>
        The tree gives a structured way to make the call. It is not a formula:
        the team may decide otherwise, and records why.
      </Typography>
      <OptionSelect
        id="build-vs-buy-teamDecision"
        label="The team's decision"
        value={optionOf(draft.teamDecision)}
        options={options}
        onChange={choose}
        disabled={disabled}
        error={
          errors['teamDecision.kind'] ?? errors['teamDecision.candidateId']
        }
      />
      <TextAnswer
        path={['teamDecision', 'rationale']}
        label="The team's rationale"
        multiline
        required={team.decidedAgainstTree}
        problem={
          team.missing.includes('teamDecision.rationale')
            ? `The tree recommends ${verdictLabel(
                verdict,
              )}: say why the team decides otherwise to record the decision.`
            : undefined
        }
        helperText={
          team.decidedAgainstTree
            ? undefined
            : 'Optional while the team follows the tree'
        }
      />
    </>
  );
};
