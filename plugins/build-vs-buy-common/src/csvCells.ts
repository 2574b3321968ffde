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

/*
 * A spreadsheet runs a cell that starts with one of these as a formula
 * (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, a tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell as a spreadsheet may open it safely: text that would start a
 * formula is prefixed with a single quote, which spreadsheets read as
 * "this is text" (the OWASP advice on CSV injection). Every CSV the plugin
 * writes, on the server or in the browser, goes through this one rule.
 *
 * @public
 */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The text of a cell {@link neutraliseCsvCell} wrote, read back: the quote
 * in front of what would start a formula goes, so a CSV the plugin wrote
 * imports as it was. Any other cell is left as it is. (Text that itself
 * began with a quote before `=`, `+`, `-`, `@` reads back without that
 * quote: a spreadsheet hides it too.)
 *
 * @public
 */
export function readNeutralisedCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1))
    ? value.slice(1)
    : value;
}
