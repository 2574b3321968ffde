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
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { BuildVsBuyApi, buildVsBuyApiRef } from '../api';
import { catalogEntities, componentEntity } from './storedEvaluations';

export const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

/**
 * Renders an element in a test app with a Build vs Buy API, a permission
 * decision, an entity and a catalog that holds it, its owner and its
 * dependents (`extraApis` may replace any of them). Every render gets its own permission cache, so a
 * test never sees the answer of the one before.
 */
export function renderWithApis(
  element: ReactElement,
  options: {
    api: Partial<BuildVsBuyApi>;
    authorize?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    entity?: Entity;
    /** What the catalog holds; only the rendered entity by default. */
    catalogEntities?: Entity[];
    routeEntries?: string[];
    extraApis?: [any, any][];
  },
) {
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [buildVsBuyApiRef, options.api],
          [
            catalogApiRef,
            catalogApiMock({
              entities: options.catalogEntities ?? [
                ...(options.entity ? [options.entity] : []),
                ...catalogEntities,
              ],
            }),
          ],
          [
            permissionApiRef,
            mockApis.permission({
              authorize: options.authorize ?? AuthorizeResult.ALLOW,
            }),
          ],
          ...(options.extraApis ?? []),
        ]}
      >
        <EntityProvider entity={options.entity ?? componentEntity}>
          {element}
        </EntityProvider>
      </TestApiProvider>
    </SWRConfig>,
    { mountedRoutes, routeEntries: options.routeEntries },
  );
}
