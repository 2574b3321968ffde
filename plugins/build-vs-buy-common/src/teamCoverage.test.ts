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

import { teamCoverage } from './teamCoverage';

const window = { today: '2026-06-01', dueSoonBy: '2026-07-01' };

describe('teamCoverage', () => {
  it('counts each component once, by the decision it has', () => {
    const components = [
      { entityRef: 'component:default/a', ownerRef: 'group:default/payments' },
      { entityRef: 'component:default/b', ownerRef: 'group:default/payments' },
      { entityRef: 'component:default/c', ownerRef: 'group:default/payments' },
      { entityRef: 'component:default/d', ownerRef: 'group:default/payments' },
      { entityRef: 'component:default/e', ownerRef: 'group:default/payments' },
      { entityRef: 'component:default/f', ownerRef: 'group:default/search' },
      { entityRef: 'component:default/g' },
    ];
    const decided = (
      entityRef: string,
      revisitBy: string,
      attention = false,
    ) => ({
      entityRef,
      status: 'complete' as const,
      revisitBy,
      needsAttention: attention,
    });
    const evaluations = [
      decided('component:default/a', '2026-12-01'),
      decided('component:default/b', '2026-06-15'),
      decided('component:default/c', '2026-05-31'),
      {
        ...decided('component:default/d', '2026-12-01'),
        status: 'draft' as const,
      },
      {
        ...decided('component:default/f', '2026-12-01'),
        status: 'archived' as const,
      },
      decided('component:default/g', '2026-12-01'),
      decided('system:default/not-a-component', '2026-12-01'),
    ];

    expect(teamCoverage(components, evaluations, window)).toEqual([
      {
        ownerRef: 'group:default/payments',
        components: 5,
        current: 1,
        dueSoon: 1,
        overdue: 1,
        withoutDecision: 2,
        draftsInProgress: 1,
      },
      {
        ownerRef: 'group:default/search',
        components: 1,
        current: 0,
        dueSoon: 0,
        overdue: 0,
        withoutDecision: 1,
        draftsInProgress: 0,
      },
    ]);
  });

  it('takes a decision that needs attention as due soon whatever its date', () => {
    const [team] = teamCoverage(
      [{ entityRef: 'component:default/a', ownerRef: 'group:default/x' }],
      [
        {
          entityRef: 'component:default/a',
          status: 'complete',
          revisitBy: '2027-01-01',
          needsAttention: true,
        },
      ],
      window,
    );
    expect(team).toMatchObject({ current: 0, dueSoon: 1 });
  });
});
