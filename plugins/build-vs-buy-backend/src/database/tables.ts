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
 * The rows of the plugin's tables and their mapping to records: shared by
 * the stores, never seen outside this folder.
 */

import { InputError } from '@backstage/errors';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  candidateNameKey,
  decisionFacts,
  needsAttentionOf,
  teamDecisionOf,
  type VendorEventFacts,
  type CatalogChanges,
  type EvaluationDraft,
  type ReviewFacts,
  type Verdict,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Knex } from 'knex';
import type {
  EvaluationFilter,
  EvaluationQuery,
  EvaluationRecord,
  EvaluationSummaryRecord,
  EvaluationText,
  EvaluationWrite,
  ListSummaryFacts,
  ReviewWindow,
} from './types';

/** The largest value of an integer column on both databases. */
export const MAX_INTEGER = 2_147_483_647;

/**
 * The version of the rules behind the derived columns. Rows written under
 * an older one are recomputed when the plugin starts
 * ({@link deriveFactColumns}), so a rule changed in -common reaches the
 * stored columns without a hand-written SQL copy of it.
 */
export const FACTS_VERSION = 7;

export type EvaluationRow = {
  id: string;
  entity_ref: string;
  active_entity_ref: string | null;
  version: number;
  status: string;
  evaluation: string;
  outcome: string;
  verdict_kind: string;
  revisit_by: string;
  maintenance_owner_ref: string | null;
  has_migration_plan: boolean | number;
  needs_attention: boolean | number;
  buy_without_migration_plan: boolean | number;
  build_without_maintenance_owner: boolean | number;
  chosen_candidate_name: string | null;
  /** Null on rows whose facts were not derived since the column came. */
  integration_weeks?: number | null;
  decided_against_tree: boolean | number;
  regulated_without_build_fallback: boolean | number;
  /** Null on rows whose facts were not derived since the column came. */
  organisation_profile?: string | null;
  /**
   * The candidates' names as searches compare them, one a line; empty on
   * rows whose facts were not derived since the column came.
   */
  candidate_names?: string;
  /**
   * What a list's row shows that only the answers and the outcome hold
   * ({@link listSummaryOf}), as JSON; null on rows whose facts were not
   * derived since the column came.
   */
  list_summary?: string | null;
  /**
   * The vendor event the decision is due for revisit for (as JSON), from
   * when it was recorded until the decision is saved again: confirmed
   * still valid or recorded again. Absent before the column came.
   */
  vendor_event?: string | null;
  /**
   * What changed in the catalog since the decision (-common's
   * `CatalogChanges`, as JSON), as the revisit scan found it, until the
   * decision is saved again. Absent before the column came.
   */
  catalog_changes?: string | null;
  facts_version: number;
  entity_title: string | null;
  entity_owner_ref: string | null;
  entity_system_ref: string | null;
  entity_lifecycle: string | null;
  entity_missing: boolean | number;
  decided_at: string | null;
  decided_owner_ref?: string | null;
  decided_maintainers?: number | null;
  decided_lifecycle?: string | null;
  decided_description_hash?: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
};

/** A `dependencyOf` relation of a copied component. */
export type CatalogDependentRow = {
  component_ref: string;
  dependent_ref: string;
};

/** A row of the copy of the catalog's components. */
export type CatalogComponentRow = {
  component_ref: string;
  component_title: string | null;
  component_owner_ref: string | null;
  component_system_ref: string | null;
  component_lifecycle: string | null;
  refreshed_at: string;
  /** Copied from the component's evaluation that is not archived, if any. */
  decision_status: string | null;
  decision_revisit_by: string | null;
  decision_needs_attention: boolean | number | null;
};

export type RevisionRow = {
  evaluation_id: string;
  version: number;
  status: string;
  verdict_kind: string;
  evaluation: string;
  /** Null on revisions saved before the revisit date was recorded. */
  revisit_by?: string | null;
  /** Set only on a revision that confirmed the decision as it stood. */
  confirmation_note?: string | null;
  created_at: string;
  created_by: string;
};

const CANDIDATE_NAME_SEPARATOR = '\n';

/**
 * What a list's row shows that only the answers and the outcome hold: the
 * tree's verdict, the team's decision (-common's `teamDecisionOf`) and the
 * candidates' names as given. Stored at every save, so a list never parses
 * the answers.
 */
export function listSummaryOf(
  evaluation: EvaluationDraft,
  verdict: Verdict,
): ListSummaryFacts {
  return {
    verdict,
    teamDecision: teamDecisionOf(evaluation, verdict).decision,
    candidateNames: (evaluation.candidates ?? []).map(({ name }) => name),
  };
}

/** The vendor event of a row, when it is under one. */
export function vendorEventOf(
  row: Pick<EvaluationRow, 'vendor_event'>,
): VendorEventFacts | undefined {
  return row.vendor_event
    ? (JSON.parse(row.vendor_event) as VendorEventFacts)
    : undefined;
}

