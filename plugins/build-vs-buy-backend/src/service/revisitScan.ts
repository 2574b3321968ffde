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
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CATALOG_CHANGE_ACTIONS,
  catalogChangeMessage,
  decisionTabPath,
  displayNameOf,
  SMALL_TEAM_ENGINEERS,
  REVIEW_REASON_ACTIONS,
  teamDecisionOf,
  vendorEventMessage,
  verdictLabel,
  type CatalogChange,
  type CatalogChanges,
  type Review,
  type ReviewReasonCode,
  type VendorEventFacts,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { createHash } from 'node:crypto';
import type {
  EvaluationRecord,
  NoticeStore,
  NoticeState,
  RevisitScanItem,
} from '../database/types';
import { descriptionHashOf, factsOf, membersOf } from './catalogFacts';
import type { Reviewer } from './review';

/** How many decisions one step of the scan reads and looks up at once. */
export const REVISIT_SCAN_PAGE_SIZE = 500;

/**
 * How long a claimed notice may stay unconfirmed before a later scan sends
 * it again: longer than a scan takes to send one page of notices.
 */
export const REVISIT_NOTICE_LEASE_MS = 15 * 60_000;

/**
 * What can make a decision need its owners' attention. Each condition is
 * keyed with what it is about, so a new revisit date or another owner is a
 * new condition and is notified again.
 */
export type RevisitCondition =
  | { kind: 'overdue'; revisitBy: string }
  | { kind: 'due-soon'; revisitBy: string }
  | CatalogChange
  | { kind: 'vendor-event'; event: VendorEventFacts };

/** Whether a condition is a change in the catalog (-common's `CatalogChange`). */
export function isCatalogChange(
  condition: RevisitCondition,
): condition is CatalogChange {
  return (
    condition.kind !== 'overdue' &&
    condition.kind !== 'due-soon' &&
    condition.kind !== 'vendor-event'
  );
}

/** The stable key a condition is recorded and compared by. */
export function conditionKey(condition: RevisitCondition): string {
  switch (condition.kind) {
    case 'overdue':
    case 'due-soon':
      return `${condition.kind}:${condition.revisitBy}`;
    case 'maintenance-owner-gone':
    case 'maintenance-owner-shrank':
    case 'maintenance-owner-below-small-team':
      return `${condition.kind}:${condition.groupRef}`;
    case 'entity-gone':
      return condition.kind;
    case 'entity-owner-changed':
    case 'entity-lifecycle-changed':
      return `${condition.kind}:${condition.to ?? ''}`;
    case 'entity-description-changed':
      return `${condition.kind}:${condition.descriptionHash ?? ''}`;
    case 'vendor-event':
      // One notice per event: each event is a condition of its own.
      return `${condition.kind}:${condition.event.id}`;
    default:
      throw new Error(`Unknown condition ${JSON.stringify(condition)}`);
  }
}

const SEVERITY: Record<RevisitCondition['kind'], NotificationSeverity> = {
  overdue: 'high',
  'maintenance-owner-gone': 'high',
  'due-soon': 'normal',
  'maintenance-owner-shrank': 'normal',
  'maintenance-owner-below-small-team': 'normal',
  'entity-owner-changed': 'normal',
  'entity-lifecycle-changed': 'normal',
  'entity-description-changed': 'normal',
  'entity-gone': 'low',
  'vendor-event': 'high',
};
const SEVERITY_ORDER: NotificationSeverity[] = [
  'low',
  'normal',
  'high',
  'critical',
];

/**
 * The conditions that hold for one decision, given what the catalog says
 * now of its entity and of its maintenance owner group.
 */
