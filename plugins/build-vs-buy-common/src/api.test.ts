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

import { confirmEvaluationRequestSchema } from './api';
import { EVALUATION_LIMITS } from './limits';

describe('confirmEvaluationRequestSchema', () => {
  it('takes a version and a note, trimmed', () => {
    expect(
      confirmEvaluationRequestSchema.parse({
        version: 3,
        note: '  Still no vendor covers hybrid search. ',
      }),
    ).toEqual({ version: 3, note: 'Still no vendor covers hybrid search.' });
  });

  it.each([
    ['a blank note', { version: 3, note: '   ' }, 'note'],
    ['no note', { version: 3 }, 'note'],
    [
      'a note longer than other long texts',
      { version: 3, note: 'x'.repeat(EVALUATION_LIMITS.longTextLength + 1) },
      'note',
    ],
    ['a NUL character', { version: 3, note: 'still\u0000valid' }, 'note'],
    ['no version', { note: 'still valid' }, 'version'],
    ['version 0', { version: 0, note: 'still valid' }, 'version'],
    ['an unknown field', { version: 1, note: 'ok', answers: {} }, ''],
  ])('refuses %s, naming the field', (_name, body, field) => {
    const result = confirmEvaluationRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(field);
  });
});
