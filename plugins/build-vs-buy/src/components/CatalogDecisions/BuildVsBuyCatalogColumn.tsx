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
import type { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CATALOG_STANDING_LABELS,
  catalogStandingOf,
  EVALUATION_STATUS_LABELS,
  REVIEW_STATUS_LABELS,
  verdictLabel,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { buildVsBuyApiRef } from '../../api';
import { DecisionLoader } from './decisionLoader';

/** Only components carry a build-vs-buy decision. */
export function hasDecisions(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}

/**
 * The decision of a catalog row in words: the team's decision and its
 * review status, or "No decision".
 */
export const BuildVsBuyCatalogCell = (props: { entity: Entity }) => {
  const api = useApi(buildVsBuyApiRef);
  const { entity } = props;
  const entityRef = stringifyEntityRef(entity);
  const {
    value: decision,
    loading,
    error,
  } = useAsync(
    async () =>
      hasDecisions(entity) ? DecisionLoader.of(api).load(entityRef) : undefined,
    [api, entityRef],
  );
  if (!hasDecisions(entity)) {
    return null;
  }
  if (loading) {
    return (
      <Typography variant="body2" color="textSecondary">
        …
      </Typography>
    );
  }
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary">
        Decision unavailable
      </Typography>
    );
  }
  if (catalogStandingOf(decision) === 'no-decision') {
    return (
      <>
        <Typography variant="body2">
          {CATALOG_STANDING_LABELS['no-decision']}
        </Typography>
        {decision?.status === 'draft' && (
          <Typography variant="caption" color="textSecondary">
            {EVALUATION_STATUS_LABELS.draft}
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {verdictLabel(decision!.teamDecision)}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {REVIEW_STATUS_LABELS[decision!.reviewStatus]}
      </Typography>
    </>
  );
};

/**
 * A row of the catalog's table: the catalog's `CatalogTableRow` is one.
 *
 * @public
 */
export type BuildVsBuyCatalogRow = { entity: Entity };

/**
 * A column for the catalog's table (rows of type `Row`, the catalog's
 * `CatalogTableRow` by inference): each component's build-vs-buy
 * decision (what the team decided) and its review status in words, "No
 * decision" when it has none. The decisions of the rows on a page are read
 * in one request. Add it to `CatalogIndexPage`'s `columns`:
 *
 * ```tsx
 * <CatalogIndexPage
 *   columns={context => [
 *     ...CatalogTable.defaultColumnsFunc(context),
 *     createBuildVsBuyCatalogColumn(),
 *   ]}
 * />
 * ```
 *
 * @public
 */
export function createBuildVsBuyCatalogColumn<
  Row extends BuildVsBuyCatalogRow = BuildVsBuyCatalogRow,
>(options: { title?: string } = {}): TableColumn<Row> {
  return {
    title: options.title ?? 'Build vs buy',
    field: 'buildVsBuy',
    sorting: false,
    searchable: false,
    render: row => <BuildVsBuyCatalogCell entity={row.entity} />,
  };
}
