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

import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { BACKEND, guestToken, signIn } from './guest';

/*
 * The Tech Radar of the example portal shows the seeded decisions: the
 * products bought (VectorCloud Managed; HybridSearch Cloud, bought without
 * a migration plan) and the builds (retrieval-pipeline, overdue, on the
 * Revisit ring). News of VectorCloud, recorded through the API, moves it to
 * Revisit. A product named in markup is shown as text: it is bought for
 * product-search (the markup test's entity) and put back to a draft after.
 */

// West of Greenwich, where a day read as UTC's midnight would show as the
// day before: the radar's timeline prints dates in the reader's zone.
test.use({ timezoneId: 'America/Los_Angeles' });
const ENTITY = 'component:default/product-search';
const IMAGE = '<img src=x onerror=window.__xss=1>';

declare global {
  interface Window {
    __xss?: number;
  }
}

/** Saves the decision of product-search, over whatever it has. */
async function saveProductSearch(
  request: APIRequestContext,
  headers: Record<string, string>,
  status: 'draft' | 'complete',
  evaluation: object,
) {
  // The catalog may still be loading: retry until the entity is known.
  await expect
    .poll(
      async () => {
        const current = await request.get(
          `${BACKEND}/api/build-vs-buy/entities/${encodeURIComponent(
            ENTITY,
          )}/evaluation`,
          { headers },
        );
        const stored = current.ok() ? await current.json() : undefined;
        const response = stored
          ? await request.put(
              `${BACKEND}/api/build-vs-buy/evaluations/${stored.id}`,
              {
                headers,
                data: { version: stored.version, status, evaluation },
              },
            )
          : await request.post(`${BACKEND}/api/build-vs-buy/evaluations`, {
              headers,
              data: { status, evaluation },
            });
        return response.ok();
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBe(true);
}

/** An entry of the radar's legend, by quadrant and ring. */
function legendEntry(page: Page, quadrant: string, ring: string, name: string) {
  return page
    .getByTestId('radar-quadrant')
    .filter({
      has: page.getByRole('heading', { name: quadrant, exact: true }),
    })
    .getByTestId('radar-ring')
    .filter({ has: page.getByRole('heading', { name: ring, exact: true }) })
    .getByRole('button', { name, exact: true });
}

test('the Tech Radar shows the products bought and the builds, news and overdue revisits on the Revisit ring', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };

  // The portal seeds its decisions only while there are none: wait for them
  // before saving another.
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${BACKEND}/api/build-vs-buy/evaluations?status=complete`,
          { headers },
        );
        return response.ok() ? (await response.json()).items.length : 0;
      },
      { timeout: 240_000, intervals: [2_000] },
    )
    .toBeGreaterThanOrEqual(4);

  const [candidate, ...otherCandidates] = ecommerceVectorDatabase.candidates;
  const markupProduct = {
    ...ecommerceVectorDatabase,
    entityRef: ENTITY,
    candidates: [{ ...candidate, name: IMAGE }, ...otherCandidates],
  };
  await saveProductSearch(request, headers, 'complete', markupProduct);

  const event = await request.post(
    `${BACKEND}/api/build-vs-buy/portfolio/products/events`,
    {
      headers,
      data: {
        product: 'VectorCloud Managed',
        kind: 'acquisition',
        occurredOn: '2026-11-02',
        note: 'Acquired by a database vendor.',
        idempotencyKey: 'e2e-tech-radar-vectorcloud',
      },
    },
  );
  expect(event.ok(), await event.text()).toBe(true);

  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page);

  await page.getByRole('link', { name: 'Tech Radar' }).click();
  await expect(page).toHaveURL(/\/tech-radar$/);
  await expect(
    page.getByRole('heading', { name: 'Build vs buy decisions' }),
  ).toBeVisible();

  // The products bought, by name, where their decisions place them.
  const vectorCloud = legendEntry(
    page,
    'Bought',
    'Revisit',
    'VectorCloud Managed',
  );
  await expect(vectorCloud).toBeVisible();
  await expect(
    page
      .getByTestId('radar-quadrant')
      .filter({
        has: page.getByRole('heading', {
          name: 'Bought without a migration plan',
          exact: true,
        }),
      })
      .getByRole('button', { name: 'HybridSearch Cloud', exact: true }),
  ).toBeVisible();
  // The builds: the overdue one on the Revisit ring.
  await expect(
    legendEntry(page, 'Built in-house', 'Revisit', 'retrieval-pipeline'),
  ).toBeVisible();
  await expect(
    legendEntry(
      page,
      'Built in-house',
      'Chosen once',
      'clinical-validation-pipeline',
    ),
  ).toBeVisible();
  // The product named in markup, as text.
  await expect(
    page
      .getByTestId('radar-quadrant')
      .getByRole('button', { name: IMAGE, exact: true }),
  ).toBeVisible();

  // Why VectorCloud is to revisit, in words, with the way to its decision.
  await vectorCloud.click();
  const description = page.getByTestId('radar-description');
  await expect(description).toContainText('Chosen by vector-database.');
  await expect(description).toContainText(
    'New information arrived: VectorCloud Managed had an acquisition on 2026-11-02.',
  );
  // On the Revisit ring since the news.
  await expect(
    description.getByRole('row').filter({ hasText: 'Revisit' }),
  ).toContainText('11/2/2026');
  await description
    .getByRole('button', { name: 'vector-database', exact: true })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/vector-database\/build-vs-buy$/,
  );

  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // product-search back to a draft, as the markup test leaves it.
  await saveProductSearch(request, headers, 'draft', markupProduct);
});
