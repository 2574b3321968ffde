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
  CATALOG_STANDING_LABELS,
  CATALOG_STANDINGS,
  catalogStandingOf,
} from './catalogStanding';

describe('catalogStandingOf', () => {
  it.each([
    [undefined, 'no-decision'],
    [{ status: 'draft', reviewStatus: 'current' }, 'no-decision'],
    [{ status: 'draft', reviewStatus: 'overdue' }, 'no-decision'],
    [{ status: 'archived', reviewStatus: 'current' }, 'no-decision'],
    [{ status: 'complete', reviewStatus: 'current' }, 'current'],
    [{ status: 'complete', reviewStatus: 'due-soon' }, 'due-for-revisit'],
    [{ status: 'complete', reviewStatus: 'overdue' }, 'due-for-revisit'],
  ] as const)('places %p as %p', (decision, standing) => {
    expect(catalogStandingOf(decision)).toBe(standing);
  });

  it('names every standing in words', () => {
    expect(CATALOG_STANDINGS.map(s => CATALOG_STANDING_LABELS[s])).toEqual([
      'No decision',
      'Due for revisit',
      'Current',
    ]);
  });
});
