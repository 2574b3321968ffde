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

import { CircularProgress, TextField, Typography } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useMemo, useState } from 'react';
import {
  entityOptionOf,
  entityOptionOfRef,
  useCatalogEntitySearch,
  type EntityOption,
} from '../catalogSearch';
import { fieldId } from './draftAnswers';
import { fieldHelp, useDraftContext } from './WizardFields';

const PATH = ['maintenance', 'ownerGroupRef'];

/**
 * Node 5's maintenance owner, picked from the catalog's groups by name: the
 * answer stores the group's entity ref, so it is always a group the catalog
 * knows.
 */
export const OwnerGroupAnswer = (props: { label: string }) => {
  const { draft, errors, edit, disabled, catalog } = useDraftContext();
  const ref = draft.maintenance?.ownerGroupRef;
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const { options, loading } = useCatalogEntitySearch('group', open, search);

  const owner = catalog?.owner;
  // One object per answer: a new one on every render would reset the text
  // the user is typing.
  const value = useMemo(() => {
    if (!ref) {
      return null;
    }
    return owner ? entityOptionOf(owner) : entityOptionOfRef(ref, 'group');
  }, [ref, owner]);
  const error = errors['maintenance.ownerGroupRef'];

  return (
    <Autocomplete<EntityOption>
      id={fieldId(PATH)}
      options={options}
      value={value}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      loading={loading}
      disabled={disabled}
      autoHighlight
      // The catalog searches; every group it returns is a match.
      filterOptions={found => found}
      getOptionLabel={option => option.title}
      getOptionSelected={(option, selected) => option.ref === selected.ref}
      noOptionsText={
        search.trim() ? 'No group of that name in the catalog' : 'No groups'
      }
      onInputChange={(_event, text, reason) =>
        setSearch(reason === 'input' ? text : '')
      }
      onChange={(_event, option) => {
        if (option?.entity) {
          catalog?.remember(option.entity);
        }
        edit({ type: 'answer', path: PATH, value: option?.ref });
      }}
      renderOption={option => (
        <div>
          <Typography variant="body2">{option.title}</Typography>
          {option.detail && (
            <Typography variant="caption" color="textSecondary">
              {option.detail}
            </Typography>
          )}
        </div>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          fullWidth
          margin="normal"
          variant="outlined"
          error={Boolean(error)}
          helperText={fieldHelp(
            { error },
            'The group that will maintain it: type part of its name to search the catalog',
          )}
          InputProps={{
            ...params.InputProps,
            endAdornment: (
              <>
                {loading && open ? (
                  <CircularProgress color="inherit" size={20} />
                ) : null}
                {params.InputProps.endAdornment}
              </>
            ),
          }}
        />
      )}
    />
  );
};
