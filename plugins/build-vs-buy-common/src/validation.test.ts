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

import { anEvaluation } from './__fixtures__/evaluations';
import { EVALUATION_LIMITS } from './limits';
import { formatLimit, plainIssueMessage } from './messages';
import { evaluationDraftSchema } from './schema';
import { answerProblems } from './validation';

const ENTITY = 'component:default/vector-store';

/** The draft with one answer set at a path of parts. */
function withAnswer(path: Array<string | number>, value: unknown) {
  const draft: any = structuredClone(anEvaluation());
  let node = draft;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key];
  }
  node[path[path.length - 1]] = value;
  return draft;
}

describe('answerProblems', () => {
  it('finds nothing wrong with valid answers', () => {
    expect(answerProblems(anEvaluation())).toEqual([]);
    expect(answerProblems({ entityRef: ENTITY })).toEqual([]);
  });

  it.each([
    [
      'a fraction of an engineer',
      ['prerequisites', 'teamCapacity', 'engineers'],
      1.5,
      'Enter a whole number of engineers from 1 to 100,000',
    ],
    [
      'no engineers',
      ['prerequisites', 'teamCapacity', 'engineers'],
      0,
      'Enter a whole number of engineers from 1 to 100,000',
    ],
    [
      'more engineers than any number a computer counts exactly',
      ['prerequisites', 'teamCapacity', 'engineers'],
      1e30,
      'Enter a whole number of engineers from 1 to 100,000',
    ],
    [
      'engineers one above the limit',
      ['prerequisites', 'teamCapacity', 'engineers'],
      EVALUATION_LIMITS.engineers + 1,
      'Enter a whole number of engineers from 1 to 100,000',
    ],
    [
      'engineers as text',
      ['prerequisites', 'teamCapacity', 'engineers'],
      '12',
      'Enter a whole number of engineers from 1 to 100,000',
    ],
    [
      'negative production systems',
      ['prerequisites', 'teamCapacity', 'productionSystemsMaintained'],
      -1,
      'Enter a whole number of production systems from 0 to 10,000',
    ],
    [
      'engineers operating, too many',
      ['failureModes', 'engineersOperating'],
      Number.MAX_SAFE_INTEGER + 2,
      'Enter a whole number of engineers from 0 to 100,000',
    ],
    [
      'an integration estimate of ten years and more',
      ['failureModes', 'integrationCostWeeks'],
      521,
      'Enter a number of weeks from 0 to 520',
    ],
    [
      'an integration estimate that is not a number',
      ['failureModes', 'integrationCostWeeks'],
      Number.NaN,
      'Enter a number of weeks from 0 to 520',
    ],
    [
      'a vendor review of over ten years',
      ['regulated', 'vendorSecurityReviewMonths'],
      121,
      'Enter a number of months from 0 to 120',
    ],
    [
      'a session of over a day',
      ['sessionDurationMinutes'],
      1441,
      'Enter a number of minutes from 0 to 1,440',
    ],
    [
      'a long rationale',
      ['coreDifferentiator', 'rationale'],
      'x'.repeat(EVALUATION_LIMITS.longTextLength + 1),
      'Use at most 4,000 characters',
    ],
    [
      'a long candidate name',
      ['candidates', 0, 'name'],
      'x'.repeat(EVALUATION_LIMITS.nameLength + 1),
      'Use at most 200 characters',
    ],
    [
      'a blank candidate name',
      ['candidates', 0, 'name'],
      '  ',
      'Write 1 to 200 characters',
    ],
    [
      'a rationale that is not text',
      ['coreDifferentiator', 'rationale'],
      42,
      'Enter text',
    ],
    [
      'a date that does not exist',
      ['revisitBy'],
      '2026-02-30',
      'Enter a date as YYYY-MM-DD',
    ],
    [
      'too many dependents',
      ['prerequisites', 'componentDescription', 'dependents'],
      Array.from(
        { length: EVALUATION_LIMITS.dependents + 1 },
        (_, i) => `c${i}`,
      ),
      'List at most 100 components',
    ],
    [
      'an answer that is not a choice',
      ['organisationProfile'],
      'unicorn',
      'Choose one of: early-stage-startup, mid-size, large-enterprise, regulated',
    ],
    [
      'a yes/no answer as a number',
      ['maintenance', 'canAllocateTwentyPercentPermanently'],
      1,
      'Answer yes or no',
    ],
    [
      'a section that is not a section',
      ['maintenance'],
      'yes',
      'Give the answers of this section',
    ],
    ['a list that is not a list', ['candidates'], 'acme', 'Give a list'],
  ])(
    '%s: says what to enter, with the limit in words',
    (_, path, value, message) => {
      const problems = answerProblems(withAnswer(path, value));
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toBe(message);
      expect(problems[0].message).not.toMatch(
        /9007199254740991|expected|>=|<=/,
      );
    },
  );

  it('names each invalid answer by its machine path and in the team’s words, once', () => {
    const draft = withAnswer(['candidates', 0, 'integrationWeeks'], 1e30);
    expect(answerProblems(draft)).toEqual([
      {
        path: 'candidates[0].integrationWeeks',
        label: 'Node 2, Vendor acme: How many weeks would integrating it take?',
        message: 'Enter a number of weeks from 0 to 520',
      },
    ]);
  });

  it('describes answers that are not even an evaluation without throwing', () => {
    expect(answerProblems(5)).toEqual([
      {
        path: '',
        label: 'The answers',
        message: 'Give the answers of this section',
      },
    ]);
    const garbage = {
      entityRef: ENTITY,
      candidates: [{ id: 'a', name: 5 }, 'x'],
      requirements: 'none',
      gaps: [{ candidateId: 'a', requirementId: 'r', scope: 'core' }],
    };
    const problems = answerProblems(garbage);
    expect(problems.map(({ path }) => path)).toEqual(
      expect.arrayContaining([
        'candidates[0].name',
        'candidates[1]',
        'requirements',
      ]),
    );
    expect(
      problems.find(({ path }) => path === 'candidates[0].name')?.label,
    ).toBe('Node 2, candidate 1: What is the product called?');
    expect(
      problems.find(({ path }) => path === 'candidates[0].name')?.message,
    ).toBe('Enter text');
  });

  it('a required answer missing from a complete evaluation says so', () => {
    const result = evaluationDraftSchema.safeParse(
      {},
      { error: plainIssueMessage },
    );
    expect(result.error?.issues[0].message).toBe('This answer is required');
  });
});

