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

import { useApi } from '@backstage/core-plugin-api';
import type { StoredEvaluation } from '@build-vs-buy/plugin-build-vs-buy-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { buildVsBuyApiRef } from '../api';

/**
 * The stored evaluation of an entity; `value` is undefined when it has none.
 * `replace` shows a newer version the caller got back from a save (a
 * confirmation) without loading it again.
 */
export function useEntityEvaluation(entityRef: string) {
  const api = useApi(buildVsBuyApiRef);
  const state = useAsyncRetry(
    () => api.getEvaluationByEntity(entityRef),
    [api, entityRef],
  );
  const [replaced, setReplaced] = useState<StoredEvaluation>();
  const newer =
    replaced &&
    replaced.entityRef === state.value?.entityRef &&
    replaced.version > state.value.version
      ? replaced
      : undefined;
  return { ...state, value: newer ?? state.value, replace: setReplaced };
}
