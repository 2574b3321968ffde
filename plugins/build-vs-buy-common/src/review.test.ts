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

import { aBuildEvaluation, anEvaluation } from './__fixtures__/evaluations';
import { defaultRevisitBy, toIsoDate } from './revisit';
import { decisionFacts } from './facts';
import { evaluate } from './evaluate';
import { reviewOfFacts, reviewStatus, reviewWindow } from './review';

const NOW = new Date('2026-03-01T12:00:00Z');
const reasonCodes = (review: ReturnType<typeof reviewStatus>) =>
  review.reasons.map(({ code }) => code);

describe('reviewStatus', () => {
  it.each([
    [
      '2026-02-26',
      'overdue',
      ['revisit-date-passed'],
      ['Overdue by 3 days: the revisit date was 2026-02-26.'],
    ],
    [
      '2026-02-28',
      'overdue',
      ['revisit-date-passed'],
      ['Overdue by 1 day: the revisit date was 2026-02-28.'],
    ],
    [
      '2026-03-01',
      'due-soon',
      ['revisit-date-near'],
      ['Due for revisit today, 2026-03-01.'],
    ],
    [
      '2026-03-02',
      'due-soon',
      ['revisit-date-near'],
      ['Due for revisit in 1 day, by 2026-03-02.'],
    ],
    [
      '2026-03-31',
      'due-soon',
      ['revisit-date-near'],
      ['Due for revisit in 30 days, by 2026-03-31.'],
    ],
    ['2026-04-01', 'current', [], []],
  ] as const)(
    '"the team can revisit when new information arrives": revisit by %s is %s',
    (revisitBy, status, reasons, messages) => {
      const review = reviewStatus(anEvaluation({ revisitBy }), NOW);
      expect(review).toMatchObject({ status, revisitBy });
      expect(reasonCodes(review)).toEqual(reasons);
      expect(review.reasons.map(({ message }) => message)).toEqual(messages);
    },
  );

  it('takes the due-soon window from the options', () => {
    const evaluation = anEvaluation({ revisitBy: '2026-03-20' });
    expect(reviewStatus(evaluation, NOW, { dueSoonDays: 7 }).status).toBe(
      'current',
    );
    expect(() => reviewStatus(evaluation, NOW, { dueSoonDays: -1 })).toThrow(
      RangeError,
    );
  });

  it('"a build decision made today may be obsolete in six months": without a revisit date, six months after the decision', () => {
    const evaluation = anEvaluation({ revisitBy: undefined });
    const decided = reviewStatus(evaluation, NOW, {
      decidedAt: new Date('2025-08-31T09:00:00Z'),
    });
    expect(decided).toMatchObject({
      status: 'overdue',
      revisitBy: '2026-02-28',
    });
    expect(
      reviewStatus(evaluation, NOW, {
        decidedAt: new Date('2026-02-15T00:00:00Z'),
        revisitIntervalMonths: 3,
      }),
    ).toEqual({ status: 'current', revisitBy: '2026-05-15', reasons: [] });
  });

  it('treats an evaluation that never had a revisit date as due soon', () => {
    const review = reviewStatus(anEvaluation({ revisitBy: undefined }), NOW);
    expect(review.status).toBe('due-soon');
    expect(review.revisitBy).toBe('2026-09-01');
    expect(reasonCodes(review)).toEqual(['revisit-date-not-set']);
  });

  it('"you do not have a vendor relationship. You have a dependency.": a buy without a migration plan is due soon', () => {
    const evaluation = anEvaluation({
      failureModes: {
        ...anEvaluation().failureModes,
        migrationPlan: undefined,
      },
    });
    const review = reviewStatus(evaluation, NOW);
    expect(review.status).toBe('due-soon');
    expect(reasonCodes(review)).toEqual(['buy-without-migration-plan']);
    expect(
      reviewStatus(evaluation, NOW, {
        verdict: {
          kind: 'buy-with-wrapper',
          candidateId: 'acme',
          candidateName: 'Acme',
          gaps: [],
        },
      }).status,
    ).toBe('due-soon');
    expect(
      reviewStatus(evaluation, NOW, { verdict: { kind: 'build' } }).status,
    ).toBe('current');
  });

  it('"Every system you build becomes a system you maintain": a build without a maintenance owner is due soon, and an overdue one stays overdue', () => {
    const evaluation = aBuildEvaluation({
      maintenance: { canAllocateTwentyPercentPermanently: true },
    });
    expect(reasonCodes(reviewStatus(evaluation, NOW))).toEqual([
      'build-without-maintenance-owner',
    ]);
    const overdue = reviewStatus(
      { ...evaluation, revisitBy: '2025-01-01' },
      NOW,
    );
    expect(overdue.status).toBe('overdue');
    expect(reasonCodes(overdue)).toEqual([
      'revisit-date-passed',
      'build-without-maintenance-owner',
    ]);
    expect(reviewStatus(aBuildEvaluation(), NOW).status).toBe('current');
  });
});

