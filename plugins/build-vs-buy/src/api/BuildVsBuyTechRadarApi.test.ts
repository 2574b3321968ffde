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

import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import type {
  EvaluationSummary,
  Verdict,
  VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BuildVsBuyClient } from './BuildVsBuyClient';
import { BuildVsBuyTechRadarApi } from './BuildVsBuyTechRadarApi';

const server = setupServer();
const baseUrl = 'http://localhost:7007/api/build-vs-buy';

const ref = (name: string) => `component:default/${name}`;

const summary = (
  name: string,
  teamDecision: Verdict,
  more: Partial<EvaluationSummary> = {},
): EvaluationSummary => ({
  id: `id-${name}`,
  entityRef: ref(name),
  version: 1,
  status: 'complete',
  verdict: teamDecision,
  teamDecision,
  decidedAgainstTree: false,
  regulatedWithoutBuildFallback: false,
  reviewStatus: 'current',
  revisitBy: '2027-06-01',
  hasMigrationPlan: true,
  entity: { missing: false },
  updatedAt: '2026-11-01T12:00:00Z',
  updatedBy: 'user:default/ana',
  ...more,
});

const buy = (candidateName: string): Verdict => ({
  kind: 'buy',
  candidateId: candidateName.toLowerCase(),
  candidateName,
});

const product = (
  name: string,
  decisions: VendorProduct['decisions'],
): VendorProduct => ({
  product: name,
  spellings: [name],
  decisions,
  components: decisions.length,
  withoutMigrationPlan: decisions.filter(d => !d.hasMigrationPlan).length,
  integrationWeeks: 0,
  nextRevisitBy: decisions.map(d => d.revisitBy).sort()[0],
  dependents: [],
  systems: [],
});

const EVENT = {
  id: 'event-1',
  product: 'VectorCloud',
  kind: 'incident' as const,
  occurredOn: '2026-11-20',
};

