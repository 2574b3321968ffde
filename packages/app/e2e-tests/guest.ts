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

import { APIRequestContext, expect, Page } from '@playwright/test';

/** The example portal's backend, as `yarn start` serves it. */
export const BACKEND = 'http://localhost:7007';

/**
 * A guest's Backstage token, for the tests that prepare or put back state
 * through the API. Waits for the backend: the frontend answers first.
 */
export async function guestToken(request: APIRequestContext): Promise<string> {
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request
          .get(`${BACKEND}/api/auth/guest/refresh?env=development`, {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          })
          .catch(() => undefined);
        token = response?.ok()
          ? (await response.json()).backstageIdentity?.token
          : undefined;
        return Boolean(token);
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBe(true);
  return token!;
}

/** Signs in to the example portal as the guest, from its front page. */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByText('Acme AI Catalog')).toBeVisible();
}

/**
 * Waits until the example backend has seeded its decisions, which it does
 * once the catalog has loaded the example components.
 */
export async function waitForSeededDecisions(
  request: APIRequestContext,
): Promise<void> {
  const token = await guestToken(request);
  await expect
    .poll(
      async () => {
        const page = await request.get(
          `${BACKEND}/api/build-vs-buy/evaluations`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        return page.ok() ? (await page.json()).items.length : 0;
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBeGreaterThanOrEqual(5);
}
