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

import type { BuildVsBuyApi } from '../../api';
import { DecisionLoader, REFS_PER_REQUEST } from './decisionLoader';

function apiAnswering(fail = false) {
  const listEvaluations = jest.fn(
    async (options: Parameters<BuildVsBuyApi['listEvaluations']>[0] = {}) => {
      if (fail) throw new Error('backend down');
      return {
        items: (options.entityRef ?? [])
          .filter(ref => ref.endsWith('-decided'))
          .map(ref => ({ entityRef: ref, status: 'complete' } as any)),
      };
    },
  );
  return {
    api: { listEvaluations } as unknown as BuildVsBuyApi,
    listEvaluations,
  };
}

describe('DecisionLoader', () => {
  it('reads a page of 250 components in three requests, each at most the API limit', async () => {
    const { api, listEvaluations } = apiAnswering();
    const refs = Array.from(
      { length: 250 },
      (_, i) => `component:default/c${i}${i % 2 ? '-decided' : ''}`,
    );

    const decisions = await DecisionLoader.of(api).loadMany(refs);

    expect(listEvaluations).toHaveBeenCalledTimes(3);
    for (const [options] of listEvaluations.mock.calls) {
      expect(options!.entityRef!.length).toBeLessThanOrEqual(REFS_PER_REQUEST);
    }
    expect([...decisions.values()].filter(Boolean)).toHaveLength(125);
    expect(decisions.get('component:default/c0')).toBeUndefined();

    // Read again soon after: from memory, no request.
    await DecisionLoader.of(api).load('Component:default/C1-decided');
    expect(listEvaluations).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed read: the next render asks again', async () => {
    const { api, listEvaluations } = apiAnswering(true);
    const loader = DecisionLoader.of(api);
    await expect(loader.load('component:default/a')).rejects.toThrow(
      'backend down',
    );
    await expect(loader.load('component:default/a')).rejects.toThrow(
      'backend down',
    );
    expect(listEvaluations).toHaveBeenCalledTimes(2);
  });
});
