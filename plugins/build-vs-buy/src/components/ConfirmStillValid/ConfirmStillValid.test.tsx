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

import { ResponseError } from '@backstage/errors';
import type { StoredEvaluation } from '@build-vs-buy/plugin-build-vs-buy-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvaluationConflictError } from '../../api';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { ConfirmStillValidButton } from './ConfirmStillValid';

const NOTE = 'VectorCloud still holds its SLA and nobody offers hybrid search.';

const overdue = storedEvaluation('ecommerce-vector-database', {
  review: { status: 'overdue', revisitBy: '2026-05-01', reasons: [] },
});
const confirmed: StoredEvaluation = {
  ...overdue,
  version: 4,
  review: { status: 'current', revisitBy: '2026-12-01', reasons: [] },
};

async function renderButton(confirmEvaluation: jest.Mock) {
  const onChange = jest.fn();
  await renderWithApis(
    <ConfirmStillValidButton stored={overdue} onChange={onChange} />,
    { api: { confirmEvaluation } },
  );
  await userEvent.click(
    screen.getByRole('button', { name: 'Confirm still valid' }),
  );
  const dialog = await screen.findByRole('dialog', {
    name: 'Confirm the decision is still valid',
  });
  const submit = () =>
    userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm still valid' }),
    );
  return { onChange, dialog, submit };
}

describe('ConfirmStillValidButton', () => {
  it('asks why the decision still holds, then confirms the version read with the note', async () => {
    const confirmEvaluation = jest.fn().mockResolvedValue(confirmed);
    const { onChange, dialog, submit } = await renderButton(confirmEvaluation);

    expect(dialog).toHaveTextContent(
      'Buy VectorCloud Managed, to be revisited by 2026-05-01.',
    );
    const confirm = within(dialog).getByRole('button', {
      name: 'Confirm still valid',
    });
    // Nothing to confirm without a reason, and blanks are no reason.
    expect(confirm).toBeDisabled();
    const note = within(dialog).getByRole('textbox', {
      name: /Why does the decision still hold\?/,
    });
    await userEvent.type(note, '   ');
    expect(confirm).toBeDisabled();

    await userEvent.type(note, NOTE);
    expect(confirm).toBeEnabled();
    await submit();

    expect(confirmEvaluation).toHaveBeenCalledWith(overdue.id, {
      version: 3,
      note: NOTE,
    });
    expect(onChange).toHaveBeenCalledWith(confirmed);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('shows what was saved meanwhile when the version is stale, and stays open', async () => {
    const theirs = { ...overdue, version: 5 };
    const confirmEvaluation = jest
      .fn()
      .mockRejectedValue(
        new EvaluationConflictError('stale', {} as ResponseError, theirs),
      );
    const { onChange, dialog, submit } = await renderButton(confirmEvaluation);
    await userEvent.type(within(dialog).getByRole('textbox'), NOTE);

    await submit();

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Someone saved this decision meanwhile: it is now version 5. Check it, then confirm again.',
    );
    expect(onChange).toHaveBeenCalledWith(theirs);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it("shows the server's reason when the decision cannot be confirmed", async () => {
    const refusal = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'ConflictError',
            message:
              'Only a recorded decision can be confirmed as still valid: this one was archived.',
          },
          response: { statusCode: 409 },
        }),
        { status: 409, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const confirmEvaluation = jest.fn().mockRejectedValue(refusal);
    const { onChange, dialog, submit } = await renderButton(confirmEvaluation);
    await userEvent.type(within(dialog).getByRole('textbox'), NOTE);

    await submit();

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a recorded decision can be confirmed as still valid: this one was archived.',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('cancels without confirming anything', async () => {
    const confirmEvaluation = jest.fn();
    const { dialog } = await renderButton(confirmEvaluation);
    await userEvent.type(within(dialog).getByRole('textbox'), NOTE);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(confirmEvaluation).not.toHaveBeenCalled();
  });
});
