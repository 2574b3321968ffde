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
  useApiHolder,
} from '@backstage/core-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Tab,
  Tabs,
  Typography,
  makeStyles,
} from '@material-ui/core';
import type { ListOrder } from '@build-vs-buy/plugin-build-vs-buy-common';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import {
  buildVsBuyApiRef,
  type DashboardListName,
  type DecisionFilter,
} from '../../api';
import { downloadFile } from '../DownloadButton';
import { DecisionFilters } from './DecisionFilters';
import { DecisionSummaryCharts } from './DecisionSummaryCharts';
import { namedTeams, teamCoverageColumns } from './TeamCoverageTable';
import { VendorPortfolio } from './VendorPortfolioTable';
import {
  EVALUATION_COLUMNS,
  PagedTable,
  UNEVALUATED_COLUMNS,
} from './DecisionTable';
import {
  DASHBOARD_TABS,
  isFiltered,
  paramsOf,
  viewOf,
  type DashboardTab,
  type DashboardView,
} from './dashboardView';

const PAGE_SIZE = 50;

const TABS: Record<DashboardTab, { label: string; empty: string }> = {
  all: {
    label: 'All decisions',
    empty: 'No decision or draft matches these filters',
  },
  'due-for-revisit': {
    label: 'Due for revisit',
    empty: 'No decision is due for revisit',
  },
  'no-migration-plan': {
    label: 'No migration plan',
    empty: 'Every purchase has a migration plan',
  },
  'no-maintenance-owner': {
    label: 'No maintenance owner',
    empty: 'Every build has a maintenance owner',
  },
  'entity-missing': {
    label: 'Gone from the catalog',
    empty: 'Every evaluated component is still in the catalog',
  },
  'not-evaluated': {
    label: 'Not yet evaluated',
    empty: 'Every component has been evaluated',
  },
  'coverage-by-team': {
    label: 'Coverage by team',
    empty: 'No team owns a component that matches these filters',
  },
  'vendor-portfolio': {
    label: 'Vendor portfolio',
    empty: 'No decision buys a product yet',
  },
};

/** Owner groups per request of coverage by team: the API's largest page. */
const TEAMS_PER_PAGE = 500;

/** Products per request of the vendor portfolio: the API's largest page. */
const PRODUCTS_PER_PAGE = 500;

const ORDER_LABELS: Record<ListOrder, string> = {
  updated: 'Most recently saved first',
  revisit: 'Earliest revisit first',
};

/**
 * The org-wide dashboard without a page header, for the new frontend system,
 * whose app already shows the page's title above it. The tab and every filter
 * live in the URL's query string, so a view can be shared and survives a
 * reload.
 */
/*
 * Eight tabs do not fit one row beside the app's sidebar at 1440 px, and a
 * scrolling row hides "All decisions" behind an arrow. The tabs wrap
 * instead, each as wide as its label, and the selected one is underlined
 * itself (the sliding indicator cannot follow a tab to a second row).
 */
const useTabStyles = makeStyles(theme => ({
  flexContainer: { flexWrap: 'wrap' },
  indicator: { display: 'none' },
  tab: {
    minWidth: 'auto',
    paddingLeft: theme.spacing(1.5),
    paddingRight: theme.spacing(1.5),
    borderBottom: '2px solid transparent',
  },
  selected: { borderBottomColor: theme.palette.primary.main },
}));

