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

import { evaluate } from './evaluate';
import { EXAMPLE_EVALUATIONS, ragHybridSearch } from './examples';
import { evaluationSchema } from './schema';

describe('example evaluations', () => {
  it.each(EXAMPLE_EVALUATIONS.map(example => [example.key, example] as const))(
    '%s is a complete evaluation with the expected verdict',
    (_, { evaluation, expectedVerdict }) => {
      expect(evaluationSchema.parse(evaluation)).toEqual(evaluation);
      expect(evaluate(evaluation).verdict.kind).toBe(expectedVerdict);
    },
  );

  it('"If your RAG system needs hybrid search and the product only does vector search, that is a core gap"', () => {
    const outcome = evaluate(ragHybridSearch);
    expect(outcome.verdict).toEqual({
      kind: 'buy-with-wrapper',
      candidateId: 'hybridsearch',
      candidateName: 'HybridSearch Cloud',
      gaps: ['date-filter'],
    });
    expect(
      outcome.figures.candidates.find(
        ({ candidateId }) => candidateId === 'purevector',
      )?.standing,
    ).toBe('broad-core-gap');
  });

  it('have unique keys', () => {
    const keys = EXAMPLE_EVALUATIONS.map(({ key }) => key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
