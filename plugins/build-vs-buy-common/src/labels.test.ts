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
import {
  CANDIDATE_STANDING_LABELS,
  DECISION_NODE_LABELS,
  EVALUATION_STATUS_LABELS,
  REQUIREMENT_BUCKET_DEFINITIONS,
  REVIEW_REASON_ACTIONS,
  REVIEW_STATUS_LABELS,
  revisitMonthLabel,
  VERDICT_LABELS,
  scoringRules,
  verdictLabel,
} from './labels';
import { REVIEW_REASON_CODES } from './review';

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

describe('scoringRules', () => {
  it('states the settings in force, saying which rules are the article’s and which are the plugin’s', () => {
    expect(
      scoringRules({ coverageThreshold: 0.8, partialCredit: 0.5 }),
    ).toEqual([
      {
        rule: 'A product passes Node 3 when it meets every must-have and covers at least 80% of the should-haves your workload needs.',
        source: 'article',
      },
      expect.objectContaining({
        rule: expect.stringContaining('missing a must-have is out'),
        source: 'article',
      }),
      {
        rule: 'A should-have met partially counts as 50% covered.',
        source: 'plugin',
      },
      expect.objectContaining({
        rule: expect.stringContaining('must-have met only partially'),
        source: 'plugin',
      }),
      expect.objectContaining({ source: 'article' }),
    ]);
  });

  it('follows a configured threshold and partial credit', () => {
    const [threshold, , partial] = scoringRules({
      coverageThreshold: 0.755,
      partialCredit: 0.25,
    });
    expect(threshold.rule).toContain('at least 75.5% of the should-haves');
    expect(partial.rule).toContain('counts as 25% covered');
  });
});

describe('REQUIREMENT_BUCKET_DEFINITIONS', () => {
  it.each([
    ['must', 'Non-negotiable'],
    ['should', 'six to twelve months'],
    ['nice', 'Do not factor these into the decision'],
  ] as const)('defines %s-haves in the article’s words', (bucket, words) => {
    expect(REQUIREMENT_BUCKET_DEFINITIONS[bucket]).toContain(words);
  });
});

describe('status and standing labels', () => {
  it('never calls a draft current', () => {
    expect(EVALUATION_STATUS_LABELS.draft).toBe('Draft in progress');
    expect(Object.values(EVALUATION_STATUS_LABELS)).not.toContain(
      REVIEW_STATUS_LABELS.current,
    );
  });

  it('words every standing and gives every review reason an action', () => {
    for (const label of Object.values(CANDIDATE_STANDING_LABELS)) {
      expect(label).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
    expect(Object.keys(REVIEW_REASON_ACTIONS).sort()).toEqual(
      [...REVIEW_REASON_CODES].sort(),
    );
  });
});

describe('revisitMonthLabel', () => {
  it.each([
    ['2026-12', 'December 2026'],
    ['2027-01', 'January 2027'],
    ['2027-09', 'September 2027'],
    ['2027-13', '2027-13'],
    ['Later', 'Later'],
  ])('%s is %s', (month, label) => {
    expect(revisitMonthLabel(month)).toBe(label);
  });
});