describe('BuildVsBuyTechRadarApi', () => {
  registerMswTestHooks(server);

  const radarOf = () =>
    new BuildVsBuyTechRadarApi({
      buildVsBuyApi: new BuildVsBuyClient({
        discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
        fetchApi: { fetch: (input, init) => fetch(input, init) },
      }),
      now: () => new Date('2026-12-03T10:00:00Z'),
    });

  it('turns the portfolio and the decisions to build into entries, reading every page', async () => {
    const requests: string[] = [];
    server.use(
      http.get(`${baseUrl}/portfolio/products`, ({ request }) => {
        const url = new URL(request.url);
        requests.push(`portfolio ${url.search}`);
        if (url.searchParams.get('cursor') !== 'products-2') {
          return HttpResponse.json({
            items: [
              product('VectorCloud', [
                {
                  entityRef: ref('chat'),
                  title: 'Chat',
                  productName: 'VectorCloud',
                  hasMigrationPlan: true,
                  revisitBy: '2027-06-01',
                },
                {
                  entityRef: ref('search'),
                  title: 'Search',
                  productName: 'VectorCloud',
                  hasMigrationPlan: true,
                  revisitBy: '2027-06-01',
                  vendorEvent: EVENT,
                },
              ]),
            ],
            nextCursor: 'products-2',
          });
        }
        return HttpResponse.json({
          items: [
            product('<b>Algolia</b>', [
              {
                entityRef: ref('recommend'),
                productName: '<b>Algolia</b>',
                hasMigrationPlan: true,
                revisitBy: '2027-06-01',
              },
            ]),
          ],
        });
      }),
      http.get(`${baseUrl}/evaluations`, ({ request }) => {
        const url = new URL(request.url);
        requests.push(`evaluations ${url.search}`);
        if (url.searchParams.get('cursor') !== 'decisions-2') {
          return HttpResponse.json({
            items: [
              summary('chat', buy('VectorCloud')),
              summary('search', buy('VectorCloud')),
              summary(
                'recommend',
                {
                  kind: 'buy-with-wrapper',
                  candidateId: 'algolia',
                  candidateName: '<b>Algolia</b>',
                  gaps: ['typo-tolerance'],
                },
                { updatedAt: '2026-11-15T09:30:00Z' },
              ),
            ],
            nextCursor: 'decisions-2',
          });
        }
        return HttpResponse.json({
          items: [
            summary(
              'pricing',
              { kind: 'build' },
              {
                reviewStatus: 'overdue',
                revisitBy: '2026-10-01',
                entity: { title: 'Pricing engine', missing: false },
              },
            ),
            // The tree recommended buying; the team built: it is a build.
            summary(
              'ledger',
              { kind: 'build' },
              { verdict: buy('Ledgerly'), decidedAgainstTree: true },
            ),
          ],
        });
      }),
    );

    const radar = await radarOf().load(undefined);

    expect(requests.sort()).toEqual([
      'evaluations ?status=complete&limit=500',
      'evaluations ?status=complete&limit=500&cursor=decisions-2',
      'portfolio ?order=product&limit=500',
      'portfolio ?order=product&limit=500&cursor=products-2',
    ]);
    expect(radar.quadrants.map(q => q.name)).toEqual([
      'Bought',
      'Bought with a thin wrapper',
      'Bought without a migration plan',
      'Built in-house',
    ]);
    expect(radar.rings.map(r => [r.name, r.color])).toEqual([
      ['Widely chosen', '#5BA300'],
      ['Chosen', '#009EB0'],
      ['Chosen once', '#C7BA00'],
      ['Revisit', '#E09B96'],
    ]);
    expect(
      radar.entries.map(e => [
        e.title,
        e.quadrant,
        e.timeline.map(t => t.ringId),
      ]),
    ).toEqual([
      ['VectorCloud', 'bought', ['revisit']],
      // The product's name as it was written: the radar shows it as text.
      ['<b>Algolia</b>', 'bought-with-wrapper', ['chosen-once']],
      ['Pricing engine', 'built', ['revisit']],
      ['ledger', 'built', ['chosen-once']],
    ]);

    // Since when each stands where it is: the news, the latest decision to
    // buy it, the revisit date that passed, the decision to build. A day is
    // that day wherever the reader is: the timeline prints local dates.
    const localDay = (date: Date) =>
      [date.getFullYear(), date.getMonth() + 1, date.getDate()]
        .map(part => String(part).padStart(2, '0'))
        .join('-');
    expect(radar.entries.map(e => localDay(e.timeline[0].date))).toEqual([
      '2026-11-20',
      '2026-11-15',
      '2026-10-01',
      '2026-11-01',
    ]);

    const [vectorCloud, algolia, pricing] = radar.entries;
    expect(vectorCloud).toMatchObject({
      url: '/build-vs-buy?tab=vendor-portfolio',
      links: [
        { title: 'Chat', url: '/catalog/default/component/chat/build-vs-buy' },
        {
          title: 'Search',
          url: '/catalog/default/component/search/build-vs-buy',
        },
      ],
    });
    expect(vectorCloud.description).toContain('Chosen by Chat and Search.');
    expect(vectorCloud.description).toContain(
      'New information arrived: VectorCloud had an incident on 2026-11-20.',
    );
    expect(algolia.description).toContain(
      'Each with a thin wrapper over its gaps.',
    );
    expect(pricing).toMatchObject({
      url: '/catalog/default/component/pricing/build-vs-buy',
      description: expect.stringContaining(
        'The revisit date 2026-10-01 has passed',
      ),
    });
    // Entry ids are safe as DOM ids, whatever the names.
    expect(radar.entries.map(e => e.id)).toEqual([
      'bought-1',
      'bought-2',
      'built-1',
      'built-2',
    ]);
  });

  it('links where the app mounted the dashboard and the decisions', async () => {
    server.use(
      http.get(`${baseUrl}/portfolio/products`, () =>
        HttpResponse.json({
          items: [
            product('Stripe', [
              {
                entityRef: ref('billing'),
                productName: 'Stripe',
                hasMigrationPlan: true,
                revisitBy: '2027-06-01',
              },
            ]),
          ],
        }),
      ),
      http.get(`${baseUrl}/evaluations`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    const radar = await new BuildVsBuyTechRadarApi({
      buildVsBuyApi: new BuildVsBuyClient({
        discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
        fetchApi: { fetch: (input, init) => fetch(input, init) },
      }),
      dashboardPath: '/decisions/',
      decisionPath: entityRef => `/decision?of=${entityRef}`,
    }).load(undefined);
    expect(radar.entries).toMatchObject([
      {
        title: 'Stripe',
        url: '/decisions?tab=vendor-portfolio',
        links: [
          { title: 'billing', url: '/decision?of=component:default/billing' },
        ],
      },
    ]);
  });
});
