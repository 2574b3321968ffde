import { expect, Page, test } from '@playwright/test';
import { signIn, waitForSeededDecisions } from './guest';

/*
 * Issue 13, "Never lose work": a team leaves the wizard half-way through,
 * by another page and by a reload, comes back and finds every answer,
 * on the step it left. Drafts save themselves a few seconds after the last
 * edit; the test waits for the wizard to say so before leaving, as a team
 * would see it on the screen.
 */

// A component no example evaluation is seeded on, and no other test uses.
const COMPONENT = '/catalog/default/component/feature-store';
const WIZARD = `${COMPONENT}/build-vs-buy/evaluate`;

const PREREQUISITES = {
  'What data it stores': 'Feature aggregates and freshness signals',
  'What queries it handles': 'Online lookups by user and product',
  'Latency constraints': 'Under 10 ms p99 online',
  'Availability constraints': '99.95% monthly',
  'Engineers on the team': '9',
  'Production systems the team already maintains': '4',
  'What the team can realistically take on':
    'Half an engineer for the next quarter',
};
const COMPETITOR_TEST =
  'No: two competitors on the same feature store would still differ in models';
const RATIONALE = 'Feature plumbing supports the ranking models, it is not one';

test.beforeAll(async ({ request }) => {
  await waitForSeededDecisions(request);
});

const stepButton = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

const differentiator = (page: Page) =>
  page.getByRole('radiogroup', { name: 'Is it a core differentiator?' });

/**
 * Right after an edit: waits until the wizard says every answer is stored
 * (it first says they are not, for the autosave delay).
 */
async function waitUntilSaved(page: Page) {
  const status = page.getByRole('status', { name: 'Draft status' });
  await expect(status).toHaveText(/^(Unsaved answers|Saving)/);
  // The autosave delay, then the round trip.
  await expect(status).toHaveText(/^All answers saved/, { timeout: 20_000 });
}

/** Every answer given so far, on Node 1 (shown) and on the prerequisites. */
async function expectEveryAnswer(page: Page) {
  await expect(
    page.getByRole('heading', { name: 'Node 1: Core differentiator?' }),
  ).toBeVisible();
  await expect(differentiator(page).getByLabel('No')).toBeChecked();
  await expect(
    page.getByLabel('The competitor test: would your product lose its edge?'),
  ).toHaveValue(COMPETITOR_TEST);
  await expect(page.getByLabel('Rationale')).toHaveValue(RATIONALE);

  await stepButton(page, 'Prerequisites').click();
  for (const [label, value] of Object.entries(PREREQUISITES)) {
    await expect(page.getByLabel(label)).toHaveValue(value);
  }
  // Back where the team was.
  await stepButton(page, /^Node 1: Core differentiator\?/).click();
}

test('a session left half-way, by another page and by a reload, comes back with every answer', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(WIZARD);

  for (const [label, value] of Object.entries(PREREQUISITES)) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await differentiator(page).getByLabel('No').check();
  await page
    .getByLabel('The competitor test: would your product lose its edge?')
    .fill(COMPETITOR_TEST);
  await page.getByLabel('Rationale').fill(RATIONALE);
  // The step is in the URL, for a reload.
  await expect(page).toHaveURL(/[?&]step=core-differentiator/);
  await waitUntilSaved(page);

  // Another page: the entity's overview, through its tab.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page).not.toHaveURL(/\/evaluate/);
  // The card says it is a draft in progress, never a decision.
  await expect(page.getByText(/^Draft in progress, saved/)).toBeVisible();
  await page.getByRole('button', { name: 'Resume draft' }).click();
  await expect(page).toHaveURL(/\/build-vs-buy\/evaluate/);
  await expectEveryAnswer(page);

  // One more answer, then a reload before anything else.
  await page
    .getByLabel('Rationale')
    .fill(`${RATIONALE}; the online store is a commodity`);
  await waitUntilSaved(page);
  await page.reload();
  await expect(page).toHaveURL(/[?&]step=core-differentiator/);
  await expect(page.getByLabel('Rationale')).toHaveValue(
    `${RATIONALE}; the online store is a commodity`,
  );
  await page.getByLabel('Rationale').fill(RATIONALE);
  await waitUntilSaved(page);

  // And a fresh visit to the wizard's plain address resumes too.
  await page.goto(COMPONENT);
  await page.goto(WIZARD);
  await expectEveryAnswer(page);
});

test('leaving with answers not yet saved asks first, and staying keeps them', async ({
  page,
}) => {
  await signIn(page);
  // Another component than the first test's, so the two never conflict.
  await page.goto(
    '/catalog/default/component/product-search/build-vs-buy/evaluate',
  );
  const typed = 'Typed and left at once';
  await page.getByLabel('What data it stores').fill(typed);

  // Within the autosave delay: the link asks, and "Stay" stays.
  await page.getByRole('tab', { name: 'Overview' }).click();
  const asked = page.getByRole('dialog', { name: 'Leave the evaluation?' });
  await expect(asked).toContainText('Some answers are not saved yet.');
  await asked.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/evaluate/);
  await expect(page.getByLabel('What data it stores')).toHaveValue(typed);
  // Saved by itself meanwhile, or a moment later.
  await expect(page.getByRole('status', { name: 'Draft status' })).toHaveText(
    /^All answers saved/,
    { timeout: 20_000 },
  );
});
