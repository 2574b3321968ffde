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
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE } from '@build-vs-buy/plugin-build-vs-buy-common';
import { z } from 'zod';
import type { EvaluationQuery, EvaluationRecord } from '../database/types';

/**
 * The evaluation resource of the permission framework.
 *
 * @public
 */
export const evaluationResourceRef = createPermissionResourceRef<
  EvaluationRecord,
  EvaluationQuery
>().with({
  pluginId: 'build-vs-buy',
  resourceType: BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE,
});

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      'Entity refs the caller is known by: user:default/alice, group:default/ml-platform',
    ),
});

/** The caller owns the evaluated entity (through one of its claims). */
const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description: 'Allow callers who own the evaluated entity',
  resourceRef: evaluationResourceRef,
  paramsSchema: claimsSchema,
  apply: (evaluation, { claims }) =>
    evaluation.entity.ownerRef !== undefined &&
    claims.includes(evaluation.entity.ownerRef),
  toQuery: ({ claims }) => ({ key: 'entity_owner_ref', values: claims }),
});

/** The caller is in the maintenance owner group of the decision. */
const isMaintenanceOwner = createPermissionRule({
  name: 'IS_MAINTENANCE_OWNER',
  description: 'Allow members of the group that maintains the component',
  resourceRef: evaluationResourceRef,
  paramsSchema: claimsSchema,
  apply: (evaluation, { claims }) =>
    evaluation.maintenanceOwnerRef !== undefined &&
    claims.includes(evaluation.maintenanceOwnerRef),
  toQuery: ({ claims }) => ({ key: 'maintenance_owner_ref', values: claims }),
});

/** The evaluation is of one of these entities. */
const isOfEntity = createPermissionRule({
  name: 'IS_OF_ENTITY',
  description: 'Allow evaluations of the given entities',
  resourceRef: evaluationResourceRef,
  paramsSchema: z.object({
    entityRefs: z
      .array(z.string())
      .describe('Entity refs of evaluated entities'),
  }),
  apply: (evaluation, { entityRefs }) =>
    entityRefs.includes(evaluation.entityRef),
  toQuery: ({ entityRefs }) => ({ key: 'entity_ref', values: entityRefs }),
});

/** The permission rules of Build vs Buy evaluations. */
export const evaluationPermissionRules = {
  isEntityOwner,
  isMaintenanceOwner,
  isOfEntity,
};

/**
 * Condition builders for permission policies:
 * `buildVsBuyEvaluationConditions.isEntityOwner({ claims })`.
 *
 * @public
 */
export const {
  conditions: buildVsBuyEvaluationConditions,
  createConditionalDecision: createBuildVsBuyEvaluationConditionalDecision,
} = createConditionExports({
  resourceRef: evaluationResourceRef,
  rules: evaluationPermissionRules,
});
