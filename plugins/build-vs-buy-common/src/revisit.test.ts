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

import type { EvaluationStatus } from './api';
import { revisitOnConfirmation, revisitOnSave } from './revisit';
import type { EvaluationDraft } from './schema';

const SAVED = new Date('2026-12-02T10:00:00Z');
const STORED_DATE = '2026-12-20';
const entityRef = 'component:default/vector-database';

/** The stored answers: a buy of a managed vector database. */
const stored: EvaluationDraft = {
  entityRef,
  question: 'Do we build or buy the vector database?',
  coreDifferentiator: { answer: 'no' },
  revisitBy: STORED_DATE,
};
const changed: EvaluationDraft = {
  ...stored,
  coreDifferentiator: { answer: 'yes' },
};
/** The stored answers, their keys in another order. */
const reordered: EvaluationDraft = {
  revisitBy: STORED_DATE,
  coreDifferentiator: { answer: 'no' },
  question: stored.question,
  entityRef,
};
const withoutDate = ({ revisitBy: _date, ...answers }: EvaluationDraft) =>
  answers as EvaluationDraft;

describe('revisitOnSave', () => {
  it.each<
    [
      string,
      EvaluationStatus | undefined,
      EvaluationDraft,
      number | undefined,
      string,
    ]
  >([
    ['a first save keeps the date it names', undefined, stored, 6, STORED_DATE],
    [
      'a first save without a date: the interval from the save',
      undefined,
      withoutDate(stored),
      6,
      '2027-06-02',
    ],
    [
      'changed answers of a complete decision, the stored date sent back: a new interval',
      'complete',
      changed,
      6,
      '2027-06-02',
    ],
    [
      'changed answers of a complete decision, no date: a new interval',
      'complete',
      withoutDate(changed),
      6,
      '2027-06-02',
    ],
    [
      'changed answers of a complete decision with another date: that date',
      'complete',
      { ...changed, revisitBy: '2027-01-15' },
      6,
      '2027-01-15',
    ],
    [
      'the same answers of a complete decision keep the stored date',
      'complete',
      stored,
      6,
      STORED_DATE,
    ],
    [
      'the same answers in another key order keep the stored date',
      'complete',
      reordered,
      6,
      STORED_DATE,
    ],
    [
      'only the date changed: the new date',
      'complete',
      { ...stored, revisitBy: '2027-03-01' },
      6,
      '2027-03-01',
    ],
    [
      'changed answers of a draft keep the date sent: no decision was made yet',
      'draft',
      changed,
      6,
      STORED_DATE,
    ],
    [
      'the configured interval, three months',
      'complete',
      changed,
      3,
      '2027-03-02',
    ],
    [
      'the default interval, six months',
      'complete',
      changed,
      undefined,
      '2027-06-02',
    ],
  ])('%s', (_name, status, evaluation, months, expected) => {
    const result = revisitOnSave({
      evaluation,
      stored: status
        ? { status, evaluation: stored, revisitBy: STORED_DATE }
        : undefined,
      savedAt: SAVED,
      revisitIntervalMonths: months,
    });
    expect(result.revisitBy).toBe(expected);
    // The answers name the date in force, or none when they named none.
    expect(result.evaluation).toEqual(
      evaluation.revisitBy === undefined
        ? evaluation
        : { ...evaluation, revisitBy: expected },
    );
  });
});

describe('revisitOnConfirmation', () => {
  it.each([
    ['answers that name a date', stored, SAVED, 6, '2027-06-02'],
    ['answers without a date', withoutDate(stored), SAVED, 6, '2027-06-02'],
    [
      'a confirmation on the 31st, to a shorter month',
      stored,
      new Date('2026-08-31T23:00:00Z'),
      6,
      '2027-02-28',
    ],
    ['the configured interval', stored, SAVED, 12, '2027-12-02'],
  ] as const)(
    '%s: one interval from the confirmation, whatever the stored date',
    (_name, evaluation, confirmedAt, months, expected) => {
      const result = revisitOnConfirmation({
        evaluation,
        confirmedAt,
        revisitIntervalMonths: months,
      });
      expect(result.revisitBy).toBe(expected);
      const { revisitBy: _before, ...answers } = evaluation;
      const { revisitBy: after, ...kept } = result.evaluation;
      // Every answer but the revisit date stays as it was.
      expect(kept).toEqual(answers);
      expect(after).toBe(
        evaluation.revisitBy === undefined ? undefined : expected,
      );
    },
  );
});
