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
import { useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/*
 * Entities picked from the catalog by name, the way the catalog's own owner
 * picker works: what the dashboard's owner and system filters and the
 * wizard's maintenance owner share.
 */

const SEARCH_DEBOUNCE_MS = 250;
const SHOWN_ENTITIES = 20;

/** What the plugin reads of a catalog entity: enough to name it. */
export const ENTITY_NAME_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

/** An entity's name as people know it: its display name, title or name. */
export function entityDisplayName(entity: Entity): string {
  const profile = (entity.spec as { profile?: { displayName?: unknown } })
    ?.profile;
  const displayName = profile?.displayName;
  return typeof displayName === 'string' && displayName.trim()
    ? displayName
    : entity.metadata.title ?? entity.metadata.name;
}

/** An entity's ref in the lowercase form evaluations store. */
export function storedRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** An entity as a picker offers it: its ref, and its name as people know it. */
export type EntityOption = {
  ref: string;
  title: string;
  /** The name, when the title is something else, to tell entities apart. */
  detail?: string;
  entity?: Entity;
};

export function entityOptionOf(entity: Entity): EntityOption {
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

/** A ref the catalog has not named (yet): its name, not the ref. */
export function entityOptionOfRef(ref: string, kind: string): EntityOption {
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
 * The catalog's entities of one kind whose display name, title or name
 * holds `search`, while the picker is `open`; the latest answer wins.
 */
export function useCatalogEntitySearch(
  kind: string,
  open: boolean,
  search: string,
): { options: EntityOption[]; loading: boolean } {
  const catalogApi = useApi(catalogApiRef);
  const [options, setOptions] = useState<EntityOption[]>([]);
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
          fields: ENTITY_NAME_FIELDS,
        })
        .then(
          ({ items }) => items.map(entityOptionOf),
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
    [open, search, kind],
  );
  return { options, loading };
}
