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

import { displayNameOf, quantityOf } from './wording';

/**
 * What changed in the catalog since a decision was recorded, as the
 * revisit scan finds it: each is a reason to revisit the decision, stated
 * in words by {@link catalogChangeMessage}, until the decision is recorded
 * again or confirmed still valid.
 *
 * References are entity references; their display names travel beside
 * them in {@link CatalogChanges}.
 *
 * @public
 */
export type CatalogChange =
  | { kind: 'maintenance-owner-gone'; groupRef: string }
  | {
      kind: 'maintenance-owner-shrank';
      groupRef: string;
      members: number;
      /** Its members when the decision was made, when known. */
      assumed?: number;
    }
  | {
      /**
       * A build's maintenance team fell below the article's small-team line
       * (fewer than ten engineers) since the decision, which it was above.
       */
      kind: 'maintenance-owner-below-small-team';
      groupRef: string;
      members: number;
      assumed: number;
    }
  | { kind: 'entity-gone' }
  | { kind: 'entity-owner-changed'; from: string; to?: string }
  | { kind: 'entity-lifecycle-changed'; from: string; to?: string }
  | {
      kind: 'entity-description-changed';
      /** The fingerprint of the description now, or none when removed. */
      descriptionHash?: string;
    };

/**
 * The kinds of {@link CatalogChange}.
 *
 * @public
 */
export type CatalogChangeKind = CatalogChange['kind'];

/**
 * The catalog changes a decision is due for revisit for, with the display
 * names of the entities they name, as the scan found them.
 *
 * @public
 */
export type CatalogChanges = {
  changes: CatalogChange[];
  /** Display names by entity reference, where the catalog gave one. */
  displayNames: Record<string, string>;
};

/**
 * A catalog change in words, the entities by their display names.
 *
 * @public
 */
export function catalogChangeMessage(
  change: CatalogChange,
  displayNames: Readonly<Record<string, string>> = {},
): string {
  const nameOf = (ref: string) => displayNameOf(ref, displayNames);
  switch (change.kind) {
    case 'maintenance-owner-gone':
      return `The maintenance owner ${nameOf(
        change.groupRef,
      )} left the catalog: every system you build becomes a system you maintain.`;
    case 'maintenance-owner-shrank':
      if (change.members === 0) {
        return `The maintenance owner ${nameOf(
          change.groupRef,
        )} has no members left: nobody gives it the 20% of one engineer that maintenance takes.`;
      }
      return `The maintenance owner ${nameOf(change.groupRef)} has ${quantityOf(
        change.members,
        'member',
      )}${
        change.assumed === undefined
          ? ''
          : `, fewer than the ${change.assumed} it had when Node 5 was answered`
      }: can it still give 20% of one engineer to maintenance, permanently?`;
    case 'maintenance-owner-below-small-team':
      return `The maintenance owner ${nameOf(change.groupRef)} has ${quantityOf(
        change.members,
        'member',
      )}, down from ${
        change.assumed
      } when the decision to build was made: for small teams (fewer than ten engineers total), the answer is almost always no for anything beyond a thin integration layer.`;
    case 'entity-gone':
      return 'The component left the catalog.';
    case 'entity-owner-changed':
      return `The component's owner changed from ${nameOf(change.from)} to ${
        change.to ? nameOf(change.to) : 'nobody'
      } since the decision.`;
    case 'entity-lifecycle-changed':
      return `The component's lifecycle changed from ${change.from} to ${
        change.to ?? 'none'
      } since the decision.`;
    case 'entity-description-changed':
      return change.descriptionHash
        ? "The component's description in the catalog changed since the decision: the decision rests on a written description of what the component does."
        : "The component's description was removed from the catalog since the decision: the decision rests on a written description of what the component does.";
    default:
      throw new Error(`Unknown catalog change ${JSON.stringify(change)}`);
  }
}

/**
 * What the owners of a decision do about each kind of catalog change.
 *
 * @public
 */
export const CATALOG_CHANGE_ACTIONS: Record<CatalogChangeKind, string> = {
  'maintenance-owner-gone':
    'Name a new maintenance owner on the decision, or re-evaluate whether you can maintain it long-term.',
  'maintenance-owner-shrank':
    'Confirm the team can still give 20% of one engineer to maintenance permanently, or re-evaluate.',
  'maintenance-owner-below-small-team':
    'Re-evaluate with the team as it is now: for a team this size, buying the infrastructure and spending engineering time on the differentiator is almost always the answer.',
  'entity-lifecycle-changed':
    'Check the requirements still hold for the component at its new stage, then confirm the decision is still valid or re-evaluate.',
  'entity-description-changed':
    'Read the new description: if the component is no longer what the decision describes, re-evaluate; otherwise confirm the decision is still valid.',
  'entity-gone':
    'Archive the decision, or re-evaluate it if the component moved.',
  'entity-owner-changed':
    'As the new owner, open the decision and confirm it is still valid or re-evaluate.',
};
