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

import type {
  AuditorService,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import type { ServiceContext } from './EvaluationService';

/**
 * Runs a change inside an auditor event at medium severity: a success, or
 * a failure with its error, whatever the change throws.
 */
export async function audited<T>(
  auditor: AuditorService,
  eventId: string,
  meta: Record<string, string | number | boolean | undefined>,
  context: ServiceContext,
  action: () => Promise<T>,
): Promise<T> {
  const event: AuditorServiceEvent = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request: context.request,
    meta: Object.fromEntries(
      Object.entries(meta).filter(([, value]) => value !== undefined),
    ),
  });
  try {
    const result = await action();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
