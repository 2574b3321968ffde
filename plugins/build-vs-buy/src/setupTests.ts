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

import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Lazy-loaded extensions and msw round trips can take more than the default
// second on a loaded two-core CI machine; a slow render is not a failure.
configure({ asyncUtilTimeout: 10_000 });

// The package's own `testTimeout` is ignored when the repository runs every
// package's tests as one Jest run (`backstage-cli repo test`), where Jest's
// 5 s default applies: set it here, where it holds in both runs.
jest.setTimeout(30_000);

// jsdom lays nothing out, and DependencyGraph measures what each node
// renders with getBBox: report the size of the node's box.
if (typeof SVGElement !== 'undefined' && !('getBBox' in SVGElement.prototype)) {
  Object.defineProperty(SVGElement.prototype, 'getBBox', {
    configurable: true,
    value(this: SVGElement) {
      const box = this.querySelector('rect');
      return {
        x: 0,
        y: 0,
        width: Number(box?.getAttribute('width') ?? 0),
        height: Number(box?.getAttribute('height') ?? 0),
      };
    },
  });
}
