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
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.buildVsBuy';

/** The schedule of the collator when config names none. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/** The Build vs Buy tab of the entity page. */
export const DEFAULT_LOCATION_TEMPLATE =
  '/catalog/:namespace/:kind/:name/build-vs-buy';

/** Decisions per request to the Build vs Buy backend. */
export const DEFAULT_BATCH_SIZE = 100;

/** The largest page the Build vs Buy backend serves. */
const MAX_BATCH_SIZE = 500;

export function readCollatorSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  if (!scheduleConfig) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
  } catch (error) {
    throw new InputError(
      `Invalid schedule at ${CONFIG_KEY}.schedule: ${error}`,
    );
  }
}

export function readCollatorOptions(config: Config): {
  locationTemplate: string;
  batchSize: number;
} {
  const batchSize =
    config.getOptionalNumber(`${CONFIG_KEY}.batchSize`) ?? DEFAULT_BATCH_SIZE;
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > MAX_BATCH_SIZE
  ) {
    throw new InputError(
      `${CONFIG_KEY}.batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`,
    );
  }
  return {
    locationTemplate:
      config.getOptionalString(`${CONFIG_KEY}.locationTemplate`) ??
      DEFAULT_LOCATION_TEMPLATE,
    batchSize,
  };
}
