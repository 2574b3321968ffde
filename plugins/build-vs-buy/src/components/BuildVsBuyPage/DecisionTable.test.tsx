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

import { Table } from '@backstage/core-components';
import { screen, within } from '@testing-library/react';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  evaluationSummary,
  storedEvaluation,
} from '../../__testUtils__/storedEvaluations';
import { EVALUATION_COLUMNS } from './DecisionTable';

describe('EVALUATION_COLUMNS', () => {
  it('flags a regulated buy without a build fallback, and nothing else', async () => {
    const example = storedEvaluation('ecommerce-vector-database');
    const regulated = storedEvaluation('ecommerce-vector-database', {
      id: 'regulated',
      entityRef: 'component:default/regulated-store',
      evaluation: {
        ...example.evaluation,
        entityRef: 'component:default/regulated-store',
        organisationProfile: 'regulated',
      },
    });
    const rows = [evaluationSummary(regulated), evaluationSummary(example)];
    expect(rows.map(row => row.regulatedWithoutBuildFallback)).toEqual([
      true,
      false,
    ]);
    await renderWithApis(
      <Table title="Decisions" columns={EVALUATION_COLUMNS} data={rows} />,
      { api: {} },
    );

    const flagged = (
      await screen.findByRole('link', { name: /regulated-store/ })
    ).closest('tr')!;
    expect(
      within(flagged).getByText('No build fallback').closest('[title]'),
    ).toHaveAttribute(
      'title',
      expect.stringContaining('vendor security review stalls'),
    );
    const plain = screen
      .getByRole('link', { name: /product-similarity-store/ })
      .closest('tr')!;
    expect(
      within(plain).queryByText('No build fallback'),
    ).not.toBeInTheDocument();
  });

  it("names the tree's recommendation beside the team's decision only when the team went against it", async () => {
    const example = storedEvaluation('ecommerce-vector-database');
    const against = storedEvaluation('ecommerce-vector-database', {
      id: 'against',
      entityRef: 'component:default/built-store',
      evaluation: {
        ...example.evaluation,
        entityRef: 'component:default/built-store',
        teamDecision: { kind: 'build', rationale: 'We own the index format.' },
      },
    });
    await renderWithApis(
      <Table
        title="Decisions"
        columns={EVALUATION_COLUMNS}
        data={[evaluationSummary(against), evaluationSummary(example)]}
      />,
      { api: {} },
    );

    const built = (
      await screen.findByRole('link', { name: /built-store/ })
    ).closest('tr')!;
    expect(within(built).getByText('Build in-house')).toBeInTheDocument();
    expect(
      within(built).getByText('Against the tree: Buy VectorCloud Managed'),
    ).toBeInTheDocument();
    const followed = screen
      .getByRole('link', { name: /product-similarity-store/ })
      .closest('tr')!;
    expect(within(followed).queryByText(/Against the tree/)).toBeNull();
    expect(
      within(followed).getAllByText('Buy VectorCloud Managed'),
    ).toHaveLength(1);
  });
});
