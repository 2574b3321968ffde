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

import Grid from '@material-ui/core/Grid';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isBuildVsBuyAvailable } from '../../conditions';
import { EntityBuildVsBuyCard } from '../../plugin';
import type { EntityBuildVsBuyCardProps } from './EntityBuildVsBuyCard';

/**
 * The decision card in a grid cell of its own, for the overview's
 * `<Grid container>` of the legacy entity page: half the width on wide
 * screens, the full width on narrow ones, and nothing at all on entities the
 * decision tree does not evaluate. One line in `EntityPage.tsx` in place of
 * an `EntitySwitch` and a `Grid item`.
 *
 * @public
 */
export const EntityBuildVsBuyOverviewCard = (
  props: EntityBuildVsBuyCardProps,
) => {
  const { entity } = useEntity();
  if (!isBuildVsBuyAvailable(entity)) {
    return null;
  }
  return (
    <Grid item md={6} xs={12}>
      <EntityBuildVsBuyCard {...props} />
    </Grid>
  );
};
