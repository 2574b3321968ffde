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

/**
 * The Build vs Buy plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

import type { TechRadarLoaderResponse } from '@backstage-community/plugin-tech-radar-common';
import {
  ApiBlueprint,
  type ApiRef,
  PageBlueprint,
  createFrontendModule,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
  EntityContextMenuItemBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import {
  BuildVsBuyClient,
  BuildVsBuyTechRadarApi,
  buildVsBuyApiRef,
} from './api';
import { DEFAULT_TAB_PATH, useEntityTabLink } from './hooks/useEntityTabLink';

const dashboardRouteRef = createRouteRef();

/** The client of the Build vs Buy backend. @alpha */
export const buildVsBuyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: buildVsBuyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BuildVsBuyClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The org-wide dashboard at `/build-vs-buy`; its title and icon put it in
 * the navigation.
 *
 * @alpha
 */
export const buildVsBuyPage = PageBlueprint.make({
  params: {
    path: '/build-vs-buy',
    title: 'Build vs Buy',
    icon: <AssessmentIcon />,
    routeRef: dashboardRouteRef,
    // The app's page bar carries the title; the dashboard adds no header.
    loader: () =>
      import('./components/BuildVsBuyPage').then(m => (
        <m.BuildVsBuyDashboard />
      )),
  },
});

/** The decision on a component's overview. @alpha */
export const buildVsBuyEntityCard = EntityCardBlueprint.make({
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityBuildVsBuyCard').then(m => (
        <m.EntityBuildVsBuyCard />
      )),
  },
});

/** The Build vs Buy tab of a component. @alpha */
export const buildVsBuyEntityContent = EntityContentBlueprint.make({
  params: {
    path: DEFAULT_TAB_PATH,
    title: 'Build vs Buy',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityBuildVsBuyContent').then(m => (
        <m.EntityBuildVsBuyContent />
      )),
  },
});

/** "Evaluate build vs buy" in a component's context menu. @alpha */
export const buildVsBuyEntityContextMenuItem =
  EntityContextMenuItemBlueprint.make({
    params: {
      icon: <AssessmentIcon />,
      filter: { kind: 'component' },
      useProps: () => {
        const { entity } = useEntity();
        const links = useEntityTabLink(entity);
        return { title: 'Evaluate build vs buy', href: links.wizard };
      },
    },
  });

/** Build vs Buy decisions among search results. @alpha */
export const buildVsBuySearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      icon: <AssessmentIcon />,
      predicate: result => result.type === 'build-vs-buy',
      component: () =>
        import('./components/BuildVsBuySearchResultListItem').then(
          m => m.BuildVsBuySearchResultListItem,
        ),
    },
  });

/** "Build vs Buy" among the result types of the search page. @alpha */
export const buildVsBuySearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: 'build-vs-buy',
    name: 'Build vs Buy',
    icon: <AssessmentIcon />,
  },
});

/**
 * "Build vs buy: no decision / due for revisit / current" in the catalog
 * page's filter sidebar. (The catalog page of the new frontend system takes
 * no extra table columns yet; apps on the legacy system add
 * `createBuildVsBuyCatalogColumn()` to `CatalogIndexPage`.)
 *
 * @alpha
 */
export const buildVsBuyCatalogFilter = CatalogFilterBlueprint.make({
  params: {
    loader: () =>
      import('./components/CatalogDecisions').then(m => (
        <m.BuildVsBuyCatalogFilter />
      )),
  },
});

/**
 * Options of {@link buildVsBuyTechRadarModule}: the community Tech Radar's
 * `techRadarApiRef`, passed in so this package does not depend on the
 * radar, and where the app mounts the dashboard and the decisions.
 *
 * @alpha
 */
export type BuildVsBuyTechRadarModuleOptions = {
  techRadarApiRef: ApiRef<{
    load: (id: string | undefined) => Promise<TechRadarLoaderResponse>;
  }>;
  /** Where the dashboard is mounted; `/build-vs-buy` by default. */
  dashboardPath?: string;
  /** The page of a component's decision; its `build-vs-buy` tab by default. */
  decisionPath?: (entityRef: string) => string;
};

/**
 * The community Tech Radar's API over the decisions (the main entry
 * point's `BuildVsBuyTechRadarApi`), as an `api` extension for the radar's
 * `techRadarApiRef`.
 *
 * @alpha
 */
export function buildVsBuyTechRadarApi(
  options: BuildVsBuyTechRadarModuleOptions,
) {
  const { techRadarApiRef, ...radarOptions } = options;
  return ApiBlueprint.make({
    params: defineParams =>
      defineParams({
        api: techRadarApiRef,
        deps: { client: buildVsBuyApiRef },
        factory: ({ client }) =>
          new BuildVsBuyTechRadarApi({
            ...radarOptions,
            buildVsBuyApi: client,
          }),
      }),
  });
}

/**
 * A module of the community Tech Radar plugin whose `api:tech-radar`
 * replaces the radar's own API, so the radar shows the decisions:
 * `createApp({ features: [buildVsBuyTechRadarModule({ techRadarApiRef })] })`.
 *
 * @alpha
 */
export function buildVsBuyTechRadarModule(
  options: BuildVsBuyTechRadarModuleOptions,
) {
  return createFrontendModule({
    pluginId: 'tech-radar',
    extensions: [buildVsBuyTechRadarApi(options)],
  });
}

/**
 * The Build vs Buy plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'build-vs-buy',
  title: 'Build vs Buy',
  icon: <AssessmentIcon />,
  routes: { root: dashboardRouteRef },
  extensions: [
    buildVsBuyApi,
    buildVsBuyPage,
    buildVsBuyEntityCard,
    buildVsBuyEntityContent,
    buildVsBuyEntityContextMenuItem,
    buildVsBuySearchResultListItem,
    buildVsBuySearchResultType,
    buildVsBuyCatalogFilter,
  ],
});
