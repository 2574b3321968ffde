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

import { expect, test } from '@playwright/test';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { BACKEND, guestToken, signIn } from './guest';

/*
 * Markup stored in an evaluation's text is shown as text, never run: the
 * payloads go in through the API with the guest's token, then the entity
 * card and tab are opened. product-search is used by no other e2e test.
 */
const ENTITY = 'component:default/product-search';
const SCRIPT = '<script>window.__xss=1</script>';
const IMAGE = '<img src=x onerror=window.__xss=1>';

declare global {
  interface Window {
    __xss?: number;
  }
}

test('markup in stored answers is shown as text and never runs', async ({
  page,
  request,
}) => {
  // The guest's token, once the backend is up.
  const token = await guestToken(request);

  const [candidate, ...otherCandidates] = ecommerceVectorDatabase.candidates;
  const evaluation = {
    ...ecommerceVectorDatabase,
    entityRef: ENTITY,
    question: `${SCRIPT} ${IMAGE}`,
    coreDifferentiator: {
      ...ecommerceVectorDatabase.coreDifferentiator,
      competitorTest: SCRIPT,
      rationale: IMAGE,
    },
    // The chosen product's name is shown on the card.
    candidates: [{ ...candidate, name: IMAGE }, ...otherCandidates],
  };
  // A draft, so the dashboard counts of the other tests stay as they are;
  // over the draft another test's session may have saved for the entity.
  // The catalog may still be loading: retry until the entity is known.
  const headers = { Authorization: `Bearer ${token}` };
  await expect
    .poll(
      async () => {
        const current = await request.get(
          `${BACKEND}/api/build-vs-buy/entities/${encodeURIComponent(
            ENTITY,
          )}/evaluation`,
          { headers },
        );
        const response = current.ok()
          ? await request.put(
              `${BACKEND}/api/build-vs-buy/evaluations/${
                (
                  await current.json()
                ).id
              }`,
              {
                headers,
                data: {
                  version: (await current.json()).version,
                  status: 'draft',
                  evaluation,
                },
              },
            )
          : await request.post(`${BACKEND}/api/build-vs-buy/evaluations`, {
              headers,
              data: { status: 'draft', evaluation },
            });
        return response.ok();
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBe(true);

  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signIn(page);

  await page.goto('/catalog/default/component/product-search');
  await expect(page.getByText(`${SCRIPT} ${IMAGE}`).first()).toBeVisible();
  await expect(page.getByText(IMAGE).first()).toBeVisible();
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();

  await page.goto('/catalog/default/component/product-search/build-vs-buy');
  await expect(page.getByText(SCRIPT, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(IMAGE, { exact: false }).first()).toBeVisible();
  // Give an injected onerror handler time to fire before looking.
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
