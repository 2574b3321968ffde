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

/*
 * The requirements grid's columns and what comes into them from outside:
 * rows pasted from a spreadsheet, a CSV file imported, and the CSV the grid
 * exports. Pure, so every rule is tested without a DOM; the edits that put
 * the rows in the draft are in `draftEdits.ts`.
 */

import {
  COVERAGE_LEVEL_LABELS,
  neutraliseCsvCell,
  readNeutralisedCsvCell,
  REQUIREMENT_BUCKET_LABELS,
  type CoverageLevel,
  type EvaluationDraft,
  type RequirementBucket,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import Papa from 'papaparse';

/** A column of the grid, left to right. */
export type GridColumn =
  | { kind: 'title' }
  | { kind: 'bucket' }
  | { kind: 'needed' }
  | { kind: 'coverage'; candidateId: string };

/**
 * One row from outside, by column: a column the paste or file holds sets
 * its cell, and an empty or unknown value there leaves the cell unanswered.
 */
export type RequirementRow = {
  title?: string;
  bucket?: RequirementBucket;
  neededByWorkload?: boolean;
  /** Coverage by candidate id. */
  coverage?: Record<string, CoverageLevel | undefined>;
};

/** A cell whose value was not understood, in the grid's words. */
export type CellNotUnderstood = {
  /** The grid's row, counted from 1. */
  row: number;
  /** The column's heading. */
  column: string;
  text: string;
};

/** Rows read from a paste or a file, and what was not taken from it. */
export type ReadRows = {
  /** The columns the rows fill; the grid's other cells are kept. */
  columns: GridColumn[];
  rows: RequirementRow[];
  notUnderstood: CellNotUnderstood[];
  /** Headings of the file's columns that name no column of the grid. */
  leftOut: string[];
  /** Pasted columns beyond the last candidate. */
  extraColumns: number;
};

type Candidate = { id: string; name: string };

export const TITLE_HEADING = 'Requirement';
export const BUCKET_HEADING = 'Bucket';
export const NEEDED_HEADING = 'Needed by the workload';

/** A candidate's column heading: its name, or its place while unnamed. */
export function candidateHeading(candidate: Candidate, index: number): string {
  return candidate.name.trim() || `Candidate ${index + 1}`;
}

/** The grid's columns, left to right: one coverage column per candidate. */
export function gridColumns(
  candidates: ReadonlyArray<Candidate>,
): GridColumn[] {
  return [
    { kind: 'title' },
    { kind: 'bucket' },
    { kind: 'needed' },
    ...candidates.map(({ id }) => ({
      kind: 'coverage' as const,
      candidateId: id,
    })),
  ];
}

/** A column's heading in words. */
export function columnHeading(
  column: GridColumn,
  candidates: ReadonlyArray<Candidate>,
): string {
  switch (column.kind) {
    case 'title':
      return TITLE_HEADING;
    case 'bucket':
      return BUCKET_HEADING;
    case 'needed':
      return NEEDED_HEADING;
    default: {
      const index = candidates.findIndex(({ id }) => id === column.candidateId);
      return index === -1
        ? 'A candidate'
        : candidateHeading(candidates[index], index);
    }
  }
}

/** `Must have`, ` MUST_have ` → `must-have`. */
const normalised = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

const BUCKET_WORDS: Record<string, RequirementBucket> = {
  m: 'must',
  must: 'must',
  'must-have': 'must',
  s: 'should',
  should: 'should',
  'should-have': 'should',
  n: 'nice',
  nice: 'nice',
  'nice-to-have': 'nice',
};

const COVERAGE_WORDS: Record<string, CoverageLevel> = {
  m: 'met',
  met: 'met',
  y: 'met',
  yes: 'met',
  p: 'partial',
  partial: 'partial',
  partially: 'partial',
  'partially-met': 'partial',
  x: 'missing',
  n: 'missing',
  no: 'missing',
  missing: 'missing',
  'not-met': 'missing',
};

const YES_NO_WORDS: Record<string, boolean> = {
  y: true,
  yes: true,
  true: true,
  n: false,
  no: false,
  false: false,
};

// Own keys only: `constructor` is not a bucket.
const lookUp = <T>(words: Record<string, T>, text: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(words, normalised(text))
    ? words[normalised(text)]
    : undefined;

/** A bucket from a word or a letter (`Must-have`, `must`, `m`), case aside. */
export const bucketFrom = (text: string) => lookUp(BUCKET_WORDS, text);

/** A coverage level from a word or a letter (`Met`, `p`, `x`, `no`). */
export const coverageFrom = (text: string) => lookUp(COVERAGE_WORDS, text);

/** Yes or no from a word or a letter. */
export const yesNoFrom = (text: string) => lookUp(YES_NO_WORDS, text);

/** A cell's text into its row; `false` when it was not understood. */
function putCell(row: RequirementRow, column: GridColumn, text: string) {
  const blank = text.trim() === '';
  switch (column.kind) {
    case 'title':
      row.title = text.trim();
      return true;
    case 'bucket':
      row.bucket = bucketFrom(text);
      return blank || row.bucket !== undefined;
    case 'needed':
      row.neededByWorkload = yesNoFrom(text);
      return blank || row.neededByWorkload !== undefined;
    default: {
      const level = coverageFrom(text);
      row.coverage = { ...row.coverage, [column.candidateId]: level };
      return blank || level !== undefined;
    }
  }
}

function readCells(
  table: ReadonlyArray<ReadonlyArray<string>>,
  columns: ReadonlyArray<GridColumn | undefined>,
  candidates: ReadonlyArray<Candidate>,
  firstRow: number,
): Pick<ReadRows, 'rows' | 'notUnderstood'> {
  const notUnderstood: CellNotUnderstood[] = [];
  const rows = table.map((cells, r) => {
    const row: RequirementRow = {};
    columns.forEach((column, c) => {
      if (!column) {
        return;
      }
      const text = cells[c] ?? '';
      if (!putCell(row, column, text)) {
        notUnderstood.push({
          row: firstRow + r,
          column: columnHeading(column, candidates),
          text: text.trim(),
        });
      }
    });
    return row;
  });
  return { rows, notUnderstood };
}

const TITLE_HEADINGS = ['requirement', 'requirements', 'title'];
const NEEDED_HEADINGS = [
  normalised(NEEDED_HEADING),
  'needed',
  'needed-by-workload',
  'does-the-workload-need-it?',
];

/** Whether a row is a row of headings: its first cell says "Requirement". */
function isHeadingRow(cells: ReadonlyArray<string> | undefined): boolean {
  return (
    cells !== undefined && TITLE_HEADINGS.includes(normalised(cells[0] ?? ''))
  );
}

/** The columns a row of headings names; candidates by name. */
function columnsFromHeadings(
  headings: ReadonlyArray<string>,
  candidates: ReadonlyArray<Candidate>,
) {
  const taken = new Set<string>();
  const takenCandidates = new Set<string>();
  const leftOut: string[] = [];
  const columns = headings.map((raw): GridColumn | undefined => {
    const heading = normalised(raw);
    let column: GridColumn | undefined;
    if (TITLE_HEADINGS.includes(heading)) {
      column = { kind: 'title' };
    } else if (heading === 'bucket') {
      column = { kind: 'bucket' };
    } else if (NEEDED_HEADINGS.includes(heading)) {
      column = { kind: 'needed' };
    } else {
      const index = candidates.findIndex(
        (candidate, i) =>
          !takenCandidates.has(candidate.id) &&
          normalised(candidateHeading(candidate, i)) === heading,
      );
      if (index !== -1) {
        column = { kind: 'coverage', candidateId: candidates[index].id };
      }
    }
    const key = column && JSON.stringify(column);
    if (!column || !key || taken.has(key)) {
      if (heading !== '') {
        leftOut.push(raw.trim());
      }
      return undefined;
    }
    taken.add(key);
    if (column.kind === 'coverage') {
      takenCandidates.add(column.candidateId);
    }
    return column;
  });
  return { columns, leftOut };
}

/**
 * Rows pasted from a spreadsheet into the grid, from the column pasted
 * into (`startColumn`, 0 for the title) on: title, bucket, needed by the
 * workload, then one coverage column per candidate in order. A first row
 * of headings (as the CSV export writes them) places the columns by name
 * instead. `firstRow` is the grid row the paste lands on, from 1, for the
 * messages.
 */
export function readPastedRows(
  table: ReadonlyArray<ReadonlyArray<string>>,
  candidates: ReadonlyArray<Candidate>,
  options: { startColumn?: number; firstRow?: number } = {},
): ReadRows {
  const startColumn = options.startColumn ?? 0;
  const firstRow = options.firstRow ?? 1;
  if (startColumn === 0 && isHeadingRow(table[0])) {
    return readHeadedRows(table, candidates, firstRow);
  }
  const available = gridColumns(candidates).slice(startColumn);
  const width = Math.max(0, ...table.map(cells => cells.length));
  const columns = available.slice(0, width);
  return {
    columns,
    ...readCells(table, columns, candidates, firstRow),
    leftOut: [],
    extraColumns: width - columns.length,
  };
}

/** Rows under a row of headings: columns by heading, candidates by name. */
function readHeadedRows(
  table: ReadonlyArray<ReadonlyArray<string>>,
  candidates: ReadonlyArray<Candidate>,
  firstRow: number,
): ReadRows {
  const [headings, ...body] = table;
  const { columns, leftOut } = columnsFromHeadings(headings, candidates);
  return {
    columns: columns.filter((column): column is GridColumn => !!column),
    ...readCells(body, columns, candidates, firstRow),
    leftOut,
    extraColumns: 0,
  };
}

/**
 * Rows of cells from text, skipping lines with nothing on them. Line
 * breaks are read as one kind, whichever a system wrote (or mixed).
 */
function parseTable(text: string, delimiter: string): string[][] {
  const { data } = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
  });
  return data;
}

