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

import { useAsyncEntity } from '@backstage/plugin-catalog-react';
import { IconComponent } from '@backstage/core-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { useNavigate } from 'react-router-dom';
import { isBuildVsBuyAvailable } from '../conditions';
import { DEFAULT_TAB_PATH, useEntityTabLink } from './useEntityTabLink';

const PLACEHOLDER_ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'unknown' },
};

/**
 * An entry of the entity context menu.
 *
 * @public
 */
export type BuildVsBuyContextMenuItem = {
  title: string;
  Icon: IconComponent;
  onClick: () => void;
};

/**
 * "Evaluate build vs buy" for the context menu of a component, opening the
 * evaluation wizard; no entries for other kinds. For `EntityLayout`'s
 * `UNSTABLE_extraContextMenuItems`.
 *
 * @public
 */
export function useBuildVsBuyContextMenuItems(
  options: { tabPath?: string } = {},
): BuildVsBuyContextMenuItem[] {
  const { entity } = useAsyncEntity();
  const navigate = useNavigate();
  const links = useEntityTabLink(
    entity ?? PLACEHOLDER_ENTITY,
    options.tabPath ?? DEFAULT_TAB_PATH,
  );
  if (!entity || !isBuildVsBuyAvailable(entity)) {
    return [];
  }
  return [
    {
      title: 'Evaluate build vs buy',
      Icon: AssessmentIcon as IconComponent,
      onClick: () => navigate(links.wizard),
    },
  ];
}
