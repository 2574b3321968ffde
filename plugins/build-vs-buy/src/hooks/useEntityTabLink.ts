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

import { Entity } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** The default path of the Build vs Buy tab on entity pages. */
export const DEFAULT_TAB_PATH = 'build-vs-buy';

/**
 * Links to the Build vs Buy tab of an entity and to its evaluation wizard.
 */
export function useEntityTabLink(entity: Entity, tabPath = DEFAULT_TAB_PATH) {
  const entityRoute = useRouteRef(entityRouteRef);
  const base = `${entityRoute(entityRouteParams(entity)).replace(
    /\/$/,
    '',
  )}/${tabPath.replace(/^\/|\/$/g, '')}`;
  return { tab: base, wizard: `${base}/evaluate` };
}
