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

import { Route, Routes } from 'react-router-dom';
import { EvaluationWizard } from '../EvaluationWizard';
import { EvaluationOverview } from './EvaluationOverview';

/** Props of {@link EntityBuildVsBuyContent}. @public */
export type EntityBuildVsBuyContentProps = {};

/**
 * The Build vs Buy tab of an entity: the decision in full, and the
 * evaluation wizard at `evaluate` below the tab.
 */
export const EntityBuildVsBuyContent = (
  _props: EntityBuildVsBuyContentProps,
) => (
  <Routes>
    <Route path="/" element={<EvaluationOverview />} />
    <Route path="/evaluate" element={<EvaluationWizard />} />
  </Routes>
);
