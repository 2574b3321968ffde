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
  anEvaluation,
  candidate,
  gap,
  MATURE,
  requirement,
} from './__fixtures__/evaluations';
import {
  gapKey,
  gapsOf,
  isDecisive,
  isMature,
  measureCoverage,
} from './coverage';

describe('isMature', () => {
  it('"Mature means" all five criteria hold; an unanswered one does not', () => {
    expect(isMature({ maturity: MATURE })).toBe(true);
    expect(isMature({ maturity: { ...MATURE, publicSla: false } })).toBe(false);
    expect(isMature({ maturity: { ...MATURE, publicSla: undefined } })).toBe(
      false,
    );
    expect(isMature({})).toBe(false);
  });
});

describe('isDecisive', () => {
  it('counts must- and should-haves the workload needs, and nothing else', () => {
    expect(isDecisive(requirement('a', 'must'))).toBe(true);
    expect(isDecisive(requirement('a', 'should'))).toBe(true);
    expect(isDecisive(requirement('a', 'nice'))).toBe(false);
    expect(
      isDecisive(requirement('a', 'must', { neededByWorkload: false })),
    ).toBe(false);
    expect(isDecisive({ id: 'a', title: 'Unsorted' })).toBe(false);
  });
});

describe('measureCoverage', () => {
  const requirements = [
    requirement('m1', 'must'),
    requirement('m2', 'must'),
    requirement('s1', 'should'),
    requirement('s2', 'should'),
    requirement('n1', 'nice'),
  ];

  it('scores met as 1 and partial as the partial credit, unassessed as missing', () => {
    expect(
      measureCoverage(
        { coverage: { m1: 'met', m2: 'partial', s1: 'partial', n1: 'met' } },
        requirements,
      ),
    ).toEqual({
      mustMet: 1,
      mustTotal: 2,
      mustMissing: 0,
      shouldScore: 0.5,
      shouldTotal: 2,
      ratio: 0.25,
    });
    expect(
      measureCoverage({}, requirements, { partialCredit: 1 }),
    ).toMatchObject({ mustMissing: 2, ratio: 0 });
  });
});

describe('gapsOf', () => {
  it('lists the unmet must- and should-haves of a candidate with their classification', () => {
    const evaluation = anEvaluation({
      candidates: [
        candidate('acme', { m1: 'partial', s1: 'missing', s2: 'met' }),
      ],
      gaps: [gap('acme', 's1', 'core', 'narrow')],
    });
    expect(gapsOf(evaluation, 'acme')).toEqual([
      {
        candidateId: 'acme',
        requirementId: 'm1',
        requirementTitle: 'Requirement m1',
        bucket: 'must',
        level: 'partial',
      },
      {
        candidateId: 'acme',
        requirementId: 's1',
        requirementTitle: 'Requirement s1',
        bucket: 'should',
        level: 'missing',
        classification: gap('acme', 's1', 'core', 'narrow'),
        classificationIndex: 0,
      },
    ]);
  });

  it('"that is not a gap at all": skips requirements the workload does not need, nice-to-haves and unassessed ones', () => {
    const evaluation = anEvaluation({
      requirements: [
        requirement('dims', 'should', { neededByWorkload: false }),
        requirement('n1', 'nice'),
        requirement('s9', 'should'),
      ],
      candidates: [
        { ...candidate('acme'), coverage: { dims: 'missing', n1: 'missing' } },
      ],
    });
    expect(gapsOf(evaluation, 'acme')).toEqual([]);
    expect(gapsOf(evaluation, 'nobody')).toEqual([]);
    expect(gapsOf({}, 'acme')).toEqual([]);
    expect(
      gapsOf({ candidates: [{ id: 'acme', name: 'Acme' }] }, 'acme'),
    ).toEqual([]);
  });

  it('reads the first classification of a gap classified twice in an unvalidated draft', () => {
    const evaluation = anEvaluation({
      candidates: [candidate('acme', { s1: 'partial' })],
      gaps: [gap('acme', 's1', 'edge'), gap('acme', 's1', 'core', 'broad')],
    });
    expect(gapsOf(evaluation, 'acme')[0].classificationIndex).toBe(0);
  });

  it('keys gaps by candidate and requirement', () => {
    expect(gapKey('acme', 'hybrid-search')).toBe('acme/hybrid-search');
  });
});
