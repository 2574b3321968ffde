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
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import {
  alertApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { Box, Button, Tab, Tabs } from '@material-ui/core';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import {
  buildVsBuyApiRef,
  type DashboardListName,
  type DecisionFilter,
} from '../../api';
import { downloadFile } from '../DownloadButton';
import {
  DecisionFilters,
  INITIAL_FILTERS,
  type DecisionFilterState,
} from './DecisionFilters';
import { DecisionSummaryCharts } from './DecisionSummaryCharts';
import {
  EVALUATION_COLUMNS,
  PagedTable,
  UNEVALUATED_COLUMNS,
} from './DecisionTable';

const PAGE_SIZE = 50;

const LISTS: { name: DashboardListName; label: string; empty: string }[] = [
  {
    name: 'due-for-revisit',
    label: 'Due for revisit',
    empty: 'No decision is due for revisit',
  },
  {
    name: 'no-migration-plan',
    label: 'No migration plan',
    empty: 'Every purchase has a migration plan',
  },
  {
    name: 'no-maintenance-owner',
    label: 'No maintenance owner',
    empty: 'Every build has a maintenance owner',
  },
  {
    name: 'entity-missing',
    label: 'Gone from the catalog',
    empty: 'Every evaluated component is still in the catalog',
  },
  {
    name: 'not-evaluated',
    label: 'Not yet evaluated',
    empty: 'Every component has been evaluated',
  },
];

function splitRefs(text: string): string[] {
  return text
    .split(',')
    .map(ref => ref.trim())
    .filter(Boolean);
}

/** The org-wide dashboard page. */
export const BuildVsBuyPage = () => {
  const api = useApi(buildVsBuyApiRef);
  const identityApi = useApi(identityApiRef);
  const alertApi = useApi(alertApiRef);
  const [tab, setTab] = useState(0);
  const [filters, setFilters] = useState<DecisionFilterState>(INITIAL_FILTERS);
  const [debounced, setDebounced] = useState(filters);
  useDebounce(() => setDebounced(filters), 300, [filters]);

  const ownership = useAsync(
    async () => (await identityApi.getBackstageIdentity()).ownershipEntityRefs,
    [identityApi],
  );

  const filter: DecisionFilter | undefined = useMemo(() => {
    if (debounced.ownedByMe && ownership.loading) {
      return undefined;
    }
    return {
      ownerGroups: debounced.ownedByMe
        ? ownership.value ?? []
        : splitRefs(debounced.ownerGroups),
      system: debounced.system.trim() || undefined,
      verdict: debounced.verdict || undefined,
      lifecycle: debounced.lifecycle.trim() || undefined,
      decidedAgainstTree: debounced.decidedAgainstTree || undefined,
    };
  }, [debounced, ownership.loading, ownership.value]);

  const summary = useAsync(
    async () => (filter ? api.getDecisionSummary(filter) : undefined),
    [api, filter],
  );

  const list = LISTS[tab];
  const loadEvaluations = useCallback(
    (cursor?: string) =>
      api.getDashboardList(
        list.name as Exclude<DashboardListName, 'not-evaluated'>,
        {
          ...filter,
          limit: PAGE_SIZE,
          cursor,
        },
      ),
    [api, filter, list.name],
  );
  const loadUnevaluated = useCallback(
    (cursor?: string) =>
      api.getUnevaluatedEntities({
        ownerGroups: filter?.ownerGroups,
        system: filter?.system,
        lifecycle: filter?.lifecycle,
        limit: PAGE_SIZE,
        cursor,
      }),
    [api, filter],
  );

  const downloadCsv = async () => {
    try {
      const csv = await api.getDashboardCsv(list.name, filter);
      downloadFile(`build-vs-buy-${list.name}.csv`, csv, 'text/csv');
    } catch (e) {
      alertApi.post({
        message: `Could not download the CSV: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  };

  return (
    <Page themeId="tool">
      <Header
        title="Build vs Buy"
        subtitle="Decisions on the components teams debate, and when to revisit them"
      />
      <Content>
        <ContentHeader title="Decisions">
          <SupportButton>
            Every decision records why a component was built or bought, who
            maintains it and when it is due for revisit.
          </SupportButton>
        </ContentHeader>
        <DecisionFilters value={filters} onChange={setFilters} />
        {ownership.error && <ResponseErrorPanel error={ownership.error} />}
        <Box my={2}>
          {summary.loading && <Progress />}
          {summary.error && <ResponseErrorPanel error={summary.error} />}
          {summary.value && <DecisionSummaryCharts summary={summary.value} />}
        </Box>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <Tabs
            value={tab}
            onChange={(_, value) => setTab(value)}
            indicatorColor="primary"
            variant="scrollable"
            aria-label="Decisions that need attention"
          >
            {LISTS.map(({ name, label }) => (
              <Tab key={name} label={label} />
            ))}
          </Tabs>
          <Button variant="outlined" onClick={downloadCsv} disabled={!filter}>
            Download CSV
          </Button>
        </Box>
        <Box mt={2}>
          {!filter && <Progress />}
          {filter && list.name === 'not-evaluated' && (
            <PagedTable
              key={list.name}
              title={list.label}
              columns={UNEVALUATED_COLUMNS}
              load={loadUnevaluated}
              emptyTitle={list.empty}
            />
          )}
          {filter && list.name !== 'not-evaluated' && (
            <PagedTable
              key={list.name}
              title={list.label}
              columns={EVALUATION_COLUMNS}
              load={loadEvaluations}
              emptyTitle={list.empty}
            />
          )}
        </Box>
      </Content>
    </Page>
  );
};
