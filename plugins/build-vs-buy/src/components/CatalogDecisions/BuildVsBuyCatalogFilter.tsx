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

import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Select } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  type DefaultEntityFilters,
  type EntityFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  CATALOG_STANDING_LABELS,
  CATALOG_STANDINGS,
  catalogStandingOf,
  type CatalogStanding,
  type EvaluationSummary,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box } from '@material-ui/core';
import { useEffect, useMemo, useState } from 'react';
import { buildVsBuyApiRef } from '../../api';
import { hasDecisions } from './BuildVsBuyCatalogColumn';
import { DecisionLoader } from './decisionLoader';

/**
 * Keeps the catalog entities whose build-vs-buy standing is the one chosen:
 * no decision, due for revisit, or current. An entity that is not a
 * component has no decision.
 *
 * @public
 */
export class BuildVsBuyEntityFilter implements EntityFilter {
  constructor(
    /** The standing kept. */
    readonly value: CatalogStanding,
    /** The decisions of the listed entities, by lower-case entity ref. */
    private readonly decisions: ReadonlyMap<
      string,
      EvaluationSummary | undefined
    >,
  ) {}

  /** Whether the entity has the standing kept. */
  filterEntity(entity: Entity): boolean {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    return catalogStandingOf(this.decisions.get(ref)) === this.value;
  }

  /** The standing, as the catalog page's URL holds it. */
  toQueryValue(): string {
    return this.value;
  }
}

/**
 * The catalog's filters with the build-vs-buy filter.
 *
 * @public
 */
export type BuildVsBuyEntityFilters = DefaultEntityFilters & {
  buildVsBuy?: BuildVsBuyEntityFilter;
};

function standingOf(value: unknown): CatalogStanding | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return CATALOG_STANDINGS.find(standing => standing === first);
}

const ANY = 'any';

/**
 * "Build vs buy: no decision / due for revisit / current" in the catalog's
 * filter sidebar. It reads the decisions of the listed entities in batches
 * (one request per hundred components) and keeps the choice in the URL.
 *
 * @public
 */
export const BuildVsBuyCatalogFilter = () => {
  const api = useApi(buildVsBuyApiRef);
  const {
    updateFilters,
    backendEntities,
    queryParameters: { buildVsBuy: fromUrl },
  } = useEntityList<BuildVsBuyEntityFilters>();
  const [selected, setSelected] = useState<CatalogStanding | undefined>(() =>
    standingOf(fromUrl),
  );
  const components = useMemo(
    () => backendEntities.filter(hasDecisions).map(e => stringifyEntityRef(e)),
    [backendEntities],
  );

  useEffect(() => {
    if (!selected) {
      updateFilters({ buildVsBuy: undefined });
      return undefined;
    }
    let cancelled = false;
    DecisionLoader.of(api)
      .loadMany(components)
      .then(
        decisions => {
          if (!cancelled) {
            updateFilters({
              buildVsBuy: new BuildVsBuyEntityFilter(selected, decisions),
            });
          }
        },
        () => {
          // Without decisions the catalog stays unfiltered; the column
          // says the decisions are unavailable.
          if (!cancelled) updateFilters({ buildVsBuy: undefined });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [api, components, selected, updateFilters]);

  return (
    <Box pb={1} pt={1}>
      <Select
        label="Build vs buy"
        items={[
          { label: 'All', value: ANY },
          ...CATALOG_STANDINGS.map(standing => ({
            label: CATALOG_STANDING_LABELS[standing],
            value: standing,
          })),
        ]}
        selected={selected ?? ANY}
        onChange={value => setSelected(standingOf(value))}
        data-testid="build-vs-buy-catalog-filter"
      />
    </Box>
  );
};
