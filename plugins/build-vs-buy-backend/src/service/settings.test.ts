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

import { ConfigReader } from '@backstage/config';
import { readProductAliases, readSettings } from './settings';

describe('readSettings', () => {
  it('has the article’s defaults', () => {
    expect(readSettings(new ConfigReader({}))).toEqual({
      revisitIntervalMonths: 6,
      dueSoonDays: 30,
      coverageThreshold: 0.8,
    });
  });

  it('reads years and months, and a due-soon window in months and days', () => {
    expect(
      readSettings(
        new ConfigReader({
          buildVsBuy: {
            revisitInterval: { years: 1, months: 3 },
            dueSoonWindow: { months: 1, days: 5 },
            coverageThreshold: 0.9,
          },
        }),
      ),
    ).toEqual({
      revisitIntervalMonths: 15,
      dueSoonDays: 35,
      coverageThreshold: 0.9,
    });
  });

  it('refuses a revisit interval in days rather than ignoring it', () => {
    expect(() =>
      readSettings(
        new ConfigReader({ buildVsBuy: { revisitInterval: { days: 90 } } }),
      ),
    ).toThrow(/buildVsBuy.revisitInterval: give whole years or months/);
  });

  it('refuses a coverage threshold outside (0, 1]', () => {
    expect(() =>
      readSettings(new ConfigReader({ buildVsBuy: { coverageThreshold: 80 } })),
    ).toThrow(/buildVsBuy.coverageThreshold must be within \(0, 1\]/);
  });
});

describe('readProductAliases', () => {
  it('maps each spelling to the product it means, and none by default', () => {
    expect(readProductAliases(new ConfigReader({}))).toEqual({});
    expect(
      readProductAliases(
        new ConfigReader({
          buildVsBuy: {
            portfolio: {
              aliases: [
                {
                  product: 'Pinecone',
                  spellings: ['Pinecone Serverless', 'Pinecone.io'],
                },
              ],
            },
          },
        }),
      ),
    ).toEqual({ 'Pinecone Serverless': 'Pinecone', 'Pinecone.io': 'Pinecone' });
  });
});
