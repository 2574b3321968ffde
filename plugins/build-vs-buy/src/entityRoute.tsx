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

import type { Entity } from '@backstage/catalog-model';
import type { JSX } from 'react';
import { isBuildVsBuyAvailable } from './conditions';
import { DEFAULT_TAB_PATH } from './hooks/useEntityTabLink';
import { EntityBuildVsBuyContent } from './plugin';

/**
 * The props of the legacy entity page's Build vs Buy tab: its path, title,
 * condition and content, the way `EntityLayout.Route` takes them.
 *
 * @public
 */
export type BuildVsBuyEntityRouteProps = {
  path: string;
  title: string;
  if: (entity: Entity) => boolean;
  children: JSX.Element;
};

/**
 * The Build vs Buy tab, ready to spread into an `EntityLayout.Route` of
 * every component page: `<EntityLayout.Route {...buildVsBuyEntityRoute} />`.
 * It sits at `/build-vs-buy`, where the card, the revisit notifications and
 * the search results link, and shows on components only.
 *
 * @public
 */
export const buildVsBuyEntityRoute: BuildVsBuyEntityRouteProps = {
  path: `/${DEFAULT_TAB_PATH}`,
  title: 'Build vs Buy',
  if: isBuildVsBuyAvailable,
  children: <EntityBuildVsBuyContent />,
};
