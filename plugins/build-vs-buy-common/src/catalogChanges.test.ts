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
  CATALOG_CHANGE_ACTIONS,
  catalogChangeMessage,
  type CatalogChange,
} from './catalogChanges';
import { reviewOfFacts, reviewWindow } from './review';

const names = {
  'group:default/search': 'Search team',
  'group:default/payments': 'Payments team',
};

describe('catalogChangeMessage', () => {
  it.each<[CatalogChange, string]>([
    [
      { kind: 'maintenance-owner-gone', groupRef: 'group:default/search' },
      'The maintenance owner Search team left the catalog: every system you build becomes a system you maintain.',
    ],
    [
      {
        kind: 'maintenance-owner-shrank',
        groupRef: 'group:default/search',
        members: 0,
      },
      'The maintenance owner Search team has no members left: nobody gives it the 20% of one engineer that maintenance takes.',
    ],
    [
      {
        kind: 'maintenance-owner-shrank',
        groupRef: 'group:default/ml',
        members: 3,
        assumed: 5,
      },
      'The maintenance owner ml has 3 members, fewer than the 5 it had when Node 5 was answered: can it still give 20% of one engineer to maintenance, permanently?',
    ],
    [
      {
        kind: 'maintenance-owner-below-small-team',
        groupRef: 'group:default/search',
        members: 8,
        assumed: 12,
      },
      'The maintenance owner Search team has 8 members, down from 12 when the decision to build was made: for small teams (fewer than ten engineers total), the answer is almost always no for anything beyond a thin integration layer.',
    ],
    [{ kind: 'entity-gone' }, 'The component left the catalog.'],
    [
      {
        kind: 'entity-owner-changed',
        from: 'group:default/search',
        to: 'group:default/payments',
      },
      "The component's owner changed from Search team to Payments team since the decision.",
    ],
    [
      { kind: 'entity-owner-changed', from: 'group:default/search' },
      "The component's owner changed from Search team to nobody since the decision.",
    ],
    [
      {
        kind: 'entity-lifecycle-changed',
        from: 'experimental',
        to: 'production',
      },
      "The component's lifecycle changed from experimental to production since the decision.",
    ],
    [
      { kind: 'entity-description-changed', descriptionHash: 'abc' },
      "The component's description in the catalog changed since the decision: the decision rests on a written description of what the component does.",
    ],
    [
      { kind: 'entity-description-changed' },
      "The component's description was removed from the catalog since the decision: the decision rests on a written description of what the component does.",
    ],
  ])('states %j in words', (change, message) => {
    expect(catalogChangeMessage(change, names)).toBe(message);
    expect(CATALOG_CHANGE_ACTIONS[change.kind]).toMatch(/\.$/);
  });
});

describe('a review with catalog changes', () => {
  const window = reviewWindow(new Date('2027-01-10T09:00:00Z'));
  const facts = {
    buyWithoutMigrationPlan: false,
    buildWithoutMaintenanceOwner: false,
  };

  it('is due soon whatever the date, with a reason for each change', () => {
    const review = reviewOfFacts(
      {
        revisitBy: '2027-06-01',
        revisitDateSet: true,
        facts: {
          ...facts,
          catalogChanges: {
            changes: [
              { kind: 'entity-gone' },
              {
                kind: 'entity-lifecycle-changed',
                from: 'experimental',
                to: 'production',
              },
            ],
            displayNames: {},
          },
        },
      },
      window,
    );
    expect(review.status).toBe('due-soon');
    expect(review.reasons.map(reason => reason.code)).toEqual([
      'catalog-change',
      'catalog-change',
    ]);
    expect(review.reasons[0].message).toBe('The component left the catalog.');
  });

  it('stays current when the scan found none', () => {
    for (const catalogChanges of [
      undefined,
      { changes: [], displayNames: {} },
    ]) {
      expect(
        reviewOfFacts(
          {
            revisitBy: '2027-06-01',
            revisitDateSet: true,
            facts: { ...facts, catalogChanges },
          },
          window,
        ),
      ).toEqual({ status: 'current', revisitBy: '2027-06-01', reasons: [] });
    }
  });
});
