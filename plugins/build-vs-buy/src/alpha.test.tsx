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
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  ApiBlueprint,
  coreExtensionData,
  createApiRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import buildVsBuyPlugin, {
  buildVsBuyApi,
  buildVsBuyEntityContent,
  buildVsBuyPage,
  buildVsBuySearchResultListItem,
  buildVsBuySearchResultType,
  buildVsBuyTechRadarApi,
  buildVsBuyTechRadarModule,
} from './alpha';
import {
  BuildVsBuyClient,
  BuildVsBuyTechRadarApi,
  buildVsBuyApiRef,
  type BuildVsBuyApi,
} from './api';

describe('alpha', () => {
  it('is a frontend plugin with the API, the page, and the entity card, tab and menu item', () => {
    expect(buildVsBuyPlugin.id).toBe('build-vs-buy');
    for (const id of [
      'api:build-vs-buy',
      'page:build-vs-buy',
      'entity-card:build-vs-buy',
      'entity-content:build-vs-buy',
      'entity-context-menu-item:build-vs-buy',
      'search-result-list-item:build-vs-buy',
      'search-filter-result-type:build-vs-buy',
      'catalog-filter:build-vs-buy',
    ]) {
      expect(buildVsBuyPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('mounts the dashboard at /build-vs-buy', () => {
    const tester = createExtensionTester(buildVsBuyPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/build-vs-buy');
  });

  it('adds the Build vs Buy tab', () => {
    const tester = createExtensionTester(buildVsBuyEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('build-vs-buy');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Build vs Buy',
    );
  });

  it('renders search results of type build-vs-buy, and only those', async () => {
    const tester = createExtensionTester(buildVsBuySearchResultListItem);
    const item = tester.get(SearchResultListItemBlueprint.dataRefs.item);
    const result = (type: string) => ({
      type,
      document: { title: 't', text: 'x', location: '/l' },
    });
    expect(item.predicate?.(result('build-vs-buy'))).toBe(true);
    expect(item.predicate?.(result('software-catalog'))).toBe(false);

    const Item = item.component;
    renderInTestApp(
      <Item
        result={{
          title: 'vector-db: Buy',
          text: 'Candidates: VectorCloud.',
          location: '/catalog/default/component/vector-db/build-vs-buy',
        }}
      />,
    );
    expect(
      await screen.findByRole('link', { name: 'vector-db: Buy' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/vector-db/build-vs-buy',
    );
  });

  it('offers Build vs Buy as a search result type', () => {
    const tester = createExtensionTester(buildVsBuySearchResultType);
    expect(
      tester.get(SearchFilterResultTypeBlueprint.dataRefs.resultType),
    ).toMatchObject({
      value: 'build-vs-buy',
      name: 'Build vs Buy',
    });
  });

  it('provides the HTTP client as the Build vs Buy API', () => {
    const tester = createExtensionTester(buildVsBuyApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(buildVsBuyApiRef.id);
    expect(
      factory.factory({
        discoveryApi: { getBaseUrl: async () => '' },
        fetchApi: { fetch },
      }),
    ).toBeInstanceOf(BuildVsBuyClient);
  });

  it('provides the Tech Radar API over the decisions, for the ref given, in a module of the radar', () => {
    const techRadarApiRef = createApiRef<BuildVsBuyTechRadarApi>({
      id: 'plugin.techradar.service',
    });
    const module = buildVsBuyTechRadarModule({ techRadarApiRef });
    expect(module.pluginId).toBe('tech-radar');

    const tester = createExtensionTester(
      buildVsBuyTechRadarApi({ techRadarApiRef }),
    );
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe('plugin.techradar.service');
    expect(Object.values(factory.deps)).toEqual([buildVsBuyApiRef]);
    expect(factory.factory({ client: {} as BuildVsBuyApi })).toBeInstanceOf(
      BuildVsBuyTechRadarApi,
    );
    // It replaces the radar's own API only as `api:tech-radar`: an API
    // extension without a name, in a module of the tech-radar plugin. A
    // name would add a second API for the same ref instead.
    const definition = buildVsBuyTechRadarApi({
      techRadarApiRef,
    }) as unknown as {
      kind?: string;
      name?: string;
    };
    expect(definition.kind).toBe('api');
    expect(definition.name).toBeUndefined();
  });

  it("renders the dashboard under the app's page bar, without a header of its own", async () => {
    const tester = createExtensionTester(buildVsBuyPage);
    renderInTestApp(tester.reactElement(), {
      apis: [
        [
          buildVsBuyApiRef,
          {
            getDecisionSummary: async () => ({
              total: 0,
              drafts: 0,
              byVerdict: {},
              byReviewStatus: { current: 0, 'due-soon': 0, overdue: 0 },
              byOwnerGroup: [],
              revisitsByMonth: [],
              revisitsOverdue: 0,
              revisitsLater: 0,
            }),
            listEvaluations: async () => ({ items: [] }),
          },
        ],
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByText(
        "No decision yet: start one from a component's Build vs Buy tab",
      ),
    ).toBeInTheDocument();
    // The legacy page's header (title and subtitle) is not repeated here:
    // the new frontend system's page bar already names the page.
    expect(
      screen.queryByText(
        'Decisions on the components teams debate, and when to revisit them',
      ),
    ).not.toBeInTheDocument();
    // One title: the app's page bar, not a second one from the plugin.
    expect(
      screen.getAllByRole('heading', { name: 'Build vs Buy' }),
    ).toHaveLength(1);
  });
});
