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

import type { EvaluationSummary } from '@build-vs-buy/plugin-build-vs-buy-common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

/**
 * Sends a page as JSON, or as CSV with the given columns when asked for;
 * a CSV page carries the next page's cursor in `X-Next-Cursor`.
 */
export function sendPage(
  res: Response,
  format: 'json' | 'csv' | undefined,
  page: { items: Array<Record<string, unknown>>; nextCursor?: string },
  columns: string[],
) {
  if (format !== 'csv') {
    res.json(page);
    return;
  }
  const rows = page.items.map(item => {
    const summary = item as Partial<EvaluationSummary> &
      Record<string, unknown>;
    const flat: Record<string, unknown> = {
      ...item,
      verdict: summary.verdict?.kind ?? item.verdict,
      teamDecision: summary.teamDecision?.kind,
      entityOwnerRef: summary.entity?.ownerRef,
      system: summary.entity?.systemRef,
      lifecycle: summary.entity?.lifecycle ?? item.lifecycle,
    };
    return columns.map(column => flat[column] ?? '');
  });
  if (page.nextCursor) {
    res.setHeader('X-Next-Cursor', page.nextCursor);
  }
  res
    .type('text/csv')
    .send(stringify([columns, ...rows], { cast: { boolean: b => String(b) } }));
}
