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

import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CircularProgress, TextField, Typography } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useMemo, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { fieldId } from './draftAnswers';
import {
  ENTITY_NAME_FIELDS,
  entityDisplayName,
  storedRefOf,
} from './useCatalogChecks';
import { fieldHelp, useDraftContext } from './WizardFields';

const PATH = ['maintenance', 'ownerGroupRef'];
const SEARCH_DEBOUNCE_MS = 250;
const SHOWN_GROUPS = 20;

type GroupOption = {
  ref: string;
  /** The display name, title or name. */
  title: string;
  /** The name, when the title is something else, to tell groups apart. */
  detail?: string;
  entity?: Entity;
};

function optionOf(entity: Entity): GroupOption {
  const title = entityDisplayName(entity);
  const { name, namespace = 'default' } = entity.metadata;
  const qualified = namespace === 'default' ? name : `${namespace}/${name}`;
  return {
    ref: storedRefOf(entity),
    title,
    detail: qualified === title ? undefined : qualified,
    entity,
  };
}

/** A stored ref the catalog has not named (yet): its name, not the ref. */
function optionOfRef(ref: string): GroupOption {
  try {
    const { name, namespace } = parseEntityRef(ref, { defaultKind: 'group' });
    return {
      ref,
      title: namespace === 'default' ? name : `${namespace}/${name}`,
    };
  } catch {
    return { ref, title: ref };
  }
}

/**
 * Node 5's maintenance owner, picked from the catalog's groups by name: the
 * answer stores the group's entity ref, so it is always a group the catalog
 * knows.
 */
export const OwnerGroupAnswer = (props: { label: string }) => {
  const { draft, errors, edit, disabled, catalog } = useDraftContext();
  const catalogApi = useApi(catalogApiRef);
  const ref = draft.maintenance?.ownerGroupRef;
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<GroupOption[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useDebounce(
    () => {
      if (!open) {
        return;
      }
      const request = ++latest.current;
      const term = search.trim();
      setLoading(true);
      catalogApi
        .queryEntities({
          filter: { kind: 'group' },
          ...(term && {
            fullTextFilter: {
              term,
              fields: [
                'metadata.name',
                'metadata.title',
                'spec.profile.displayName',
              ],
            },
          }),
          orderFields: { field: 'metadata.name', order: 'asc' },
          limit: SHOWN_GROUPS,
          fields: ENTITY_NAME_FIELDS,
        })
        .then(
          ({ items }) => items.map(optionOf),
          () => [],
        )
        .then(found => {
          if (request === latest.current) {
            setOptions(found);
            setLoading(false);
          }
        });
    },
    SEARCH_DEBOUNCE_MS,
    [open, search],
  );

  const owner = catalog?.owner;
  // One object per answer: a new one on every render would reset the text
  // the user is typing.
  const value = useMemo(() => {
    if (!ref) {
      return null;
    }
    return owner ? optionOf(owner) : optionOfRef(ref);
  }, [ref, owner]);
  const error = errors['maintenance.ownerGroupRef'];

  return (
    <Autocomplete<GroupOption>
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
