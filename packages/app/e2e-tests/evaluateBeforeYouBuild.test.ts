import { APIRequestContext, expect, test } from '@playwright/test';
import { BACKEND, guestToken, signIn } from './guest';

/*
 * Evaluate before you build: a team about to build the reranker of the RAG
 * platform runs the example software template, which asks the article's
 * prerequisite and Node 1 and opens the component's draft evaluation with
 * the answers; the link at the end of the run leads to it.
 */

const dataStored = 'Nothing durable: it scores passages per query.';
const question =
  'Should we build or buy the reranker in front of our retrieval pipeline?';

const RERANKER = 'component:default/reranker';

/**
 * Archives the reranker's evaluation if an earlier run (or this test's
 * first try, on a retry) left one: the action opens a draft only for a
 * component without one.
 */
async function archiveRerankerEvaluation(request: APIRequestContext) {
  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const current = await request.get(
    `${BACKEND}/api/build-vs-buy/entities/${encodeURIComponent(
      RERANKER,
    )}/evaluation`,
    { headers },
  );
  if (current.status() === 404) return;
  expect(current.ok()).toBe(true);
  const { id, version } = await current.json();
  const archived = await request.delete(
    `${BACKEND}/api/build-vs-buy/evaluations/${id}?version=${version}`,
    { headers },
  );
  expect(archived.ok()).toBe(true);
}

test('the AI infrastructure component template asks Node 1 and opens the draft evaluation', async ({
  page,
  request,
}) => {
  await archiveRerankerEvaluation(request);
  await signIn(page);

  await page.getByRole('link', { name: 'Create...' }).click();
  // The catalog reads the template a few seconds after the portal starts;
  // the page lists templates once, on load.
  const choose = page
    .locator('article, [class*="MuiCard-root"]')
    .filter({ hasText: 'AI infrastructure component' })
    .getByRole('button', { name: 'Choose' });
  await expect(async () => {
    await page.reload();
    await expect(choose).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await choose.click();

  // Prerequisites: the written description of the component.
  await expect(
    page.getByText('You need a written description of the component'),
  ).toBeVisible();
  await page.getByLabel(/Which component is evaluated\?/).fill('reranker');
  await page.getByLabel(/What is the question\?/).fill(question);
  await page.getByLabel(/What data does it store\?/).fill(dataStored);
  await page
    .getByLabel(/What queries does it handle\?/)
    .fill('Reorders the top 50 passages of every retrieval query.');
  await page
    .getByLabel(/What are its latency constraints\?/)
    .fill('Under 40 ms p95 on top of retrieval.');
  await page.getByRole('button', { name: 'Next' }).click();

  // Node 1, in the article's words.
  await expect(
    page.getByText(
      'if two of your competitors used the same vendor for this component, would your product lose its edge?',
      { exact: false },
    ),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'No' }).check();
  await page
    .getByLabel(/would your product lose its edge\?/)
    .fill('No: our edge is the ranking data, not the reranker.');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The run ends with a link to the draft.
  const link = page.getByRole('link', {
    name: 'Finish the build-vs-buy evaluation',
  });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await link.click();

  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/reranker\/build-vs-buy$/,
  );
  await expect(
    page.getByRole('button', { name: 'Resume draft' }),
  ).toBeVisible();
  await expect(page.getByText(dataStored)).toBeVisible();
});