export function conditionsOf(options: {
  record: EvaluationRecord;
  reviewStatus: 'current' | 'due-soon' | 'overdue';
  entity: Entity | undefined;
  maintenanceGroup: Entity | undefined;
}): RevisitCondition[] {
  const { record, entity, maintenanceGroup } = options;
  const conditions: RevisitCondition[] = [];
  if (options.reviewStatus !== 'current') {
    conditions.push({
      kind: options.reviewStatus,
      revisitBy: record.revisitBy,
    });
  }
  const groupRef = record.maintenanceOwnerRef;
  if (groupRef) {
    if (!maintenanceGroup) {
      conditions.push({ kind: 'maintenance-owner-gone', groupRef });
    } else {
      // Node 5 was answered for the team as it was when the decision was
      // made; with nobody left, nobody gives it 20% of their time.
      const members = membersOf(maintenanceGroup);
      const assumed = record.decidedMaintainers;
      if (
        members > 0 &&
        assumed !== undefined &&
        assumed >= SMALL_TEAM_ENGINEERS &&
        members < SMALL_TEAM_ENGINEERS &&
        teamDecisionOf(record.evaluation, record.outcome.verdict).decision
          .kind === 'build'
      ) {
        // "For small teams (fewer than ten engineers total), the answer is
        // almost always no for anything beyond a thin integration layer."
        conditions.push({
          kind: 'maintenance-owner-below-small-team',
          groupRef,
          members,
          assumed,
        });
      } else if (
        members === 0 ||
        (assumed !== undefined && members < assumed)
      ) {
        conditions.push({
          kind: 'maintenance-owner-shrank',
          groupRef,
          members,
          assumed,
        });
      }
    }
  }
  if (record.vendorEvent) {
    conditions.push({ kind: 'vendor-event', event: record.vendorEvent });
  }
  if (!entity) {
    conditions.push({ kind: 'entity-gone' });
  } else if (record.decidedOwnerRef) {
    const owner = factsOf(entity).ownerRef;
    if (owner !== record.decidedOwnerRef) {
      conditions.push({
        kind: 'entity-owner-changed',
        from: record.decidedOwnerRef,
        to: owner,
      });
    }
  }
  if (entity && record.decidedLifecycle) {
    const lifecycle = factsOf(entity).lifecycle;
    if (lifecycle !== record.decidedLifecycle) {
      conditions.push({
        kind: 'entity-lifecycle-changed',
        from: record.decidedLifecycle,
        to: lifecycle,
      });
    }
  }
  if (entity && record.decidedDescriptionHash) {
    const descriptionHash = descriptionHashOf(entity);
    if (descriptionHash !== record.decidedDescriptionHash) {
      conditions.push({ kind: 'entity-description-changed', descriptionHash });
    }
  }
  return conditions;
}

/**
 * The names people know entities by: `spec.profile.displayName`, else
 * `metadata.title`, of the entities the catalog returned. References
 * without one are named by {@link displayNameOf}.
 */
export function displayNamesOf(
  entities: ReadonlyMap<string, Entity>,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [ref, entity] of entities) {
    const profile = (entity.spec as { profile?: { displayName?: unknown } })
      ?.profile;
    const name = [profile?.displayName, entity.metadata.title].find(
      (candidate): candidate is string =>
        typeof candidate === 'string' && candidate.trim() !== '',
    );
    if (name) names[ref] = name;
  }
  return names;
}

const HEADLINES: Record<
  Exclude<RevisitCondition['kind'], 'due-soon'>,
  string
> = {
  overdue: 'is overdue for revisit',
  'maintenance-owner-gone': 'has lost its maintenance owner',
  'maintenance-owner-shrank': 'has a maintenance team smaller than it assumed',
  'maintenance-owner-below-small-team':
    'has a maintenance team below ten engineers',
  'entity-gone': 'is about a component that left the catalog',
  'entity-owner-changed': 'has a new owner to confirm it',
  'entity-lifecycle-changed': 'is about a component whose lifecycle changed',
  'entity-description-changed':
    'is about a component whose description changed',
  'vendor-event': 'is due for revisit: there is news of the product it bought',
};

/** Why a decision due soon is: the first reason of its review. */
const DUE_SOON_HEADLINES: Partial<Record<ReviewReasonCode, string>> = {
  'buy-without-migration-plan': 'has no migration plan',
  'build-without-maintenance-owner': 'has no maintenance owner',
  'revisit-date-not-set': 'has no revisit date',
  'vendor-event': 'is due for revisit: there is news of the product it bought',
};

/**
 * What one notification of a decision's owners says: the component by
 * name, the decision by its verdict, every reason in words (the review's
 * reasons from -common for the review status, the catalog's for the
 * rest), what to do about each, and a link to the decision.
 */
