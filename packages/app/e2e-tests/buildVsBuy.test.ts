import { expect, Page, test } from '@playwright/test';
import { signIn, waitForSeededDecisions } from './guest';

test.beforeAll(async ({ request }) => {
  await waitForSeededDecisions(request);
});

test('a seeded overdue decision appears under due for revisit', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/build-vs-buy');
  await page.getByLabel('Owned by me').uncheck();
  await expect(
    page.getByRole('row').filter({ hasText: 'retrieval-pipeline' }),
  ).toContainText(/overdue/i);
});

test('an evaluation launched from the entity reaches a verdict shown on the card and the dashboard', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/component/embedding-service');
  await page.getByRole('button', { name: 'Start evaluation' }).click();

  await page
    .getByLabel('What data it stores')
    .fill('A cache of recent vectors');
  await page
    .getByLabel('What queries it handles')
    .fill('Embed text and images');
  await page.getByLabel('Latency constraints').fill('Under 30 ms p95');
  await page.getByLabel('Availability constraints').fill('99.9% monthly');
  await page.getByLabel('Engineers on the team').fill('12');
  await page
    .getByLabel('Production systems the team already maintains')
    .fill('3');
  await page
    .getByLabel('What the team can realistically take on')
    .fill('One more service with a rotation of four');

  // The live panel's links to unanswered questions start with the node
  // too; the step buttons are matched by their whole label.
  await page
    .getByRole('button', { name: /^Node 1: Core differentiator\?/ })
    .click();
  await page
    .getByRole('radiogroup', { name: 'Is it a core differentiator?' })
    .getByLabel('Yes')
    .check();
  await page
    .getByLabel('The competitor test: would your product lose its edge?')
    .fill('Yes: our embeddings are trained on our own catalogue');
  await page.getByLabel('Rationale').fill('Embedding quality is our edge');

  await page
    .getByRole('button', { name: /^Node 5: Maintain long-term\?/ })
    .click();
  await page
    .getByRole('radiogroup', {
      name: 'Can the team allocate 20% of one engineer permanently?',
    })
    .getByLabel('Yes')
    .check();
  // The owner is picked from the catalog's groups by name.
  const owner = page.getByRole('textbox', { name: 'Maintenance owner' });
  await owner.fill('ML Platform');
  // Opens the list if typing alone did not (it does not on a busy machine).
  await owner.press('ArrowDown');
  await page.getByRole('option', { name: /ML Platform/ }).click();
  await expect(owner).toHaveValue('ML Platform');

  await page.getByRole('button', { name: /Review and save/ }).click();
  await expect(page.getByText('Build in-house').first()).toBeVisible();
  // Leave only once the decision is stored: not a draft the wizard saved
  // by itself on the way.
  const recorded = page.waitForResponse(
    response =>
      response.url().includes('/api/build-vs-buy/evaluations') &&
      ['POST', 'PUT'].includes(response.request().method()) &&
      response.request().postDataJSON()?.status === 'complete' &&
      response.ok(),
  );
  await page.getByRole('button', { name: 'Record decision' }).click();
  await recorded;

  await page.goto('/catalog/default/component/embedding-service');
  await expect(page.getByText('Build in-house').first()).toBeVisible();

  // The guest belongs to ml-platform, which owns three decided components.
  await page.goto('/build-vs-buy?ownedByMe=true');
  await page.getByRole('tab', { name: 'Due for revisit' }).waitFor();
  await expect(page.getByLabel('Owned by me')).toBeChecked();
  await expect(page.getByText(/Verdicts \(3 decisions, /)).toBeVisible();
});

