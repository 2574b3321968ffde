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

import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  quantityOf,
  VENDOR_PRODUCT_LABELS,
  type VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Chip, Typography } from '@material-ui/core';

const L = VENDOR_PRODUCT_LABELS;

/** Entities as links by the names people know them by, one a line. */
function EntityList(props: { refs: string[]; defaultKind?: string }) {
  if (props.refs.length === 0) {
    return <>None</>;
  }
  return (
    <Box component="ul" m={0} pl={2}>
      {props.refs.map(ref => (
        <li key={ref}>
          <EntityRefLink entityRef={ref} defaultKind={props.defaultKind} />
        </li>
      ))}
    </Box>
  );
}

/**
 * Each component that chose the product, with its owner, whether it has a
 * migration plan, the integration it committed to and its revisit date.
 */
function ChoosingComponents(props: { product: VendorProduct }) {
  return (
    <Box component="ul" m={0} pl={2}>
      {props.product.decisions.map(decision => (
        <li key={decision.entityRef}>
          <EntityRefLink entityRef={decision.entityRef} />
          {decision.ownerRef && (
            <>
              {', owned by '}
              <EntityRefLink entityRef={decision.ownerRef} />
            </>
          )}
          <Typography variant="body2" color="textSecondary" component="div">
            {[
              decision.integrationWeeks === undefined
                ? 'Integration not estimated'
                : `${quantityOf(
                    decision.integrationWeeks,
                    'week',
                  )} of integration`,
              `revisit by ${decision.revisitBy}`,
            ].join(', ')}
          </Typography>
          {!decision.hasMigrationPlan && (
            // "You do not have a vendor relationship. You have a dependency."
            <Chip
              label="No migration plan"
              title="Write down how you would extract your data and the alternative you would switch to"
              size="small"
              variant="outlined"
            />
          )}
        </li>
      ))}
    </Box>
  );
}

/**
 * The columns of the vendor portfolio: the product (as text, never markup),
 * how many components chose it, each of them with its owner, migration
 * plan, integration and revisit date, and its blast radius: the entities
 * that depend on those components and the systems it reaches. The most
 * concentrated first.
 */
export const VENDOR_PORTFOLIO_COLUMNS: TableColumn<VendorProduct>[] = [
  {
    title: L.product,
    field: 'product',
    highlight: true,
    cellStyle: { minWidth: 160 },
    customSort: (a, b) => a.product.localeCompare(b.product),
    render: row => {
      const others = row.spellings.filter(name => name !== row.product);
      return (
        <>
          {row.product}
          {others.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Also written {others.map(name => `"${name}"`).join(', ')}
            </Typography>
          )}
        </>
      );
    },
  },
  {
    title: L.components,
    field: 'components',
    type: 'numeric',
    defaultSort: 'desc',
  },
  {
    title: L.decisions,
    field: 'decisions',
    sorting: false,
    cellStyle: { minWidth: 260 },
    render: row => <ChoosingComponents product={row} />,
  },
  {
    title: L.withoutMigrationPlan,
    field: 'withoutMigrationPlan',
    type: 'numeric',
  },
  {
    title: L.integrationWeeks,
    field: 'integrationWeeks',
    type: 'numeric',
  },
  {
    // The blast radius in one column, so the table fits beside the
    // sidebar at 1440 px: what depends on the components, then the systems
    // it reaches. Each component's revisit date is in its own line above.
    title: 'Blast radius',
    field: 'dependents',
    cellStyle: { minWidth: 180 },
    customSort: (a, b) => a.dependents.length - b.dependents.length,
    render: row => (
      <>
        <Typography variant="body2" color="textSecondary">
          {L.dependents}
        </Typography>
        <EntityList refs={row.dependents} />
        <Typography variant="body2" color="textSecondary">
          {L.systems}
        </Typography>
        <EntityList refs={row.systems} defaultKind="system" />
      </>
    ),
  },
];
