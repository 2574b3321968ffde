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
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  displayNameOf,
  type EvaluationSummary,
  MIGRATION_PLAN_LABELS,
  migrationPlanStanding,
  type Page,
  type UnevaluatedEntity,
  verdictLabel,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Button, Chip, makeStyles } from '@material-ui/core';
import { useCallback, useEffect, useState } from 'react';
import { ReviewStatusChip, VerdictChip } from '../DecisionChips';
import { formatDate } from '../EntityOrText';

/** The component's system, by its name in the catalog, never its ref. */
const systemColumn = <T extends object>(
  systemOf: (row: T) => string | undefined,
): TableColumn<T> => ({
  title: 'System',
  field: 'system',
  customSort: (a, b) => (systemOf(a) ?? '').localeCompare(systemOf(b) ?? ''),
  render: row => {
    const system = systemOf(row);
    return system ? (
      <EntityRefLink entityRef={system} defaultKind="system" />
    ) : (
      '-'
    );
  },
});

const ownerColumn = <T extends object>(
  ownerOf: (row: T) => string | undefined,
): TableColumn<T> => ({
  title: 'Component owner',
  field: 'owner',
  customSort: (a, b) => (ownerOf(a) ?? '').localeCompare(ownerOf(b) ?? ''),
  render: row => {
    const owner = ownerOf(row);
    return owner ? <EntityRefLink entityRef={owner} /> : '-';
  },
});

const useStyles = makeStyles(theme => ({
  // A flag beside the decision wraps within the column rather than
  // widening the table past its card.
  flag: { height: 'auto', maxWidth: '100%' },
  flagLabel: {
    whiteSpace: 'normal',
    paddingTop: theme.spacing(0.25),
    paddingBottom: theme.spacing(0.25),
  },
}));

/** A flag on the team's decision, in words, its detail on hover. */
const DecisionFlag = (props: { label: string; title: string }) => {
  const classes = useStyles();
  return (
    <Chip
      label={props.label}
      title={props.title}
      size="small"
      variant="outlined"
      className={classes.flag}
      classes={{ label: classes.flagLabel }}
    />
  );
};

export const EVALUATION_COLUMNS: TableColumn<EvaluationSummary>[] = [
  {
    title: 'Component',
    field: 'entityRef',
    highlight: true,
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  {
    // The team's decision, and the tree's recommendation only where the
    // team went against it: one column instead of three.
    title: "Team's decision",
    field: 'teamDecision.kind',
    customSort: (a, b) =>
      verdictLabel(a.teamDecision).localeCompare(verdictLabel(b.teamDecision)),
    render: row => (
      <Box
        display="flex"
        flexDirection="column"
        alignItems="flex-start"
        style={{ gap: 4 }}
      >
        <VerdictChip verdict={row.teamDecision} size="small" />
        {row.decidedAgainstTree && (
          <DecisionFlag
            label={`Against the tree: ${verdictLabel(row.verdict)}`}
            title="The team decided otherwise than the tree recommends"
          />
        )}
        {row.regulatedWithoutBuildFallback && (
          // Regulated industries: "have a build fallback if the vendor
          // review stalls". Advice, so a flag and not a review status.
          <DecisionFlag
            label="No build fallback"
            title="Regulated: write down what you would build if the vendor security review stalls"
          />
        )}
      </Box>
    ),
  },
  {
    title: 'Review',
    field: 'reviewStatus',
    render: row => (
      <ReviewStatusChip
        status={row.reviewStatus}
        evaluationStatus={row.status}
        draftDetail={`Last saved by ${displayNameOf(
          row.updatedBy,
        )} on ${formatDate(row.updatedAt)}`}
      />
    ),
  },
  {
    title: 'Revisit by',
    field: 'revisitBy',
    defaultSort: 'asc',
    // A date on one line: it is what the reviewer scans the column for.
    cellStyle: { whiteSpace: 'nowrap' },
  },
  {
    title: 'Maintenance owner',
    field: 'maintenanceOwnerRef',
    render: row =>
      row.maintenanceOwnerRef ? (
        <EntityRefLink entityRef={row.maintenanceOwnerRef} />
      ) : (
        'None'
      ),
  },
  {
    title: 'Migration plan',
    field: 'hasMigrationPlan',
    render: row =>
      MIGRATION_PLAN_LABELS[
        migrationPlanStanding(row.teamDecision, row.hasMigrationPlan)
      ],
  },
  ownerColumn<EvaluationSummary>(row => row.entity.ownerRef),
  systemColumn<EvaluationSummary>(row => row.entity.systemRef),
  {
    // Shown from the table's column menu: the table fits its card beside
    // the sidebar without it, and the CSV always has it.
    title: 'Updated',
    field: 'updatedAt',
    hidden: true,
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => formatDate(row.updatedAt),
  },
];

export const UNEVALUATED_COLUMNS: TableColumn<UnevaluatedEntity>[] = [
  {
    title: 'Component',
    field: 'entityRef',
    highlight: true,
    defaultSort: 'asc',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  ownerColumn<UnevaluatedEntity>(row => row.ownerRef),
  systemColumn<UnevaluatedEntity>(row => row.systemRef),
  { title: 'Lifecycle', field: 'lifecycle' },
];

/**
 * A sortable table over a cursor-paginated list: the first page loads when
 * `load` changes, "Load more" appends the next.
 */
export function PagedTable<T extends object>(props: {
  title: string;
  columns: TableColumn<T>[];
  load: (cursor?: string) => Promise<Page<T>>;
  emptyTitle: string;
}) {
  const { load } = props;
  const [rows, setRows] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | undefined>();

  const fetchPage = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await load(cursor);
        setRows(previous =>
          cursor ? [...previous, ...page.items] : page.items,
        );
        setNextCursor(page.nextCursor);
      } catch (e) {
        setError(e as Error);
      } finally {
        setLoading(false);
      }
    },
    [load],
  );

  useEffect(() => {
    setRows([]);
    fetchPage();
  }, [fetchPage]);

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (loading && rows.length === 0) {
    return <Progress />;
  }
  if (rows.length === 0) {
    return <EmptyState missing="data" title={props.emptyTitle} />;
  }
  return (
    <>
      <Table<T>
        title={`${props.title} (${rows.length}${nextCursor ? '+' : ''})`}
        columns={props.columns}
        data={rows}
        options={{
          paging: false,
          search: true,
          padding: 'dense',
          columnsButton: true,
        }}
      />
      {nextCursor && (
        <Box mt={1} display="flex" justifyContent="center">
          <Button
            variant="outlined"
            disabled={loading}
            onClick={() => fetchPage(nextCursor)}
          >
            Load more
          </Button>
        </Box>
      )}
    </>
  );
}
