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

import { neutraliseCsvCell, readNeutralisedCsvCell } from './csvCells';

describe('neutraliseCsvCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a quote',
    value => {
      expect(neutraliseCsvCell(value)).toBe(`'${value}`);
    },
  );

  it.each(['Buy VectorCloud', '2026-12-01', '', "it's", ' =padded'])(
    'leaves %j as it is',
    value => {
      expect(neutraliseCsvCell(value)).toBe(value);
    },
  );
});

describe('readNeutralisedCsvCell', () => {
  it.each(['=1+1', '+1', '-10 ms', '@SUM(A1)', '\tx', '\rx', ''])(
    'reads %j back as it was written',
    value => {
      expect(readNeutralisedCsvCell(neutraliseCsvCell(value))).toBe(value);
    },
  );

  it.each(["'quoted on purpose", "it's", "'"])(
    'leaves %j, which the rule never wrote, as it is',
    value => {
      expect(readNeutralisedCsvCell(value)).toBe(value);
    },
  );
});
