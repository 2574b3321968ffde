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

import type {
  RadarEntry,
  TechRadarLoaderResponse,
} from '@backstage-community/plugin-tech-radar-common';
import {
  buildRadarPlacement,
  decisionTabPath,
  displayNameOf,
  productRadarPlacement,
  RADAR_QUADRANTS,
  RADAR_RINGS,
  reviewWindow,
  type EvaluationSummary,
  type Page,
  type RadarPlacement,
  type RadarRingId,
  type VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { BuildVsBuyApi } from './BuildVsBuyApi';

/** The largest page the backend serves: few requests, whatever the size. */
const PAGE_SIZE = 500;

/** The radar's own colours, innermost ring first. */
const RING_COLORS: Record<RadarRingId, string> = {
  'widely-chosen': '#5BA300',
  chosen: '#009EB0',
  'chosen-once': '#C7BA00',
  revisit: '#E09B96',
};

/**
 * Options of {@link BuildVsBuyTechRadarApi}.
 *
 * @public
 */
export type BuildVsBuyTechRadarApiOptions = {
  /** The Build vs Buy client, `buildVsBuyApiRef`. */
  buildVsBuyApi: BuildVsBuyApi;
  /**
   * Where the Build vs Buy dashboard is mounted; a product links to its
   * vendor portfolio tab. `/build-vs-buy` by default.
   */
  dashboardPath?: string;
  /**
   * The page of a component's decision. By default its entity page's
   * Build vs Buy tab: `/catalog/:namespace/:kind/:name/build-vs-buy`.
   */
  decisionPath?: (entityRef: string) => string;
  /** Today, for the revisit dates; the clock by default. */
  now?: () => Date;
};

/**
 * A date as the radar's timeline prints it (in the reader's time zone): a
 * day (`2026-11-02`, a revisit date or the day news arrived) is that day's
 * local midnight, where `new Date` would take UTC's and show the day
 * before west of Greenwich; a time stays that instant.
 */
function timelineDate(value: string | Date): Date {
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) {
      return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    }
  }
  return new Date(value);
}

async function allPages<T>(
  read: (cursor?: string) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A `TechRadarApi` of the community Tech Radar plugin that shows the
 * organisation's decisions: every product current decisions bought, by how
 * many components chose it, each build in-house, and on the "Revisit" ring
 * what a vendor event or a passed revisit date calls into question (the
 * placement is -common's `productRadarPlacement` and
 * `buildRadarPlacement`). It reads the vendor portfolio and the complete
 * decisions, a page of 500 at a time.
 *
 * Register it for the radar's `techRadarApiRef`:
 *
 * ```ts
 * createApiFactory({
 *   api: techRadarApiRef,
 *   deps: { buildVsBuyApi: buildVsBuyApiRef },
 *   factory: ({ buildVsBuyApi }) =>
 *     new BuildVsBuyTechRadarApi({ buildVsBuyApi }),
 * })
 * ```
 *
 * @public
 */
export class BuildVsBuyTechRadarApi {
  private readonly api: BuildVsBuyApi;
  private readonly dashboardPath: string;
  private readonly decisionPath: (entityRef: string) => string;
  private readonly now: () => Date;

  constructor(options: BuildVsBuyTechRadarApiOptions) {
    this.api = options.buildVsBuyApi;
    this.dashboardPath = (options.dashboardPath ?? '/build-vs-buy').replace(
      /\/$/,
      '',
    );
    this.decisionPath = options.decisionPath ?? decisionTabPath;
    this.now = options.now ?? (() => new Date());
  }

  /** The radar of every decision; one radar, whatever its id. */
  async load(_id?: string): Promise<TechRadarLoaderResponse> {
    const [products, decisions] = await Promise.all([
      allPages<VendorProduct>(cursor =>
        this.api.getVendorPortfolio({
          order: 'product',
          limit: PAGE_SIZE,
          cursor,
        }),
      ),
      allPages<EvaluationSummary>(cursor =>
        this.api.listEvaluations({
          status: 'complete',
          limit: PAGE_SIZE,
          cursor,
        }),
      ),
    ]);
    const now = this.now();
    const window = reviewWindow(now);
    const savedAt = new Map(decisions.map(d => [d.entityRef, d.updatedAt]));
    const wrapped = new Set(
      decisions
        .filter(d => d.teamDecision.kind === 'buy-with-wrapper')
        .map(d => d.entityRef),
    );
    // The timeline's one step: since when it stands there, as far as the
    // decisions tell (today only if none does).
    const entry = (
      id: string,
      title: string,
      placement: RadarPlacement,
      more: Pick<RadarEntry, 'url' | 'links'> & { decidedAt?: string },
    ): RadarEntry => ({
      key: id,
      id,
      title,
      quadrant: placement.quadrant,
      description: placement.description,
      timeline: [
        {
          date: timelineDate(placement.since ?? more.decidedAt ?? now),
          ringId: placement.ring,
          description: RADAR_RINGS.find(ring => ring.id === placement.ring)
            ?.description,
        },
      ],
      url: more.url,
      links: more.links,
    });

    const bought = products.map((product, index) =>
      entry(
        `bought-${index + 1}`,
        product.product,
        productRadarPlacement(product, {
          window,
          wrapped: ref => wrapped.has(ref),
        }),
        {
          url: `${this.dashboardPath}?tab=vendor-portfolio`,
          // Where no news or passed date placed it: since the latest
          // decision to buy it.
          decidedAt: product.decisions
            .map(decision => savedAt.get(decision.entityRef))
            .filter((at): at is string => at !== undefined)
            .sort()
            .at(-1),
          links: product.decisions.map(decision => ({
            title: decision.title || displayNameOf(decision.entityRef),
            url: this.decisionPath(decision.entityRef),
          })),
        },
      ),
    );
    // What the team decided, whatever the tree recommended.
    const built = decisions
      .filter(d => d.teamDecision.kind === 'build')
      .map((decision, index) =>
        entry(
          `built-${index + 1}`,
          decision.entity.title || displayNameOf(decision.entityRef),
          buildRadarPlacement(decision),
          {
            url: this.decisionPath(decision.entityRef),
            decidedAt: decision.updatedAt,
          },
        ),
      );

    return {
      quadrants: RADAR_QUADRANTS.map(({ id, name }) => ({ id, name })),
      rings: RADAR_RINGS.map(({ id, name, description }) => ({
        id,
        name,
        description,
        color: RING_COLORS[id],
      })),
      entries: [...bought, ...built],
    };
  }
}
