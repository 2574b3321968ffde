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

import type { EvaluationSummary } from '@build-vs-buy/plugin-build-vs-buy-common';
import type { BuildVsBuyApi } from '../../api';

/** Entity refs per request: the API's limit, and a URL a proxy accepts. */
export const REFS_PER_REQUEST = 100;
/** How long a read decision is reused, so paging back does not ask again. */
const FRESH_FOR_MS = 30_000;

type Cached = {
  at: number;
  decision: Promise<EvaluationSummary | undefined>;
};

/**
 * Reads the decisions of catalog entities in batches: every entity asked
 * for while the catalog renders a page is read in one request
 * (`GET /evaluations?entityRef=...&entityRef=...`), not one per row. An
 * entity without a decision simply has none: no 404, nothing in the
 * browser console.
 */
export class DecisionLoader {
  static readonly #loaders = new WeakMap<BuildVsBuyApi, DecisionLoader>();

  /** The loader of an API instance, shared by every cell and the filter. */
  static of(api: BuildVsBuyApi): DecisionLoader {
    let loader = DecisionLoader.#loaders.get(api);
    if (!loader) {
      loader = new DecisionLoader(api);
      DecisionLoader.#loaders.set(api, loader);
    }
    return loader;
  }

  readonly #api: BuildVsBuyApi;
  readonly #cache = new Map<string, Cached>();
  #pending = new Map<
    string,
    { resolve: (d?: EvaluationSummary) => void; reject: (e: Error) => void }
  >();
  #scheduled = false;

  constructor(api: BuildVsBuyApi) {
    this.#api = api;
  }

  /** The decision of one entity, read together with its neighbours. */
  load(entityRef: string): Promise<EvaluationSummary | undefined> {
    const key = entityRef.toLocaleLowerCase('en-US');
    const cached = this.#cache.get(key);
    if (cached && Date.now() - cached.at < FRESH_FOR_MS) {
      return cached.decision;
    }
    const decision = new Promise<EvaluationSummary | undefined>(
      (resolve, reject) => {
        this.#pending.set(key, { resolve, reject });
      },
    );
    // A failed read is not kept: the next render asks again.
    decision.catch(() => this.#cache.delete(key));
    this.#cache.set(key, { at: Date.now(), decision });
    this.#schedule();
    return decision;
  }

  /** The decisions of many entities, by lower-case entity ref. */
  async loadMany(
    entityRefs: string[],
  ): Promise<Map<string, EvaluationSummary | undefined>> {
    const decisions = await Promise.all(entityRefs.map(ref => this.load(ref)));
    return new Map(
      entityRefs.map((ref, index) => [
        ref.toLocaleLowerCase('en-US'),
        decisions[index],
      ]),
    );
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // After the render and its effects: every row of the page has asked.
    setTimeout(() => {
      this.#scheduled = false;
      const batch = this.#pending;
      this.#pending = new Map();
      const refs = [...batch.keys()];
      for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
        void this.#read(refs.slice(i, i + REFS_PER_REQUEST), batch);
      }
    }, 0);
  }

  async #read(
    refs: string[],
    batch: Map<
      string,
      { resolve: (d?: EvaluationSummary) => void; reject: (e: Error) => void }
    >,
  ) {
    try {
      const page = await this.#api.listEvaluations({
        entityRef: refs,
        limit: REFS_PER_REQUEST,
      });
      const byRef = new Map(
        page.items.map(item => [
          item.entityRef.toLocaleLowerCase('en-US'),
          item,
        ]),
      );
      for (const ref of refs) batch.get(ref)!.resolve(byRef.get(ref));
    } catch (error) {
      for (const ref of refs) batch.get(ref)!.reject(error as Error);
    }
  }
}