export function noticeOf(options: {
  record: EvaluationRecord;
  /** The review the conditions were found with. */
  review: Review;
  conditions: RevisitCondition[];
  fresh: RevisitCondition[];
  /** Display names by entity reference, from the catalog. */
  displayNames?: Readonly<Record<string, string>>;
}): NotificationPayload {
  const { record, review, conditions, fresh } = options;
  const nameOf = (ref: string) => displayNameOf(ref, options.displayNames);
  const name =
    options.displayNames?.[record.entityRef] ??
    record.entity.title ??
    nameOf(record.entityRef);
  const severity = fresh
    .map(condition => SEVERITY[condition.kind])
    .reduce((worst, next) =>
      SEVERITY_ORDER.indexOf(next) > SEVERITY_ORDER.indexOf(worst)
        ? next
        : worst,
    );
  const worst = [...fresh].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(SEVERITY[b.kind]) -
      SEVERITY_ORDER.indexOf(SEVERITY[a.kind]),
  )[0];
  const headline =
    worst.kind === 'due-soon'
      ? (review.reasons[0] && DUE_SOON_HEADLINES[review.reasons[0].code]) ??
        'is due for revisit'
      : HEADLINES[worst.kind];

  const reasons: string[] = [];
  const actions: string[] = [];
  for (const condition of conditions) {
    if (condition.kind === 'vendor-event') {
      // A decision under a vendor event needs attention, so it is due soon
      // or overdue too, and the review's reasons say what happened; said
      // here only if the review it was found with did not.
      if (!review.reasons.some(reason => reason.code === 'vendor-event')) {
        reasons.push(vendorEventMessage(condition.event));
        actions.push(REVIEW_REASON_ACTIONS['vendor-event']);
      }
    } else if (condition.kind === 'overdue' || condition.kind === 'due-soon') {
      // The review rule of -common says why; it is not restated here. The
      // catalog's changes are conditions of their own, said below.
      for (const reason of review.reasons) {
        if (reason.code === 'catalog-change') continue;
        reasons.push(reason.message);
        actions.push(REVIEW_REASON_ACTIONS[reason.code]);
      }
      if (review.reasons.length === 0) {
        reasons.push(`Due for revisit by ${condition.revisitBy}.`);
        actions.push(REVIEW_REASON_ACTIONS['revisit-date-near']);
      }
    } else {
      reasons.push(catalogChangeMessage(condition, options.displayNames));
      actions.push(CATALOG_CHANGE_ACTIONS[condition.kind]);
    }
  }

  return {
    title: `Build vs buy: the decision for ${name} ${headline}`,
    description: [
      `The decision "${verdictLabel(
        teamDecisionOf(record.evaluation, record.outcome.verdict).decision,
      )}" for ${name} needs its owners:`,
      ...reasons.map(reason => `- ${reason}`),
      'What to do next:',
      ...[...new Set(actions)].map(action => `- ${action}`),
    ].join('\n'),
    link: decisionTabPath(record.entityRef),
    severity,
    topic: 'build-vs-buy',
    // One notification per decision and state: sending the same state again
    // updates that notification instead of adding one.
    scope: `build-vs-buy:${record.id}:${createHash('sha256')
      .update(conditions.map(conditionKey).join('\n'))
      .digest('hex')
      .slice(0, 16)}`,
  };
}

/**
 * Catalog changes as a decision records them: with the display names of
 * the entities they name, where the catalog gave one.
 */
export function catalogChangesOf(
  changes: CatalogChange[],
  displayNames: Readonly<Record<string, string>>,
): CatalogChanges {
  const refs = changes.flatMap(change => {
    switch (change.kind) {
      case 'maintenance-owner-gone':
      case 'maintenance-owner-shrank':
      case 'maintenance-owner-below-small-team':
        return [change.groupRef];
      case 'entity-owner-changed':
        return [change.from, ...(change.to ? [change.to] : [])];
      default:
        return [];
    }
  });
  const named: Record<string, string> = {};
  for (const ref of refs) {
    if (displayNames[ref] !== undefined) named[ref] = displayNames[ref];
  }
  return { changes, displayNames: named };
}

/** Totals of one run of the scan. */
export type RevisitScanResult = {
  scanned: number;
  notified: number;
  /** Decisions another scan running at the same time notified first. */
  skipped: number;
  failed: number;
};

/**
 * Finds the decisions whose state changed since their owners were last told
 * (due soon, overdue, maintenance owner gone or too small, entity gone or
 * with a new owner, under a new vendor event) and notifies the maintenance
 * owner group and the entity's owner once per change.
 *
 * Reads the decisions in pages and asks the catalog once per page, for the
 * entities, groups and owners (their state and their display names), and
 * once more only for the names of new owners it did not ask about. Each
 * notice is claimed in the database before it is sent (compare and set), so
 * two scans at once, on two replicas, never send the same notice twice; a
 * notice whose sending fails is released to be sent by the next run.
 */
