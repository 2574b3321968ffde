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
});
