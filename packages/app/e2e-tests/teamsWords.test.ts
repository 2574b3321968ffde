import { expect, Page, test } from '@playwright/test';
import { signIn } from './guest';

/*
 * "Users never see candidates[0].maturity.publicSla." Every screen of the
 * plugin, in the states a team meets in its session (an incomplete draft, a
 * gap not yet classified, an invalid answer), is read as a person reads it:
 * the visible text may hold no internal path or code, and no entity
 * reference where the catalog knows a name.
 */

const INTERNAL: Array<[string, RegExp]> = [
  [
    'an answer path',
    /\b(?:prerequisites|coreDifferentiator|candidates|requirements|gaps|maintenance|failureModes|regulated|teamDecision)(?:\[[^\]]*\]|\.[a-z][A-Za-z]+)/,
  ],
  ['an index', /\[\d+\]/],
  ['a field name', /\b[a-z]+(?:[A-Z][a-z]+){2,}\b/],
  [
    'a verdict, standing or profile code',
    /\b(?:buy-with-wrapper|no-qualifying-candidate|not-mature|missing-must-have|below-threshold|broad-core-gap|runner-up|not-assessed|due-soon|early-stage-startup|large-enterprise)\b/,
  ],
  [
    'an entity reference',
    /\b(?:component|group|user|system|api|resource|domain):(?:[\w-]+\/)?[\w.-]+/,
  ],
];

/** The text a person sees: visible text nodes, not what they typed. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (
        !parent ||
        parent.closest('script, style, noscript, textarea, nav') ||
        !parent.checkVisibility()
      ) {
        continue;
      }
      parts.push(node.textContent ?? '');
    }
    return parts.join(' ');
  });
}

async function expectTeamsWords(page: Page, where: string) {
  const text = await visibleText(page);
  for (const [what, pattern] of INTERNAL) {
    const match = text.match(pattern);
    const around = match
      ? text.slice(Math.max(0, match.index! - 60), match.index! + 60)
      : '';
    expect(
      match?.[0],
      `${where} shows ${what}: "${match?.[0]}" in "…${around}…"`,
    ).toBeUndefined();
  }
}

async function answerYes(page: Page, question: string) {
  await page
    .getByRole('radiogroup', { name: question })
    .getByLabel('Yes')
    .check();
}

test.setTimeout(300_000);

test('every screen speaks the article, not the schema', async ({ page }) => {
  await signIn(page);

  // A seeded buy with a thin wrapper and no migration plan: the card and the
  // decision tab.
  const rag = '/catalog/default/component/rag-retriever';
  await page.goto(rag);
  await expect(page.getByText(/with a thin wrapper/).first()).toBeVisible();
  await expectTeamsWords(page, 'The card');
  await page.goto(`${rag}/build-vs-buy`);
  await expect(
    page.getByRole('button', { name: 'Download ADR' }),
  ).toBeVisible();
  await expect(page.getByText('Requirements matrix')).toBeVisible();
  await expectTeamsWords(page, 'The decision tab');

  // A new evaluation, left incomplete, with an invalid answer and a gap
  // nobody has classified yet: every step of the wizard.
  const store = '/catalog/default/component/labeling-tool';
  await page.goto(`${store}/build-vs-buy/evaluate`);
  const engineers = page.getByLabel('Engineers on the team');
  await engineers.fill('2.5');
  await expectTeamsWords(page, 'Prerequisites with an invalid answer');

  await page
    .getByRole('button', { name: /^Node 1: Core differentiator\?/ })
    .click();
  await page
    .getByRole('radiogroup', { name: 'Is it a core differentiator?' })
    .getByLabel('No')
    .check();
  await expectTeamsWords(page, 'Node 1');

  await page.getByRole('button', { name: /^Node 2: Mature option\?/ }).click();
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await page
    .getByRole('textbox', { name: /^Product name/ })
    .fill('FeatureCloud');
  for (const question of [
    'In production use for at least two years?',
    'Customers at your scale or larger?',
    'A public SLA?',
    'A track record of handling the failure modes you care about?',
  ]) {
    await answerYes(page, question);
  }
  await expectTeamsWords(page, 'Node 2');

  await page
    .getByRole('button', { name: /^Node 3: Meets 80%\+ of requirements\?/ })
    .click();
  // The requirements grid: a row per requirement, a choice per cell.
  await page.getByRole('button', { name: 'Add requirement' }).click();
  await page
    .getByRole('textbox', { name: 'Row 1: requirement' })
    .fill('Point-in-time joins');
  await page
    .getByRole('combobox', { name: 'Point-in-time joins: bucket' })
    .selectOption('Should-have');
  await page
    .getByRole('combobox', {
      name: 'Point-in-time joins: FeatureCloud covers it',
    })
    .selectOption('Partial');
  await expectTeamsWords(page, 'Node 3');

  await page
    .getByRole('button', { name: /^Node 4: Core or edge gaps\?/ })
    .click();
  await expect(
    page.getByText(/FeatureCloud: Point-in-time joins/).first(),
  ).toBeVisible();
  await expectTeamsWords(page, 'Node 4 with a gap not classified');

  await page
    .getByRole('button', { name: /^Node 5: Maintain long-term\?/ })
    .click();
  await expectTeamsWords(page, 'Node 5');
  await page.getByRole('button', { name: /^Common failure modes/ }).click();
  await expectTeamsWords(page, 'Common failure modes');
  await page.getByRole('button', { name: /^Review and save/ }).click();
  await expect(
    page.getByRole('region', { name: 'Invalid answers' }),
  ).toBeVisible();
  await expectTeamsWords(page, 'Review with an invalid answer');

  // Fixed, saved twice as a draft: the card, the tab and the version
  // compare of an incomplete draft.
  // The invalid answer's link takes the team to its field.
  await page
    .getByRole('region', { name: 'Invalid answers' })
    .getByRole('button', { name: /How many engineers/ })
    .click();
  await expect(engineers).toBeFocused();
  await engineers.fill('6');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/Draft saved as version 1/)).toBeVisible();
  await page.getByLabel('Latency constraints').fill('Under 10 ms p99');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/Draft saved as version 2/)).toBeVisible();

  await page.goto(store);
  await expect(page.getByText('Draft in progress').first()).toBeVisible();
  await expectTeamsWords(page, 'The card of a draft');
  await page.goto(`${store}/build-vs-buy`);
  await expect(
    page.getByRole('table', { name: 'Changes from version 1 to 2' }),
  ).toBeVisible();
  await expectTeamsWords(page, 'The tab of a draft, with the version compare');

  // The dashboard, every decision in view.
  await page.goto('/build-vs-buy');
  const ownedByMe = page.getByLabel('Owned by me');
  if (await ownedByMe.isChecked()) {
    await ownedByMe.uncheck();
  }
  await expect(page.getByRole('row').nth(2)).toBeVisible();
  await expectTeamsWords(page, 'The dashboard');

  // The notifications of the revisit scan (every 15 s under this config),
  // read ones included: the notifications test may have opened them.
  const notice = page.getByText(/Build vs buy: the decision for/).first();
  await expect(async () => {
    await page.goto('/notifications');
    await page.getByRole('button', { name: /View$/ }).click();
    await page.getByRole('option', { name: 'All' }).click();
    await expect(notice).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });
  await expectTeamsWords(page, 'The notifications');
});
