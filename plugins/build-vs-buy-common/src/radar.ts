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

/*
 * The organisation's decisions as a tech radar: what it bought, how, and
 * what it built, placed by how many current decisions chose each, with the
 * products and builds that new information or a passed revisit date call
 * back into question on a ring of their own. "The point is to reach a
 * documented, structured answer that the team can revisit when new
 * information arrives."
 */

import { escapeMarkdown } from './adr';
import type { EvaluationSummary } from './api';
import type { VendorProduct } from './portfolio';
import { reviewStatusOf, type ReviewWindow } from './review';
import { vendorEventMessage, type VendorEventFacts } from './vendorEvents';
import { displayNameOf } from './wording';

/**
 * The quadrants of the radar: how the organisation came to have a
 * capability. A product any decision bought without a migration plan is a
 * dependency before it is anything else: "you do not have a vendor
 * relationship. You have a dependency."
 *
 * @public
 */
export const RADAR_QUADRANTS = [
  { id: 'bought', name: 'Bought' },
  { id: 'bought-with-wrapper', name: 'Bought with a thin wrapper' },
  { id: 'dependency', name: 'Bought without a migration plan' },
  { id: 'built', name: 'Built in-house' },
] as const;

/** @public */
export type RadarQuadrantId = (typeof RADAR_QUADRANTS)[number]['id'];

/**
 * How many components' current decisions must choose a product for it to
 * sit on the innermost ring.
 *
 * @public
 */
export const WIDELY_CHOSEN_COMPONENTS = 3;

/**
 * The rings of the radar, innermost first: products by how many current
 * decisions chose them, and outermost those to revisit before anyone
 * chooses them again.
 *
 * @public
 */
export const RADAR_RINGS = [
  {
    id: 'widely-chosen',
    name: 'Widely chosen',
    description: `Chosen by ${WIDELY_CHOSEN_COMPONENTS} or more components.`,
  },
  {
    id: 'chosen',
    name: 'Chosen',
    description: `Chosen by ${
      WIDELY_CHOSEN_COMPONENTS > 3 ? `2 to ${WIDELY_CHOSEN_COMPONENTS - 1}` : 2
    } components.`,
  },
  {
    id: 'chosen-once',
    name: 'Chosen once',
    description: 'Chosen by one component.',
  },
  {
    id: 'revisit',
    name: 'Revisit',
    // Short: the radar writes every ring's description on one line.
    description: 'New information arrived or a revisit date passed.',
  },
] as const;

/** @public */
export type RadarRingId = (typeof RADAR_RINGS)[number]['id'];

/**
 * Where an entry sits on the radar, and why, in Markdown whose user text
 * (product and component names) is escaped, so it reads as text.
 *
 * @public
 */
export type RadarPlacement = {
  quadrant: RadarQuadrantId;
  ring: RadarRingId;
  /** Markdown: who chose it, and what calls it into question. */
  description: string;
  /**
   * On the Revisit ring, the day that put it there (`YYYY-MM-DD`): the
   * vendor event's, else the revisit date that passed.
   */
  since?: string;
};

/** `a`, `a and b`, `a, b and c`. */
function inWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function isOverdue(revisitBy: string, window: ReviewWindow): boolean {
  return (
    reviewStatusOf({ revisitBy, needsAttention: false }, window) === 'overdue'
  );
}

/** The ring of a product chosen by `components` components, as things stand. */
function concentrationRing(components: number): RadarRingId {
  if (components >= WIDELY_CHOSEN_COMPONENTS) return 'widely-chosen';
  return components >= 2 ? 'chosen' : 'chosen-once';
}

/**
 * A product of the vendor portfolio on the radar, as of `window`:
 *
 * - quadrant: bought without a migration plan when any decision that chose
 *   it has none; otherwise with a thin wrapper when most of its decisions
 *   decided so (`wrapped` says which did, by component ref); otherwise
 *   bought;
 * - ring: "Revisit" while any decision that chose it is under a vendor
 *   event it was not revisited for, or once the earliest revisit date of
 *   its decisions has passed; otherwise by how many components chose it
 *   ({@link WIDELY_CHOSEN_COMPONENTS} or more are widely chosen).
 *
 * @public
 */
export function productRadarPlacement(
  product: VendorProduct,
  options: { window: ReviewWindow; wrapped: (entityRef: string) => boolean },
): RadarPlacement {
  const { window, wrapped } = options;
  const wrappers = product.decisions.filter(d => wrapped(d.entityRef)).length;
  let quadrant: RadarQuadrantId = 'bought';
  if (product.withoutMigrationPlan > 0) {
    quadrant = 'dependency';
  } else if (wrappers * 2 > product.decisions.length) {
    quadrant = 'bought-with-wrapper';
  }

  const events = new Map<string, VendorEventFacts>();
  for (const { vendorEvent } of product.decisions) {
    if (vendorEvent) events.set(vendorEvent.id, vendorEvent);
  }
  const overdue = isOverdue(product.nextRevisitBy, window);
  const ring =
    events.size > 0 || overdue
      ? 'revisit'
      : concentrationRing(product.components);

  const choosers = product.decisions.map(d =>
    escapeMarkdown(d.title || displayNameOf(d.entityRef)),
  );
  const sentences = [`Chosen by ${inWords([...new Set(choosers)])}.`];
  if (wrappers > 0) {
    sentences.push(
      wrappers === product.decisions.length
        ? 'Each with a thin wrapper over its gaps.'
        : `${wrappers} of them with a thin wrapper over its gaps.`,
    );
  }
  if (product.withoutMigrationPlan > 0) {
    sentences.push(
      `${product.withoutMigrationPlan} of them without a migration plan: you do not have a vendor relationship. You have a dependency.`,
    );
  }
  for (const event of events.values()) {
    sentences.push(
      vendorEventMessage({ ...event, product: escapeMarkdown(event.product) }),
    );
  }
  if (overdue) {
    sentences.push(
      `The revisit date ${product.nextRevisitBy} has passed: revisit the decision.`,
    );
  }
  const latestEvent = [...events.values()]
    .map(event => event.occurredOn)
    .sort()
    .pop();
  return {
    quadrant,
    ring,
    description: sentences.join('\n\n'),
    since: latestEvent ?? (overdue ? product.nextRevisitBy : undefined),
  };
}

/**
 * A current decision to build on the radar: in-house, chosen by its one
 * component, or "Revisit" once its review is overdue.
 *
 * @public
 */
export function buildRadarPlacement(
  decision: Pick<
    EvaluationSummary,
    'entityRef' | 'reviewStatus' | 'revisitBy' | 'maintenanceOwnerRef'
  > & { entity: Pick<EvaluationSummary['entity'], 'title'> },
): RadarPlacement {
  const overdue = decision.reviewStatus === 'overdue';
  const sentences = [
    `Built in-house by ${escapeMarkdown(
      decision.entity.title || displayNameOf(decision.entityRef),
    )}.`,
  ];
  if (decision.maintenanceOwnerRef) {
    sentences.push(
      `Maintained by ${escapeMarkdown(
        displayNameOf(decision.maintenanceOwnerRef),
      )}: every system you build becomes a system you maintain.`,
    );
  }
  if (overdue) {
    sentences.push(
      decision.revisitBy
        ? `The revisit date ${decision.revisitBy} has passed: revisit the decision.`
        : 'The revisit date has passed: revisit the decision.',
    );
  }
  return {
    quadrant: 'built',
    ring: overdue ? 'revisit' : 'chosen-once',
    description: sentences.join('\n\n'),
    since: overdue ? decision.revisitBy : undefined,
  };
}
