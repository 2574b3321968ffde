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

import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { evaluate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { refreshCatalogComponents, refreshCatalogFacts } from './catalogFacts';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(60_000);

const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    owner,
    system: 'rag-platform',
    lifecycle: 'production',
  },
});

describe('refreshCatalogFacts', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'refreshes owners page by page and marks entities that left the catalog, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await databaseOn(knex);
      const names = ['a-store', 'b-store', 'c-store'];
      for (const name of names) {
        const evaluation = {
          ...ecommerceVectorDatabase,
          entityRef: `component:default/${name}`,
        };
        await store.evaluations.create({
          entityRef: evaluation.entityRef,
          status: 'complete',
          evaluation,
          outcome: evaluate(evaluation),
          revisitBy: '2027-05-01',
          entity: { ownerRef: 'group:default/old-owner', missing: false },
          actorRef: 'user:default/alice',
          now: new Date('2026-11-01T00:00:00Z'),
        });
      }
      // c-store has left the catalog; a-store and b-store changed owner.
      const catalog = catalogServiceMock({
        entities: [
          component('a-store', 'ml-platform'),
          component('b-store', 'search-relevance'),
        ],
      });
      const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');

      const result = await refreshCatalogFacts({
        store: store.catalogFacts,
        catalog,
        credentials: mockCredentials.service(),
        batchSize: 2,
      });

      expect(result).toEqual({ refreshed: 3, missing: 1 });
      // One catalog request per page of evaluations, never one per row.
      expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
      const byName = Object.fromEntries(
        await Promise.all(
          names.map(async name => [
            name,
            (await store.evaluations.getByEntityRef(
              `component:default/${name}`,
            ))!.entity,
          ]),
        ),
      );
      expect(byName['a-store']).toMatchObject({
        ownerRef: 'group:default/ml-platform',
        systemRef: 'system:default/rag-platform',
        missing: false,
      });
      expect(byName['b-store'].ownerRef).toBe('group:default/search-relevance');
      expect(byName['c-store']).toEqual({
        ownerRef: 'group:default/old-owner',
        missing: true,
      });
    },
  );
});

describe('refreshCatalogComponents', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'copies the components page by page and removes those that left, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await databaseOn(knex);
      const coverage = async () =>
        (
          await store.dashboard.teamCoverage({
            filter: {},
            window: { today: '2026-11-02', dueSoonBy: '2026-12-02' },
            order: 'ownerRef',
            direction: 'asc',
            limit: 10,
          })
        ).items.map(team => [team.ownerRef, team.components]);
      const group = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'ml-platform', namespace: 'default' },
        spec: { type: 'team', children: [] },
      };

      const first = await refreshCatalogComponents({
        store: store.catalogFacts,
        catalog: catalogServiceMock({
          entities: [
            group,
            {
              ...component('a-store', 'ml-platform'),
              // b-store depends on a-store: the blast radius of a-store.
              relations: [
                {
                  type: 'dependencyOf',
                  targetRef: 'component:default/B-Store',
                },
                { type: 'ownedBy', targetRef: 'group:default/ml-platform' },
              ],
            },
            component('b-store', 'ml-platform'),
            component('c-store', 'Search-Relevance'),
          ],
        }),
        credentials: mockCredentials.service(),
        now: new Date('2026-11-01T00:00:00Z'),
        batchSize: 2,
      });
      expect(first).toEqual({ components: 3, removed: 0 });
      expect(
        await store.portfolio.listDependents(['component:default/a-store']),
      ).toEqual([
        {
          componentRef: 'component:default/a-store',
          dependentRef: 'component:default/b-store',
          dependentSystemRef: 'system:default/rag-platform',
        },
      ]);
      expect(await coverage()).toEqual([
        ['group:default/ml-platform', 2],
        ['group:default/search-relevance', 1],
      ]);

      // c-store left the catalog; b-store changed owner.
      const second = await refreshCatalogComponents({
        store: store.catalogFacts,
        catalog: catalogServiceMock({
          entities: [
            component('a-store', 'ml-platform'),
            component('b-store', 'search-relevance'),
          ],
        }),
        credentials: mockCredentials.service(),
        now: new Date('2026-11-02T00:00:00Z'),
        batchSize: 2,
      });
      expect(second).toEqual({ components: 2, removed: 1 });
      // The second refresh read a-store without the relation.
      expect(
        await store.portfolio.listDependents(['component:default/a-store']),
      ).toEqual([]);
      expect(await coverage()).toEqual([
        ['group:default/ml-platform', 1],
        ['group:default/search-relevance', 1],
      ]);
    },
  );
});
