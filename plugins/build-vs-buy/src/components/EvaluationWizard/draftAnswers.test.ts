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

import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import {
  answerChanges,
  fieldErrors,
  fieldId,
  messagesByField,
  reapplyAnswers,
  setAnswer,
} from './draftAnswers';

const base = EXAMPLE_EVALUATIONS[0].evaluation;

describe('draftAnswers', () => {
  it('names each invalid field by its path with the schema message', () => {
    const draft = setAnswer(
      setAnswer(base, ['prerequisites', 'teamCapacity', 'engineers'], 0),
      ['candidates', 0, 'id'],
      '__proto__',
    );
    const errors = fieldErrors(draft);
    expect(errors['prerequisites.teamCapacity.engineers']).toBe(
      'Enter a whole number of engineers from 1 to 100,000',
    );
    expect(errors['candidates.0.id']).toBe(
      'Must start with a letter or digit and use only A-Z a-z 0-9 . _ -',
    );
    expect(fieldErrors(base)).toEqual({});
  });

  it('keys problems and warnings by field, the first message of each, a warning by its specifics', () => {
    expect(
      messagesByField([
        { path: 'candidates[0].name', label: 'Name?', message: 'First' },
        { path: 'candidates.0.name', label: 'Name?', message: 'Second' },
        {
          code: 'revisit-date-passed',
          path: 'revisitBy',
          message: 'The article. The revisit date has passed.',
          detail: 'The revisit date has passed.',
        },
      ]),
    ).toEqual({
      'candidates.0.name': 'First',
      revisitBy: 'The revisit date has passed.',
    });
    expect(fieldId(['candidates', 0, 'name'])).toBe(
      'build-vs-buy-candidates-0-name',
    );
  });

  it('reapplies the user answers onto the version saved meanwhile', () => {
    const mine = setAnswer(base, ['coreDifferentiator', 'rationale'], 'Mine');
    const theirs = setAnswer(base, ['revisitBy'], '2027-01-01');
    const merged = reapplyAnswers(base, mine, theirs);
    expect(merged.coreDifferentiator?.rationale).toBe('Mine');
    expect(merged.revisitBy).toBe('2027-01-01');
    expect(answerChanges(theirs, merged)).toEqual([
      {
        path: 'coreDifferentiator.rationale',
        before: base.coreDifferentiator.rationale,
        after: 'Mine',
      },
    ]);
  });

  it('removes an answer set to undefined', () => {
    const draft = setAnswer(base, ['revisitBy'], undefined);
    expect('revisitBy' in draft).toBe(false);
    expect(answerChanges(base, draft)).toEqual([
      { path: 'revisitBy', before: base.revisitBy, after: undefined },
    ]);
  });
});
