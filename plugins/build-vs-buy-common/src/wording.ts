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
 * How user text, numbers and entity references are put into sentences, the
 * same way in the ADR, the notifications and the UI.
 */

/**
 * Text ended as a sentence: a full stop is added unless it already ends
 * with `.`, `!` or `?` (also before closing quotes or brackets), so a
 * user's "another gateway." never becomes "another gateway..".
 * Surrounding whitespace is dropped; empty text stays empty.
 *
 * @public
 */
export function withFullStop(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /[.!?]["'”’)\]]*$/.test(trimmed)) {
    return trimmed;
  }
  return `${trimmed}.`;
}

/**
 * A count with its unit, singular for exactly one: `1 week`, `1.5 weeks`,
 * `3 days`.
 *
 * @public
 */
export function quantityOf(
  count: number,
  unit: string,
  plural = `${unit}s`,
): string {
  return `${count} ${count === 1 ? unit : plural}`;
}

const ENTITY_REF = /^([^:/\s]+):(?:([^:/\s]+)\/)?([^:/\s]+)$/;

/**
 * An entity reference as people read it: its display name when one is
 * known (`spec.profile.displayName` or `metadata.title`, looked up by the
 * caller in the catalog), otherwise its name, with the namespace when it is
 * not `default` (`ml-platform`, `finance/payments`). Text that is not an
 * entity reference is returned as it is.
 *
 * @public
 */
export function displayNameOf(
  entityRef: string,
  displayNames: Readonly<Record<string, string>> = {},
): string {
  const known =
    displayNames[entityRef] ??
    displayNames[entityRef.toLocaleLowerCase('en-US')];
  if (known !== undefined && known.trim() !== '') {
    return known;
  }
  const match = ENTITY_REF.exec(entityRef.trim());
  if (!match) {
    return entityRef;
  }
  const [, , namespace, name] = match;
  return namespace && namespace.toLocaleLowerCase('en-US') !== 'default'
    ? `${namespace}/${name}`
    : name;
}
