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

import { analyticsApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BuildVsBuySearchResultListItem } from './BuildVsBuySearchResultListItem';

const result = {
  title: 'rag-retriever: Buy HybridSearch Cloud with a thin wrapper over 1 gap',
  text: 'Build vs Buy decision for rag-retriever.\nCandidates: PureVector, HybridSearch Cloud.',
  location: '/catalog/default/component/rag-retriever/build-vs-buy',
  entityRef: 'component:default/rag-retriever',
  verdict: 'buy-with-wrapper' as const,
  reviewStatus: 'overdue' as const,
  status: 'complete' as const,
  revisitBy: '2026-02-19',
};

describe('BuildVsBuySearchResultListItem', () => {
  it('links to the decision and shows its verdict, review status and revisit date', async () => {
    await renderInTestApp(<BuildVsBuySearchResultListItem result={result} />);

    expect(screen.getByRole('link', { name: result.title })).toHaveAttribute(
      'href',
      '/catalog/default/component/rag-retriever/build-vs-buy',
    );
    expect(
      screen.getByText(/Candidates: PureVector, HybridSearch Cloud/),
    ).toBeInTheDocument();
    expect(screen.getByText('Buy with a thin wrapper')).toBeInTheDocument();
    expect(screen.getByText('Revisit overdue')).toBeInTheDocument();
    expect(screen.getByText('Revisit by 2026-02-19')).toBeInTheDocument();
    expect(screen.queryByText('Draft in progress')).not.toBeInTheDocument();
  });

  it('names the team’s decision, the chosen product and the review status', async () => {
    await renderInTestApp(
      <BuildVsBuySearchResultListItem
        result={{
          ...result,
          teamDecision: 'buy-with-wrapper',
          decisionLabel:
            'Buy HybridSearch Cloud with a thin wrapper over 1 gap',
          chosenProduct: 'HybridSearch Cloud',
        }}
      />,
    );

    expect(
      screen.getByText('Buy HybridSearch Cloud with a thin wrapper over 1 gap'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Chosen product: HybridSearch Cloud'),
    ).toBeInTheDocument();
    expect(screen.getByText('Revisit overdue')).toBeInTheDocument();
    // The decision's label, not the verdict kind's.
    expect(screen.queryByText('Buy with a thin wrapper')).toBeNull();
    expect(screen.queryByText(/^(buy-with-wrapper|overdue)$/)).toBeNull();
  });

  it('marks a draft, and leaves out chips the document has no value for', async () => {
    await renderInTestApp(
      <BuildVsBuySearchResultListItem
        result={{
          title: 'observability: Incomplete',
          text: 'A draft',
          location: '/catalog/default/component/observability/build-vs-buy',
          verdict: 'incomplete',
          status: 'draft',
          reviewStatus: 'current',
        }}
      />,
    );

    expect(screen.getByText('Draft in progress')).toBeInTheDocument();
    expect(screen.queryByText('Current')).not.toBeInTheDocument();
    expect(screen.getByText('Incomplete')).toBeInTheDocument();
    expect(screen.queryByText(/Revisit/)).not.toBeInTheDocument();
  });

  it('highlights the matched terms', async () => {
    await renderInTestApp(
      <BuildVsBuySearchResultListItem
        result={result}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { text: 'Candidates: <em>HybridSearch</em> Cloud' },
        }}
      />,
    );

    expect(screen.getByText('HybridSearch').tagName).toBe('MARK');
  });

  it('reports a click on the result to analytics', async () => {
    const analyticsApi = mockApis.analytics();
    await renderInTestApp(
      <TestApiProvider apis={[[analyticsApiRef, analyticsApi]]}>
        <BuildVsBuySearchResultListItem result={result} rank={3} />
      </TestApiProvider>,
    );

    await userEvent.click(screen.getByRole('link', { name: result.title }));

    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'discover',
        subject: result.title,
        value: 3,
        attributes: { to: result.location },
      }),
    );
  });
});
