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

import {
  evaluate,
  reviewStatus,
  type Evaluation,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  ecommerceVectorDatabase,
  searchRetrievalPipeline,
} from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import {
  decisionCsvColumns,
  namedRefsOf,
  notEvaluatedCsvColumns,
  portfolioRefsOf,
  sendCsvView,
  teamCoverageCsvColumns,
  toCsv,
  vendorPortfolioCsvColumns,
} from './csv';

/**
 * Reads CSV text the way a spreadsheet does (RFC 4180): fields separated by
 * commas, a quoted field may hold commas, line breaks and doubled quotes,
 * records end with CRLF or LF.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r') i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** What a spreadsheet would run as a formula (OWASP, CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

const NOW = new Date('2026-12-01T12:00:00Z');

function stored(evaluation: Evaluation): StoredEvaluation {
  const outcome = evaluate(evaluation, { now: NOW });
  return {
    id: 'e1',
    entityRef: evaluation.entityRef,
    version: 1,
    status: 'complete',
    evaluation,
    outcome,
    review: reviewStatus(evaluation, NOW, { verdict: outcome.verdict }),
    entity: {
      title: '-Vector search',
      ownerRef: 'group:default/ml-platform',
      systemRef: 'system:default/rag-platform',
      lifecycle: '@production',
      missing: false,
    },
    createdAt: '2026-11-01T09:00:00.000Z',
    createdBy: 'user:default/ada',
    updatedAt: '2026-11-02T09:00:00.000Z',
    updatedBy: 'user:default/grace',
  };
}

describe('the CSV of decisions', () => {
  // Free text from users, each starting as a formula would.
  const hostile: Evaluation = {
    ...ecommerceVectorDatabase,
    question: '=HYPERLINK("http://evil.example","Click, please")',
    candidates: ecommerceVectorDatabase.candidates.map(candidate => ({
      ...candidate,
      name: `+cmd|' /C calc'!A0 ${candidate.name}`,
    })),
  };
  const names = {
    'group:default/ml-platform': '@ML Platform',
    'system:default/rag-platform': '\tRAG "platform"\nline two',
    'user:default/grace': '\rGrace Hopper',
  };

  it('names everything in words and no cell starts a formula', () => {
    const item = stored(hostile);
    const csv = toCsv([item], decisionCsvColumns(names));
    const [headings, row, ...rest] = parseCsv(csv);

    expect(rest).toEqual([]);
    expect(headings).toEqual([
      'Component',
      'Question',
      'Decision',
      'Chosen product',
      "The tree's verdict",
      'Decided against the tree',
      'Status',
      'Review status',
      'Review reasons',
      'Revisit by',
      'Owner',
      'System',
      'Lifecycle',
      'Maintenance owner',
      'Migration plan',
      'Last updated',
      'Updated by',
    ]);
    expect(row).toHaveLength(headings.length);
    for (const cell of [...headings, ...row]) {
      expect(cell).not.toMatch(FORMULA);
    }
    const cells = Object.fromEntries(headings.map((h, i) => [h, row[i]]));
    const chosen = hostile.candidates.find(c => c.id === 'vectorcloud')!;
    expect(cells).toMatchObject({
      Component: "'-Vector search",
      Question: `'${hostile.question}`,
      Decision: `Buy ${chosen.name}`,
      'Chosen product': `'${chosen.name}`,
      'Decided against the tree': 'No',
      Status: 'Decided',
      Owner: "'@ML Platform",
      System: `'${names['system:default/rag-platform']}`,
      Lifecycle: "'@production",
      'Updated by': `'${names['user:default/grace']}`,
      'Last updated': '2026-11-02',
    });
    expect(cells['Review status']).toMatch(
      /^(Current|Revisit due soon|Revisit overdue)$/,
    );
    // No codes: no verdict kinds, entity refs or field paths.
    expect(csv).not.toMatch(
      /buy-with-wrapper|group:default|system:default|user:default|candidates\[/,
    );
  });

  it('reads review reasons in words and names the refs it needs', () => {
    const overdue = stored({ ...hostile, revisitBy: '2026-01-01' });
    const [headings, row] = parseCsv(toCsv([overdue], decisionCsvColumns({})));
    const cells = Object.fromEntries(headings.map((h, i) => [h, row[i]]));
    expect(cells['Review status']).toBe('Revisit overdue');
    expect(cells['Review reasons']).toMatch(/^Overdue by /);
    // Without display names, entity names, not refs.
    expect(cells.Owner).toBe('ml-platform');
    expect(cells.System).toBe('rag-platform');
    expect(namedRefsOf([overdue]).sort()).toEqual(
      [
        overdue.entityRef,
        'group:default/ml-platform',
        'system:default/rag-platform',
        'user:default/grace',
        ...(hostile.maintenance?.ownerGroupRef
          ? [hostile.maintenance.ownerGroupRef]
          : []),
      ].sort(),
    );
  });

  it('says a build needs no migration plan, and a buy without one has none', () => {
    const build = stored(searchRetrievalPipeline);
    const buyWithout = stored({
      ...ecommerceVectorDatabase,
      failureModes: {
        ...ecommerceVectorDatabase.failureModes,
        migrationPlan: undefined,
      },
    });
    const [headings, ...rows] = parseCsv(
      toCsv(
        [build, buyWithout, stored(ecommerceVectorDatabase)],
        decisionCsvColumns({}),
      ),
    );
    const plan = headings.indexOf('Migration plan');
    expect(rows.map(row => row[plan])).toEqual([
      'Not needed for a build',
      'No migration plan',
      'Yes',
    ]);
  });

  it('gives a draft no review status, reasons or date: it is not a decision yet', () => {
    const draft = { ...stored({ ...hostile, revisitBy: '2026-01-01' }) };
    draft.status = 'draft';
    const [headings, row] = parseCsv(toCsv([draft], decisionCsvColumns({})));
    const cells = Object.fromEntries(headings.map((h, i) => [h, row[i]]));
    expect(cells).toMatchObject({
      Status: 'Draft in progress',
      'Review status': 'Draft in progress',
      'Review reasons': '',
      'Revisit by': '',
    });
  });

  it('lists components nobody evaluated by name, safely', () => {
    const entity = {
      entityRef: 'component:default/payments',
      title: '=Payments',
      ownerRef: 'group:default/ml-platform',
      systemRef: 'system:default/rag-platform',
      lifecycle: 'production',
    };
    const rows = parseCsv(toCsv([entity], notEvaluatedCsvColumns(names)));
    expect(rows).toEqual([
      ['Component', 'Owner', 'System', 'Lifecycle'],
      [
        "'=Payments",
        "'@ML Platform",
        `'${names['system:default/rag-platform']}`,
        'production',
      ],
    ]);
    expect(namedRefsOf([entity]).sort()).toEqual([
      'group:default/ml-platform',
      'system:default/rag-platform',
    ]);
  });

  it('lists coverage by team with the owner by name and headings in words', () => {
    const team = {
      ownerRef: 'group:default/ml-platform',
      components: 7,
      current: 2,
      dueSoon: 1,
      overdue: 1,
      withoutDecision: 3,
      draftsInProgress: 1,
    };
    const unnamed = { ...team, ownerRef: 'group:default/search' };
    expect(
      parseCsv(toCsv([team, unnamed], teamCoverageCsvColumns(names))),
    ).toEqual([
      [
        'Owner',
        'Components',
        'Decision current',
        'Revisit due soon',
        'Revisit overdue',
        'Without a decision',
        'Of which a draft in progress',
      ],
      ["'@ML Platform", '7', '2', '1', '1', '3', '1'],
      ['search', '7', '2', '1', '1', '3', '1'],
    ]);
  });
  it('lists the vendor portfolio a product a row, names in words, markup as text, no formula', () => {
    const product = {
      product: '=HYPERLINK("http://x")<b>Vector Cloud</b>',
      spellings: ['=HYPERLINK("http://x")<b>Vector Cloud</b>', 'vectorcloud'],
      decisions: [
        {
          entityRef: 'component:default/search',
          title: 'Search',
          ownerRef: 'group:default/ml-platform',
          productName: 'vectorcloud',
          hasMigrationPlan: false,
          integrationWeeks: 3,
          revisitBy: '2027-03-01',
        },
        {
          entityRef: 'component:default/chat',
          ownerRef: 'group:default/ml-platform',
          productName: '=HYPERLINK("http://x")<b>Vector Cloud</b>',
          hasMigrationPlan: true,
          revisitBy: '2027-06-01',
        },
      ],
      components: 2,
      withoutMigrationPlan: 1,
      integrationWeeks: 3,
      nextRevisitBy: '2027-03-01',
      dependents: ['component:default/storefront'],
      systems: ['system:default/rag-platform'],
    };
    expect(portfolioRefsOf([product])).toEqual([
      'component:default/search',
      'group:default/ml-platform',
      'component:default/chat',
      'component:default/storefront',
      'system:default/rag-platform',
    ]);
    expect(
      parseCsv(toCsv([product], vendorPortfolioCsvColumns(names))),
    ).toEqual([
      [
        'Product',
        'Other spellings',
        'Components that chose it',
        'Components',
        'Owners',
        'Without a migration plan',
        'Integration weeks committed',
        'Next revisit by',
        'Revisit dates',
        'Depend on them',
        'Systems reached',
      ],
      [
        `'=HYPERLINK("http://x")<b>Vector Cloud</b>`,
        'vectorcloud',
        '2',
        'Search; chat',
        "'@ML Platform",
        'Search',
        '3',
        '2027-03-01',
        'Search: 2027-03-01; chat: 2027-06-01',
        'storefront',
        '\'\tRAG "platform"\nline two',
      ],
    ]);
  });
});

describe('sendCsvView', () => {
  /** What an express response was given, as text. */
  function fakeResponse() {
    const sent = {
      type: '',
      body: '',
      headers: {} as Record<string, string>,
      ended: false,
    };
    const res = {
      type(value: string) {
        sent.type = value;
        return res;
      },
      setHeader(name: string, value: string) {
        sent.headers[name] = value;
        return res;
      },
      write(chunk: string) {
        sent.body += chunk;
        return true;
      },
      send(body: string) {
        sent.body += body;
        sent.ended = true;
        return res;
      },
      end() {
        sent.ended = true;
        return res;
      },
    };
    return { res: res as unknown as Parameters<typeof sendCsvView>[0], sent };
  }
  const columns = [
    { heading: 'Name', cell: (item: string) => item },
    { heading: 'Length', cell: (item: string) => String(item.length) },
  ];
  /** Seven items, read `limit` at a time from the offset in the cursor. */
  const items = ['a', 'bb', 'ccc', 'dddd', 'eeeee', '=1+1', 'g'];
  const reader = () => {
    const asked: Array<{ limit: number; cursor?: string }> = [];
    const readPage = async (page: { limit: number; cursor?: string }) => {
      asked.push(page);
      const from = Number(page.cursor ?? 0);
      const next = from + page.limit;
      return {
        page: {
          items: items.slice(from, next),
          nextCursor: next < items.length ? String(next) : undefined,
        },
        columns,
      };
    };
    return { asked, readPage };
  };

  it('writes the whole view without a limit, one row of headings, page by page', async () => {
    const { res, sent } = fakeResponse();
    const { asked, readPage } = reader();
    await sendCsvView(res, { pageSize: 3 }, readPage);
    expect(asked).toEqual([
      { limit: 3, cursor: undefined },
      { limit: 3, cursor: '3' },
      { limit: 3, cursor: '6' },
    ]);
    expect(sent.type).toBe('text/csv');
    expect(sent.ended).toBe(true);
    expect(sent.headers).toEqual({});
    expect(sent.body).toBe(
      [
        'Name,Length',
        'a,1',
        'bb,2',
        'ccc,3',
        'dddd,4',
        'eeeee,5',
        "'=1+1,4",
        'g,1',
        '',
      ].join('\n'),
    );
  });

  it('writes one page when a limit asks for it, and names the next', async () => {
    const { res, sent } = fakeResponse();
    const { asked, readPage } = reader();
    await sendCsvView(res, { limit: 2, cursor: '2', pageSize: 3 }, readPage);
    expect(asked).toEqual([{ limit: 2, cursor: '2' }]);
    expect(sent.headers).toEqual({ 'X-Next-Cursor': '4' });
    expect(sent.body).toBe(['Name,Length', 'ccc,3', 'dddd,4', ''].join('\n'));
  });

  it('leaves the response unfinished when a later page fails, never cut short in silence', async () => {
    const { res, sent } = fakeResponse();
    const { readPage } = reader();
    let calls = 0;
    await expect(
      sendCsvView(res, { pageSize: 3 }, async page => {
        calls += 1;
        if (calls === 2) throw new Error('the database went away');
        return readPage(page);
      }),
    ).rejects.toThrow('the database went away');
    expect(sent.body).toBe(
      ['Name,Length', 'a,1', 'bb,2', 'ccc,3', ''].join('\n'),
    );
    expect(sent.ended).toBe(false);
  });
});
