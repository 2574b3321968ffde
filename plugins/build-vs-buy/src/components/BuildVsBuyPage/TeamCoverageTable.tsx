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
import {
  EntityRefLink,
  type EntityPresentationApi,
} from '@backstage/plugin-catalog-react';
import {
  displayNameOf,
  TEAM_COVERAGE_LABELS,
  type TeamCoverage,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Link } from '@material-ui/core';
import type { DashboardView } from './dashboardView';

/** A team's coverage with the owner's name as the catalog presents it. */
export type NamedTeamCoverage = TeamCoverage & { ownerName: string };

/**
 * Names the owners of a page of coverage by team the way the catalog
 * presents them (a group's display name), for sorting and for the words of
 * each count's link; the entity's name when the catalog cannot say.
 */
export async function namedTeams(
  teams: TeamCoverage[],
  presentation?: EntityPresentationApi,
): Promise<NamedTeamCoverage[]> {
  return Promise.all(
    teams.map(async team => {
      let ownerName = displayNameOf(team.ownerRef);
      if (presentation) {
        try {
          ownerName =
            (await presentation.forEntity(team.ownerRef).promise)
              .primaryTitle || ownerName;
        } catch {
          // The entity's name, then.
        }
      }
      return { ...team, ownerName };
    }),
  );
}

/** The counts of a team's coverage, each a column of the table. */
type Count = Exclude<keyof TeamCoverage, 'ownerRef'>;

/**
 * The list each count opens: the dashboard's view of exactly those
 * components' decisions, filtered by the owner. Components without a
 * decision open the components nobody evaluated (drafts have their own
 * count, which opens the drafts).
 */
const VIEW_OF_COUNT: Record<Count, Partial<DashboardView>> = {
  components: { tab: 'all' },
  current: { tab: 'all', status: 'complete', reviewStatus: 'current' },
  dueSoon: { tab: 'all', status: 'complete', reviewStatus: 'due-soon' },
  overdue: { tab: 'all', status: 'complete', reviewStatus: 'overdue' },
  withoutDecision: { tab: 'not-evaluated' },
  draftsInProgress: { tab: 'all', status: 'draft' },
};

/** What a count's link says to a screen reader, in the dashboard's words. */
const DESCRIPTION_OF_COUNT: Record<Count, string> = {
  components: 'decisions and drafts',
  current: 'decisions that are current',
  dueSoon: 'decisions due soon for revisit',
  overdue: 'decisions overdue for revisit',
  withoutDecision: 'components not yet evaluated',
  draftsInProgress: 'drafts in progress',
};

const COUNTS: Count[] = [
  'components',
  'current',
  'dueSoon',
  'overdue',
  'withoutDecision',
  'draftsInProgress',
];

/**
 * The columns of coverage by team: the owner by its name in the catalog,
 * then each count, sortable; a count opens the list it counts, filtered by
 * the owner. Without a decision, the largest first.
 */
export function teamCoverageColumns(
  onSelect: (patch: Partial<DashboardView>) => void,
): TableColumn<NamedTeamCoverage>[] {
  return [
    {
      title: TEAM_COVERAGE_LABELS.ownerRef,
      field: 'ownerRef',
      highlight: true,
      customSort: (a, b) => a.ownerName.localeCompare(b.ownerName),
      render: row => <EntityRefLink entityRef={row.ownerRef} />,
    },
    ...COUNTS.map(
      (count): TableColumn<NamedTeamCoverage> => ({
        title: TEAM_COVERAGE_LABELS[count],
        field: count,
        type: 'numeric',
        ...(count === 'withoutDecision'
          ? { defaultSort: 'desc' as const }
          : {}),
        render: row =>
          row[count] === 0 ? (
            '0'
          ) : (
            <Link
              component="button"
              variant="body2"
              aria-label={`Show the ${DESCRIPTION_OF_COUNT[count]} of ${row.ownerName} (${row[count]})`}
              onClick={() =>
                onSelect({
                  reviewStatus: undefined,
                  status: undefined,
                  verdict: undefined,
                  decidedAgainstTree: false,
                  organisationProfile: undefined,
                  ...VIEW_OF_COUNT[count],
                  ownedByMe: false,
                  ownerGroups: [row.ownerRef],
                })
              }
            >
              {row[count]}
            </Link>
          ),
      }),
    ),
  ];
}
