import { expect, test } from '@playwright/test';

/*
 * The revisit scan runs in the portal's backend (every 15 s under the e2e
 * config) and notifies through Backstage's notifications backend. The
 * guest is a member of ml-platform, the maintenance owner of the seeded
 * rag-retriever decision: a buy without a migration plan, so due for
 * revisit.
 */
// The scan needs the seeded decisions, then up to one cycle.
test.setTimeout(300_000);

test('the maintenance group is notified of a buy without a migration plan, with the reason, the action and a link to it', async ({
  page,
}) => {
  // The first page of a portal that has just started may take a while.
  await page.goto('/', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Enter' }).click({ timeout: 60_000 });
  await expect(page.getByText('Acme AI Catalog')).toBeVisible({
    timeout: 60_000,
  });

  const notice = page.getByText(
    /Build vs buy: the decision for .*rag.retriever.* has no migration plan/i,
  );
  await expect(async () => {
    await page.goto('/notifications');
    await expect(notice.first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });

  // The reason and what to do, in words, once the description is unfolded.
  const more = page.getByText('Show more').first();
  if (await more.isVisible()) {
    await more.click();
  }
  await expect(
    page.getByText(/without a migration plan/).first(),
  ).toBeVisible();
  await expect(page.getByText(/Add a migration plan/).first()).toBeVisible();
  await notice.first().click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/rag-retriever\/build-vs-buy/,
  );
});