/** The catalog changes of a row, when the scan recorded any. */
export function catalogChangesOf(
  row: Pick<EvaluationRow, 'catalog_changes'>,
): CatalogChanges | undefined {
  return row.catalog_changes
    ? (JSON.parse(row.catalog_changes) as CatalogChanges)
    : undefined;
}

/**
 * The columns derived from the answers and the verdict, each decided by
 * -common's `decisionFacts`, and the attention of the vendor event and the
 * catalog changes the row is under (-common's `needsAttentionOf`): SQL
 * compares these, and never restates how they are decided.
 */
export function deriveFactColumns(
  evaluation: EvaluationDraft,
  verdict: Verdict,
  vendorEvent?: VendorEventFacts,
  catalogChanges?: CatalogChanges,
) {
  const facts = decisionFacts(evaluation, verdict);
  return {
    maintenance_owner_ref: evaluation.maintenance?.ownerGroupRef ?? null,
    has_migration_plan: facts.hasMigrationPlan,
    needs_attention: needsAttentionOf(
      facts.attention.length > 0,
      vendorEvent,
      catalogChanges,
    ),
    buy_without_migration_plan: facts.buyWithoutMigrationPlan,
    build_without_maintenance_owner: facts.buildWithoutMaintenanceOwner,
    // A PostgreSQL text column cannot hold NUL, which the answers may (the
    // JSON columns keep it escaped): the name is for filtering and grouping,
    // so NUL becomes the replacement character there.
    chosen_candidate_name:
      facts.chosenCandidateName?.replaceAll('\u0000', '\uFFFD') ?? null,
    integration_weeks: facts.integrationWeeks ?? null,
    decided_against_tree: facts.decidedAgainstTree,
    regulated_without_build_fallback: facts.regulatedWithoutBuildFallback,
    organisation_profile: facts.organisationProfile,
    // One name a line: a searched text never holds white space, so it never
    // matches across two names.
    candidate_names: facts.candidateNameKeys
      .join(CANDIDATE_NAME_SEPARATOR)
      .replaceAll('\u0000', '\uFFFD'),
    list_summary: JSON.stringify(listSummaryOf(evaluation, verdict)),
    facts_version: FACTS_VERSION,
  };
}

/**
 * The derived columns of a row from its stored answers and outcome. A row
 * without a verdict (never written by this plugin) is judged as incomplete.
 */
export function deriveStoredFactColumns(
  row: Pick<
    EvaluationRow,
    'evaluation' | 'outcome' | 'vendor_event' | 'catalog_changes'
  >,
) {
  return deriveFactColumns(
    JSON.parse(row.evaluation) ?? {},
    JSON.parse(row.outcome)?.verdict ?? { kind: 'incomplete' },
    vendorEventOf(row),
    catalogChangesOf(row),
  );
}

/**
 * The columns a create, an update or a confirmation writes. Each clears the
 * vendor event and the catalog changes the decision was under: recording
 * the decision again, or confirming it still valid, is the revisit they
 * asked for.
 */
export function columnsOf(write: EvaluationWrite) {
  const decided = write.status === 'complete';
  return {
    status: write.status,
    evaluation: JSON.stringify(write.evaluation),
    outcome: JSON.stringify(write.outcome),
    verdict_kind: write.outcome.verdict.kind,
    revisit_by: write.revisitBy,
    ...deriveFactColumns(write.evaluation, write.outcome.verdict),
    vendor_event: null,
    catalog_changes: null,
    entity_title: write.entity.title ?? null,
    entity_owner_ref: write.entity.ownerRef ?? null,
    entity_system_ref: write.entity.systemRef ?? null,
    entity_lifecycle: write.entity.lifecycle ?? null,
    entity_missing: write.entity.missing,
    decided_at: decided ? write.now.toISOString() : null,
    decided_owner_ref: decided ? write.entity.ownerRef ?? null : null,
    decided_maintainers: decided ? write.maintainers ?? null : null,
    decided_lifecycle: decided ? write.entity.lifecycle ?? null : null,
    decided_description_hash: decided ? write.descriptionHash ?? null : null,
    updated_at: write.now.toISOString(),
    updated_by: write.actorRef,
  };
}

/** The revision a write appends; a confirmation's carries its note. */
export function revisionOf(
  row: EvaluationRow,
  confirmationNote?: string,
): RevisionRow {
  return {
    evaluation_id: row.id,
    version: row.version,
    status: row.status,
    verdict_kind: row.verdict_kind,
    evaluation: row.evaluation,
    revisit_by: row.revisit_by,
    confirmation_note: confirmationNote ?? null,
    created_at: row.updated_at,
    created_by: row.updated_by,
  };
}