describe('plainIssueMessage', () => {
  it.each([
    [
      { code: 'too_big', origin: 'array', maximum: 1, input: [] },
      'List at most 1 item',
    ],
    [
      { code: 'too_small', origin: 'array', minimum: 2, input: [] },
      'List at least 2 items',
    ],
    [
      { code: 'too_small', origin: 'string', minimum: 1, input: '' },
      'Use at least 1 character',
    ],
    [
      { code: 'too_small', origin: 'string', minimum: 3, input: '' },
      'Use at least 3 characters',
    ],
    [
      { code: 'too_big', origin: 'string', maximum: 1000, input: '' },
      'Use at most 1,000 characters',
    ],
    [
      { code: 'too_big', origin: 'number', maximum: 500, input: 501 },
      'Enter a number at most 500',
    ],
    [
      { code: 'too_small', origin: 'number', minimum: 1, input: 0 },
      'Enter a number at least 1',
    ],
    [
      {
        code: 'too_big',
        origin: 'int',
        maximum: Number.MAX_SAFE_INTEGER,
        input: 1e30,
      },
      'Enter a smaller number',
    ],
    [
      {
        code: 'too_small',
        origin: 'int',
        minimum: Number.MIN_SAFE_INTEGER,
        input: -1e30,
      },
      'Enter a larger number',
    ],
    [
      { code: 'invalid_type', expected: 'int', input: 1.5 },
      'Enter a whole number',
    ],
    [
      { code: 'invalid_type', expected: 'bigint', input: 1 },
      'This answer has the wrong type',
    ],
    [
      { code: 'invalid_format', format: 'date', input: '2026-13-01' },
      'Enter a date as YYYY-MM-DD',
    ],
    [
      { code: 'invalid_format', format: 'email', input: 'x' },
      'This answer is not in the expected format',
    ],
    [{ code: 'custom', input: 'x' }, undefined],
  ])('words %o', (issue, message) => {
    expect(plainIssueMessage(issue as any)).toBe(message);
  });

  it('keeps zod’s message where it has none of its own', () => {
    const result = evaluationDraftSchema.safeParse(
      { entityRef: ENTITY, verdict: 'buy' },
      { error: plainIssueMessage },
    );
    expect(result.error?.issues[0].message).toMatch(/verdict/);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [100000, '100,000'],
    [1234567.5, '1,234,567.5'],
  ])('formatLimit(%d) is %s', (value, text) => {
    expect(formatLimit(value)).toBe(text);
  });
});
