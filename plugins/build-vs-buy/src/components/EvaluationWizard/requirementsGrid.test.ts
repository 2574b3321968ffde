/**
 * @jest-environment node
 */
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

import type { EvaluationDraft } from '@build-vs-buy/plugin-build-vs-buy-common';
import { editDraft } from './draftEdits';
import {
  notTakenMessage,
  readPastedRows,
  readRequirementsCsv,
  readTabSeparated,
  requirementsCsv,
  type ReadRows,
} from './requirementsGrid';

const candidates = [
  { id: 'portkey', name: 'Portkey' },
  { id: 'helicone', name: 'Helicone' },
];

const draft: EvaluationDraft = {
  entityRef: 'component:default/llm-gateway',
  candidates: [
    { ...candidates[0], coverage: { limits: 'met', audit: 'partial' } },
    { ...candidates[1], coverage: { limits: 'missing' } },
  ],
  requirements: [
    { id: 'limits', title: 'Rate limiting', bucket: 'must' },
    {
      id: 'audit',
      title: 'Audit log, kept\n"for a year"',
      bucket: 'should',
      neededByWorkload: false,
    },
  ],
};

/** The draft's requirements after putting read rows in from the top. */
function paste(read: ReadRows, into: EvaluationDraft = draft) {
  return editDraft(into, {
    type: 'paste-requirements',
    at: 0,
    columns: read.columns,
    rows: read.rows,
  });
}

describe('pasting rows from a spreadsheet', () => {
  it('reads words and letters, whatever their case', () => {
    const read = readPastedRows(
      readTabSeparated(
        'Rate limiting\tMust-have\tyes\tMet\tPARTIAL\r\n' +
          'Audit log\ts\tNo\tp\tx\n' +
          'Caching\tnice to have\tn\tmissing\tn\n' +
          'Retries\tMUST\tY\tm\tyes\n',
      ),
      candidates,
    );
    expect(read.notUnderstood).toEqual([]);
    expect(read.rows).toEqual([
      {
        title: 'Rate limiting',
        bucket: 'must',
        neededByWorkload: true,
        coverage: { portkey: 'met', helicone: 'partial' },
      },
      {
        title: 'Audit log',
        bucket: 'should',
        neededByWorkload: false,
        coverage: { portkey: 'partial', helicone: 'missing' },
      },
      {
        title: 'Caching',
        bucket: 'nice',
        neededByWorkload: false,
        coverage: { portkey: 'missing', helicone: 'missing' },
      },
      {
        title: 'Retries',
        bucket: 'must',
        neededByWorkload: true,
        coverage: { portkey: 'met', helicone: 'met' },
      },
    ]);
    expect(notTakenMessage(read)).toBeUndefined();
  });

  it('leaves values it does not understand unanswered and says which, in words', () => {
    const read = readPastedRows(
      readTabSeparated('Rate limiting\tmandatory\tyes\tMet\tkinda\n'),
      candidates,
      { firstRow: 3 },
    );
    expect(read.rows[0]).toEqual({
      title: 'Rate limiting',
      bucket: undefined,
      neededByWorkload: true,
      coverage: { portkey: 'met', helicone: undefined },
    });
    expect(notTakenMessage(read)).toBe(
      '2 cells were not understood and left unanswered: row 3, Bucket: “mandatory”; row 3, Helicone: “kinda”.',
    );
  });

  it('adds rows when the paste holds more rows than the grid', () => {
    const read = readPastedRows(
      readTabSeparated('Audit log\tshould\nCaching\tnice\nRetries\tmust\n'),
      candidates,
    );
    const next = editDraft(draft, {
      type: 'paste-requirements',
      at: 1,
      columns: read.columns,
      rows: read.rows,
    });
    expect(
      next.requirements?.map(({ title, bucket }) => [title, bucket]),
    ).toEqual([
      ['Rate limiting', 'must'],
      ['Audit log', 'should'],
      ['Caching', 'nice'],
      ['Retries', 'must'],
    ]);
    // Columns the paste did not reach keep their answers.
    expect(next.requirements?.[1].neededByWorkload).toBe(false);
    expect(next.candidates?.[0].coverage).toEqual({
      limits: 'met',
      audit: 'partial',
    });
  });

  it('leaves out columns beyond the last candidate and says so', () => {
    const read = readPastedRows(
      readTabSeparated('Caching\tnice\tno\tmet\tmet\tmet\tpartial\n'),
      candidates,
    );
    expect(read.columns).toHaveLength(5);
    expect(read.rows[0].coverage).toEqual({ portkey: 'met', helicone: 'met' });
    expect(notTakenMessage(read)).toBe(
      '2 columns beyond the last candidate were left out.',
    );
  });

  it('starts at the column pasted into', () => {
    const read = readPastedRows(readTabSeparated('met\tm\nx\tp'), candidates, {
      startColumn: 3,
    });
    const next = paste(read);
    expect(next.requirements).toEqual(draft.requirements);
    expect(next.candidates?.map(({ coverage }) => coverage)).toEqual([
      { limits: 'met', audit: 'missing' },
      { limits: 'met', audit: 'partial' },
    ]);
  });

  it('reads quoted cells a spreadsheet copies with line breaks, and skips blank lines', () => {
    expect(
      readTabSeparated('"Audit log,\nkept ""a year"""\tmust\n\n\t\nCaching\n'),
    ).toEqual([['Audit log,\nkept "a year"', 'must'], ['Caching']]);
  });

  it('places columns by their headings when the first row has them', () => {
    const read = readPastedRows(
      readTabSeparated('Requirement\tHelicone\tBucket\nCaching\tmet\tnice\n'),
      candidates,
    );
    expect(read.rows).toEqual([
      { title: 'Caching', bucket: 'nice', coverage: { helicone: 'met' } },
    ]);
  });
});

