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
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CircularProgress, TextField, Typography } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useEffect, useMemo, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

const SEARCH_DEBOUNCE_MS = 250;
const SHOWN_ENTITIES = 20;
const NAME_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

/** An entity as the picker offers it: its ref, and its name as people know it. */
export type EntityOption = {
  ref: string;
  title: string;
  /** The name, when the title is something else, to tell entities apart. */
  detail?: string;
};

/** A display name, title or name: what the catalog's own pickers show. */
export function entityTitle(entity: Entity): string {
  const displayName = (
    entity.spec as { profile?: { displayName?: unknown } } | undefined
  )?.profile?.displayName;
  return typeof displayName === 'string' && displayName.trim()
    ? displayName
    : entity.metadata.title ?? entity.metadata.name;
}

function optionOf(entity: Entity): EntityOption {
  const title = entityTitle(entity);
  const { name, namespace = 'default' } = entity.metadata;
  const qualified = namespace === 'default' ? name : `${namespace}/${name}`;
  return {
    ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    title,
    detail: qualified === title ? undefined : qualified,
  };
}

/** A ref the catalog has not named (yet): its name, not the ref. */
function optionOfRef(ref: string, kind: string): EntityOption {
  try {
    const { name, namespace } = parseEntityRef(ref, { defaultKind: kind });
    return {
      ref,
      title: namespace === 'default' ? name : `${namespace}/${name}`,
    };
  } catch {
    return { ref, title: ref };
  }
}

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
  const [options, setOptions] = useState<EntityOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [known, setKnown] = useState<Map<string, EntityOption>>(new Map());
  const latest = useRef(0);

  // The names of the refs a link or a reload brings.
  const unknownRefs = value.filter(ref => !known.has(ref)).join('\n');
  useEffect(() => {
    if (!unknownRefs) {
      return;
    }
    const refs = unknownRefs.split('\n');
    catalogApi
      .getEntitiesByRefs({ entityRefs: refs, fields: NAME_FIELDS })
      .then(
        ({ items }) => items,
        () => [],
      )
      .then(items =>
        setKnown(previous => {
          const next = new Map(previous);
          refs.forEach((ref, index) => {
            const entity = items[index];
            next.set(ref, entity ? optionOf(entity) : optionOfRef(ref, kind));
          });
          return next;
        }),
      );
  }, [catalogApi, kind, unknownRefs]);

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
          filter: { kind },
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
          limit: SHOWN_ENTITIES,
          fields: NAME_FIELDS,
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

  // One array per value: a new one on every render would reset the text
  // the user is typing.
  const selected = useMemo(
    () => value.map(ref => known.get(ref) ?? optionOfRef(ref, kind)),
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
