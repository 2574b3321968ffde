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
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  dependentEntityRef,
  ENTITY_REF_PATTERN,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { useCallback, useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import {
  ENTITY_NAME_FIELDS,
  entityDisplayName,
  storedRefOf,
} from '../catalogSearch';

const LOOKUP_DEBOUNCE_MS = 400;

/** What the wizard reads of a catalog entity: enough to name it. */
export { ENTITY_NAME_FIELDS, entityDisplayName, storedRefOf };

export type CatalogChecks = {
  /**
   * The maintenance owner as the catalog knows it; `null` when it is not a
   * group there; `undefined` while unknown or unset.
   */
  owner: Entity | null | undefined;
  /** The dependents found in the catalog, once all were looked up. */
  knownDependents?: ReadonlySet<string>;
  /** Keeps an entity the user picked, so it needs no lookup. */
  remember: (entity: Entity) => void;
};

/**
 * Looks the draft's maintenance owner and its dependents that read as
 * entity refs or names up in the catalog, in one batched call per change.
 * A catalog that cannot be reached judges nothing.
 */
export function useCatalogChecks(draft: EvaluationDraft): CatalogChecks {
  const catalogApi = useApi(catalogApiRef);
  const ownerRef = draft.maintenance?.ownerGroupRef;
  const dependents = draft.prerequisites?.componentDescription?.dependents;
  const dependentRefs = useMemo(
    () =>
      (dependents ?? [])
        .map(dependentEntityRef)
        .filter((ref): ref is string => ref !== undefined),
    [dependents],
  );
  const [found, setFound] = useState<ReadonlyMap<string, Entity | null>>(
    () => new Map(),
  );

  const wanted = [
    ...new Set([
      ...(ownerRef && ENTITY_REF_PATTERN.test(ownerRef) ? [ownerRef] : []),
      ...dependentRefs,
    ]),
  ];
  const unknown = wanted.filter(ref => !found.has(ref));
  useDebounce(
    () => {
      if (unknown.length === 0) {
        return;
      }
      catalogApi
        .getEntitiesByRefs({ entityRefs: unknown, fields: ENTITY_NAME_FIELDS })
        .then(
          ({ items }) =>
            setFound(previous => {
              const next = new Map(previous);
              unknown.forEach((ref, index) =>
                next.set(ref, items[index] ?? null),
              );
              return next;
            }),
          () => {
            // The catalog is unreachable: judge nothing, the server checks
            // the owner on save.
          },
        );
    },
    LOOKUP_DEBOUNCE_MS,
    [unknown.join('\n')],
  );

  const remember = useCallback(
    (entity: Entity) =>
      setFound(previous => new Map(previous).set(storedRefOf(entity), entity)),
    [],
  );

  let owner: Entity | null | undefined;
  if (ownerRef !== undefined && found.has(ownerRef)) {
    const entity = found.get(ownerRef) ?? null;
    owner =
      entity && entity.kind.toLocaleLowerCase('en-US') === 'group'
        ? entity
        : null;
  }
  const knownDependents = useMemo(
    () =>
      dependentRefs.every(ref => found.has(ref))
        ? new Set(dependentRefs.filter(ref => found.get(ref)))
        : undefined,
    [dependentRefs, found],
  );
  return { owner, knownDependents, remember };
}
