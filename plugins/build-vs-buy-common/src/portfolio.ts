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
 * The organisation's vendor portfolio: every product a decision chose to
 * buy, with what rests on it. "Buying without a migration plan ... you do
 * not have a vendor relationship. You have a dependency." The portfolio
 * shows how many of those dependencies there are, and how far each reaches.
 */

import { candidateNameKey } from './facts';
import type { VendorEventFacts } from './vendorEvents';

/**
 * A complete decision to buy (or buy with a thin wrapper), as the vendor
 * portfolio lists it: the component that chose the product, and what the
 * decision commits to.
 *
 * @public
 */
export type PortfolioDecision = {
  /** The component that chose the product. */
  entityRef: string;
  title?: string;
  ownerRef?: string;
  systemRef?: string;
  /** The product's name as this decision wrote it. */
  productName: string;
  hasMigrationPlan: boolean;
  /** The weeks of integration committed (see `integrationWeeksOf`). */
  integrationWeeks?: number;
  revisitBy: string;
  /**
   * The vendor event about the product that the decision is due for
   * revisit for, until the decision is saved again.
   */
  vendorEvent?: VendorEventFacts;
};

/**
 * One of the catalog's `dependencyOf` relations: `dependentRef` depends on
 * `componentRef`. `dependentSystemRef` is the system the dependent is part
 * of, when the catalog says.
 *
 * @public
 */
export type ComponentDependent = {
  componentRef: string;
  dependentRef: string;
  dependentSystemRef?: string;
};

/**
 * One product of the vendor portfolio: the decisions that chose it (every
 * spelling of its name that the portfolio counts as one product) and its
 * blast radius, should the vendor fail or change terms.
 *
 * @public
 */
export type VendorProduct = {
  /** The product's name, as the portfolio shows it. */
  product: string;
  /** Every spelling the decisions used, in the order of first use. */
  spellings: string[];
  /** The decisions that chose it, by component ref. */
  decisions: PortfolioDecision[];
  /** How many components chose it: its concentration. */
  components: number;
  /** Of those, the ones without a migration plan. */
  withoutMigrationPlan: number;
  /** The weeks of integration committed, over the decisions that say. */
  integrationWeeks: number;
  /** The earliest revisit date among the decisions. */
  nextRevisitBy: string;
  /**
   * The entities that depend on the components that chose the product,
   * through the catalog's `dependencyOf` relations (one step), other than
   * those components themselves.
   */
  dependents: string[];
  /**
   * The systems the product reaches: those of the components that chose
   * it and of their dependents.
   */
  systems: string[];
};

/**
 * What the vendor portfolio can be ordered by; `components` (the most
 * concentrated first) by default.
 *
 * @public
 */
export const VENDOR_PRODUCT_ORDERS = [
  'components',
  'dependents',
  'withoutMigrationPlan',
  'integrationWeeks',
  'nextRevisitBy',
  'product',
] as const;

/** @public */
export type VendorProductOrder = (typeof VENDOR_PRODUCT_ORDERS)[number];

/**
 * The words of each column of the vendor portfolio, for tables and CSV
 * files.
 *
 * @public
 */
export const VENDOR_PRODUCT_LABELS: Record<
  VendorProductOrder | 'decisions' | 'owners' | 'systems',
  string
> = {
  product: 'Product',
  components: 'Components that chose it',
  decisions: 'Components',
  owners: 'Owners',
  withoutMigrationPlan: 'Without a migration plan',
  integrationWeeks: 'Integration weeks committed',
  nextRevisitBy: 'Next revisit by',
  dependents: 'Depend on them',
  systems: 'Systems reached',
};

/**
 * Spellings of a product's name mapped to the name it goes by: "Pinecone
 * Serverless" to "Pinecone", say. Spellings that differ only in case and
 * white space are one product without it (see {@link candidateNameKey}).
 *
 * @public
 */
export type ProductAliases = Readonly<Record<string, string>>;

/**
 * The key a product is grouped by: its name, or the name an alias maps it
 * to, compared as {@link candidateNameKey} compares names.
 *
 * @public
 */
