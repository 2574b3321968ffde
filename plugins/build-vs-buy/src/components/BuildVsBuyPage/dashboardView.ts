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
  DASHBOARD_LISTS,
  EVALUATION_STATUSES,
  LIST_ORDERS,
  ORGANISATION_PROFILE_LABELS,
  REVIEW_STATUSES,
  VERDICT_KINDS,
  type EvaluationStatus,
  type ListOrder,
  type OrganisationProfile,
  type ReviewStatus,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { DashboardListName } from '../../api';

/**
 * The dashboard's tabs: every decision first, then the lists to act on,
 * then coverage by team and the vendor portfolio.
 */
export type DashboardTab =
  | 'all'
  | DashboardListName
  | 'coverage-by-team'
  | 'vendor-portfolio';

export const DASHBOARD_TABS: readonly DashboardTab[] = [
  'all',
  ...DASHBOARD_LISTS,
  'not-evaluated',
  'coverage-by-team',
  'vendor-portfolio',
];

/**
 * What the dashboard shows: the tab and every filter. It lives in the URL's
 * query string, so a view can be shared and survives a reload.
 */
export type DashboardView = {
  tab: DashboardTab;
  ownedByMe: boolean;
  /** Group entity refs, as the catalog stores them. */
  ownerGroups: string[];
  /** A system entity ref. */
  system?: string;
  verdict?: VerdictKind;
  reviewStatus?: ReviewStatus;
  status?: Exclude<EvaluationStatus, 'archived'>;
  lifecycle?: string;
  decidedAgainstTree: boolean;
  organisationProfile?: OrganisationProfile;
  order: ListOrder;
};

export const ORGANISATION_PROFILES = Object.keys(
  ORGANISATION_PROFILE_LABELS,
) as OrganisationProfile[];

export const DEFAULT_VIEW: DashboardView = {
  tab: 'all',
  ownedByMe: false,
  ownerGroups: [],
  decidedAgainstTree: false,
  order: 'updated',
};

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return values.find(candidate => candidate === value);
}

/**
 * The view a query string names. What it does not name, or names wrongly
 * (a hand-edited link), is the default.
 */
export function viewOf(params: URLSearchParams): DashboardView {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  return {
    tab: oneOf(DASHBOARD_TABS, params.get('tab')) ?? DEFAULT_VIEW.tab,
    ownedByMe: params.get('ownedByMe') === 'true',
    ownerGroups: params
      .getAll('ownerGroup')
      .map(ref => ref.trim())
      .filter(Boolean),
    system: text('system'),
    verdict: oneOf(VERDICT_KINDS, params.get('verdict')),
    reviewStatus: oneOf(REVIEW_STATUSES, params.get('reviewStatus')),
    status: oneOf(
      EVALUATION_STATUSES.filter(
        (status): status is Exclude<EvaluationStatus, 'archived'> =>
          status !== 'archived',
      ),
      params.get('status'),
    ),
    lifecycle: text('lifecycle'),
    decidedAgainstTree: params.get('decidedAgainstTree') === 'true',
    organisationProfile: oneOf(
      ORGANISATION_PROFILES,
      params.get('organisationProfile'),
    ),
    order: oneOf(LIST_ORDERS, params.get('order')) ?? DEFAULT_VIEW.order,
  };
}

/** The query string of a view; defaults are left out, so links stay short. */
export function paramsOf(view: DashboardView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.tab !== DEFAULT_VIEW.tab) params.set('tab', view.tab);
  if (view.ownedByMe) params.set('ownedByMe', 'true');
  for (const ref of view.ownerGroups) params.append('ownerGroup', ref);
  if (view.system) params.set('system', view.system);
  if (view.verdict) params.set('verdict', view.verdict);
  if (view.reviewStatus) params.set('reviewStatus', view.reviewStatus);
  if (view.status) params.set('status', view.status);
  if (view.lifecycle) params.set('lifecycle', view.lifecycle);
  if (view.decidedAgainstTree) params.set('decidedAgainstTree', 'true');
  if (view.organisationProfile) {
    params.set('organisationProfile', view.organisationProfile);
  }
  if (view.order !== DEFAULT_VIEW.order) params.set('order', view.order);
  return params;
}

/** Whether the view narrows the decisions by anything but its tab and order. */
export function isFiltered(view: DashboardView): boolean {
  return (
    view.ownedByMe ||
    view.ownerGroups.length > 0 ||
    view.system !== undefined ||
    view.verdict !== undefined ||
    view.reviewStatus !== undefined ||
    view.status !== undefined ||
    view.lifecycle !== undefined ||
    view.decidedAgainstTree ||
    view.organisationProfile !== undefined
  );
}
