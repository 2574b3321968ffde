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
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fieldErrors } from './draftAnswers';
import { editDraft } from './draftEdits';
import { RequirementsGrid } from './RequirementsGrid';
import { DraftContext } from './WizardFields';

const draft: EvaluationDraft = {
  entityRef: 'component:default/llm-gateway',
  candidates: [
    { id: 'portkey', name: 'Portkey', coverage: { limits: 'met' } },
    { id: 'helicone', name: 'Helicone', coverage: {} },
  ],
  requirements: [
    { id: 'limits', title: 'Rate limiting', bucket: 'must' },
    { id: 'audit', title: 'Audit log' },
  ],
};

/** The grid over a draft its edits change, as the wizard does. */
const Wizard = (props: { initial: EvaluationDraft }) => {
  const [current, setCurrent] = useState(props.initial);
  return (
    <DraftContext.Provider
      value={{
        draft: current,
        errors: fieldErrors(current),
        edit: edit => setCurrent(before => editDraft(before, edit)),
      }}
    >
      <RequirementsGrid />
    </DraftContext.Provider>
  );
};

const cell = (name: string) => screen.getByRole('combobox', { name });
const title = (row: number) =>
  screen.getByRole('textbox', { name: `Row ${row}: requirement` });

describe('RequirementsGrid', () => {
  it('names every cell by its requirement and column, and heads columns by candidate', () => {
    render(<Wizard initial={draft} />);
    const headings = screen
      .getAllByRole('columnheader')
      .map(heading => heading.textContent);
    expect(headings).toEqual([
      'Row',
      'Requirement',
      'Bucket',
      'Needed by the workload',
      'Portkey',
      'Helicone',
      'Remove',
    ]);
    expect(title(1)).toHaveValue('Rate limiting');
    expect(cell('Rate limiting: bucket')).toHaveDisplayValue('Must-have');
    expect(cell('Rate limiting: Portkey covers it')).toHaveDisplayValue('Met');
    expect(cell('Audit log: Helicone covers it')).toHaveValue('');
    expect(
      screen.getByRole('button', { name: 'Remove Audit log' }),
    ).toBeInTheDocument();
    expect(cell('Rate limiting: bucket')).toHaveAccessibleDescription(
      /Must-have: The product fails for your use case without these\./,
    );
  });

  it('answers a choice cell from a letter: m, p, x for coverage, s for bucket, n for needed', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    const coverage = cell('Audit log: Helicone covers it');
    await user.click(coverage);
    await user.keyboard('p');
    expect(coverage).toHaveDisplayValue('Partial');
    await user.keyboard('x');
    expect(coverage).toHaveDisplayValue('Missing');
    await user.keyboard('m');
    expect(coverage).toHaveDisplayValue('Met');
    await user.keyboard('q');
    expect(coverage).toHaveDisplayValue('Met');
    await user.keyboard('{Delete}');
    expect(coverage).toHaveValue('');

    await user.click(cell('Audit log: bucket'));
    await user.keyboard('s');
    expect(cell('Audit log: bucket')).toHaveDisplayValue('Should-have');
    await user.click(cell('Audit log: needed by the workload'));
    await user.keyboard('n');
    expect(cell('Audit log: needed by the workload')).toHaveDisplayValue('No');
  });

  it('adds an empty row on Enter in the last row and puts the cursor in its title', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    await user.click(title(2));
    await user.keyboard('{Enter}');
    expect(title(3)).toHaveValue('');
    expect(title(3)).toHaveFocus();
    // Not a second empty row: the first waits for its title.
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
    await user.keyboard('Caching');
    expect(cell('Caching: bucket')).toBeInTheDocument();

    // Enter in any other row moves down.
    await user.click(title(1));
    await user.keyboard('{Enter}');
    expect(title(2)).toHaveFocus();
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
  });

  it('moves between cells with the arrows, leaving the caret inside text alone', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    await user.click(title(1));
    // The caret is at the end of "Rate limiting": Right leaves the text.
    await user.keyboard('{ArrowRight}');
    expect(cell('Rate limiting: bucket')).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(cell('Rate limiting: Portkey covers it')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(cell('Audit log: Portkey covers it')).toHaveFocus();
    // Down on a choice moves, it does not change the answer.
    expect(cell('Audit log: Portkey covers it')).toHaveValue('');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(title(2)).toHaveFocus();
    // In the middle of the text, Left moves the caret, not the cell.
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(title(2)).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(title(1)).toHaveFocus();
  });

  it('fills rows from a paste of spreadsheet cells and says which values it did not understand', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    await user.click(title(2));
    await user.paste(
      'Audit log\tshould\tno\tmet\tpartial\nCaching\tmaybe\tyes\tx\tm\n',
    );
    expect(title(2)).toHaveValue('Audit log');
    expect(cell('Audit log: bucket')).toHaveDisplayValue('Should-have');
    expect(cell('Audit log: needed by the workload')).toHaveDisplayValue('No');
    expect(cell('Audit log: Portkey covers it')).toHaveDisplayValue('Met');
    expect(cell('Audit log: Helicone covers it')).toHaveDisplayValue('Partial');
    expect(title(3)).toHaveValue('Caching');
    expect(cell('Caching: bucket')).toHaveValue('');
    expect(cell('Caching: Portkey covers it')).toHaveDisplayValue('Missing');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Pasted 2 rows from row 2 down. One cell was not understood and left unanswered: row 3, Bucket: “maybe”.',
    );
    // The row above the paste is as it was.
    expect(title(1)).toHaveValue('Rate limiting');
  });

  it('takes a single pasted value into a text cell as text', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    await user.click(title(2));
    await user.paste(' (SOC 2)');
    expect(title(2)).toHaveValue('Audit log (SOC 2)');
    expect(within(document.body).queryByRole('status')).toBeNull();
  });

  const csvFile = () =>
    new File(
      [
        'Requirement,Helicone,Bucket,Owner\r\n"Caching, per route",met,nice,Ada\r\n',
      ],
      'requirements.csv',
      { type: 'text/csv' },
    );

  it('imports a CSV file instead of the requirements, once asked, and says what it left out', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    await user.upload(
      screen.getByLabelText('CSV file of requirements to import'),
      csvFile(),
    );
    // The grid holds requirements: nothing is replaced before a yes.
    const dialog = await screen.findByRole('dialog', {
      name: 'Replace the requirements?',
    });
    expect(dialog).toHaveTextContent(
      'requirements.csv has one row. Importing it replaces the 2 requirements in the grid',
    );
    // Behind the question, the grid is as it was.
    expect(
      screen.getByRole('textbox', { name: 'Row 1: requirement', hidden: true }),
    ).toHaveValue('Rate limiting');
    await user.click(
      within(dialog).getByRole('button', { name: 'Replace requirements' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Imported one row from requirements.csv. The column “Owner” names no column of the grid and was left out.',
    );
    expect(title(1)).toHaveValue('Caching, per route');
    expect(cell('Caching, per route: Helicone covers it')).toHaveDisplayValue(
      'Met',
    );
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
  });

  it('keeps the grid as it was when the replacement is declined', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={draft} />);
    const titles = screen
      .getAllByRole('textbox')
      .map(box => (box as HTMLInputElement).value);
    await user.upload(
      screen.getByLabelText('CSV file of requirements to import'),
      csvFile(),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Keep the grid' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      screen
        .getAllByRole('textbox')
        .map(box => (box as HTMLInputElement).value),
    ).toEqual(titles);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('imports into an empty grid without asking', async () => {
    const user = userEvent.setup();
    render(<Wizard initial={{ ...draft, requirements: [] }} />);
    await user.upload(
      screen.getByLabelText('CSV file of requirements to import'),
      csvFile(),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Imported one row from requirements.csv.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(title(1)).toHaveValue('Caching, per route');
  });
});
