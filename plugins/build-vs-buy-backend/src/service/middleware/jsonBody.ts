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
import express, { NextFunction, Request, Response } from 'express';

/** The largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 512 * 1024;

const jsonBody = express.json({ limit: MAX_BODY_BYTES });

/*
 * Malformed JSON and oversized bodies are the caller's mistakes: a clear
 * 400 naming the body, never a 500. Turned into InputErrors here, before
 * the OpenAPI router's error handler, which keeps only an error's message.
 */
export function parseJsonBody(req: Request, res: Response, next: NextFunction) {
  jsonBody(req, res, (error?: Error & { type?: string }) => {
    if (!error) {
      next();
    } else if (error.type === 'entity.parse.failed') {
      next(new InputError(`body: not valid JSON (${error.message})`));
    } else if (error.type === 'entity.too.large') {
      next(new InputError(`body: larger than ${MAX_BODY_BYTES} bytes`));
    } else if (
      error.type === 'encoding.unsupported' ||
      error.type === 'charset.unsupported'
    ) {
      next(new InputError(`body: ${error.message}`));
    } else {
      next(error);
    }
  });
}