/**
 * The cells of text copied from a spreadsheet: rows on lines, cells
 * separated by tabs; a cell holding a line break or a tab comes quoted, as
 * spreadsheets copy it.
 */
export function readTabSeparated(text: string): string[][] {
  return parseTable(text, '\t');
}

/** Whether pasted text holds more than one cell. */
export function holdsSeveralCells(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''));
}

/**
 * The requirements in a CSV file: with a row of headings (the export's),
 * columns are found by heading and candidates by name, in any order;
 * without one, columns are taken in the grid's order. Cells the export
 * kept from running as formulas read back as they were.
 */
export function readRequirementsCsv(
  text: string,
  candidates: ReadonlyArray<Candidate>,
): ReadRows {
  const table = parseTable(text.replace(/^\uFEFF/, ''), ',').map(cells =>
    cells.map(readNeutralisedCsvCell),
  );
  return isHeadingRow(table[0])
    ? readHeadedRows(table, candidates, 1)
    : readPastedRows(table, candidates);
}

/** The requirements as CSV text, headed by words and candidate names. */
export function requirementsCsv(draft: EvaluationDraft): string {
  const candidates = draft.candidates ?? [];
  const headings = [
    TITLE_HEADING,
    BUCKET_HEADING,
    NEEDED_HEADING,
    ...candidates.map(candidateHeading),
  ];
  const yesNo = (value?: boolean) => {
    if (value === undefined) {
      return '';
    }
    return value ? 'Yes' : 'No';
  };
  const rows = (draft.requirements ?? []).map(requirement => [
    requirement.title,
    requirement.bucket ? REQUIREMENT_BUCKET_LABELS[requirement.bucket] : '',
    yesNo(requirement.neededByWorkload),
    ...candidates.map(candidate => {
      const level = candidate.coverage?.[requirement.id];
      return level ? COVERAGE_LEVEL_LABELS[level] : '';
    }),
  ]);
  return Papa.unparse(
    [headings, ...rows].map(cells => cells.map(neutraliseCsvCell)),
  );
}

