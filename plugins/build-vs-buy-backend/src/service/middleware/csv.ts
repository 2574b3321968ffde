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
  displayNameOf,
  EVALUATION_STATUS_LABELS,
  hasMigrationPlan,
  MIGRATION_PLAN_LABELS,
  migrationPlanStanding,
  neutraliseCsvCell,
  REVIEW_STATUS_LABELS,
  type StoredEvaluation,
  TEAM_COVERAGE_LABELS,
  TEAM_COVERAGE_ORDERS,
  type TeamCoverage,
  teamDecisionOf,
  type UnevaluatedEntity,
  VENDOR_PRODUCT_LABELS,
  type VendorProduct,
  verdictLabel,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

/** One column of a CSV file: its heading in words and each row's cell. */
export type CsvColumn<T> = {
  heading: string;
  cell: (item: T) => string | undefined;
};

/** Items as CSV text: a row of headings, then one row per item. */
export function toCsv<T>(items: T[], columns: CsvColumn<T>[]): string {
  return (
    stringify([columns.map(column => column.heading)]) + csvRows(items, columns)
  );
}

/** Items as CSV rows, without the headings. */
function csvRows<T>(items: T[], columns: CsvColumn<T>[]): string {
  return stringify(
    items.map(item =>
      columns.map(column => neutraliseCsvCell(column.cell(item) ?? '')),
    ),
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/**
 * The columns of a CSV of decisions, all in words: the question, what the
 * team decided and the product it chose, the tree's verdict, the review
 * status and its reasons, owner and system by display name.
 */
export function decisionCsvColumns(
  displayNames: Readonly<Record<string, string>>,
): CsvColumn<StoredEvaluation>[] {
  const nameOf = (ref: string | undefined) =>
    ref === undefined ? undefined : displayNameOf(ref, displayNames);
  const team = (stored: StoredEvaluation) =>
    teamDecisionOf(stored.evaluation, stored.outcome.verdict);
  return [
    {
      heading: 'Component',
      cell: s => s.entity.title ?? nameOf(s.entityRef),
    },
    { heading: 'Question', cell: s => s.evaluation.question },
    { heading: 'Decision', cell: s => verdictLabel(team(s).decision) },
    {
      heading: 'Chosen product',
      cell: s => {
        const decision = team(s).decision;
        return 'candidateName' in decision ? decision.candidateName : '';
      },
    },
    {
      heading: "The tree's verdict",
      cell: s => verdictLabel(s.outcome.verdict),
    },
    {
      heading: 'Decided against the tree',
      cell: s => yesNo(team(s).decidedAgainstTree),
    },
    { heading: 'Status', cell: s => EVALUATION_STATUS_LABELS[s.status] },
    // A draft is not a decision yet: no review status, reasons or date, as
    // the dashboard's chip shows it.
    {
      heading: 'Review status',
      cell: s =>
        s.status === 'draft'
          ? EVALUATION_STATUS_LABELS.draft
          : REVIEW_STATUS_LABELS[s.review.status],
    },
    {
      heading: 'Review reasons',
      cell: s =>
        s.status === 'draft'
          ? ''
          : s.review.reasons.map(reason => reason.message).join(' '),
    },
    {
      heading: 'Revisit by',
      cell: s => (s.status === 'draft' ? '' : s.review.revisitBy),
    },
    { heading: 'Owner', cell: s => nameOf(s.entity.ownerRef) },
    { heading: 'System', cell: s => nameOf(s.entity.systemRef) },
    { heading: 'Lifecycle', cell: s => s.entity.lifecycle },
    {
      heading: 'Maintenance owner',
      cell: s => nameOf(s.evaluation.maintenance?.ownerGroupRef),
    },
    {
      heading: 'Migration plan',
      cell: s =>
        MIGRATION_PLAN_LABELS[
          migrationPlanStanding(
            team(s).decision,
            hasMigrationPlan(s.evaluation),
          )
        ],
    },
    { heading: 'Last updated', cell: s => s.updatedAt.slice(0, 10) },
    { heading: 'Updated by', cell: s => nameOf(s.updatedBy) },
  ];
}

/** The columns of a CSV of components nobody evaluated yet. */
export function notEvaluatedCsvColumns(
  displayNames: Readonly<Record<string, string>>,
): CsvColumn<UnevaluatedEntity>[] {
  const nameOf = (ref: string | undefined) =>
    ref === undefined ? undefined : displayNameOf(ref, displayNames);
  return [
    { heading: 'Component', cell: e => e.title ?? nameOf(e.entityRef) },
    { heading: 'Owner', cell: e => nameOf(e.ownerRef) },
    { heading: 'System', cell: e => nameOf(e.systemRef) },
    { heading: 'Lifecycle', cell: e => e.lifecycle },
  ];
}

/**
 * The columns of a CSV of coverage by team: the owner by display name, then
 * each count, headed in the dashboard's words.
 */
export function teamCoverageCsvColumns(
  displayNames: Readonly<Record<string, string>>,
): CsvColumn<TeamCoverage>[] {
  return TEAM_COVERAGE_ORDERS.map(order => ({
    heading: TEAM_COVERAGE_LABELS[order],
    cell: team =>
      order === 'ownerRef'
        ? displayNameOf(team.ownerRef, displayNames)
        : String(team[order]),
  }));
}

/**
 * The columns of a CSV of the vendor portfolio: one row a product, the
 * entities it names by display name, several in one cell apart by "; ".
 */
export function vendorPortfolioCsvColumns(
  displayNames: Readonly<Record<string, string>>,
): CsvColumn<VendorProduct>[] {
  const names = (refs: Iterable<string>) =>
    [...new Set(refs)].map(ref => displayNameOf(ref, displayNames)).join('; ');
  const componentName = (decision: VendorProduct['decisions'][number]) =>
    decision.title ?? displayNameOf(decision.entityRef, displayNames);
  const L = VENDOR_PRODUCT_LABELS;
  return [
    { heading: L.product, cell: p => p.product },
    {
      heading: 'Other spellings',
      cell: p => p.spellings.filter(name => name !== p.product).join('; '),
    },
    { heading: L.components, cell: p => String(p.components) },
    {
      heading: L.decisions,
      cell: p => p.decisions.map(componentName).join('; '),
    },
    {
      heading: L.owners,
      cell: p =>
        names(p.decisions.flatMap(d => (d.ownerRef ? [d.ownerRef] : []))),
    },
    {
      heading: L.withoutMigrationPlan,
      cell: p =>
        p.decisions
          .filter(d => !d.hasMigrationPlan)
          .map(componentName)
          .join('; '),
    },
    { heading: L.integrationWeeks, cell: p => String(p.integrationWeeks) },
    { heading: L.nextRevisitBy, cell: p => p.nextRevisitBy },
    {
      heading: 'Revisit dates',
      cell: p =>
        p.decisions.map(d => `${componentName(d)}: ${d.revisitBy}`).join('; '),
    },
    { heading: L.dependents, cell: p => names(p.dependents) },
    { heading: L.systems, cell: p => names(p.systems) },
  ];
}

/** The entity refs a CSV of the vendor portfolio names. */
export function portfolioRefsOf(products: VendorProduct[]): string[] {
  const refs = new Set<string>();
  for (const product of products) {
    for (const decision of product.decisions) {
      refs.add(decision.entityRef);
      if (decision.ownerRef) refs.add(decision.ownerRef);
    }
    for (const ref of [...product.dependents, ...product.systems]) {
      refs.add(ref);
    }
  }
  return [...refs];
}

/** The entity refs a CSV of decisions names, for their display names. */
export function namedRefsOf(
  items: Array<StoredEvaluation | UnevaluatedEntity>,
): string[] {
  const refs = new Set<string>();
  for (const item of items) {
    if ('evaluation' in item) {
      refs.add(item.entityRef);
      if (item.entity.ownerRef) refs.add(item.entity.ownerRef);
      if (item.entity.systemRef) refs.add(item.entity.systemRef);
      const maintainer = item.evaluation.maintenance?.ownerGroupRef;
      if (maintainer) refs.add(maintainer);
      if (item.updatedBy.includes(':')) refs.add(item.updatedBy);
    } else {
      if (item.ownerRef) refs.add(item.ownerRef);
      if (item.systemRef) refs.add(item.systemRef);
    }
  }
  return [...refs];
}

/**
 * Sends a page as CSV text; the next page's cursor goes in
 * `X-Next-Cursor`.
 */
export function sendCsv<T>(
  res: Response,
  page: { items: T[]; nextCursor?: string },
  columns: CsvColumn<T>[],
) {
  if (page.nextCursor) {
    res.setHeader('X-Next-Cursor', page.nextCursor);
  }
  res.type('text/csv').send(toCsv(page.items, columns));
}

/** One page of a view, with the columns its rows are written in. */
export type CsvPage<T> = {
  page: { items: T[]; nextCursor?: string };
  columns: CsvColumn<T>[];
};

/**
 * Sends a view as CSV. Asked for a `limit`, one page of it, the next
 * page's cursor in `X-Next-Cursor`; without one, the whole view from
 * `cursor` (or its start) on, read `pageSize` at a time and written as one
 * file with one row of headings: what "Download CSV" means to the person
 * who clicks it. Rows go out as each page is read; a failure after the
 * first page ends the response unfinished, so a download is never quietly
 * cut short.
 */
export async function sendCsvView<T>(
  res: Response,
  request: { limit?: number; cursor?: string; pageSize: number },
  readPage: (page: { limit: number; cursor?: string }) => Promise<CsvPage<T>>,
): Promise<void> {
  if (request.limit !== undefined) {
    const { page, columns } = await readPage({
      limit: request.limit,
      cursor: request.cursor,
    });
    sendCsv(res, page, columns);
    return;
  }
  let cursor = request.cursor;
  let first = true;
  do {
    const { page, columns } = await readPage({
      limit: request.pageSize,
      cursor,
    });
    if (first) {
      res.type('text/csv');
      res.write(toCsv(page.items, columns));
      first = false;
    } else if (page.items.length > 0) {
      res.write(csvRows(page.items, columns));
    }
    cursor = page.nextCursor;
  } while (cursor);
  res.end();
}
