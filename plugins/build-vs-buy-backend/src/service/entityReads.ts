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

import { ENTITY_REFS_PER_READ } from '@build-vs-buy/plugin-build-vs-buy-common';
import DataLoader from 'dataloader';
import type { EvaluationStore, EvaluationText } from '../database/types';

/**
 * Reads of entities' current evaluations, as the stored text. Every entity
 * page asks for its component's decision, so these reads come many at a
 * time: the ones asked in the same turn of the event loop (requests that
 * arrived together) are answered by one query for all their entities.
 */
export type EntityReads = {
  /** Each entity's current evaluation, in the order asked; undefined for none. */
  texts(
    entityRefs: readonly string[],
  ): Promise<Array<EvaluationText | undefined>>;
};

export function batchedEntityReads(evaluations: EvaluationStore): EntityReads {
  const loader = new DataLoader<string, EvaluationText | undefined>(
    async entityRefs => {
      const texts = await evaluations.getTextsByEntityRefs([...entityRefs]);
      const byRef = new Map(texts.map(text => [text.entityRef, text]));
      return entityRefs.map(entityRef => byRef.get(entityRef));
    },
    {
      // Never an answer kept from an earlier read: each read is answered by
      // a query that starts after it was asked, so it sees every write that
      // was committed before, on this instance or any other.
      cache: false,
      maxBatchSize: ENTITY_REFS_PER_READ,
      // Wait for the rest of this turn's I/O, the other requests that
      // arrived with this one, rather than only for this request's own
      // promises (DataLoader's default).
      batchScheduleFn: callback => setImmediate(callback),
    },
  );
  return {
    async texts(entityRefs) {
      const results = await loader.loadMany(entityRefs);
      const failure = results.find(result => result instanceof Error);
      if (failure) throw failure;
      return results as Array<EvaluationText | undefined>;
    },
  };
}
