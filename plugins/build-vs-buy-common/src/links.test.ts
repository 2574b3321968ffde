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

import { decisionTabPath } from './links';

describe('decisionTabPath', () => {
  it('routes to the Build vs Buy tab of the entity, kind in lower case', () => {
    expect(decisionTabPath('component:default/rag-retriever')).toBe(
      '/catalog/default/component/rag-retriever/build-vs-buy',
    );
    expect(decisionTabPath('Component:Search/Ranker')).toBe(
      '/catalog/Search/component/Ranker/build-vs-buy',
    );
  });

  it('encodes what a path segment cannot hold', () => {
    expect(decisionTabPath('component:default/a b#c')).toBe(
      '/catalog/default/component/a%20b%23c/build-vs-buy',
    );
  });
});