/** `“a”, “b” and “c”`. */
function listed(items: string[]): string {
  const quoted = items.map(item => `“${item}”`);
  return quoted.length < 2
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * What the team is told after a paste or an import: the cells left
 * unanswered because their value was not understood, and the columns left
 * out; `undefined` when everything was taken.
 */
export function notTakenMessage(read: ReadRows): string | undefined {
  const parts: string[] = [];
  const { notUnderstood, leftOut, extraColumns } = read;
  if (notUnderstood.length > 0) {
    const cells = notUnderstood.map(
      cell => `row ${cell.row}, ${cell.column}: “${cell.text}”`,
    );
    parts.push(
      `${
        notUnderstood.length === 1
          ? 'One cell was'
          : `${notUnderstood.length} cells were`
      } not understood and left unanswered: ${cells.join('; ')}.`,
    );
  }
  if (leftOut.length === 1) {
    parts.push(
      `The column ${listed(
        leftOut,
      )} names no column of the grid and was left out.`,
    );
  } else if (leftOut.length > 1) {
    parts.push(
      `The columns ${listed(
        leftOut,
      )} name no column of the grid and were left out.`,
    );
  }
  if (extraColumns === 1) {
    parts.push('One column beyond the last candidate was left out.');
  } else if (extraColumns > 1) {
    parts.push(
      `${extraColumns} columns beyond the last candidate were left out.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
