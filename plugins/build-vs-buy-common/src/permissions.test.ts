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

import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE,
  buildVsBuyEvaluationCreatePermission,
  buildVsBuyEvaluationDeletePermission,
  buildVsBuyEvaluationReadPermission,
  buildVsBuyEvaluationUpdatePermission,
  buildVsBuyPermissions,
  buildVsBuyVendorEventCreatePermission,
} from './permissions';

describe('permissions', () => {
  it('name every permission after the plugin and what it is about', () => {
    expect(
      buildVsBuyPermissions.map(({ name, attributes }) => [name, attributes]),
    ).toEqual([
      ['build-vs-buy.evaluation.read', { action: 'read' }],
      ['build-vs-buy.evaluation.create', { action: 'create' }],
      ['build-vs-buy.evaluation.update', { action: 'update' }],
      ['build-vs-buy.evaluation.delete', { action: 'delete' }],
      ['build-vs-buy.vendor.event.create', { action: 'create' }],
    ]);
  });

  it('make create a basic permission and the others resource permissions', () => {
    expect(BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE).toBe(
      'build-vs-buy-evaluation',
    );
    for (const permission of [
      buildVsBuyEvaluationReadPermission,
      buildVsBuyEvaluationUpdatePermission,
      buildVsBuyEvaluationDeletePermission,
    ]) {
      expect(
        isResourcePermission(permission, BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE),
      ).toBe(true);
    }
    expect(buildVsBuyEvaluationCreatePermission.type).toBe('basic');
    expect(buildVsBuyVendorEventCreatePermission.type).toBe('basic');
  });
});
