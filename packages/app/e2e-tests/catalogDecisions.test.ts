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

import { expect, Page, test } from '@playwright/test';
import {
  REVIEW_STATUS_LABELS,
  verdictLabel,
  type EvaluationSummary,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { BACKEND, guestToken, signIn } from './guest';

/*
 * The decisions where people already look: the catalog's own table with
 * the Build vs buy column and filter, and a component's page, for a
 * component with a decision and one without. Which components those are is
 * read from the API when the test runs, since other tests record decisions.
 * Nothing of the plugin's may fail on the way: a component without a
 * decision, the usual case, is no error in the browser's console.
 */

type Problem = string;

/** Failed requests to the plugin's API and console errors from its code. */
function watchForProblems(page: Page): Problem[] {
  const problems: Problem[] = [];
  page.on('response', response => {
    if (
      response.url().includes('/api/build-vs-buy/') &&
      response.status() >= 400
    ) {
      problems.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  page.on('console', message => {
    if (
      message.type() === 'error' &&
      message.location().url.includes('build-vs-buy')
    ) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}

const nameOf = (entityRef: string) => entityRef.split('/').pop()!;

test('the catalog shows each component’s decision in words, filters on it, and a component without one raises no error', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  const api = async (path: string) => {
    const response = await request.get(`${BACKEND}/api/build-vs-buy${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.ok()).toBe(true);
    return response.json();
  };
  const decided: EvaluationSummary = (
    await api('/evaluations?status=complete&limit=50')
  ).items.find((item: EvaluationSummary) =>
    item.entityRef.startsWith('component:'),
  );
  const undecided: string = (await api('/dashboard/not-evaluated?limit=50'))
    .items[0].entityRef;
  expect(decided).toBeDefined();

  const problems = watchForProblems(page);
  await signIn(page);

  await page.goto('/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all');
  await expect(
    page.getByRole('columnheader', { name: 'Build vs buy' }),
  ).toBeVisible();
  const row = (entityRef: string) =>
    page.getByRole('row').filter({
      has: page.getByRole('link', { name: nameOf(entityRef), exact: true }),
    });
  await expect(row(undecided)).toContainText('No decision');
  await expect(row(decided.entityRef)).toContainText(
    verdictLabel(decided.teamDecision),
  );
  await expect(row(decided.entityRef)).toContainText(
    REVIEW_STATUS_LABELS[decided.reviewStatus],
  );

  // The filter in the catalog's sidebar, kept in the catalog's URL.
  await page
    .getByTestId('build-vs-buy-catalog-filter')
    .getByRole('button')
    .click();
  await page.getByRole('option', { name: 'No decision' }).click();
  await expect(page).toHaveURL(/buildVsBuy%5D=no-decision/);
  await expect(row(undecided)).toBeVisible();
  await expect(row(decided.entityRef)).toHaveCount(0);
  await page.reload();
  await expect(row(undecided)).toBeVisible();
  await expect(row(decided.entityRef)).toHaveCount(0);

  // The component's page and its tab, without a decision.
  await page.goto(`/catalog/default/component/${nameOf(undecided)}`);
  await expect(page.getByText('No decision yet').first()).toBeVisible();
  await page.goto(
    `/catalog/default/component/${nameOf(undecided)}/build-vs-buy`,
  );
  await expect(page.getByText('No decision yet').first()).toBeVisible();
  // Any late answer has arrived by now.
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});
