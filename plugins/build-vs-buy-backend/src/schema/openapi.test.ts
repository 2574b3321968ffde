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

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderOpenApi } from '../../scripts/render-openapi';

describe('the OpenAPI spec', () => {
  it('is up to date with the zod schema and the generated router (yarn generate:openapi)', async () => {
    const paths = {
      yaml: resolve(__dirname, 'openapi.yaml'),
      router: resolve(__dirname, 'openapi/generated/router.ts'),
    };
    const current = {
      yaml: readFileSync(paths.yaml, 'utf8'),
      router: readFileSync(paths.router, 'utf8'),
    };
    const rendered = await renderOpenApi(current.yaml, paths);
    expect(current.yaml).toBe(rendered.yaml);
    expect(current.router).toBe(rendered.router);
  });
});
