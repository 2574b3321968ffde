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

import { InputError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  type Page,
  type ProductAliases,
  sortVendorProducts,
  vendorPortfolio,
  type VendorProduct,
  type VendorProductOrder,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { MAX_INTEGER } from '../database/tables';
import type { EvaluationQuery, PortfolioStore } from '../database/types';

/** What a page of the vendor portfolio is asked for. */
export type VendorPortfolioOptions = {
  order: VendorProductOrder;
  direction: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

/**
 * One page of the vendor portfolio: the decisions to buy the caller may
 * read, grouped by -common's `vendorPortfolio` with the relations the
 * catalog refresh copied (one query per 500 components, never one per
 * component), then ordered and paged.
 */
export async function vendorPortfolioPage(
  store: PortfolioStore,
  options: VendorPortfolioOptions & {
    permissionFilter?: PermissionCriteria<EvaluationQuery>;
    aliases: ProductAliases;
  },
): Promise<Page<VendorProduct>> {
  const offset = options.cursor ? decodeOffset(options.cursor) : 0;
  const decisions = await store.listBuyDecisions({
    permissionFilter: options.permissionFilter,
  });
  const dependents = await store.listDependents([
    ...new Set(decisions.map(decision => decision.entityRef)),
  ]);
  const products = sortVendorProducts(
    vendorPortfolio(decisions, dependents, options.aliases),
    options.order,
    options.direction,
  );
  const end = offset + options.limit;
  return {
    items: products.slice(offset, end),
    nextCursor: end < products.length ? encodeOffset(end) : undefined,
  };
}

/*
 * A page of the portfolio is a page of products grouped in full: its
 * cursor is the offset of the next page.
 */
function encodeOffset(offset: number): string {
  return Buffer.from(`products:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^products:(\d{1,10})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset >= 0 && offset <= MAX_INTEGER)) {
    throw new InputError('cursor: not a cursor this API returned');
  }
  return offset;
}
