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

import { Typography } from '@material-ui/core';
import { OwnerGroupAnswer } from './OwnerGroupAnswer';
import {
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
