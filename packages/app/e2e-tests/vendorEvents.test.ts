import { expect, Page, test } from '@playwright/test';
import { signIn } from './guest';

/*
 * News of a product bought: someone records a deprecation of HybridSearch
 * Cloud, which the seeded rag-retriever decision chose to buy with a thin
 * wrapper, maintained by ml-platform (the guest is a member). The decision
 * says why it is due for revisit, the product keeps the event, and the
 * owners are notified. It runs after the notifications test, which reads
 * the notice of the same decision's missing migration plan.
 */

// The notice comes from the revisit scan, which the event starts at once.
test.setTimeout(240_000);

test('a vendor event makes the decisions that bought the product due, with the reason in words, and their owners are told', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/build-vs-buy');
  await page.getByRole('tab', { name: 'Vendor portfolio' }).click();
  const product = page
    .getByRole('row')
    .filter({ hasText: 'HybridSearch Cloud' });
  await product.getByRole('button', { name: 'Record an event' }).click();

  const dialog = page.getByRole('dialog', { name: 'Record an event' });
  await expect(dialog.getByLabel('Product')).toHaveValue('HybridSearch Cloud');
  await dialog.getByLabel(/What happened/).click();
  await page.getByRole('option', { name: 'Deprecation' }).click();
  await dialog.getByLabel(/When it happened/).fill('2026-11-30');
  await dialog
    .getByLabel('Note')
    .fill('Hybrid mode is <b>deprecated</b> in the next major version.');
  await dialog.getByRole('button', { name: 'Record the event' }).click();

  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/1 decision that chose it is now due for revisit/),
  ).toBeVisible();

  // The product keeps the event, in words, its note as text.
  await product.getByRole('button', { name: 'Events' }).click();
  const events = page.getByRole('dialog', { name: /Events/ });
  await expect(
    events.getByRole('row').filter({ hasText: 'Deprecation' }).first(),
  ).toBeVisible();
  await expect(
    events
      .getByText('Hybrid mode is <b>deprecated</b> in the next major version.')
      .first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // The decision says why it is due, on the component's page.
  await page.goto('/catalog/default/component/rag-retriever');
  await expect(
    page
      .getByText(
        'New information arrived: HybridSearch Cloud had a deprecation on 2026-11-30. Revisit the decision to buy it.',
      )
      .first(),
  ).toBeVisible();

  // Its owners are told, with the reason and a link to the decision.
  const notice = page.getByText(
    /the decision for .*rag.retriever.* is due for revisit: there is news of the product it bought/i,
  );
  await expect(async () => {
    await page.goto('/notifications');
    await expect(notice.first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });
  await notice.first().click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/rag-retriever\/build-vs-buy/,
  );
  await expect(
    page
      .getByText(/HybridSearch Cloud had a deprecation on 2026-11-30/)
      .first(),
  ).toBeVisible();
});
