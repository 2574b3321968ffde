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

import { vendorPortfolio, type PortfolioDecision } from './portfolio';
import {
  buildRadarPlacement,
  productRadarPlacement,
  RADAR_QUADRANTS,
  RADAR_RINGS,
} from './radar';
import { reviewWindow } from './review';

const window = reviewWindow(new Date('2026-12-03T10:00:00Z'));

const decision = (
  name: string,
  productName: string,
  more: Partial<PortfolioDecision> = {},
): PortfolioDecision => ({
  entityRef: `component:default/${name}`,
  productName,
  hasMigrationPlan: true,
  revisitBy: '2027-06-01',
  ...more,
});

const productOf = (...decisions: PortfolioDecision[]) => {
  const [product] = vendorPortfolio(decisions, []);
  return product;
};

const nothingWrapped = () => false;

describe('productRadarPlacement', () => {
  it('places a bought product by how many components chose it', () => {
    const rings = [1, 2, 3, 4].map(
      count =>
        productRadarPlacement(
          productOf(
            ...Array.from({ length: count }, (_, i) =>
              decision(`c${i}`, 'VectorCloud'),
            ),
          ),
          { window, wrapped: nothingWrapped },
        ).ring,
    );
    expect(rings).toEqual([
      'chosen-once',
      'chosen',
      'widely-chosen',
      'widely-chosen',
    ]);
  });

  it('puts a product under a vendor event on the revisit ring, however widely chosen, and says why', () => {
    const event = {
      id: 'e1',
      product: 'VectorCloud',
      kind: 'price-or-terms-change' as const,
      occurredOn: '2026-11-30',
    };
    const placement = productRadarPlacement(
      productOf(
        decision('search', 'VectorCloud', { vendorEvent: event }),
        decision('chat', 'VectorCloud', { vendorEvent: event }),
        decision('billing', 'VectorCloud'),
      ),
      { window, wrapped: nothingWrapped },
    );
    expect(placement.ring).toBe('revisit');
    expect(placement.quadrant).toBe('bought');
    expect(placement.since).toBe('2026-11-30');
    // One event, said once.
    expect(
      placement.description.match(/New information arrived/g),
    ).toHaveLength(1);
    expect(placement.description).toContain(
      'VectorCloud had a price or terms change on 2026-11-30',
    );
  });

  it('puts a product on the revisit ring once a revisit date of its decisions has passed, not the day before', () => {
    const on = (revisitBy: string) =>
      productRadarPlacement(
        productOf(decision('search', 'VectorCloud', { revisitBy })),
        { window, wrapped: nothingWrapped },
      );
    expect(on('2026-12-02').ring).toBe('revisit');
    expect(on('2026-12-02').description).toContain(
      'The revisit date 2026-12-02 has passed',
    );
    expect(on('2026-12-02').since).toBe('2026-12-02');
    expect(on('2026-12-03').ring).toBe('chosen-once');
    expect(on('2026-12-03').since).toBeUndefined();
  });

  it('is a dependency when any decision bought it without a migration plan, else wrapped when most decisions say so', () => {
    const wrapped = (ref: string) => ref !== 'component:default/billing';
    expect(
      productRadarPlacement(
        productOf(
          decision('search', 'Algolia'),
          decision('chat', 'Algolia', { hasMigrationPlan: false }),
        ),
        { window, wrapped: nothingWrapped },
      ),
    ).toMatchObject({
      quadrant: 'dependency',
      description: expect.stringContaining(
        '1 of them without a migration plan',
      ),
    });
    expect(
      productRadarPlacement(
        productOf(
          decision('search', 'Algolia'),
          decision('chat', 'Algolia'),
          decision('billing', 'Algolia'),
        ),
        { window, wrapped },
      ).quadrant,
    ).toBe('bought-with-wrapper');
    expect(
      productRadarPlacement(
        productOf(
          decision('search', 'Algolia'),
          decision('billing', 'Algolia'),
        ),
        { window, wrapped },
      ).quadrant,
    ).toBe('bought');
  });

  it('names the components that chose it in words, their markup as text', () => {
    const { description } = productRadarPlacement(
      productOf(
        decision('search', 'VectorCloud', { title: 'Product *search*' }),
        decision('chat', 'VectorCloud'),
        decision('recommend', 'VectorCloud', {
          title: '<img src=x onerror=alert(1)>',
        }),
      ),
      { window, wrapped: nothingWrapped },
    );
    // In the order of their refs, as the portfolio lists them.
    expect(description).toContain(
      'Chosen by chat, &lt;img src=x onerror=alert(1)&gt; and Product \\*search\\*.',
    );
    expect(description).not.toContain('component:');
  });
});

describe('buildRadarPlacement', () => {
  const build = {
    entityRef: 'component:default/pricing-engine',
    reviewStatus: 'current' as const,
    revisitBy: '2027-06-01',
    maintenanceOwnerRef: 'group:default/pricing',
    entity: { title: 'Pricing engine' },
  };

  it('is built in-house, chosen by its component, by whom maintained', () => {
    expect(buildRadarPlacement(build)).toEqual({
      quadrant: 'built',
      ring: 'chosen-once',
      description:
        'Built in-house by Pricing engine.\n\nMaintained by pricing: every system you build becomes a system you maintain.',
    });
  });

  it('is to revisit once its review is overdue', () => {
    const placement = buildRadarPlacement({
      ...build,
      reviewStatus: 'overdue',
      revisitBy: '2026-01-01',
    });
    expect(placement.ring).toBe('revisit');
    expect(placement.description).toContain(
      'The revisit date 2026-01-01 has passed',
    );
    expect(placement.since).toBe('2026-01-01');
    expect(
      buildRadarPlacement({ ...build, reviewStatus: 'due-soon' }).ring,
    ).toBe('chosen-once');
  });
});

describe('the radar', () => {
  it('has four quadrants and the revisit ring outermost, as the radar draws them', () => {
    expect(RADAR_QUADRANTS).toHaveLength(4);
    expect(RADAR_RINGS.map(ring => ring.id)).toEqual([
      'widely-chosen',
      'chosen',
      'chosen-once',
      'revisit',
    ]);
  });
});
