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

import { displayNameOf, quantityOf, withFullStop } from './wording';

describe('withFullStop', () => {
  it.each([
    ['Nightly export', 'Nightly export.'],
    ['Switch to another gateway.', 'Switch to another gateway.'],
    ['Really!', 'Really!'],
    ['Is it stable?', 'Is it stable?'],
    ['It said "stop."', 'It said "stop."'],
    ['(see the runbook.)', '(see the runbook.)'],
    ['  spaced  ', 'spaced.'],
    ['Version 1.5', 'Version 1.5.'],
    ['', ''],
    ['   ', ''],
  ])('ends %p as %p', (text, expected) => {
    expect(withFullStop(text)).toBe(expected);
  });
});

describe('quantityOf', () => {
  it.each([
    [1, 'week', '1 week'],
    [0, 'week', '0 weeks'],
    [1.5, 'week', '1.5 weeks'],
    [3, 'day', '3 days'],
  ])('counts %p %s as %p', (count, unit, expected) => {
    expect(quantityOf(count, unit)).toBe(expected);
  });

  it('takes an irregular plural', () => {
    expect(quantityOf(2, 'person', 'people')).toBe('2 people');
  });
});

describe('displayNameOf', () => {
  const names = {
    'group:default/ml-platform': 'ML Platform',
    'user:default/blank': '  ',
  };

  it.each([
    ['group:default/ml-platform', 'ML Platform'],
    ['Group:default/ML-Platform', 'ML Platform'],
    ['group:default/search', 'search'],
    ['user:default/blank', 'blank'],
    ['group:finance/payments', 'finance/payments'],
    ['group:payments', 'payments'],
    ['component:default/product-page', 'product-page'],
    ['The product page', 'The product page'],
    ['https://example.com/x', 'https://example.com/x'],
  ])('names %p as %p', (ref, expected) => {
    expect(displayNameOf(ref, names)).toBe(expected);
  });

  it('reads references without any names', () => {
    expect(displayNameOf('user:default/guest')).toBe('guest');
  });
});
