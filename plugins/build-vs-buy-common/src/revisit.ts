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

/**
 * The calendar date of an instant, in UTC, as `YYYY-MM-DD`.
 *
 * @public
 */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * The default revisit date: `months` after the decision, in UTC, on the same
 * day of the month or the last day of a shorter month. The article warns
 * that "a build decision made today may be obsolete in six months".
 *
 * @public
 */
export function defaultRevisitBy(decidedAt: Date, months = 6): string {
  if (Number.isNaN(decidedAt.getTime())) {
    throw new RangeError('decidedAt must be a valid date');
  }
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`months must be a whole number >= 0, got ${months}`);
  }
  const year = decidedAt.getUTCFullYear();
  const month = decidedAt.getUTCMonth() + months;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(decidedAt.getUTCDate(), lastDayOfMonth);
  return toIsoDate(new Date(Date.UTC(year, month, day)));
}
