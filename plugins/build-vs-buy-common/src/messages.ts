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

/*
 * The words of validation messages. The schemas attach a message with the
 * limit in words to every field a person fills in (schemaBasics.ts); the
 * error map below words whatever is left (a list, a choice, a wrong type
 * sent by an API client) the same way. The wizard shows these on the field
 * and the backend's 400 carries them, so both say the same thing.
 */

import type { z } from 'zod';

/** `100000` as `100,000`: limits are read by people. */
export function formatLimit(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "Enter a whole number of engineers from 1 to 100,000". */
export function wholeNumberMessage(
  noun: string,
  min: number,
  max: number,
): string {
  return `Enter a whole number of ${noun} from ${formatLimit(
    min,
  )} to ${formatLimit(max)}`;
}

/** "Enter a number of weeks from 0 to 520", for answers that may be 1.5. */
export function amountMessage(noun: string, min: number, max: number): string {
  return `Enter a number of ${noun} from ${formatLimit(min)} to ${formatLimit(
    max,
  )}`;
}

/** "Use at most 4,000 characters". */
export function tooLongMessage(max: number): string {
  return `Use at most ${formatLimit(max)} characters`;
}

/** "List at most 100 components". */
export function tooManyMessage(max: number, noun: string): string {
  return `List at most ${formatLimit(max)} ${noun}`;
}

const EXPECTED: Record<string, string> = {
  string: 'Enter text',
  number: 'Enter a number',
  int: 'Enter a whole number',
  boolean: 'Answer yes or no',
  array: 'Give a list',
  object: 'Give the answers of this section',
  record: 'Give the answers of this section',
};

function sizeMessage(big: boolean, limit: number, origin: string): string {
  const bound = big ? 'at most' : 'at least';
  switch (origin) {
    case 'string':
      return big
        ? tooLongMessage(limit)
        : `Use at least ${formatLimit(limit)} ${
            limit === 1 ? 'character' : 'characters'
          }`;
    case 'array':
    case 'set':
      return `List ${bound} ${formatLimit(limit)} ${
        limit === 1 ? 'item' : 'items'
      }`;
    default:
      // A number beyond what a computer counts exactly is simply too big:
      // nobody should read 9007199254740991.
      if (Math.abs(limit) >= Number.MAX_SAFE_INTEGER) {
        return big ? 'Enter a smaller number' : 'Enter a larger number';
      }
      return `Enter a number ${bound} ${formatLimit(limit)}`;
  }
}

/**
 * Plain words for a validation issue that its schema does not word itself;
 * `undefined` keeps zod's own. Pass it to `safeParse` as `{ error }`.
 *
 * @public
 */
export function plainIssueMessage(
  issue: z.core.$ZodRawIssue,
): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return 'This answer is required';
      }
      return EXPECTED[issue.expected] ?? 'This answer has the wrong type';
    case 'too_big':
      return sizeMessage(true, Number(issue.maximum), issue.origin);
    case 'too_small':
      return sizeMessage(false, Number(issue.minimum), issue.origin);
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'date'
        ? 'Enter a date as YYYY-MM-DD'
        : 'This answer is not in the expected format';
    default:
      return undefined;
  }
}
