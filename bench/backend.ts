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
 * The benchmark's backend entry: the example backend,
 * packages/backend/src/index.ts, exactly as it is, plus the floor module
 * (bench/floor.ts). With BENCH_WITHOUT_PLUGIN=1 it is the same backend
 * without the build-vs-buy features (the plugin, its search and tech
 * insights modules, the example evaluations) and without the floor, for
 * the memory comparison.
 *
 * Rather than a copy of the example backend's list of features, which would
 * drift from it, this hooks the module loader while that file loads, so its
 * `createBackend` returns a backend whose `add` we wrap. (Backstage's own
 * Node transform hooks `Module._load` the same way for linked workspaces.)
 *
 * Run with cwd packages/backend:
 *   node --require @backstage/cli-node/config/nodeTransform.cjs \
 *     ../../bench/backend.ts --config ../../bench/app-config.bench.yaml
 */

import type { createBackend } from '@backstage/backend-defaults';
import {
  createBackendFeatureLoader,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { resolve } from 'node:path';
import { benchFloorModule } from './floor';

const EXAMPLE_BACKEND = resolve(__dirname, '../packages/backend/src/index.ts');
const WITHOUT_PLUGIN = process.env.BENCH_WITHOUT_PLUGIN === '1';

type Backend = ReturnType<typeof createBackend>;

/** A feature that adds nothing, in place of a dropped one. */
const nothing = createBackendFeatureLoader({ loader: () => [] });

/**
 * Whether a feature belongs to the plugin family: the plugin itself, a
 * module of it, or a module of another plugin named after it. Reads the
 * registrations the way the backend does (an internal shape, hence the
 * casts; a change there shows up as the plugin's routes answering in the
 * run without it, which bench/run.ts checks).
 */
function isBuildVsBuy(feature: BackendFeature): boolean {
  const internal = feature as unknown as {
    featureType?: string;
    getRegistrations?: () => Array<{ pluginId: string; moduleId?: string }>;
  };
  if (internal.featureType !== 'registrations' || !internal.getRegistrations) {
    return false;
  }
  return internal
    .getRegistrations()
    .some(
      ({ pluginId, moduleId }) =>
        pluginId === 'build-vs-buy' ||
        Boolean(moduleId?.includes('build-vs-buy')),
    );
}

/**
 * The feature of `import('...')`: a dynamic import of a CommonJS module
 * nests its exports one `default` deeper than an ES module's would.
 */
function unwrap(loaded: unknown): BackendFeature {
  let value = loaded as { $$type?: string; default?: unknown };
  while (value.$$type !== '@backstage/BackendFeature' && value.default) {
    value = value.default as typeof value;
  }
  return value as unknown as BackendFeature;
}

function benchBackend(backend: Backend): Backend {
  if (!WITHOUT_PLUGIN) {
    backend.add(benchFloorModule);
    return backend;
  }
  const add = backend.add.bind(backend);
  backend.add = (feature: Parameters<Backend['add']>[0]) =>
    add(
      Promise.resolve(feature).then(loaded => {
        const resolved = unwrap(loaded);
        return { default: isBuildVsBuy(resolved) ? nothing : resolved };
      }),
    );
  return backend;
}

type Load = (
  request: string,
  parent: NodeModule | undefined,
  isMain: boolean,
) => unknown;
const loader = Module as unknown as { _load: Load };
const load = loader._load;
loader._load = function hookedLoad(request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  if (
    request !== '@backstage/backend-defaults' ||
    parent?.filename !== EXAMPLE_BACKEND
  ) {
    return loaded;
  }
  const defaults = loaded as typeof import('@backstage/backend-defaults');
  return {
    ...defaults,
    createBackend: () => benchBackend(defaults.createBackend()),
  };
};

// A full garbage collection on request (SIGUSR2; node --expose-gc), after
// which what the process still holds is written to BENCH_MEMORY_FILE:
// collectGarbage in bench/backendProcess.ts, before every measurement and
// for the memory comparison.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc!();
  const file = process.env.BENCH_MEMORY_FILE!;
  writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  renameSync(`${file}.tmp`, file);
});

require(EXAMPLE_BACKEND);
