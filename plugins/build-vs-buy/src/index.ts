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

/**
 * The Build vs Buy frontend plugin: an evaluation wizard, an entity card and
 * tab, and an org-wide dashboard of decisions.
 *
 * @packageDocumentation
 */

export {
  buildVsBuyPlugin,
  BuildVsBuyPage,
  EntityBuildVsBuyCard,
  EntityBuildVsBuyContent,
  BuildVsBuySearchResultListItem,
} from './plugin';
export { EntityBuildVsBuyOverviewCard } from './components/EntityBuildVsBuyCard/EntityBuildVsBuyOverviewCard';
export { BuildVsBuySidebarItem } from './components/BuildVsBuySidebarItem';
export { buildVsBuyEntityRoute } from './entityRoute';
export type { BuildVsBuyEntityRouteProps } from './entityRoute';
export * from './api';
export * from './components/CatalogDecisions';
export { isBuildVsBuyAvailable } from './conditions';
export { useBuildVsBuyContextMenuItems } from './hooks/useBuildVsBuyContextMenuItems';
export type { BuildVsBuyContextMenuItem } from './hooks/useBuildVsBuyContextMenuItems';
export type { EntityBuildVsBuyCardProps } from './components/EntityBuildVsBuyCard';
export type {
  BuildVsBuySearchDocument,
  BuildVsBuySearchResultListItemProps,
} from './components/BuildVsBuySearchResultListItem';
export type { EntityBuildVsBuyContentProps } from './components/EntityBuildVsBuyContent';