export async function runRevisitScan(options: {
  store: NoticeStore;
  catalog: CatalogService;
  notifications: NotificationService;
  reviewer: Reviewer;
  credentials: BackstageCredentials;
  logger: LoggerService;
  now: Date;
  pageSize?: number;
  leaseMs?: number;
}): Promise<RevisitScanResult> {
  const { store, reviewer, now, logger } = options;
  const pageSize = options.pageSize ?? REVISIT_SCAN_PAGE_SIZE;
  const leaseMs = options.leaseMs ?? REVISIT_NOTICE_LEASE_MS;
  const result: RevisitScanResult = {
    scanned: 0,
    notified: 0,
    skipped: 0,
    failed: 0,
  };
  let after: string | undefined;
  for (;;) {
    const page = await store.listForRevisitScan({ limit: pageSize, after });
    if (page.length === 0) {
      return result;
    }
    const { entities, asked } = await lookUp(page, options);
    const found = page.map(item => {
      const { record } = item;
      // Reviewed without the catalog changes recorded by earlier scans:
      // those are conditions of their own, so recording them does not
      // make the decision due soon a second time.
      const review = reviewer.review(
        { ...record, catalogChanges: undefined },
        now,
      );
      const conditions = conditionsOf({
        record,
        reviewStatus: review.status,
        entity: entities.get(record.entityRef),
        maintenanceGroup: record.maintenanceOwnerRef
          ? entities.get(record.maintenanceOwnerRef)
          : undefined,
      });
      return { item, review, conditions };
    });
    const changes = found.flatMap(({ item, review, conditions }) => {
      const { record, notice } = item;
      const entity = entities.get(record.entityRef);
      const keys = conditions.map(conditionKey).sort();
      // A claim nobody confirmed: another scan is sending it, or one that
      // stopped before it could. Only the second is sent again.
      const unsent = notice !== undefined && !notice.sent;
      if (unsent && now.getTime() - Date.parse(notice.at) < leaseMs) {
        return [];
      }
      const previous = unsent ? undefined : notice?.conditions;
      if (!unsent) {
        const unchanged =
          previous === undefined ? keys.length === 0 : sameKeys(previous, keys);
        if (unchanged) return [];
      }
      return [
        {
          record,
          notice,
          keys,
          review,
          conditions,
          // Conditions that only cleared are recorded, so they notify again
          // if they come back, but nobody is told that things got better.
          fresh: conditions.filter(
            condition => !previous?.includes(conditionKey(condition)),
          ),
          recipients: recipientsOf(
            record,
            entity ? factsOf(entity).ownerRef : record.entity.ownerRef,
          ),
        },
      ];
    });
    const claimed = await store.recordNotices({
      notices: changes.map(change => ({
        evaluationId: change.record.id,
        expected: change.notice,
        next: change.keys,
        sent: change.fresh.length === 0,
      })),
      now,
    });
    const toSend = changes.filter(
      change => claimed.has(change.record.id) && change.fresh.length > 0,
    );
    // What changed in the catalog, recorded on each decision whose changes
    // are not those recorded, so its page and the dashboard say why it is
    // due for revisit.
    const changed = found.flatMap(({ item: { record }, conditions }) => {
      const catalog = conditions.filter(isCatalogChange);
      const recorded = record.catalogChanges?.changes ?? [];
      return sameKeys(
        recorded.map(conditionKey).sort(),
        catalog.map(conditionKey).sort(),
      )
        ? []
        : [{ record, conditions: catalog }];
    });
    const displayNames = displayNamesOf(
      await lookUpNewOwners([...toSend, ...changed], entities, asked, options),
    );
    await store.recordCatalogChanges(
      changed.map(({ record, conditions }) => ({
        record,
        changes:
          conditions.length === 0
            ? undefined
            : catalogChangesOf(conditions, displayNames),
      })),
    );
    const sent: string[] = [];
    for (const change of changes) {
      if (!claimed.has(change.record.id)) {
        result.skipped += 1;
      } else if (
        change.fresh.length > 0 &&
        (await notify({ ...options, ...change, displayNames, result }))
      ) {
        sent.push(change.record.id);
      }
    }
    await store.confirmNotices({
      evaluationIds: sent,
      claimedAt: now,
      now: new Date(),
    });
    result.scanned += page.length;
    after = page[page.length - 1].record.id;
    logger.debug(`Revisit scan: ${result.scanned} decisions read`);
  }
}

