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
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  AuthorizeResult,
  type PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  createConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  buildVsBuyEvaluationReadPermission,
  type EvaluationSummary,
  type Page,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type {
  AttentionList,
  EvaluationFilter,
  EvaluationQuery,
  EvaluationRecord,
  EvaluationStore,
} from '../database/EvaluationStore';
import type { Reviewer } from './review';

/** The page size of lists when the caller names none, and the largest. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * An entity reference in the form evaluations are stored under; a 400
 * naming the field (`entityRef` unless told) when it is not one.
 */
export function normalizeEntityRef(
  ref: string,
  defaultKind?: string,
  field = 'entityRef',
): string {
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`${field}: ${(error as Error).message}`);
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/**
 * Reading decisions on behalf of a caller, shared by the HTTP routes and the
 * registered actions: the permission checks, and the wire shapes with the
 * review status as of a given moment.
 */
export type DecisionReader = ReturnType<typeof createDecisionReader>;

export function createDecisionReader(options: {
  store: EvaluationStore;
  permissions: PermissionsService;
  reviewer: Reviewer;
  permissionRuleset: PermissionRuleset<EvaluationRecord, EvaluationQuery>;
}) {
  const { store, permissions, reviewer } = options;
  const transformConditions = createConditionTransformer(
    options.permissionRuleset,
  );

  const toStored = (record: EvaluationRecord, at: Date): StoredEvaluation => ({
    id: record.id,
    entityRef: record.entityRef,
    version: record.version,
    status: record.status,
    evaluation: record.evaluation,
    outcome: record.outcome,
    review: reviewer.review(record, at),
    entity: record.entity,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  });

  const toSummary = (
    record: EvaluationRecord,
    at: Date,
  ): EvaluationSummary => ({
    id: record.id,
    entityRef: record.entityRef,
    version: record.version,
    status: record.status,
    verdict: record.outcome.verdict,
    reviewStatus: reviewer.review(record, at).status,
    revisitBy: record.revisitBy,
    maintenanceOwnerRef: record.maintenanceOwnerRef,
    hasMigrationPlan: record.hasMigrationPlan,
    entity: record.entity,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  });

  const mayRead = async (id: string, credentials: BackstageCredentials) => {
    const [decision] = await permissions.authorize(
      [{ permission: buildVsBuyEvaluationReadPermission, resourceRef: id }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  };

  /**
   * The caller's read permission as a filter for lists: undefined for all,
   * criteria applied in SQL, or 'deny'.
   */
  const readFilter = async (
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<EvaluationQuery> | undefined | 'deny'> => {
    const [decision] = await permissions.authorizeConditional(
      [{ permission: buildVsBuyEvaluationReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) return 'deny';
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return transformConditions(decision.conditions);
    }
    return undefined;
  };

  return {
    toStored,
    toSummary,
    mayRead,
    readFilter,

    /**
     * The current decision of an entity, or undefined when it has none or
     * the caller may not read it: the two look the same.
     */
    async getByEntityRef(
      entityRef: string,
      credentials: BackstageCredentials,
      at: Date,
    ): Promise<StoredEvaluation | undefined> {
      const record = await store.getByEntityRef(entityRef);
      if (!record || !(await mayRead(record.id, credentials))) {
        return undefined;
      }
      return toStored(record, at);
    },

    /** One page of a dashboard list, as far as the caller may read it. */
    async listAttention(
      list: AttentionList,
      query: { filter: EvaluationFilter; limit: number; cursor?: string },
      credentials: BackstageCredentials,
      at: Date,
    ): Promise<Page<EvaluationSummary>> {
      const permissionFilter = await readFilter(credentials);
      if (permissionFilter === 'deny') {
        return { items: [] };
      }
      const page = await store.list({
        filter: { ...query.filter, attention: list },
        window: reviewer.windowAt(at),
        permissionFilter,
        order: list === 'due-for-revisit' ? 'revisit' : 'updated',
        limit: query.limit,
        cursor: query.cursor,
      });
      return {
        items: page.items.map(record => toSummary(record, at)),
        nextCursor: page.nextCursor,
      };
    },
  };
}
