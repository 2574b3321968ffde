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
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createSearchResultListItemExtension,
  type SearchResultListItemExtensionProps,
} from '@backstage/plugin-search-react';
import type { JSX } from 'react';
import type { BuildVsBuySearchResultListItemProps } from './components/BuildVsBuySearchResultListItem';
import { BuildVsBuyClient, buildVsBuyApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The Build vs Buy frontend plugin.
 *
 * @public
 */
export const buildVsBuyPlugin = createPlugin({
  id: 'build-vs-buy',
  apis: [
    createApiFactory({
      api: buildVsBuyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BuildVsBuyClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The org-wide dashboard of build-vs-buy decisions, mounted at `/build-vs-buy`.
 *
 * @public
 */
export const BuildVsBuyPage = buildVsBuyPlugin.provide(
  createRoutableExtension({
    name: 'BuildVsBuyPage',
    component: () =>
      import('./components/BuildVsBuyPage').then(m => m.BuildVsBuyPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The decision of the current entity, for its overview page.
 *
 * @public
 */
export const EntityBuildVsBuyCard = buildVsBuyPlugin.provide(
  createComponentExtension({
    name: 'EntityBuildVsBuyCard',
    component: {
      lazy: () =>
        import('./components/EntityBuildVsBuyCard').then(
          m => m.EntityBuildVsBuyCard,
        ),
    },
  }),
);

/**
 * The Build vs Buy tab of an entity: the decision in full, its history, and
 * the evaluation wizard at `<tab>/evaluate`.
 *
 * @public
 */
export const EntityBuildVsBuyContent = buildVsBuyPlugin.provide(
  createComponentExtension({
    name: 'EntityBuildVsBuyContent',
    component: {
      lazy: () =>
        import('./components/EntityBuildVsBuyContent').then(
          m => m.EntityBuildVsBuyContent,
        ),
    },
  }),
);

/**
 * A search result of type `build-vs-buy`, as indexed by
 * `@build-vs-buy/plugin-search-backend-module-build-vs-buy`: place it inside
 * `<SearchResult>` on the search page.
 *
 * @public
 */
export const BuildVsBuySearchResultListItem: (
  props: SearchResultListItemExtensionProps<BuildVsBuySearchResultListItemProps>,
) => JSX.Element | null = buildVsBuyPlugin.provide(
  createSearchResultListItemExtension({
    name: 'BuildVsBuySearchResultListItem',
    component: () =>
      import('./components/BuildVsBuySearchResultListItem').then(
        m => m.BuildVsBuySearchResultListItem,
      ),
    predicate: result => result.type === 'build-vs-buy',
  }),
);
