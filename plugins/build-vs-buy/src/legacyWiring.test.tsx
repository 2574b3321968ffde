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

import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  BuildVsBuySidebarItem,
  EntityBuildVsBuyContent,
  EntityBuildVsBuyOverviewCard,
  buildVsBuyEntityRoute,
} from './index';
import { rootRouteRef } from './routes';
import { renderWithApis } from './__testUtils__/renderWithApis';
import { storedEvaluation } from './__testUtils__/storedEvaluations';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'ml-platform', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('the legacy entity page pieces', () => {
  it('puts the card in a grid cell of its own on a component', async () => {
    const { container } = await renderWithApis(
      <EntityBuildVsBuyOverviewCard />,
      {
        api: {
          getEvaluationByEntity: jest
            .fn()
            .mockResolvedValue(storedEvaluation('search-retrieval-pipeline')),
        },
      },
    );
    expect(await screen.findByText('Build in-house')).toBeInTheDocument();
    const cell = container.querySelector('.MuiGrid-item');
    expect(cell).toHaveClass('MuiGrid-grid-md-6', 'MuiGrid-grid-xs-12');
    expect(cell).toHaveTextContent('Build in-house');
  });

  it('shows nothing, and asks nothing, on an entity the tree does not evaluate', async () => {
    const getEvaluationByEntity = jest.fn();
    const { container } = await renderWithApis(
      <EntityBuildVsBuyOverviewCard />,
      { api: { getEvaluationByEntity }, entity: group },
    );
    expect(container.querySelector('.MuiGrid-item')).toBeNull();
    expect(getEvaluationByEntity).not.toHaveBeenCalled();
  });

  it('describes the tab of component pages at /build-vs-buy', () => {
    expect(buildVsBuyEntityRoute.path).toBe('/build-vs-buy');
    expect(buildVsBuyEntityRoute.title).toBe('Build vs Buy');
    expect(buildVsBuyEntityRoute.children.type).toBe(EntityBuildVsBuyContent);
    expect(
      buildVsBuyEntityRoute.if({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'vector-db' },
      }),
    ).toBe(true);
    expect(buildVsBuyEntityRoute.if(group)).toBe(false);
  });

  it('links the sidebar item to wherever the app mounted the dashboard', async () => {
    await renderInTestApp(<BuildVsBuySidebarItem />, {
      mountedRoutes: { '/decisions': rootRouteRef },
    });
    expect(screen.getByRole('link', { name: /Build vs Buy/ })).toHaveAttribute(
      'href',
      '/decisions',
    );
  });
});
