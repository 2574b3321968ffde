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
import { answerProblems } from '@build-vs-buy/plugin-build-vs-buy-common';
import type { NextFunction, Request, Response } from 'express';
import { answerProblemText } from './requests';

/*
 * express-openapi-validator (behind @backstage/backend-openapi-utils)
 * reports "request/body/evaluation/question must NOT have more than 4000
 * characters, request/query/limit must be <= 500". The rest of the API
 * names fields as `body.evaluation.question: ...`; this rewrites the
 * validator's messages the same way, so every 400 reads alike. What it
 * finds wrong with the answers of an evaluation is said in -common's words,
 * as the handlers' own parsing says it: the validator only got there first.
 */
const PART = /^request\/(body|query|params|path|headers)((?:\/\S*)?) (.*)$/s;
const QUERY_PARAMETER =
  /^(Unknown|Empty value found for) query parameter '(.*)'$/s;

export function fieldMessage(message: string, body?: unknown): string {
  const parts = message
    .split(/, (?=request\/|Unknown query|Empty value)/)
    .map(part => {
      const parameter = part.match(QUERY_PARAMETER);
      if (parameter) {
        return `query.${parameter[2]}: ${
          parameter[1] === 'Unknown'
            ? 'is not a known parameter'
            : 'must not be empty'
        }`;
      }
      const match = part.match(PART);
      if (!match) return part;
      const [, location, pointer, text] = match;
      // body.evaluation.candidates[0].notes, as zod's messages name it.
      let field = [location === 'params' || location === 'path' ? '' : location]
        .concat(pointer.split('/').filter(Boolean))
        .filter(Boolean)
        .join('.')
        .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
      let detail = text;
      const required = text.match(/^must have required property '([^']+)'$/);
      if (required) {
        field = field ? `${field}.${required[1]}` : required[1];
        detail = 'is required';
      }
      const extra = text.match(
        /^must NOT have additional properties(?:: |, )?'?([^']*)'?$/,
      );
      if (extra?.[1]) {
        field = `${field}.${extra[1]}`;
        detail = 'is not a known field';
      }
      return `${field || location}: ${detail}`;
    });
  const evaluation = (body as { evaluation?: unknown } | undefined)?.evaluation;
  const aboutAnswers = (part: string) => /^body\.evaluation[.[:]/.test(part);
  if (evaluation !== undefined && parts.some(aboutAnswers)) {
    const problems = answerProblems(evaluation);
    if (problems.length > 0) {
      return parts
        .filter(part => !aboutAnswers(part))
        .concat(
          problems
            .slice(0, 10)
            .map(problem => answerProblemText('body.evaluation', problem)),
        )
        .join('; ');
    }
  }
  return parts.join('; ');
}

/** An error handler for the router: rewrites the validator's 400s. */
export function nameTheField(
  error: Error,
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  if (
    error.name === 'InputError' &&
    /(^|, )(request\/|Unknown query parameter|Empty value found)/.test(
      error.message,
    )
  ) {
    next(new InputError(fieldMessage(error.message, req.body)));
    return;
  }
  next(error);
}
