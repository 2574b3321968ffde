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

import { fieldMessage } from './validationErrors';

describe('fieldMessage', () => {
  it.each([
    [
      'request/body/evaluation/candidates/0/notes must NOT have more than 4000 characters',
      'body.evaluation.candidates[0].notes: must NOT have more than 4000 characters',
    ],
    [
      "request/body must have required property 'evaluation'",
      'body.evaluation: is required',
    ],
    [
      'request/query/limit must be <= 500, request/query/verdict must be equal to one of the allowed values: build, buy',
      'query.limit: must be <= 500; query.verdict: must be equal to one of the allowed values: build, buy',
    ],
    [
      "Empty value found for query parameter 'entityRef'",
      'query.entityRef: must not be empty',
    ],
    [
      "Unknown query parameter 'colour'",
      'query.colour: is not a known parameter',
    ],
    ['request/params/version must be integer', 'version: must be integer'],
    ['something else entirely', 'something else entirely'],
  ])('%s', (message, expected) => {
    expect(fieldMessage(message)).toBe(expected);
  });

  it('says what is wrong with the answers in -common’s words, with the question, keeping other fields as the validator names them', () => {
    const message = fieldMessage(
      'request/body/version must be >= 1, request/body/evaluation/prerequisites/teamCapacity/engineers must be <= 100000, request/body/evaluation/candidates/0/notes must NOT have more than 4000 characters',
      {
        version: 0,
        evaluation: {
          entityRef: 'component:default/vector-store',
          prerequisites: { teamCapacity: { engineers: 1e30 } },
          candidates: [{ id: 'acme', name: 'Acme', notes: 'x'.repeat(4001) }],
        },
      },
    );
    expect(message.split('; ')).toEqual([
      'body.version: must be >= 1',
      'body.evaluation.prerequisites.teamCapacity.engineers: Prerequisites: How many engineers are on the team? Enter a whole number of engineers from 1 to 100,000',
      'body.evaluation.candidates[0].notes: Node 2, Acme: What did its references say? Use at most 4,000 characters',
    ]);
  });

  it('keeps the validator’s words when the answers themselves are fine', () => {
    expect(
      fieldMessage('request/body/evaluation must be object', {
        evaluation: { entityRef: 'component:default/vector-store' },
      }),
    ).toBe('body.evaluation: must be object');
    expect(
      fieldMessage('request/body/evaluation must be object', {
        evaluation: 'yes',
      }),
    ).toBe('body.evaluation: Give the answers of this section');
  });
});
