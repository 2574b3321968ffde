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

import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The Build vs Buy collator of the search index. */
      buildVsBuy?: {
        /**
         * How often decisions are indexed. Defaults to every 30 minutes, with
         * a 15 minute timeout and a 30 second initial delay.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where a search result links to, with `:namespace`, `:kind` and
         * `:name` placeholders. Defaults to the Build vs Buy tab of the
         * entity page: `/catalog/:namespace/:kind/:name/build-vs-buy`.
         */
        locationTemplate?: string;
        /**
         * How many decisions are read per request to the Build vs Buy
         * backend, 1 to 500. Defaults to 100.
         */
        batchSize?: number;
      };
    };
  };
}
