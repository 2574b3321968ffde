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
  VERDICT_LABELS,
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

/** What the user filters the dashboard by. */
export type DecisionFilterState = {
  ownedByMe: boolean;
  ownerGroups: string;
  system: string;
  verdict: VerdictKind | '';
  lifecycle: string;
  /** Only the decisions where the team decided otherwise than the tree. */
  decidedAgainstTree: boolean;
};

export const INITIAL_FILTERS: DecisionFilterState = {
  ownedByMe: true,
  ownerGroups: '',
  system: '',
  verdict: '',
  lifecycle: '',
  decidedAgainstTree: false,
};

/** The filters above the dashboard's lists. */
export const DecisionFilters = (props: {
  value: DecisionFilterState;
  onChange: (value: DecisionFilterState) => void;
}) => {
  const { value, onChange } = props;
  const set = (patch: Partial<DecisionFilterState>) =>
    onChange({ ...value, ...patch });
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
              onChange={event => set({ ownedByMe: event.target.checked })}
            />
          }
          label="Owned by me"
        />
      </Grid>
      <Grid item>
        <TextField
          id="build-vs-buy-filter-owner-groups"
          label="Owner groups"
          helperText="Comma-separated, e.g. group:default/ml-platform"
          value={value.ownerGroups}
          disabled={value.ownedByMe}
          onChange={event => set({ ownerGroups: event.target.value })}
        />
      </Grid>
      <Grid item>
        <TextField
          id="build-vs-buy-filter-system"
          label="System"
          value={value.system}
          onChange={event => set({ system: event.target.value })}
        />
      </Grid>
      <Grid item>
        <FormControl style={{ minWidth: 200 }}>
          <InputLabel id="build-vs-buy-verdict-filter">
            The tree&apos;s verdict
          </InputLabel>
          <Select
            id="build-vs-buy-verdict-filter-select"
            labelId="build-vs-buy-verdict-filter"
            value={value.verdict}
            onChange={event =>
              set({ verdict: event.target.value as VerdictKind | '' })
            }
          >
            <MenuItem value="">Any verdict</MenuItem>
            {(Object.keys(VERDICT_LABELS) as VerdictKind[]).map(kind => (
              <MenuItem key={kind} value={kind}>
                {VERDICT_LABELS[kind]}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Grid>
      <Grid item>
        <TextField
          id="build-vs-buy-filter-lifecycle"
          label="Lifecycle"
          value={value.lifecycle}
          onChange={event => set({ lifecycle: event.target.value })}
        />
      </Grid>
      <Grid item>
        <FormControlLabel
          control={
            <Switch
              checked={value.decidedAgainstTree}
              onChange={event =>
                set({ decidedAgainstTree: event.target.checked })
              }
            />
          }
          label="Decided against the tree"
        />
      </Grid>
    </Grid>
  );
};