test('the dashboard filters by an owner picked by display name, kept across a reload and a shared link', async ({
  page,
  context,
}) => {
  await signIn(page);
  await page.goto('/build-vs-buy');
  await expect(
    page.getByRole('tab', { name: 'All decisions', selected: true }),
  ).toBeVisible();
  await expect(page.getByLabel('Owned by me')).not.toBeChecked();
  const row = (target: Page, name: string) =>
    target.getByRole('row').filter({ hasText: name });
  await expect(row(page, 'rag-retriever')).toBeVisible();

  await page.getByLabel('Owner groups').fill('Search Rel');
  await page.getByRole('option', { name: /Search Relevance/ }).click();

  await expect(page).toHaveURL(/ownerGroup=group%3Adefault%2Fsearch-relevance/);
  const showsSearchRelevance = async (target: Page) => {
    await expect(
      target.getByRole('search').getByText('Search Relevance'),
    ).toBeVisible();
    await expect(row(target, 'retrieval-pipeline')).toBeVisible();
    await expect(row(target, 'rag-retriever')).toHaveCount(0);
    // Owners and systems by name, not as refs.
    await expect(
      target.getByText('group:default/search-relevance'),
    ).toHaveCount(0);
  };
  await showsSearchRelevance(page);

  await page.reload();
  await showsSearchRelevance(page);

  const shared = await context.newPage();
  await shared.goto(page.url());
  await showsSearchRelevance(shared);
});

test('a chart bar filters the table', async ({ page }) => {
  await signIn(page);
  await page.goto('/build-vs-buy');
  await expect(
    page.getByRole('row').filter({ hasText: 'rag-retriever' }),
  ).toBeVisible();

  await page
    .getByRole('list', { name: /Revisits due per month/ })
    .getByRole('button', { name: /^Overdue: / })
    .click();

  await expect(page).toHaveURL(/reviewStatus=overdue/);
  await expect(
    page.getByRole('row').filter({ hasText: 'retrieval-pipeline' }),
  ).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'rag-retriever' }),
  ).toHaveCount(0);
});

test('a conflict between two tabs is survived without losing input', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  await signIn(first);
  const wizard =
    '/catalog/default/component/model-monitoring/build-vs-buy/evaluate';
  await first.goto(wizard);
  await second.goto(wizard);
  const question = (page: Page) => page.getByLabel('The question');
  await expect(question(first)).not.toBeEmpty();
  await expect(question(second)).not.toBeEmpty();

  await question(first).fill(
    'Build or buy drift and hallucination monitoring?',
  );
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByText(/Draft saved as version \d+/)).toBeVisible();

  const typed = 'Typed in the second tab while the first one saved';
  await second
    .getByLabel('What the team can realistically take on')
    .fill(typed);
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByText('What changed meanwhile')).toBeVisible();
  await expect(
    second.getByLabel('What the team can realistically take on'),
  ).toHaveValue(typed);

  await second.getByRole('button', { name: /Reapply my answers/ }).click();
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByText(/Draft saved as version \d+/)).toBeVisible();

  await second.reload();
  await expect(
    second.getByLabel('What the team can realistically take on'),
  ).toHaveValue(typed);
  await expect(question(second)).toHaveValue(
    'Build or buy drift and hallucination monitoring?',
  );
  await context.close();
});

test('the wizard can be driven from the keyboard alone', async ({ page }) => {
  await signIn(page);
  await page.goto(
    '/catalog/default/component/vector-database/build-vs-buy/evaluate',
  );
  const dataStored = page.getByLabel('What data it stores');
  await expect(dataStored).toBeVisible();

  // Tab from the top of the page to the field, type, then on to "Next".
  const tabUntil = async (isThere: () => Promise<boolean>) => {
    for (let presses = 0; presses < 80; presses++) {
      if (await isThere()) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached by Tab');
  };
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await tabUntil(() =>
    dataStored.evaluate(el => el === document.activeElement),
  );
  // vector-database has a seeded decision: replace its answer, not add to it.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Prompts and completions for 30 days');
  const next = page.getByRole('button', { name: 'Next' });
  await tabUntil(() => next.evaluate(el => el === document.activeElement));
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('radiogroup', { name: 'Is it a core differentiator?' }),
  ).toBeVisible();
  const back = page.getByRole('button', { name: 'Back' });
  await tabUntil(() => back.evaluate(el => el === document.activeElement));
  await page.keyboard.press('Enter');
  await expect(dataStored).toHaveValue('Prompts and completions for 30 days');
});

test("an evaluation can be launched from the entity's context menu", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/component/labeling-tool');
  await page.getByTestId('menu-button').click();
  await page.getByRole('menuitem', { name: 'Evaluate build vs buy' }).click();
  await expect(page).toHaveURL(/\/labeling-tool\/build-vs-buy\/evaluate$/);
  await expect(page.getByLabel('What data it stores')).toBeVisible();
});
