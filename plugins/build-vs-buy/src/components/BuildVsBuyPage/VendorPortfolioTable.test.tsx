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

import { stringifyEntityRef } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { mockApis } from '@backstage/test-utils';
import type { VendorProduct } from '@build-vs-buy/plugin-build-vs-buy-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { catalogEntities } from '../../__testUtils__/storedEvaluations';
import { entityDisplayName } from '../catalogSearch';
import { BuildVsBuyPage } from './BuildVsBuyPage';

const entities = [
  ...catalogEntities,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'search',
      namespace: 'default',
      title: 'Search Platform',
    },
    spec: { owner: 'group:default/ml-platform' },
  },
];

/* The app's entity presentation: the name people know an entity by. */
const entityPresentationApi = {
  forEntity: (ref: string) => {
    const entity = entities.find(
      candidate => stringifyEntityRef(candidate) === ref,
    );
    const snapshot = {
      entityRef: ref,
      primaryTitle: entity ? entityDisplayName(entity as never) : ref,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

const vectorCloud: VendorProduct = {
  product: 'Vector Cloud',
  spellings: ['Vector Cloud', 'vectorcloud'],
  decisions: [
    {
      entityRef: 'component:default/product-similarity-store',
      ownerRef: 'group:default/ml-platform',
      productName: 'Vector Cloud',
      hasMigrationPlan: false,
      integrationWeeks: 4,
      revisitBy: '2027-03-01',
    },
    {
      entityRef: 'component:default/recommendations-api',
      ownerRef: 'group:default/search-relevance',
      productName: 'vectorcloud',
      hasMigrationPlan: true,
      revisitBy: '2027-06-01',
    },
  ],
  components: 2,
  withoutMigrationPlan: 1,
  integrationWeeks: 4,
  nextRevisitBy: '2027-03-01',
  dependents: ['component:default/product-page'],
  systems: ['system:default/search'],
};

const markup: VendorProduct = {
  product: '<img src=x onerror=alert(1)>Stripe',
  spellings: ['<img src=x onerror=alert(1)>Stripe'],
  decisions: [
    {
      entityRef: 'component:default/product-page',
      ownerRef: 'group:default/applied-ml-startup',
      productName: '<img src=x onerror=alert(1)>Stripe',
      hasMigrationPlan: true,
      integrationWeeks: 1,
      revisitBy: '2027-09-01',
    },
  ],
  components: 1,
  withoutMigrationPlan: 0,
  integrationWeeks: 1,
  nextRevisitBy: '2027-09-01',
  dependents: [],
  systems: [],
};

function renderPortfolio() {
  const api = {
    getDecisionSummary: jest.fn().mockResolvedValue({
      total: 0,
      drafts: 0,
      byVerdict: {},
      byReviewStatus: { current: 0, 'due-soon': 0, overdue: 0 },
      byOwnerGroup: [],
      revisitsByMonth: [],
      revisitsOverdue: 0,
      revisitsLater: 0,
    }),
    getVendorPortfolio: jest
      .fn()
      .mockResolvedValue({ items: [vectorCloud, markup] }),
    getVendorPortfolioCsv: jest
      .fn()
      .mockResolvedValue('Product,Components that chose it\nVector Cloud,2\n'),
  };
  return {
    api,
    rendered: renderWithApis(<BuildVsBuyPage />, {
      api,
      catalogEntities: entities,
      routeEntries: ['/?tab=vendor-portfolio'],
      extraApis: [
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/ada' }),
        ],
        [entityPresentationApiRef, entityPresentationApi],
      ],
    }),
  };
}

describe('the vendor portfolio tab', () => {
  it('lists each product, the most concentrated first, with its components, owners and blast radius by name', async () => {
    const { api, rendered } = renderPortfolio();
    await rendered;

    expect(
      screen.getByRole('tab', { name: 'Vendor portfolio', selected: true }),
    ).toBeInTheDocument();
    const row = within(
      (await screen.findByText('Vector Cloud')).closest('tr')!,
    );
    expect(api.getVendorPortfolio).toHaveBeenCalledWith({
      limit: 500,
      cursor: undefined,
    });
    expect(row.getByText('Also written "vectorcloud"')).toBeInTheDocument();
    // Components, owners, dependents and systems by the names people know.
    for (const name of [
      'product-similarity-store',
      'recommendations-api',
      'ML Platform',
      'Search Relevance',
      'product-page',
      'Search Platform',
    ]) {
      expect(row.getByRole('link', { name })).toBeInTheDocument();
    }
    expect(row.queryByText(/component:default/)).not.toBeInTheDocument();
    // Which of them has no migration plan, what each committed to.
    const similarity = within(
      row
        .getByRole('link', { name: 'product-similarity-store' })
        .closest('li')!,
    );
    expect(similarity.getByText('No migration plan')).toBeInTheDocument();
    expect(
      similarity.getByText('4 weeks of integration, revisit by 2027-03-01'),
    ).toBeInTheDocument();
    const recommendations = within(
      row.getByRole('link', { name: 'recommendations-api' }).closest('li')!,
    );
    expect(
      recommendations.queryByText('No migration plan'),
    ).not.toBeInTheDocument();
    expect(
      recommendations.getByText(
        'Integration not estimated, revisit by 2027-06-01',
      ),
    ).toBeInTheDocument();

    // The most concentrated first.
    const products = screen
      .getAllByRole('row')
      .slice(1)
      .map(tr => tr.querySelector('td')?.firstChild?.textContent);
    expect(products).toEqual([
      'Vector Cloud',
      '<img src=x onerror=alert(1)>Stripe',
    ]);
  });

  it('shows a product name with markup as text', async () => {
    const { rendered } = renderPortfolio();
    const { container } = await rendered;

    expect(
      await screen.findByText('<img src=x onerror=alert(1)>Stripe'),
    ).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });

  it('downloads the portfolio as CSV', async () => {
    const { api, rendered } = renderPortfolio();
    await rendered;
    await screen.findByText('Vector Cloud');
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:csv';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0].text()).toBe(
      'Product,Components that chose it\nVector Cloud,2\n',
    );
    expect(api.getVendorPortfolioCsv).toHaveBeenCalledWith({ limit: 500 });
    click.mockRestore();
  });
});
