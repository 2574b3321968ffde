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
import { type Entity, parseEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { createHash } from 'node:crypto';
import type {
  EvaluationRecord,
  NoticeStore,
  NoticeState,
  RevisitScanItem,
} from '../database/types';
import { factsOf, membersOf } from './catalogFacts';
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
  | { kind: 'maintenance-owner-gone'; groupRef: string }
  | {
      kind: 'maintenance-owner-shrank';
      groupRef: string;
      members: number;
      /** Its members when the decision was made, when known. */
      assumed?: number;
    }
  | { kind: 'entity-gone' }
  | { kind: 'entity-owner-changed'; from: string; to?: string };

/** The stable key a condition is recorded and compared by. */
export function conditionKey(condition: RevisitCondition): string {
  switch (condition.kind) {
    case 'overdue':
    case 'due-soon':
      return `${condition.kind}:${condition.revisitBy}`;
    case 'maintenance-owner-gone':
    case 'maintenance-owner-shrank':
      return `${condition.kind}:${condition.groupRef}`;
    case 'entity-gone':
      return condition.kind;
    case 'entity-owner-changed':
      return `${condition.kind}:${condition.to ?? ''}`;
    default:
      throw new Error(`Unknown condition ${JSON.stringify(condition)}`);
  }
}

const SEVERITY: Record<RevisitCondition['kind'], NotificationSeverity> = {
  overdue: 'high',
  'maintenance-owner-gone': 'high',
  'due-soon': 'normal',
  'maintenance-owner-shrank': 'normal',
  'entity-owner-changed': 'normal',
  'entity-gone': 'low',
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
      if (members === 0 || (assumed !== undefined && members < assumed)) {
        conditions.push({
          kind: 'maintenance-owner-shrank',
          groupRef,
          members,
          assumed,
        });
      }
    }
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
  return conditions;
}

/** What one notification of a decision's owners says. */
export function noticeOf(options: {
  record: EvaluationRecord;
  conditions: RevisitCondition[];
  fresh: RevisitCondition[];
}): NotificationPayload {
  const { record, conditions, fresh } = options;
  const name = record.entity.title ?? parseEntityRef(record.entityRef).name;
  const severity = fresh
    .map(condition => SEVERITY[condition.kind])
    .reduce((worst, next) =>
      SEVERITY_ORDER.indexOf(next) > SEVERITY_ORDER.indexOf(worst)
        ? next
        : worst,
    );
  const headline = (condition: RevisitCondition) => {
    switch (condition.kind) {
      case 'overdue':
        return 'is overdue for revisit';
      case 'due-soon':
        return 'is due for revisit';
      case 'maintenance-owner-gone':
        return 'has lost its maintenance owner';
      case 'maintenance-owner-shrank':
        return 'has a maintenance team smaller than it assumed';
      case 'entity-gone':
        return 'is about a component that left the catalog';
      default:
        return 'has a new owner to confirm it';
    }
  };
  const worst = [...fresh].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(SEVERITY[b.kind]) -
      SEVERITY_ORDER.indexOf(SEVERITY[a.kind]),
  )[0];
  const ref = parseEntityRef(record.entityRef);
  const verdict = record.outcome.verdict.kind;
  return {
    title: `Build vs buy: the decision for ${name} ${headline(worst)}`,
    description: [
      `The ${verdict} decision for ${record.entityRef} needs its owners:`,
      ...conditions.map(condition => `- ${sentenceOf(condition)}`),
    ].join('\n'),
    link: `/catalog/${ref.namespace}/${ref.kind}/${ref.name}/build-vs-buy`,
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

function sentenceOf(condition: RevisitCondition): string {
  switch (condition.kind) {
    case 'overdue':
      return `Its revisit date, ${condition.revisitBy}, has passed.`;
    case 'due-soon':
      return `It is due for revisit by ${condition.revisitBy}.`;
    case 'maintenance-owner-gone':
      return `Its maintenance owner ${condition.groupRef} is no longer in the catalog: every system you build becomes a system you maintain.`;
    case 'maintenance-owner-shrank':
      return condition.members === 0
        ? `Its maintenance owner ${condition.groupRef} has no members left: nobody gives it the 20% of an engineer that maintenance takes.`
        : `Its maintenance owner ${condition.groupRef} has ${condition.members} members, fewer than the ${condition.assumed} it had when node 5 was answered: can it still give 20% of an engineer to maintenance, permanently?`;
    case 'entity-gone':
      return 'The component is no longer in the catalog: archive the decision or revisit it.';
    default:
      return `The component's owner changed from ${condition.from} to ${
        condition.to ?? 'nobody'
      } since the decision.`;
  }
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
 * with a new owner) and notifies the maintenance owner group and the entity's
 * owner once per change.
 *
 * Reads the decisions in pages and asks the catalog once per page. Each
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
    const entities = await lookUp(page, options);
    const changes = page.flatMap(item => {
      const { record, notice } = item;
      const entity = entities.get(record.entityRef);
      const conditions = conditionsOf({
        record,
        reviewStatus: reviewer.review(record, now).status,
        entity,
        maintenanceGroup: record.maintenanceOwnerRef
          ? entities.get(record.maintenanceOwnerRef)
          : undefined,
      });
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
    const sent: string[] = [];
    for (const change of changes) {
      if (!claimed.has(change.record.id)) {
        result.skipped += 1;
      } else if (
        change.fresh.length > 0 &&
        (await notify({ ...options, ...change, result }))
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

async function lookUp(
  page: RevisitScanItem[],
  options: { catalog: CatalogService; credentials: BackstageCredentials },
): Promise<Map<string, Entity>> {
  const refs = [
    ...new Set(
      page.flatMap(({ record }) =>
        record.maintenanceOwnerRef
          ? [record.entityRef, record.maintenanceOwnerRef]
          : [record.entityRef],
      ),
    ),
  ];
  const { items } = await options.catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: ['kind', 'metadata', 'spec.owner', 'relations'],
    },
    { credentials: options.credentials },
  );
  const found = new Map<string, Entity>();
  refs.forEach((ref, index) => {
    const entity = items[index];
    if (entity) found.set(ref, entity);
  });
  return found;
}

/** Sends one notice; false (and the claim released) when it failed. */
async function notify(options: {
  record: EvaluationRecord;
  notice: NoticeState | undefined;
  keys: string[];
  conditions: RevisitCondition[];
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