describe('reviewOfFacts', () => {
  it('is the review of the answers, from the revisit date and the facts alone', () => {
    const noPlan = anEvaluation({
      failureModes: {
        ...anEvaluation().failureModes,
        migrationPlan: undefined,
      },
    });
    const noOwner = aBuildEvaluation({
      maintenance: { canAllocateTwentyPercentPermanently: true },
    });
    for (const evaluation of [
      anEvaluation(),
      noPlan,
      aBuildEvaluation(),
      noOwner,
    ]) {
      for (const revisitBy of ['2025-01-01', '2026-03-10', '2027-01-01']) {
        const verdict = evaluate(evaluation, { now: NOW }).verdict;
        expect(
          reviewOfFacts(
            {
              revisitBy,
              revisitDateSet: true,
              facts: decisionFacts(evaluation, verdict),
            },
            reviewWindow(NOW, 14),
          ),
        ).toEqual(
          reviewStatus({ ...evaluation, revisitBy }, NOW, {
            verdict,
            dueSoonDays: 14,
          }),
        );
      }
    }
    // Without a revisit date ever set, due soon whatever the facts.
    const unset = reviewOfFacts(
      {
        revisitBy: '2027-01-01',
        revisitDateSet: false,
        facts: {
          buyWithoutMigrationPlan: true,
          buildWithoutMaintenanceOwner: false,
          chosenCandidateName: 'Acme',
        },
      },
      reviewWindow(NOW),
    );
    expect(unset.status).toBe('due-soon');
    expect(unset.reasons.map(({ message }) => message)).toEqual([
      'No revisit date was set; 2027-01-01 is assumed.',
      'Buying Acme without a migration plan: you do not have a vendor relationship. You have a dependency.',
    ]);
  });
});

describe('defaultRevisitBy', () => {
  it.each([
    ['2026-03-01T12:00:00Z', 6, '2026-09-01'],
    ['2025-08-31T23:59:59Z', 6, '2026-02-28'],
    ['2027-08-31T00:00:00Z', 6, '2028-02-29'],
    ['2026-09-30T00:00:00Z', 6, '2027-03-30'],
    ['2026-01-31T00:00:00Z', 1, '2026-02-28'],
    ['2026-01-15T00:00:00Z', 0, '2026-01-15'],
  ])('from %s plus %i months is %s', (decidedAt, months, expected) => {
    expect(defaultRevisitBy(new Date(decidedAt), months)).toBe(expected);
  });

  it('defaults to six months and rejects invalid input', () => {
    expect(defaultRevisitBy(new Date('2026-03-01T00:00:00Z'))).toBe(
      '2026-09-01',
    );
    expect(() => defaultRevisitBy(new Date('nope'))).toThrow(RangeError);
    expect(() => defaultRevisitBy(new Date(), -1)).toThrow(RangeError);
    expect(() => defaultRevisitBy(new Date(), 1.5)).toThrow(RangeError);
  });

  it('reads calendar dates in UTC', () => {
    expect(toIsoDate(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });
});
