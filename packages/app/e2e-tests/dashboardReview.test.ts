import { expect, Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { BACKEND, guestToken, signIn } from './guest';

/*
 * What a manager takes into a quarterly review: coverage by team, a count
 * that opens the decisions it counts, and the CSV of a filtered view. Search
 * Relevance owns one component of the example catalog, retrieval-pipeline,
 * with a seeded decision overdue for revisit; no other e2e test touches it.
 */

test('coverage by team counts each team and a count opens the decisions it counts', async ({
  page,
  request,
}) => {
  // The catalog refresh copies the components soon after the backend
  // starts; until then no team owns any.
  const token = await guestToken(request);
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${BACKEND}/api/build-vs-buy/coverage/teams`,
          {
            params: { ownerGroup: 'group:default/search-relevance' },
            headers: { Authorization: `Bearer ${token}` },
          },
        );
        return response.ok() ? (await response.json()).items : [];
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toMatchObject([{ overdue: 1 }]);
  await signIn(page);
  await page.goto('/build-vs-buy');
  await page.getByRole('tab', { name: 'Coverage by team' }).click();
  await expect(page).toHaveURL(/tab=coverage-by-team/);

  // A row per owner group, by its display name, with the counts in words.
  const searchRelevance = page
    .getByRole('row')
    .filter({ hasText: 'Search Relevance' });
  await expect(searchRelevance).toBeVisible();
  for (const heading of [
    'Owner',
    'Components',
    'Decision current',
    'Revisit overdue',
    'Without a decision',
  ]) {
    await expect(
      page.getByRole('columnheader', { name: heading, exact: true }),
    ).toBeVisible();
  }
  await expect(page.getByText('group:default/search-relevance')).toHaveCount(0);
  for (const owner of ['ML Platform', 'Clinical AI', 'Applied ML']) {
    await expect(
      page.getByRole('row').filter({ hasText: owner }).first(),
    ).toBeVisible();
  }

  // The view survives a reload.
  await page.reload();
  await expect(searchRelevance).toBeVisible();

  // Its overdue count opens exactly that decision, filtered by the owner.
  await searchRelevance
    .getByRole('button', {
      name: 'Show the decisions overdue for revisit of Search Relevance (1)',
    })
    .click();
  await expect(
    page.getByRole('tab', { name: 'All decisions', selected: true }),
  ).toBeVisible();
  await expect(page).toHaveURL(/reviewStatus=overdue/);
  await expect(page).toHaveURL(/ownerGroup=group%3Adefault%2Fsearch-relevance/);
  await expect(
    page.getByRole('row').filter({ hasText: 'retrieval-pipeline' }),
  ).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'rag-retriever' }),
  ).toHaveCount(0);
});

test('the CSV of a filtered view holds its rows, with labelled columns in words', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    '/build-vs-buy?ownerGroup=group%3Adefault%2Fsearch-relevance',
  );
  await expect(
    page.getByRole('row').filter({ hasText: 'retrieval-pipeline' }),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const { data, errors } = Papa.parse<Record<string, string>>(
    Buffer.concat(chunks).toString('utf8'),
    { header: true, skipEmptyLines: true },
  );
  expect(errors).toEqual([]);

  // One row: the filter's, not the whole portfolio.
  expect(data).toHaveLength(1);
  const [row] = data;
  expect(row.Component).toMatch(/retrieval/i);
  expect(row.Owner).toBe('Search Relevance');
  expect(row['Review status']).toBe('Revisit overdue');
  expect(row.Decision).toBeTruthy();
  // Words, not codes: no entity reference, no verdict code.
  for (const cell of Object.values(row)) {
    expect(cell).not.toMatch(/\b(?:component|group|user|system):/);
    expect(cell).not.toMatch(
      /\b(?:buy-with-wrapper|not-mature|due-soon|below-threshold)\b/,
    );
  }
});