export const BuildVsBuyDashboard = () => {
  const tabClasses = useTabStyles();
  const api = useApi(buildVsBuyApiRef);
  const identityApi = useApi(identityApiRef);
  const alertApi = useApi(alertApiRef);
  // Optional, as EntityRefLink takes it: the owners' names for sorting.
  const entityPresentationApi = useApiHolder().get(entityPresentationApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => viewOf(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<DashboardView>) =>
      setSearchParams(paramsOf({ ...viewOf(searchParams), ...patch }), {
        replace: true,
      }),
    [searchParams, setSearchParams],
  );
  // Typing in the lifecycle box does not ask the server at every key.
  const [debounced, setDebounced] = useState(view);
  useDebounce(() => setDebounced(view), 300, [view]);

  const ownership = useAsync(
    async () => (await identityApi.getBackstageIdentity()).ownershipEntityRefs,
    [identityApi],
  );

  // One object per filter: the tab or the order changing does not count
  // the decisions again.
  const filterKey = useMemo(() => {
    if (debounced.ownedByMe && ownership.loading) {
      return undefined;
    }
    const value: DecisionFilter = {
      ownerGroups: debounced.ownedByMe
        ? ownership.value ?? []
        : debounced.ownerGroups,
      system: debounced.system,
      verdict: debounced.verdict,
      lifecycle: debounced.lifecycle,
      decidedAgainstTree: debounced.decidedAgainstTree || undefined,
      reviewStatus: debounced.reviewStatus,
      status: debounced.status,
      organisationProfile: debounced.organisationProfile,
    };
    return JSON.stringify(value);
  }, [debounced, ownership.loading, ownership.value]);
  const filter = useMemo<DecisionFilter | undefined>(
    () => (filterKey ? JSON.parse(filterKey) : undefined),
    [filterKey],
  );

  const summary = useAsync(
    async () => (filter ? api.getDecisionSummary(filter) : undefined),
    [api, filter],
  );

  const tab = view.tab;
  const { order } = debounced;
  const loadAll = useCallback(
    (cursor?: string) =>
      api.listEvaluations({ ...filter, order, limit: PAGE_SIZE, cursor }),
    [api, filter, order],
  );
  const loadEvaluations = useCallback(
    (cursor?: string) =>
      api.getDashboardList(tab as Exclude<DashboardListName, 'not-evaluated'>, {
        ...filter,
        limit: PAGE_SIZE,
        cursor,
      }),
    [api, filter, tab],
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

  const componentFilter = useMemo(
    () => ({
      ownerGroups: filter?.ownerGroups,
      system: filter?.system,
      lifecycle: filter?.lifecycle,
    }),
    [filter],
  );
  const loadTeamCoverage = useCallback(
    async (cursor?: string) => {
      const page = await api.getTeamCoverage({
        ...componentFilter,
        order: 'withoutDecision',
        limit: TEAMS_PER_PAGE,
        cursor,
      });
      return {
        items: await namedTeams(page.items, entityPresentationApi),
        nextCursor: page.nextCursor,
      };
    },
    [api, componentFilter, entityPresentationApi],
  );
  const teamColumns = useMemo(() => teamCoverageColumns(update), [update]);
  const loadVendorPortfolio = useCallback(
    (cursor?: string) =>
      api.getVendorPortfolio({ limit: PRODUCTS_PER_PAGE, cursor }),
    [api],
  );

  const downloadCsv = async () => {
    try {
      let csv: string;
      if (tab === 'all') {
        csv = await api.getEvaluationsCsv({ ...filter, order });
      } else if (tab === 'vendor-portfolio') {
        csv = await api.getVendorPortfolioCsv();
      } else if (tab === 'coverage-by-team') {
        csv = await api.getTeamCoverageCsv({
          ...componentFilter,
          order: 'withoutDecision',
        });
      } else {
        csv = await api.getDashboardCsv(tab, filter);
      }
      downloadFile(`build-vs-buy-${tab}.csv`, csv, 'text/csv');
    } catch (e) {
      alertApi.post({
        message: `Could not download the CSV: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  };

  const { label } = TABS[tab];
  // With no filter set, an empty list of all decisions means none was
  // recorded yet: say where one starts rather than blame the filters.
  const empty =
    tab === 'all' && !isFiltered(view)
      ? "No decision yet: start one from a component's Build vs Buy tab"
      : TABS[tab].empty;
  return (
    <Content>
      <ContentHeader title="Decisions">
        <SupportButton>
          Every decision records why a component was built or bought, who
          maintains it and when it is due for revisit.
        </SupportButton>
      </ContentHeader>
      <DecisionFilters value={view} onChange={update} />
      {ownership.error && <ResponseErrorPanel error={ownership.error} />}
      <Box my={2}>
        {summary.loading && <Progress />}
        {summary.error && <ResponseErrorPanel error={summary.error} />}
        {summary.value && (
          <DecisionSummaryCharts
            summary={summary.value}
            view={view}
            onSelect={update}
          />
        )}
      </Box>
      {/* The tabs take the whole row, so none hides behind a scroll arrow. */}
      <Box>
        <Tabs
          value={DASHBOARD_TABS.indexOf(tab)}
          onChange={(_, index) => update({ tab: DASHBOARD_TABS[index] })}
          indicatorColor="primary"
          classes={{
            flexContainer: tabClasses.flexContainer,
            indicator: tabClasses.indicator,
          }}
          aria-label="Decisions"
        >
          {DASHBOARD_TABS.map(name => (
            <Tab
              key={name}
              label={TABS[name].label}
              classes={{ root: tabClasses.tab, selected: tabClasses.selected }}
            />
          ))}
        </Tabs>
        <Box
          display="flex"
          alignItems="center"
          justifyContent="flex-end"
          gridGap={16}
          mt={1}
        >
          {tab === 'all' && (
            <FormControl style={{ minWidth: 220 }}>
              <InputLabel id="build-vs-buy-order-label">Sort by</InputLabel>
              <Select
                id="build-vs-buy-order"
                labelId="build-vs-buy-order-label"
                value={view.order}
                onChange={event =>
                  update({ order: event.target.value as ListOrder })
                }
              >
                {(Object.keys(ORDER_LABELS) as ListOrder[]).map(key => (
                  <MenuItem key={key} value={key}>
                    {ORDER_LABELS[key]}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          )}
          <Button variant="outlined" onClick={downloadCsv} disabled={!filter}>
            Download CSV
          </Button>
        </Box>
      </Box>
      <Box mt={2}>
        {!filter && <Progress />}
        {filter && tab === 'not-evaluated' && (
          <PagedTable
            key={tab}
            title={label}
            columns={UNEVALUATED_COLUMNS}
            load={loadUnevaluated}
            emptyTitle={empty}
          />
        )}
        {filter && tab === 'all' && (
          <PagedTable
            key={tab}
            title={label}
            columns={EVALUATION_COLUMNS}
            load={loadAll}
            emptyTitle={empty}
          />
        )}
        {filter && tab === 'coverage-by-team' && (
          <PagedTable
            key={tab}
            title={label}
            columns={teamColumns}
            load={loadTeamCoverage}
            emptyTitle={empty}
          />
        )}
        {filter && tab === 'vendor-portfolio' && (
          <>
            <Typography variant="body2" color="textSecondary" paragraph>
              Every product a decision chose to buy, across the organisation,
              the most concentrated first: what depends on each if the vendor
              fails or changes terms. The filters above do not apply here.
            </Typography>
            <VendorPortfolio
              key={tab}
              title={label}
              load={loadVendorPortfolio}
              emptyTitle={empty}
            />
          </>
        )}
        {filter &&
          tab !== 'all' &&
          tab !== 'not-evaluated' &&
          tab !== 'coverage-by-team' &&
          tab !== 'vendor-portfolio' && (
            <PagedTable
              key={tab}
              title={label}
              columns={EVALUATION_COLUMNS}
              load={loadEvaluations}
              emptyTitle={empty}
            />
          )}
      </Box>
    </Content>
  );
};

/**
 * The org-wide dashboard page of the legacy frontend system: the dashboard
 * under its own page header.
 */
export const BuildVsBuyPage = () => (
  <Page themeId="tool">
    <Header
      title="Build vs Buy"
      subtitle="Decisions on the components teams debate, and when to revisit them"
    />
    <BuildVsBuyDashboard />
  </Page>
);
