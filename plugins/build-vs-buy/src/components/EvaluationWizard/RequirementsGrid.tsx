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

import { parseEntityRef } from '@backstage/catalog-model';
import {
  COVERAGE_LEVEL_LABELS,
  REQUIREMENT_BUCKET_DEFINITIONS,
  REQUIREMENT_BUCKET_LABELS,
  type RequirementBucket,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormHelperText,
  IconButton,
  makeStyles,
  NativeSelect,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { Alert } from '@material-ui/lab';
import {
  ChangeEvent,
  ClipboardEvent,
  KeyboardEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import { downloadFile } from '../DownloadButton';
import { AnswerPath, fieldId } from './draftAnswers';
import {
  BUCKET_HEADING,
  bucketFrom,
  candidateHeading,
  coverageFrom,
  gridColumns,
  holdsSeveralCells,
  NEEDED_HEADING,
  notTakenMessage,
  readPastedRows,
  readRequirementsCsv,
  readTabSeparated,
  requirementsCsv,
  TITLE_HEADING,
  yesNoFrom,
  type GridColumn,
  type ReadRows,
} from './requirementsGrid';
import { useDraftContext } from './WizardFields';

const BUCKET_DEFINITIONS_ID = 'build-vs-buy-bucket-definitions';
const NEEDED_HINT_ID = 'build-vs-buy-needed-hint';
const CELL = 'data-grid-cell';

/** Where the keyboard or a paste is in the grid: row and column, from 0. */
type Position = { row: number; column: number };

/** The attribute that places a control in the grid, for the keyboard. */
const cellAttribute = ({ row, column }: Position): Record<string, string> => ({
  [CELL]: `${row}:${column}`,
});

function positionOf(element: EventTarget | null): Position | undefined {
  const cell =
    element instanceof HTMLElement ? element.getAttribute(CELL) : null;
  if (!cell) {
    return undefined;
  }
  const [row, column] = cell.split(':').map(Number);
  return { row, column };
}

/** Whether the caret sits at the start (or end) of a text field. */
function caretAtEdge(element: HTMLElement, edge: 'start' | 'end'): boolean {
  if (!(element instanceof HTMLInputElement)) {
    return true;
  }
  const { selectionStart, selectionEnd, value } = element;
  if (selectionStart === null || selectionStart !== selectionEnd) {
    return false;
  }
  return edge === 'start'
    ? selectionStart === 0
    : selectionEnd === value.length;
}

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

function csvFileName(entityRef: string | undefined): string {
  try {
    return `build-vs-buy-requirements-${
      parseEntityRef(entityRef ?? '').name
    }.csv`;
  } catch {
    return 'build-vs-buy-requirements.csv';
  }
}

type Notice = { severity: 'success' | 'warning' | 'error'; text: string };

function noticeOf(done: string, read: ReadRows): Notice {
  const notTaken = notTakenMessage(read);
  return notTaken
    ? { severity: 'warning', text: `${done} ${notTaken}` }
    : { severity: 'success', text: done };
}

const rowsWord = (count: number) => (count === 1 ? 'one row' : `${count} rows`);

/*
 * Compact cells, and each choice as wide as its longest answer, so that the
 * grid reads whole beside the live verdict: no answer or heading is cut.
 */
const useStyles = makeStyles(theme => ({
  cell: {
    padding: theme.spacing(0.5, 0.75),
    verticalAlign: 'top',
  },
  heading: {
    padding: theme.spacing(0.5, 0.75),
    verticalAlign: 'bottom',
    lineHeight: 1.3,
    overflowWrap: 'normal',
    wordBreak: 'normal',
    hyphens: 'manual',
  },
  title: {
    minWidth: '13rem',
  },
}));

/** The width of a choice: its longest answer, in the select's own type. */
function choiceWidth(options: Record<string, string>): string {
  const longest = Math.max(
    ...Object.values(options).map(({ length }) => length),
  );
  return `${Math.ceil(longest * 0.55 + 1.8)}em`;
}

/** The longest word of a heading, so a column never breaks inside it. */
function headingWidth(heading: string): string {
  const longest = Math.max(...heading.split(/\s+/).map(({ length }) => length));
  return `${Math.ceil(longest * 0.62 + 0.5)}em`;
}

/** A choice cell: a native select, so typing and the arrows stay ours. */
const ChoiceCell = (props: {
  id: string;
  position: Position;
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  onChange: (value: string | undefined) => void;
  disabled?: boolean;
  error?: string;
  describedBy?: string;
  className: string;
}) => (
  <TableCell className={props.className}>
    <NativeSelect
      style={{ minWidth: choiceWidth(props.options) }}
      value={props.value ?? ''}
      disabled={props.disabled}
      error={Boolean(props.error)}
      onChange={event => props.onChange(event.target.value || undefined)}
      inputProps={{
        id: props.id,
        'aria-label': props.label,
        'aria-describedby': props.describedBy,
        ...cellAttribute(props.position),
      }}
    >
      <option value="" aria-label="Not answered">
        –
      </option>
      {Object.entries(props.options).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </NativeSelect>
    {props.error && <FormHelperText error>{props.error}</FormHelperText>}
  </TableCell>
);

const YES_NO = { yes: 'Yes', no: 'No' };

/**
 * Node 3 as a grid: one row per requirement with its bucket, whether the
 * workload needs it, and each candidate's coverage. Made for a team at one
 * screen: the keyboard moves and answers (letters set choices), rows come
 * pasted from a spreadsheet or from a CSV file, and go out as CSV.
 */
export const RequirementsGrid = () => {
  const classes = useStyles();
  const { draft, edit, errors, disabled } = useDraftContext();
  const requirements = draft.requirements ?? [];
  const candidates = draft.candidates ?? [];
  const columns = gridColumns(candidates);
  const removeColumn = columns.length;
  const tableRef = useRef<HTMLTableElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<Position | 'add'>();
  const [notice, setNotice] = useState<Notice>();
  // A CSV file read while the grid holds requirements: replacing them waits
  // for a yes, so that a file picked by mistake loses no one's answers.
  const [pendingImport, setPendingImport] = useState<{
    fileName: string;
    read: ReadRows;
  }>();
  // Kept apart from the file, so the question stays readable as it fades.
  const [askingToReplace, setAskingToReplace] = useState(false);
  // The title being typed into: not wrong yet while it is empty.
  const [typingIn, setTypingIn] = useState<string>();

  const cellAt = ({ row, column }: Position) =>
    tableRef.current?.querySelector<HTMLElement>(
      `[${CELL}="${row}:${column}"]`,
    );

  useEffect(() => {
    if (focusNext === undefined) {
      return;
    }
    const target = focusNext === 'add' ? addRef.current : cellAt(focusNext);
    target?.focus();
    setFocusNext(undefined);
  }, [focusNext, requirements.length]);

  const subjectOf = (row: number) =>
    requirements[row]?.title.trim() || `row ${row + 1}`;

  const answer = (path: AnswerPath, value: unknown) =>
    edit({ type: 'answer', path, value });

  const pathOf = (column: GridColumn, row: number): AnswerPath => {
    switch (column.kind) {
      case 'title':
        return ['requirements', row, 'title'];
      case 'bucket':
        return ['requirements', row, 'bucket'];
      case 'needed':
        return ['requirements', row, 'neededByWorkload'];
      default:
        return [
          'candidates',
          candidates.findIndex(({ id }) => id === column.candidateId),
          'coverage',
          requirements[row].id,
        ];
    }
  };

  const addRequirement = () => {
    edit({ type: 'add-requirement' });
    setFocusNext({ row: requirements.length, column: 0 });
  };

  const removeRequirement = (row: number) => {
    edit({ type: 'remove-requirement', requirementId: requirements[row].id });
    if (requirements.length === 1) {
      setFocusNext('add');
    } else {
      setFocusNext({
        row: Math.min(row, requirements.length - 2),
        column: removeColumn,
      });
    }
  };

  /** A letter typed on a choice cell, as that cell's answer. */
  const choiceFrom = (column: GridColumn, key: string) => {
    switch (column.kind) {
      case 'bucket':
        return bucketFrom(key);
      case 'needed':
        return yesNoFrom(key);
      case 'coverage':
        return coverageFrom(key);
      default:
        return undefined;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const at = positionOf(event.target);
    if (!at || disabled || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const column = columns[at.column] as GridColumn | undefined;
    const target = event.target as HTMLElement;
    const move = (row: number, to: number) => {
      event.preventDefault();
      cellAt({ row, column: to })?.focus();
    };
    switch (event.key) {
      case 'ArrowUp':
        move(at.row - 1, at.column);
        return;
      case 'ArrowDown':
        move(at.row + 1, at.column);
        return;
      case 'ArrowLeft':
        if (caretAtEdge(target, 'start')) move(at.row, at.column - 1);
        return;
      case 'ArrowRight':
        if (caretAtEdge(target, 'end')) move(at.row, at.column + 1);
        return;
      case 'Enter':
        // The remove button's Enter is its own.
        if (!column) return;
        event.preventDefault();
        if (at.row < requirements.length - 1) {
          move(at.row + 1, at.column);
        } else if (requirements[at.row].title.trim()) {
          // One empty row at the end at most: Enter on it waits for a title.
          addRequirement();
        } else {
          cellAt({ row: at.row, column: 0 })?.focus();
        }
        return;
      default:
    }
    if (!column || column.kind === 'title') {
      return;
    }
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      answer(pathOf(column, at.row), undefined);
      return;
    }
    if (event.key.length === 1 && event.key !== ' ') {
      // Letters are answers here, never a search through the options;
      // Space still opens them.
      event.preventDefault();
      const value = choiceFrom(column, event.key);
      if (value !== undefined) {
        answer(pathOf(column, at.row), value);
      }
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    if (disabled) {
      return;
    }
    const text = event.clipboardData.getData('text/plain');
    const at = positionOf(event.target) ?? {
      row: requirements.length,
      column: 0,
    };
    const column = columns[at.column] as GridColumn | undefined;
    if (!holdsSeveralCells(text)) {
      // One value: a text field takes it as text, a choice as its answer.
      if (column && column.kind !== 'title' && at.row < requirements.length) {
        event.preventDefault();
        const value = choiceFrom(column, text);
        answer(pathOf(column, at.row), value);
        if (value === undefined && text.trim()) {
          setNotice({
            severity: 'warning',
            text: `“${text.trim()}” was not understood; the cell is left unanswered.`,
          });
        }
      }
      return;
    }
    event.preventDefault();
    const read = readPastedRows(readTabSeparated(text), candidates, {
      startColumn: column ? at.column : 0,
      firstRow: at.row + 1,
    });
    if (read.rows.length === 0) {
      return;
    }
    edit({
      type: 'paste-requirements',
      at: at.row,
      columns: read.columns,
      rows: read.rows,
    });
    setNotice(
      noticeOf(
        `Pasted ${rowsWord(read.rows.length)} from row ${at.row + 1} down.`,
        read,
      ),
    );
  };

  const importRows = (fileName: string, read: ReadRows) => {
    edit({
      type: 'replace-requirements',
      columns: read.columns,
      rows: read.rows,
    });
    setNotice(
      noticeOf(
        `Imported ${rowsWord(read.rows.length)} from ${fileName}.`,
        read,
      ),
    );
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) {
      return;
    }
    try {
      const read = readRequirementsCsv(await readText(file), candidates);
      if (read.rows.length === 0) {
        setNotice({
          severity: 'warning',
          text: `${file.name} lists no requirements; the grid is as it was.`,
        });
        return;
      }
      if (requirements.length > 0) {
        setPendingImport({ fileName: file.name, read });
        setAskingToReplace(true);
        return;
      }
      importRows(file.name, read);
    } catch (error) {
      setNotice({
        severity: 'error',
        text: `${file.name} could not be read: ${(error as Error).message}`,
      });
    }
  };

  return (
    <Box component="section" aria-label="Requirements grid">
      <TableContainer>
        <Table
          size="small"
          ref={tableRef}
          aria-label="Requirements and how each candidate covers them"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        >
          <TableHead>
            <TableRow>
              <TableCell className={classes.heading}>
                <Typography variant="srOnly">Row</Typography>
              </TableCell>
              <TableCell className={classes.heading}>{TITLE_HEADING}</TableCell>
              <TableCell className={classes.heading}>
                {BUCKET_HEADING}
              </TableCell>
              <TableCell className={classes.heading}>
                {NEEDED_HEADING}
              </TableCell>
              {candidates.map((candidate, index) => (
                <TableCell
                  key={candidate.id}
                  className={classes.heading}
                  style={{
                    minWidth: headingWidth(candidateHeading(candidate, index)),
                  }}
                >
                  {candidateHeading(candidate, index)}
                </TableCell>
              ))}
              <TableCell className={classes.heading}>
                <Typography variant="srOnly">Remove</Typography>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {requirements.map((requirement, row) => {
              const subject = subjectOf(row);
              const titleName = `requirements.${row}.title`;
              const titleError =
                typingIn === requirement.id && !requirement.title.trim()
                  ? undefined
                  : errors[titleName];
              return (
                <TableRow key={requirement.id}>
                  <TableCell
                    component="th"
                    scope="row"
                    className={classes.cell}
                  >
                    {row + 1}
                  </TableCell>
                  <TableCell className={`${classes.cell} ${classes.title}`}>
                    <TextField
                      multiline
                      fullWidth
                      id={fieldId(['requirements', row, 'title'])}
                      value={requirement.title}
                      size="small"
                      variant="outlined"
                      disabled={disabled}
                      error={Boolean(titleError)}
                      helperText={titleError}
                      onFocus={() => setTypingIn(requirement.id)}
                      onBlur={() => setTypingIn(undefined)}
                      onChange={event =>
                        answer(
                          ['requirements', row, 'title'],
                          event.target.value,
                        )
                      }
                      inputProps={{
                        'aria-label': `Row ${row + 1}: requirement`,
                        ...cellAttribute({ row, column: 0 }),
                      }}
                    />
                  </TableCell>
                  <ChoiceCell
                    id={fieldId(['requirements', row, 'bucket'])}
                    position={{ row, column: 1 }}
                    label={`${subject}: bucket`}
                    value={requirement.bucket}
                    options={REQUIREMENT_BUCKET_LABELS}
                    onChange={value =>
                      answer(['requirements', row, 'bucket'], value)
                    }
                    disabled={disabled}
                    error={errors[`requirements.${row}.bucket`]}
                    describedBy={BUCKET_DEFINITIONS_ID}
                    className={classes.cell}
                  />
                  <ChoiceCell
                    id={fieldId(['requirements', row, 'neededByWorkload'])}
                    position={{ row, column: 2 }}
                    label={`${subject}: needed by the workload`}
                    value={
                      requirement.neededByWorkload === undefined
                        ? undefined
                        : (requirement.neededByWorkload && 'yes') || 'no'
                    }
                    options={YES_NO}
                    onChange={value =>
                      answer(
                        ['requirements', row, 'neededByWorkload'],
                        value === undefined ? undefined : value === 'yes',
                      )
                    }
                    disabled={disabled}
                    describedBy={NEEDED_HINT_ID}
                    className={classes.cell}
                  />
                  {candidates.map((candidate, index) => {
                    const path = [
                      'candidates',
                      index,
                      'coverage',
                      requirement.id,
                    ];
                    return (
                      <ChoiceCell
                        key={candidate.id}
                        id={fieldId(path)}
                        position={{ row, column: 3 + index }}
                        label={`${subject}: ${candidateHeading(
                          candidate,
                          index,
                        )} covers it`}
                        value={candidate.coverage?.[requirement.id]}
                        options={COVERAGE_LEVEL_LABELS}
                        onChange={value => answer(path, value)}
                        disabled={disabled}
                        error={errors[path.join('.')]}
                        className={classes.cell}
                      />
                    );
                  })}
                  <TableCell className={classes.cell}>
                    <IconButton
                      size="small"
                      disabled={disabled}
                      onClick={() => removeRequirement(row)}
                      aria-label={`Remove ${subject}`}
                      title={`Remove ${subject}`}
                      {...cellAttribute({ row, column: removeColumn })}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {requirements.length === 0 && (
        <Typography variant="body2" color="textSecondary" paragraph>
          No requirements yet. Add one, paste rows from a spreadsheet into the
          grid, or import a CSV file.
        </Typography>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1} mb={1}>
        <Button
          ref={addRef}
          variant="outlined"
          disabled={disabled}
          onClick={addRequirement}
          onPaste={onPaste}
        >
          Add requirement
        </Button>
        <Button
          variant="outlined"
          disabled={requirements.length === 0}
          onClick={() =>
            downloadFile(
              csvFileName(draft.entityRef),
              `\uFEFF${requirementsCsv(draft)}`,
              'text/csv;charset=utf-8',
            )
          }
        >
          Export as CSV
        </Button>
        <Button
          variant="outlined"
          disabled={disabled}
          onClick={() => fileRef.current?.click()}
        >
          Import from CSV
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label="CSV file of requirements to import"
          onChange={onImport}
        />
      </Box>
      <Dialog
        open={askingToReplace}
        onClose={() => setAskingToReplace(false)}
        aria-labelledby="build-vs-buy-replace-requirements-title"
      >
        <DialogTitle id="build-vs-buy-replace-requirements-title">
          Replace the requirements?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {pendingImport &&
              `${pendingImport.fileName} has ${rowsWord(
                pendingImport.read.rows.length,
              )}. Importing it replaces the ${
                requirements.length === 1
                  ? 'requirement'
                  : `${requirements.length} requirements`
              } in the grid, and what each candidate covers of them, with its rows. A requirement whose title matches a row keeps how its gaps were classified.`}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAskingToReplace(false)}>
            Keep the grid
          </Button>
          <Button
            color="primary"
            variant="contained"
            onClick={() => {
              if (pendingImport) {
                importRows(pendingImport.fileName, pendingImport.read);
              }
              setAskingToReplace(false);
            }}
          >
            Replace requirements
          </Button>
        </DialogActions>
      </Dialog>
      {notice && (
        <Alert
          severity={notice.severity}
          role="status"
          onClose={() => setNotice(undefined)}
        >
          {notice.text}
        </Alert>
      )}
      <Typography variant="body2" color="textSecondary" paragraph>
        Tab and the arrow keys move between cells; Enter on the last row adds a
        requirement. Type m, s or n in a bucket cell (must-, should-,
        nice-to-have), y or n in a needed cell, and m, p or x in a candidate's
        cell (met, partial, missing). Paste rows from a spreadsheet into a cell:
        requirement, bucket, needed by the workload, then one column per
        candidate. Importing a CSV file replaces the requirements with its rows,
        after asking when the grid holds any; its headings name the columns and
        the candidates.
      </Typography>
      <Box component="dl" id={BUCKET_DEFINITIONS_ID} aria-label="The buckets">
        {(Object.keys(REQUIREMENT_BUCKET_LABELS) as RequirementBucket[]).map(
          bucket => (
            <Typography key={bucket} variant="body2" component="div">
              <Box component="dt" display="inline" fontWeight="bold">
                {REQUIREMENT_BUCKET_LABELS[bucket]}:
              </Box>{' '}
              <Box component="dd" display="inline" m={0}>
                {REQUIREMENT_BUCKET_DEFINITIONS[bucket]}
              </Box>
            </Typography>
          ),
        )}
      </Box>
      <Typography variant="body2" id={NEEDED_HINT_ID} color="textSecondary">
        Needed by the workload: No means a product that lacks it has no gap at
        all. Not answered counts as yes.
      </Typography>
    </Box>
  );
};
