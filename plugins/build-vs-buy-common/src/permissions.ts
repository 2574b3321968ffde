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

import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of build-vs-buy evaluations, for conditional decisions.
 *
 * @public
 */
export const BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE = 'build-vs-buy-evaluation';

/**
 * Read an evaluation.
 *
 * @public
 */
export const buildVsBuyEvaluationReadPermission = createPermission({
  name: 'build-vs-buy.evaluation.read',
  attributes: { action: 'read' },
  resourceType: BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE,
});

/**
 * Create an evaluation. A basic permission: there is no resource yet.
 *
 * @public
 */
export const buildVsBuyEvaluationCreatePermission = createPermission({
  name: 'build-vs-buy.evaluation.create',
  attributes: { action: 'create' },
});

/**
 * Update an evaluation, including recording its decision.
 *
 * @public
 */
export const buildVsBuyEvaluationUpdatePermission = createPermission({
  name: 'build-vs-buy.evaluation.update',
  attributes: { action: 'update' },
  resourceType: BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE,
});

/**
 * Delete an evaluation.
 *
 * @public
 */
export const buildVsBuyEvaluationDeletePermission = createPermission({
  name: 'build-vs-buy.evaluation.delete',
  attributes: { action: 'delete' },
  resourceType: BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE,
});

/**
 * Record a vendor event against a product of the vendor portfolio, which
 * makes every current decision that chose it due for revisit. A basic
 * permission: the event is about a product, not one evaluation.
 *
 * @public
 */
export const buildVsBuyVendorEventCreatePermission = createPermission({
  name: 'build-vs-buy.vendor.event.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the plugin, for the permission integration router.
 *
 * @public
 */
export const buildVsBuyPermissions = [
  buildVsBuyEvaluationReadPermission,
  buildVsBuyEvaluationCreatePermission,
  buildVsBuyEvaluationUpdatePermission,
  buildVsBuyEvaluationDeletePermission,
  buildVsBuyVendorEventCreatePermission,
];
