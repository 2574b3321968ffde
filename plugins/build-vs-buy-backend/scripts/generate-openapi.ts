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
 * Keeps the OpenAPI spec and the decision engine's schemas one source of
 * truth: writes the JSON Schema of the request body's answers, generated
 * from the zod schema in -common, into src/schema/openapi.yaml, and writes
 * the spec as a TypeScript constant for the validated router
 * (src/schema/openapi/generated/router.ts, in the shape Backstage's
 * repo-tools generates). `src/schema/openapi.test.ts` fails when either
 * file is out of date.
 *
 *   yarn workspace @build-vs-buy/plugin-build-vs-buy-backend generate:openapi
 */

/* eslint-disable no-console */

import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderOpenApi } from './render-openapi';

const root = resolve(__dirname, '..');
const yamlPath = resolve(root, 'src/schema/openapi.yaml');
const routerPath = resolve(root, 'src/schema/openapi/generated/router.ts');

async function main() {
  const { yaml, router } = await renderOpenApi(readFileSync(yamlPath, 'utf8'), {
    yaml: yamlPath,
    router: routerPath,
  });
  writeFileSync(yamlPath, yaml);
  mkdirSync(resolve(routerPath, '..'), { recursive: true });
  writeFileSync(routerPath, router);
  console.log(`Wrote ${yamlPath} and ${routerPath}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