export function toRecord(row: EvaluationRow): EvaluationRecord {
  return {
    ...recordColumnsOf(row),
    evaluation: JSON.parse(row.evaluation),
    outcome: JSON.parse(row.outcome),
  };
}

/** The columns of a row a list's summary reads: never the answers. */
export const SUMMARY_COLUMNS = [
  'id',
  'entity_ref',
  'version',
  'status',
  'verdict_kind',
  'revisit_by',
  'maintenance_owner_ref',
  'has_migration_plan',
  'needs_attention',
  'chosen_candidate_name',
  'decided_against_tree',
  'regulated_without_build_fallback',
  'list_summary',
  'vendor_event',
  'catalog_changes',
  'facts_version',
  'entity_title',
  'entity_owner_ref',
  'entity_system_ref',
  'entity_lifecycle',
  'entity_missing',
  'decided_at',
  'decided_owner_ref',
  'decided_maintainers',
  'decided_lifecycle',
  'decided_description_hash',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const satisfies ReadonlyArray<keyof EvaluationRow>;

/** A row as a list reads it: {@link SUMMARY_COLUMNS}. */
export type SummaryRow = Pick<EvaluationRow, (typeof SUMMARY_COLUMNS)[number]>;

/**
 * Whether the derived columns of a row stand for its answers: derived
 * under the rules in force. Rows written under older ones are recomputed
 * when the plugin starts; one written meanwhile by an older instance is
 * read from its answers.
 */
export function hasCurrentFacts(
  row: Pick<EvaluationRow, 'facts_version' | 'list_summary'>,
): boolean {
  return (
    row.facts_version >= FACTS_VERSION && typeof row.list_summary === 'string'
  );
}

/**
 * A row as a list returns it: its columns and the stored list summary,
 * without parsing the answers. The row's facts must be current
 * ({@link hasCurrentFacts}).
 */
export function toSummaryRecord(row: SummaryRow): EvaluationSummaryRecord {
  return {
    ...recordColumnsOf(row),
    ...(JSON.parse(row.list_summary!) as ListSummaryFacts),
  };
}

/**
 * A row with its answers and outcome as the JSON text they were saved as,
 * and the facts its review rests on when the stored ones stand for the
 * answers.
 */
export function toText(row: EvaluationRow): EvaluationText {
  // A NUL in the chosen candidate's name was stored as U+FFFD: the review
  // quotes the name, so such a row is reviewed from its answers.
  const reviewFacts: ReviewFacts | undefined =
    hasCurrentFacts(row) && !row.chosen_candidate_name?.includes('\uFFFD')
      ? {
          buyWithoutMigrationPlan: Boolean(row.buy_without_migration_plan),
          buildWithoutMaintenanceOwner: Boolean(
            row.build_without_maintenance_owner,
          ),
          chosenCandidateName: row.chosen_candidate_name ?? undefined,
          vendorEvent: vendorEventOf(row),
          catalogChanges: catalogChangesOf(row),
        }
      : undefined;
  return {
    ...recordColumnsOf(row),
    evaluationJson: row.evaluation,
    outcomeJson: row.outcome,
    reviewFacts,
  };
}

function recordColumnsOf(
  row: SummaryRow,
): Omit<EvaluationRecord, 'evaluation' | 'outcome'> {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    version: row.version,
    status: row.status as EvaluationRecord['status'],
    revisitBy: row.revisit_by,
    maintenanceOwnerRef: row.maintenance_owner_ref ?? undefined,
    hasMigrationPlan: Boolean(row.has_migration_plan),
    needsAttention: Boolean(row.needs_attention),
    chosenCandidateName: row.chosen_candidate_name ?? undefined,
    decidedAgainstTree: Boolean(row.decided_against_tree),
    regulatedWithoutBuildFallback: Boolean(
      row.regulated_without_build_fallback,
    ),
    entity: {
      title: row.entity_title ?? undefined,
      ownerRef: row.entity_owner_ref ?? undefined,
      systemRef: row.entity_system_ref ?? undefined,
      lifecycle: row.entity_lifecycle ?? undefined,
      missing: Boolean(row.entity_missing),
    },
    decidedAt: row.decided_at ?? undefined,
    decidedOwnerRef: row.decided_owner_ref ?? undefined,
    decidedMaintainers: row.decided_maintainers ?? undefined,
    decidedLifecycle: row.decided_lifecycle ?? undefined,
    decidedDescriptionHash: row.decided_description_hash ?? undefined,
    vendorEvent: vendorEventOf(row),
    catalogChanges: catalogChangesOf(row),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * The review status of a row as of a window, in SQL: -common's
 * `reviewStatusOf` over the stored `revisit_by` and `needs_attention`
 * columns, or the copies of them that `columns` names. The property test in
 * DatabaseDashboardStore.test.ts holds the two together record by record.
 */
export function reviewStatusSql(
  db: Knex,
  window: ReviewWindow,
  columns: { revisitBy: string; needsAttention: string } = {
    revisitBy: 'revisit_by',
    needsAttention: 'needs_attention',
  },
) {
  return db.raw(
    `CASE WHEN ?? < ? THEN 'overdue'
          WHEN ?? <= ? OR ?? = ? THEN 'due-soon'
          ELSE 'current' END`,
    [
      columns.revisitBy,
      window.today,
      columns.revisitBy,
      window.dueSoonBy,
      columns.needsAttention,
      true,
    ],
  );
}

/** Narrows a query to the filter's rows; archived ones unless asked for. */
export function applyFilter(
  query: Knex.QueryBuilder,
  filter: EvaluationFilter,
  window: ReviewWindow,
): void {
  if (filter.entityRefs?.length) {
    query.whereIn('entity_ref', filter.entityRefs);
  }
  if (filter.ownerGroups?.length) {
    const groups = filter.ownerGroups;
    query.where(q =>
      q
        .whereIn('entity_owner_ref', groups)
        .orWhereIn('maintenance_owner_ref', groups),
    );
  }
  if (filter.system) query.where('entity_system_ref', filter.system);
  if (filter.verdict) query.where('verdict_kind', filter.verdict);
  if (filter.lifecycle) query.where('entity_lifecycle', filter.lifecycle);
  if (filter.organisationProfile) {
    query.where('organisation_profile', filter.organisationProfile);
  }
  if (filter.candidate !== undefined) {
    // The stored names and the searched text compared as -common's
    // candidateNameKey has them, so LIKE compares plain lower-case text
    // on both databases.
    const escaped = candidateNameKey(filter.candidate).replace(
      /[\\%_]/g,
      match => `\\${match}`,
    );
    query.whereRaw(`?? LIKE ? ESCAPE '\\'`, [
      'candidate_names',
      `%${escaped}%`,
    ]);
  }
  if (filter.decidedAgainstTree !== undefined) {
    query.where('decided_against_tree', filter.decidedAgainstTree);
  }
  if (filter.status) {
    query.where('status', filter.status);
  } else {
    query.whereNot('status', 'archived');
  }
  const { today, dueSoonBy } = window;
  const dueSoon = (q: Knex.QueryBuilder) =>
    q.where('revisit_by', '<=', dueSoonBy).orWhere('needs_attention', true);
  switch (filter.reviewStatus) {
    case 'overdue':
      query.where('revisit_by', '<', today);
      break;
    case 'due-soon':
      query.where('revisit_by', '>=', today).andWhere(dueSoon);
      break;
    case 'current':
      query.where('revisit_by', '>', dueSoonBy).where('needs_attention', false);
      break;
    default:
      break;
  }
  switch (filter.attention) {
    case 'due-for-revisit':
      // Every decision whose review status is due soon or overdue, so the
      // list matches the dashboard's review-status counts.
      query.where('status', 'complete').andWhere(dueSoon);
      break;
    case 'no-migration-plan':
      query
        .where('status', 'complete')
        .where('buy_without_migration_plan', true);
      break;
    case 'no-maintenance-owner':
      query
        .where('status', 'complete')
        .where('build_without_maintenance_owner', true);
      break;
    case 'entity-missing':
      query.where('entity_missing', true);
      break;
    default:
      break;
  }
}

/** A permission decision's conditions, as SQL over the queried columns. */
export function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<EvaluationQuery>,
): void {
  if (isAndCriteria(criteria)) {
    query.where(q => {
      for (const inner of criteria.allOf)
        q.andWhere(sub => applyCriteria(sub, inner));
    });
  } else if (isOrCriteria(criteria)) {
    query.where(q => {
      for (const inner of criteria.anyOf)
        q.orWhere(sub => applyCriteria(sub, inner));
    });
  } else if (isNotCriteria(criteria)) {
    query.whereNot(q => applyCriteria(q, criteria.not));
  } else {
    query.whereIn(criteria.key, criteria.values);
  }
}

export function encodeCursor(cursor: { key: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString(
    'base64url',
  );
}

/*
 * A cursor is what this API returned: a base64url JSON pair of the sort key
 * (an ISO timestamp, a YYYY-MM-DD date or a version number) and an id. A
 * forged one is a 400 naming the cursor, never a value PostgreSQL refuses.
 */
const CURSOR_KEY = /^(\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?|\d{1,10})$/;
const CURSOR_ID = /^[0-9a-f-]{1,64}$/i;

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (
      typeof key === 'string' &&
      typeof id === 'string' &&
      CURSOR_KEY.test(key) &&
      CURSOR_ID.test(id)
    ) {
      return { key, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('cursor: not a cursor this API returned');
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  const message = String((error as Error)?.message ?? '');
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(message)
  );
}
