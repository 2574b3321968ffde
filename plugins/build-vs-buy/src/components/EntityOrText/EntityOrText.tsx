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

import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

function isEntityRef(value: string): boolean {
  try {
    parseEntityRef(value);
    return value.includes(':');
  } catch {
    return false;
  }
}

/** A user or group reference as a link, anything else as text. */
export const EntityOrText = (props: { value: string }) =>
  isEntityRef(props.value) ? (
    <EntityRefLink entityRef={props.value} />
  ) : (
    <>{props.value}</>
  );

/** An ISO instant as a calendar date, `YYYY-MM-DD`. */
export function formatDate(instant: string): string {
  return instant.slice(0, 10);
}
