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

import {
  productKeyOf,
  sortVendorProducts,
  vendorPortfolio,
  type PortfolioDecision,
} from './portfolio';

const decision = (
  name: string,
  productName: string,
  more: Partial<PortfolioDecision> = {},
): PortfolioDecision => ({
  entityRef: `component:default/${name}`,
  ownerRef: `group:default/${name}-team`,
  productName,
  hasMigrationPlan: true,
  revisitBy: '2027-06-01',
  ...more,
});

describe('vendorPortfolio', () => {
  it('groups spellings that differ in case and white space as one product, the most concentrated first', () => {
    const products = vendorPortfolio(
      [
        decision('search', 'Vector Cloud', {
          integrationWeeks: 4,
          hasMigrationPlan: false,
          revisitBy: '2027-03-01',
          systemRef: 'system:default/shop',
        }),
        decision('recommendations', 'vectorcloud', { integrationWeeks: 2 }),
        decision('chat', ' VECTOR  cloud '),
        decision('billing', 'Stripe', { integrationWeeks: 6 }),
      ],
      [
        {
          componentRef: 'component:default/search',
          dependentRef: 'component:default/storefront',
          dependentSystemRef: 'system:default/web',
        },
        // A component that chose the product is not its own dependent.
        {
          componentRef: 'component:default/search',
          dependentRef: 'component:default/chat',
        },
        {
          componentRef: 'component:default/billing',
          dependentRef: 'component:default/checkout',
        },
      ],
    );
    expect(products.map(p => p.product)).toEqual(['Vector Cloud', 'Stripe']);
    expect(products[0]).toMatchObject({
      spellings: ['Vector Cloud', 'vectorcloud', 'VECTOR  cloud'],
      components: 3,
      withoutMigrationPlan: 1,
      integrationWeeks: 6,
      nextRevisitBy: '2027-03-01',
      dependents: ['component:default/storefront'],
      systems: ['system:default/shop', 'system:default/web'],
    });
    expect(products[0].decisions.map(d => d.entityRef)).toEqual([
      'component:default/chat',
      'component:default/recommendations',
      'component:default/search',
    ]);
  });

  it('merges the spellings an alias names, under the alias', () => {
    const aliases = { 'Pinecone Serverless': 'Pinecone' };
    expect(productKeyOf('pinecone serverless', aliases)).toBe('pinecone');
    const products = vendorPortfolio(
      [decision('a', 'PineconeServerless'), decision('b', 'pinecone')],
      [],
      aliases,
    );
    expect(products).toHaveLength(1);
    expect(products[0].product).toBe('Pinecone');
    expect(products[0].components).toBe(2);
  });

  it('names a product by the spelling most decisions used', () => {
    const [product] = vendorPortfolio(
      [
        decision('a', 'stripe'),
        decision('b', 'Stripe'),
        decision('c', 'Stripe'),
      ],
      [],
    );
    expect(product.product).toBe('Stripe');
  });

  it('orders by any column, ties by concentration and then by name', () => {
    const products = vendorPortfolio(
      [
        decision('a', 'Alpha', { integrationWeeks: 1 }),
        decision('b', 'Beta', { integrationWeeks: 8 }),
        decision('c', 'Beta'),
        decision('d', 'Gamma', { integrationWeeks: 8 }),
      ],
      [],
    );
    expect(products.map(p => p.product)).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(
      sortVendorProducts(products, 'integrationWeeks', 'desc').map(
        p => p.product,
      ),
    ).toEqual(['Beta', 'Gamma', 'Alpha']);
    expect(
      sortVendorProducts(products, 'product', 'asc').map(p => p.product),
    ).toEqual(['Alpha', 'Beta', 'Gamma']);
  });
});
