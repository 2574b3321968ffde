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

import { InputError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';

/*
 * A NUL character cannot be stored in a PostgreSQL text column, so one in
 * the path or the query would reach the database as an error: refuse it
 * here, naming where it was. (In bodies it is stored JSON-escaped.)
 */
export function rejectNulCharacters(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw new InputError('path: not a valid URL-encoded path');
  }
  if (path.includes('\u0000')) {
    throw new InputError('path: must not contain a NUL character');
  }
  for (const [name, value] of Object.entries(req.query)) {
    if (containsNul(value)) {
      throw new InputError(`query.${name}: must not contain a NUL character`);
    }
  }
  next();
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value && typeof value === 'object') {
    return Object.values(value).some(containsNul);
  }
  return false;
}
