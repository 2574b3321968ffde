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

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

describe('the types generated from the OpenAPI spec', () => {
  it('are generated from the backend spec as it is now (yarn generate:openapi-types)', async () => {
    const spec = resolve(
      __dirname,
      '../../../build-vs-buy-backend/src/schema/openapi.yaml',
    );
    const types = resolve(__dirname, 'openapi.ts');
    const cli = resolve(
      dirname(require.resolve('openapi-typescript')),
      '../bin/cli.js',
    );
    const generated = execFileSync(process.execPath, [cli, spec], {
      encoding: 'utf8',
    });
    const options = await resolveConfig(types);
    expect(readFileSync(types, 'utf8')).toBe(
      format(generated, { ...options, filepath: types }),
    );
    // It runs openapi-typescript in a child process: seconds on a machine
    // busy with the other suites.
  }, 60_000);
});
