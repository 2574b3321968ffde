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

import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CircularProgress, TextField, Typography } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useEffect, useMemo, useState } from 'react';
import {
  ENTITY_NAME_FIELDS,
  entityOptionOf,
  entityOptionOfRef,
  useCatalogEntitySearch,
  type EntityOption,
} from '../catalogSearch';

/**
 * Entities of one kind picked from the catalog by name, the way the
 * catalog's owner picker works: typing searches display names, titles and
 * names; the value is the entity refs.
 */
export const CatalogEntityPicker = (props: {
  id: string;
  kind: 'group' | 'system';
  label: string;
  value: string[];
  onChange: (refs: string[]) => void;
  /** One entity, or several. */
  multiple?: boolean;
}) => {
  const { kind, value, onChange, multiple } = props;
  const catalogApi = useApi(catalogApiRef);
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Map<string, EntityOption>>(new Map());

  // The names of the refs a link or a reload brings.
  const unknownRefs = value.filter(ref => !known.has(ref)).join('\n');
  useEffect(() => {
    if (!unknownRefs) {
      return;
    }
    const refs = unknownRefs.split('\n');
    catalogApi
      .getEntitiesByRefs({ entityRefs: refs, fields: ENTITY_NAME_FIELDS })
      .then(
        ({ items }) => items,
        () => [],
      )
      .then(items =>
        setKnown(previous => {
          const next = new Map(previous);
          refs.forEach((ref, index) => {
            const entity = items[index];
            next.set(
              ref,
              entity ? entityOptionOf(entity) : entityOptionOfRef(ref, kind),
            );
          });
          return next;
        }),
      );
  }, [catalogApi, kind, unknownRefs]);

  const { options, loading } = useCatalogEntitySearch(kind, open, search);

  // One array per value: a new one on every render would reset the text
  // the user is typing.
  const selected = useMemo(
    () => value.map(ref => known.get(ref) ?? entityOptionOfRef(ref, kind)),
    [value, known, kind],
  );

  const remember = (chosen: EntityOption[]) =>
    setKnown(previous => {
      const next = new Map(previous);
      chosen.forEach(option => next.set(option.ref, option));
      return next;
    });

  return (
    <Autocomplete<EntityOption, boolean>
      id={props.id}
      multiple={multiple}
      options={options}
      value={multiple ? selected : selected[0] ?? null}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      loading={loading}
      autoHighlight
      style={{ minWidth: 240 }}
      // The catalog searches; every entity it returns is a match.
      filterOptions={found => found}
      getOptionLabel={option => option.title}
      getOptionSelected={(option, chosen) => option.ref === chosen.ref}
      noOptionsText={
        search.trim() ? `No ${kind} of that name in the catalog` : 'None'
      }
      onInputChange={(_event, text, reason) =>
        setSearch(reason === 'input' ? text : '')
      }
      onChange={(_event, chosen) => {
        const list = (Array.isArray(chosen) ? chosen : [chosen]).filter(
          (option): option is EntityOption => Boolean(option),
        );
        remember(list);
        onChange(list.map(option => option.ref));
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
