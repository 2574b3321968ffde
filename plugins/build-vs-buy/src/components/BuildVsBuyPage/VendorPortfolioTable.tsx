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
import { usePermission } from '@backstage/plugin-permission-react';
import {
  buildVsBuyVendorEventCreatePermission,
  quantityOf,
  VENDOR_EVENT_KIND_LABELS,
  VENDOR_PRODUCT_LABELS,
  type Page,
  type VendorEvent,
  type VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Button, Chip, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useMemo, useState } from 'react';
import { PagedTable } from './DecisionTable';
import {
  RecordVendorEventDialog,
  VendorEventsDialog,
} from './VendorEventDialogs';

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

/** What can be done with a product of the portfolio. */
export type VendorProductActions = {
  /** Offers "Record an event" when given: to those allowed to record one. */
  onRecordEvent?: (product: VendorProduct) => void;
  onShowEvents: (product: VendorProduct) => void;
};

/**
 * The columns of the vendor portfolio: the product (as text, never markup)
 * with its events, how many components chose it, each of them with its
 * owner, migration plan, integration and revisit date, and its blast
 * radius: the entities that depend on those components and the systems it
 * reaches. The most concentrated first.
 */
export const vendorPortfolioColumns = (
  actions: VendorProductActions,
): TableColumn<VendorProduct>[] => [
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
          <Box display="flex" flexWrap="wrap" gridGap={4} mt={0.5}>
            {/* Named with the product, so each row's buttons are told apart
                by those who hear them. */}
            <Button
              size="small"
              aria-label={`Events of ${row.product}`}
              onClick={() => actions.onShowEvents(row)}
            >
              Events
            </Button>
            {actions.onRecordEvent && (
              <Button
                size="small"
                color="primary"
                aria-label={`Record an event for ${row.product}`}
                onClick={() => actions.onRecordEvent?.(row)}
              >
                Record an event
              </Button>
            )}
          </Box>
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

/** What recording an event did, in words. */
export function recordedMessage(event: VendorEvent): string {
  const due = quantityOf(event.decisions, 'decision');
  return `Recorded: ${event.product}, ${VENDOR_EVENT_KIND_LABELS[
    event.kind
  ].toLocaleLowerCase('en-GB')} on ${event.occurredOn}. ${due} that chose it ${
    event.decisions === 1 ? 'is' : 'are'
  } now due for revisit.`;
}

/**
 * The vendor portfolio, with the events of each product and, for those
 * allowed, a way to record one; the portfolio is read again after an event
 * is recorded.
 */
export const VendorPortfolio = (props: {
  title: string;
  emptyTitle: string;
  load: (cursor?: string) => Promise<Page<VendorProduct>>;
}) => {
  const { allowed: mayRecord } = usePermission({
    permission: buildVsBuyVendorEventCreatePermission,
  });
  const [recording, setRecording] = useState<VendorProduct>();
  const [showing, setShowing] = useState<VendorProduct>();
  const [recorded, setRecorded] = useState<string>();
  const [reads, setReads] = useState(0);
  const columns = useMemo(
    () =>
      vendorPortfolioColumns({
        onShowEvents: setShowing,
        onRecordEvent: mayRecord ? setRecording : undefined,
      }),
    [mayRecord],
  );

  return (
    <>
      {recorded && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setRecorded(undefined)}>
            {recorded}
          </Alert>
        </Box>
      )}
      <PagedTable
        key={reads}
        title={props.title}
        columns={columns}
        load={props.load}
        emptyTitle={props.emptyTitle}
      />
      {recording && (
        <RecordVendorEventDialog
          product={recording}
          onClose={() => setRecording(undefined)}
          onRecorded={event => {
            setRecording(undefined);
            setRecorded(recordedMessage(event));
            setReads(count => count + 1);
          }}
        />
      )}
      {showing && (
        <VendorEventsDialog
          product={showing}
          onClose={() => setShowing(undefined)}
        />
      )}
    </>
  );
};