describe('the requirements as CSV', () => {
  it('reads the headings, finding candidates by name in any order', () => {
    const read = readRequirementsCsv(
      [
        'Requirement,helicone,Bucket,Cost per month,Portkey,Needed by the workload',
        '"Rate limiting, per key",Met,must,"$1,000",partial,yes',
        '"Audit log',
        'kept a year",x,Should-have,,m,No',
      ].join('\r\n'),
      candidates,
    );
    expect(read.rows).toEqual([
      {
        title: 'Rate limiting, per key',
        bucket: 'must',
        neededByWorkload: true,
        coverage: { portkey: 'partial', helicone: 'met' },
      },
      {
        title: 'Audit log\nkept a year',
        bucket: 'should',
        neededByWorkload: false,
        coverage: { portkey: 'met', helicone: 'missing' },
      },
    ]);
    expect(notTakenMessage(read)).toBe(
      'The column “Cost per month” names no column of the grid and was left out.',
    );
  });

  it('leaves a candidate the file does not name as it was', () => {
    const read = readRequirementsCsv(
      'Requirement,Bucket,Portkey\nRate limiting,should,missing\n',
      candidates,
    );
    const next = editDraft(draft, {
      type: 'replace-requirements',
      columns: read.columns,
      rows: read.rows,
    });
    expect(next.requirements).toEqual([
      { id: 'limits', title: 'Rate limiting', bucket: 'should' },
    ]);
    expect(next.candidates?.map(({ coverage }) => coverage)).toEqual([
      { limits: 'missing' },
      { limits: 'missing' },
    ]);
  });

  it('exports headings in words and candidate names, values in words', () => {
    expect(requirementsCsv(draft)).toBe(
      'Requirement,Bucket,Needed by the workload,Portkey,Helicone\r\n' +
        'Rate limiting,Must-have,,Met,Missing\r\n' +
        '"Audit log, kept\n""for a year""",Should-have,No,Partial,',
    );
  });

  it('keeps cells that would run as formulas from running, names included', () => {
    const hostile: EvaluationDraft = {
      ...draft,
      candidates: [{ id: 'evil', name: '=HYPERLINK("http://evil.example")' }],
      requirements: [
        { id: 'a', title: '+cmd' },
        { id: 'b', title: '-10 ms p99' },
        { id: 'c', title: '@SUM(A1)' },
        { id: 'd', title: '\tindented' },
      ],
    };
    const lines = requirementsCsv(hostile).split('\r\n');
    expect(lines[0]).toBe(
      `Requirement,Bucket,Needed by the workload,"'=HYPERLINK(""http://evil.example"")"`,
    );
    expect(lines.slice(1).map(line => line.split(',')[0])).toEqual([
      "'+cmd",
      "'-10 ms p99",
      "'@SUM(A1)",
      "'\tindented",
    ]);
  });

  it('reads back what it exported', () => {
    const edited: EvaluationDraft = {
      ...draft,
      requirements: [
        ...(draft.requirements ?? []),
        { id: 'latency', title: '-10 ms p99, "at least"', bucket: 'nice' },
      ],
    };
    const read = readRequirementsCsv(
      requirementsCsv(edited),
      edited.candidates ?? [],
    );
    expect(notTakenMessage(read)).toBeUndefined();
    // Onto the same draft: every requirement is kept, by its title.
    const reimported = editDraft(edited, {
      type: 'replace-requirements',
      columns: read.columns,
      rows: read.rows,
    });
    expect(reimported.requirements).toEqual(edited.requirements);
    expect(reimported.candidates).toEqual(edited.candidates);
    // Into a draft without requirements: the same grid, new identifiers.
    const emptied = editDraft(edited, {
      type: 'replace-requirements',
      columns: [{ kind: 'title' }],
      rows: [],
    });
    expect(emptied.requirements).toEqual([]);
    const imported = editDraft(emptied, {
      type: 'replace-requirements',
      columns: read.columns,
      rows: read.rows,
    });
    expect(requirementsCsv(imported)).toBe(requirementsCsv(edited));
  });
});
