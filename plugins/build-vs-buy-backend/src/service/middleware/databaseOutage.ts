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

import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';

const DATABASE_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
]);

const DATABASE_UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection|connection error and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

/*
 * While the database is down or restarting, callers get a 503 they may
 * retry, not a 500 that reads like a bug. The cause (with its SQL) goes to
 * the log, not to the caller.
 */
export function databaseOutageAsUnavailable(logger: LoggerService) {
  return (error: Error, _req: Request, _res: Response, next: NextFunction) => {
    const code = (error as { code?: string }).code;
    if (
      (code && DATABASE_UNAVAILABLE_CODES.has(code)) ||
      error.name === 'KnexTimeoutError' ||
      DATABASE_UNAVAILABLE_MESSAGES.test(String(error.message))
    ) {
      logger.warn(`Database unavailable: ${error.message}`);
      next(
        new ServiceUnavailableError(
          'The Build vs Buy database is unavailable; try again shortly',
        ),
      );
      return;
    }
    next(error);
  };
}