type CatalogLookup = {
  catalog: CatalogService;
  credentials: BackstageCredentials;
};

/** The catalog's entities by reference, in one request. */
async function getEntities(
  refs: string[],
  options: CatalogLookup,
): Promise<Map<string, Entity>> {
  const found = new Map<string, Entity>();
  if (refs.length === 0) {
    return found;
  }
  const { items } = await options.catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      // What the conditions read: the owner, the lifecycle and the
      // description (in metadata) of components; the members of groups.
      fields: [
        'kind',
        'metadata',
        'spec.owner',
        'spec.lifecycle',
        'spec.profile',
        'relations',
      ],
    },
    { credentials: options.credentials },
  );
  refs.forEach((ref, index) => {
    const entity = items[index];
    if (entity) found.set(ref, entity);
  });
  return found;
}

/**
 * One request for a page: each decision's entity, its maintenance owner
 * group, and the owners it was decided by and last seen with (for their
 * names).
 */
async function lookUp(
  page: RevisitScanItem[],
  options: CatalogLookup,
): Promise<{ entities: Map<string, Entity>; asked: Set<string> }> {
  const asked = new Set(
    page.flatMap(({ record }) =>
      [
        record.entityRef,
        record.maintenanceOwnerRef,
        record.decidedOwnerRef,
        record.entity.ownerRef,
      ].filter((ref): ref is string => Boolean(ref)),
    ),
  );
  return { entities: await getEntities([...asked], options), asked };
}

/**
 * The page's entities and, in one more request, the owners the catalog
 * now gives components whose owner changed since their facts were last
 * refreshed: a page where that happened asks twice, never once per entity.
 */
async function lookUpNewOwners(
  changes: Array<{ conditions: RevisitCondition[] }>,
  entities: Map<string, Entity>,
  asked: Set<string>,
  options: CatalogLookup,
): Promise<Map<string, Entity>> {
  const unknown = new Set(
    changes.flatMap(({ conditions }) =>
      conditions.flatMap(condition =>
        condition.kind === 'entity-owner-changed' &&
        condition.to &&
        !asked.has(condition.to)
          ? [condition.to]
          : [],
      ),
    ),
  );
  const owners = await getEntities([...unknown], options);
  return new Map([...entities, ...owners]);
}

/** Sends one notice; false (and the claim released) when it failed. */
async function notify(options: {
  record: EvaluationRecord;
  notice: NoticeState | undefined;
  keys: string[];
  review: Review;
  conditions: RevisitCondition[];
  displayNames: Record<string, string>;
  fresh: RevisitCondition[];
  recipients: string[];
  result: RevisitScanResult;
  store: NoticeStore;
  notifications: NotificationService;
  logger: LoggerService;
  now: Date;
}): Promise<boolean> {
  const { record, result, notice } = options;
  try {
    await options.notifications.send({
      recipients: { type: 'entity', entityRef: options.recipients },
      payload: noticeOf(options),
    });
    result.notified += 1;
    return true;
  } catch (error) {
    result.failed += 1;
    options.logger.warn(
      `Could not notify the owners of the decision for ${record.entityRef}; a later scan tries again`,
      error as Error,
    );
    // Released to what was recorded before, so a later scan sees the
    // change again and sends it.
    await options.store
      .recordNotices({
        notices: [
          {
            evaluationId: record.id,
            expected: {
              conditions: options.keys,
              at: options.now.toISOString(),
              sent: false,
            },
            next: notice?.conditions ?? [],
            sent: notice?.sent ?? true,
          },
        ],
        now: options.now,
      })
      .catch(releaseError =>
        options.logger.error(
          `Could not release the notice of the decision for ${record.entityRef}; a scan after its lease has passed sends it`,
          releaseError,
        ),
      );
    return false;
  }
}

/**
 * The maintenance owner group and the entity's current owner; whoever last
 * saved the decision when neither is known.
 */
export function recipientsOf(
  record: EvaluationRecord,
  entityOwnerRef: string | undefined,
): string[] {
  const refs = [record.maintenanceOwnerRef, entityOwnerRef].filter(
    (ref): ref is string => Boolean(ref),
  );
  return refs.length > 0 ? [...new Set(refs)] : [record.updatedBy];
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
