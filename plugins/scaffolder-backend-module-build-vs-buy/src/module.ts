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
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createDraftEvaluationAction } from './actions/createDraftEvaluation';

/**
 * Adds the `build-vs-buy:evaluation:create-draft` action to the scaffolder,
 * so a template can open the Build vs Buy evaluation of the component it
 * creates: evaluate before you build.
 *
 * @public
 */
export const scaffolderModuleBuildVsBuy = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'build-vs-buy',
  register(env) {
    env.registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ actions, auth, discovery }) {
        actions.addActions(createDraftEvaluationAction({ auth, discovery }));
      },
    });
  },
});
