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
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type PermissionCriteria,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { buildVsBuyEvaluationReadPermission } from '@build-vs-buy/plugin-build-vs-buy-common';
import type { EvaluationStore } from '../database/types';
import type { EvaluationQuery, EvaluationRecord } from '../database/types';

/**
 * The permission decisions of the plugin's use cases. A caller who may not
 * read an evaluation gets the same 404 as for one that does not exist, so
 * a denial reveals nothing.
 */
export class EvaluationAccess {
  private readonly transformConditions: (
    conditions: Parameters<
      ReturnType<typeof createConditionTransformer<EvaluationQuery>>
    >[0],
  ) => PermissionCriteria<EvaluationQuery>;

  constructor(
    private readonly options: {
      evaluations: EvaluationStore;
      permissions: PermissionsService;
      permissionRuleset: PermissionRuleset<EvaluationRecord, EvaluationQuery>;
    },
  ) {
    this.transformConditions = createConditionTransformer(
      options.permissionRuleset,
    );
  }

  /** Throws NotAllowedError unless the caller holds the permission. */
  async authorize(
    permission: BasicPermission,
    credentials: BackstageCredentials,
    denial: string,
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(denial);
    }
  }

  async mayRead(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return (await this.readableIds([id], credentials)).has(id);
  }

  /** Which of these evaluations the caller may read: one permission call. */
  async readableIds(
    ids: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const decisions = await this.options.permissions.authorize(
      ids.map(id => ({
        permission: buildVsBuyEvaluationReadPermission,
        resourceRef: id,
      })),
      { credentials },
    );
    return new Set(
      ids.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
    );
  }

  /** A readable evaluation, or the 404 of one that does not exist. */
  async readable(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<EvaluationRecord> {
    const record = (await this.mayRead(id, credentials))
      ? await this.options.evaluations.get(id)
      : undefined;
    if (!record) {
      throw new NotFoundError(`No evaluation ${id}`);
    }
    return record;
  }

  /** A readable evaluation the caller may also change in this way. */
  async changeable(
    permission: ResourcePermission,
    id: string,
    credentials: BackstageCredentials,
  ): Promise<EvaluationRecord> {
    const record = await this.readable(id, credentials);
    const [decision] = await this.options.permissions.authorize(
      [{ permission, resourceRef: id }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action} evaluation ${id}`,
      );
    }
    return record;
  }

  /**
   * The caller's read permission as a filter for lists: undefined for all,
   * criteria applied in SQL, or 'deny'.
   */
  async readFilter(
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<EvaluationQuery> | undefined | 'deny'> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: buildVsBuyEvaluationReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) return 'deny';
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.transformConditions(decision.conditions);
    }
    return undefined;
  }
}
