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
  EVALUATION_STATUS_LABELS,
  ORGANISATION_PROFILE_LABELS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  VERDICT_LABELS,
  type ReviewStatus,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  FormControl,
  FormControlLabel,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  Switch,
  TextField,
} from '@material-ui/core';
import { CatalogEntityPicker } from './CatalogEntityPicker';
import { ORGANISATION_PROFILES, type DashboardView } from './dashboardView';

const ANY = '';

/** A select of a few named values, "any" first. */
function ChoiceFilter<T extends string>(props: {
  id: string;
  label: string;
  anyLabel: string;
  value: T | undefined;
  choices: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <FormControl style={{ minWidth: 200 }}>
      <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
      <Select
        id={props.id}
        labelId={`${props.id}-label`}
        value={props.value ?? ANY}
        onChange={event =>
          props.onChange((event.target.value as T | typeof ANY) || undefined)
        }
      >
        <MenuItem value={ANY}>{props.anyLabel}</MenuItem>
        {props.choices.map(choice => (
          <MenuItem key={choice} value={choice}>
            {props.labels[choice]}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

const STATUS_CHOICES = ['draft', 'complete'] as const;

/** The filters above the dashboard's lists. */
export const DecisionFilters = (props: {
  value: DashboardView;
  onChange: (patch: Partial<DashboardView>) => void;
}) => {
  const { value, onChange } = props;
  return (
    <Grid
      container
      spacing={2}
      alignItems="center"
      role="search"
      aria-label="Filter decisions"
    >
      <Grid item>
        <FormControlLabel
          control={
            <Switch
              checked={value.ownedByMe}
              onChange={event => onChange({ ownedByMe: event.target.checked })}
            />
          }
          label="Owned by me"
        />
      </Grid>
      {!value.ownedByMe && (
        <Grid item>
          <CatalogEntityPicker
            id="build-vs-buy-filter-owner-groups"
            kind="group"
            label="Owner groups"
            multiple
            value={value.ownerGroups}
            onChange={ownerGroups => onChange({ ownerGroups })}
          />
        </Grid>
      )}
      <Grid item>
        <CatalogEntityPicker
          id="build-vs-buy-filter-system"
          kind="system"
          label="System"
          value={value.system ? [value.system] : []}
          onChange={([system]) => onChange({ system })}
        />
      </Grid>
      <Grid item>
        <ChoiceFilter<VerdictKind>
          id="build-vs-buy-filter-verdict"
          label="The tree's verdict"
          anyLabel="Any verdict"
          value={value.verdict}
          choices={Object.keys(VERDICT_LABELS) as VerdictKind[]}
          labels={VERDICT_LABELS}
          onChange={verdict => onChange({ verdict })}
        />
      </Grid>
      <Grid item>
        <ChoiceFilter
          id="build-vs-buy-filter-status"
          label="Decision or draft"
          anyLabel="Decisions and drafts"
          value={value.status}
          choices={STATUS_CHOICES}
          labels={EVALUATION_STATUS_LABELS}
          onChange={status => onChange({ status })}
        />
      </Grid>
      <Grid item>
        <ChoiceFilter<ReviewStatus>
          id="build-vs-buy-filter-review-status"
          label="Review status"
          anyLabel="Any review status"
          value={value.reviewStatus}
          choices={REVIEW_STATUSES}
          labels={REVIEW_STATUS_LABELS}
          onChange={reviewStatus => onChange({ reviewStatus })}
        />
      </Grid>
      <Grid item>
        <ChoiceFilter
          id="build-vs-buy-filter-organisation-profile"
          label="Organisation profile"
          anyLabel="Any organisation"
          value={value.organisationProfile}
          choices={ORGANISATION_PROFILES}
          labels={ORGANISATION_PROFILE_LABELS}
          onChange={organisationProfile => onChange({ organisationProfile })}
        />
      </Grid>
      <Grid item>
        <TextField
          id="build-vs-buy-filter-lifecycle"
          label="Lifecycle"
          helperText="As in the catalog, e.g. production"
          value={value.lifecycle ?? ''}
          onChange={event =>
            onChange({ lifecycle: event.target.value || undefined })
          }
        />
      </Grid>
      <Grid item>
        <FormControlLabel
          control={
            <Switch
              checked={value.decidedAgainstTree}
              onChange={event =>
                onChange({ decidedAgainstTree: event.target.checked })
              }
            />
          }
          label="Decided against the tree"
        />
      </Grid>
    </Grid>
  );
};