export function productKeyOf(name: string, aliases: ProductAliases = {}) {
  const key = candidateNameKey(name);
  for (const [spelling, product] of Object.entries(aliases)) {
    if (candidateNameKey(spelling) === key) {
      return candidateNameKey(product);
    }
  }
  return key;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const sortedUnique = (values: Iterable<string>) =>
  [...new Set(values)].sort(compareText);

/**
 * The vendor portfolio: `decisions` grouped by product (case, white space
 * and `aliases` aside), named by the alias or else by the spelling most of
 * its decisions used (the earliest of `decisions` on a tie), each with the entities that depend on the
 * components that chose it, ordered by concentration (see
 * {@link sortVendorProducts}). A decision without a product name is left
 * out.
 *
 * @public
 */
export function vendorPortfolio(
  decisions: PortfolioDecision[],
  dependents: ComponentDependent[],
  aliases: ProductAliases = {},
): VendorProduct[] {
  const aliasNames = new Map(
    Object.values(aliases).map(name => [candidateNameKey(name), name.trim()]),
  );
  const dependentsOf = new Map<string, ComponentDependent[]>();
  for (const dependent of dependents) {
    const list = dependentsOf.get(dependent.componentRef) ?? [];
    list.push(dependent);
    dependentsOf.set(dependent.componentRef, list);
  }
  const groups = new Map<string, PortfolioDecision[]>();
  for (const decision of decisions) {
    const key = productKeyOf(decision.productName, aliases);
    if (key === '') continue;
    const group = groups.get(key) ?? [];
    group.push(decision);
    groups.set(key, group);
  }
  const products = [...groups].map(([key, group]): VendorProduct => {
    const spellings = [...new Set(group.map(d => d.productName.trim()))];
    const choosers = new Set(group.map(d => d.entityRef));
    const reached = group.flatMap(d => dependentsOf.get(d.entityRef) ?? []);
    const outside = reached.filter(d => !choosers.has(d.dependentRef));
    return {
      product: aliasNames.get(key) ?? mostUsedSpelling(group),
      spellings,
      decisions: [...group].sort((a, b) =>
        compareText(a.entityRef, b.entityRef),
      ),
      components: choosers.size,
      withoutMigrationPlan: group.filter(d => !d.hasMigrationPlan).length,
      integrationWeeks: group.reduce(
        (sum, d) => sum + (d.integrationWeeks ?? 0),
        0,
      ),
      nextRevisitBy: group
        .map(d => d.revisitBy)
        .reduce((a, b) => (b < a ? b : a)),
      dependents: sortedUnique(outside.map(d => d.dependentRef)),
      systems: sortedUnique([
        ...group.flatMap(d => (d.systemRef ? [d.systemRef] : [])),
        ...outside.flatMap(d =>
          d.dependentSystemRef ? [d.dependentSystemRef] : [],
        ),
        ...outside
          .map(d => d.dependentRef)
          .filter(ref => ref.startsWith('system:')),
      ]),
    };
  });
  return sortVendorProducts(products, 'components', 'desc');
}

/** The spelling most decisions used; on a tie, the one used first. */
function mostUsedSpelling(group: PortfolioDecision[]): string {
  const counts = new Map<string, number>();
  for (const { productName } of group) {
    const name = productName.trim();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // A stable sort keeps the order of first use among equals.
  return [...counts].sort(([, a], [, b]) => b - a)[0][0];
}

const orderValue: Record<
  VendorProductOrder,
  (product: VendorProduct) => number | string
> = {
  components: p => p.components,
  dependents: p => p.dependents.length,
  withoutMigrationPlan: p => p.withoutMigrationPlan,
  integrationWeeks: p => p.integrationWeeks,
  nextRevisitBy: p => p.nextRevisitBy,
  product: p => candidateNameKey(p.product),
};

/**
 * Products in an order: by one of {@link VENDOR_PRODUCT_ORDERS}, ties by
 * concentration (the most components first), then by how many entities
 * depend on them, then by name, so that pages never overlap.
 *
 * @public
 */
export function sortVendorProducts(
  products: VendorProduct[],
  order: VendorProductOrder,
  direction: 'asc' | 'desc',
): VendorProduct[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: number | string, b: number | string) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : compareText(String(a), String(b));
  return [...products].sort(
    (a, b) =>
      sign * compare(orderValue[order](a), orderValue[order](b)) ||
      b.components - a.components ||
      b.dependents.length - a.dependents.length ||
      compareText(candidateNameKey(a.product), candidateNameKey(b.product)),
  );
}
