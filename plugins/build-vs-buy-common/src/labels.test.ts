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

import type { Verdict } from './evaluate';
import { DECISION_NODE_LABELS, VERDICT_LABELS, verdictLabel } from './labels';

describe('verdictLabel', () => {
  it.each([
    [{ kind: 'build' }, 'Build in-house'],
    [{ kind: 'buy', candidateId: 'a', candidateName: 'Acme' }, 'Buy Acme'],
    [
      {
        kind: 'buy-with-wrapper',
        candidateId: 'a',
        candidateName: 'Acme',
        gaps: ['x'],
      },
      'Buy Acme with a thin wrapper over 1 gap',
    ],
    [
      {
        kind: 'buy-with-wrapper',
        candidateId: 'a',
        candidateName: 'Acme',
        gaps: ['x', 'y'],
      },
      'Buy Acme with a thin wrapper over 2 gaps',
    ],
    [
      {
        kind: 'buy-with-wrapper',
        candidateId: 'a',
        candidateName: 'Acme',
        gaps: [],
      },
      'Buy Acme with a thin wrapper',
    ],
    [
      { kind: 'no-qualifying-candidate' },
      'No qualifying candidate: find another vendor',
    ],
    [{ kind: 'incomplete' }, 'Incomplete'],
  ] as Array<[Verdict, string]>)('names %p as "%s"', (verdict, label) => {
    expect(verdictLabel(verdict)).toBe(label);
  });

  it('label every verdict kind and every node', () => {
    expect(Object.keys(VERDICT_LABELS)).toHaveLength(5);
    expect(DECISION_NODE_LABELS['requirements-coverage']).toBe(
      'Node 3: Does it meet 80%+ of requirements?',
    );
  });
});
