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

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { EvaluationWizard } from './EvaluationWizard';
import { presentedNode } from './PresentationView';

/** The query string, where the test can read it. */
const Location = () => {
  const location = useLocation();
  return (
    <div role="status" aria-label="Location">
      {location.search}
    </div>
  );
};

function wizardApi() {
  const stored = storedEvaluation('ecommerce-vector-database', {
    status: 'draft',
  });
  return {
    getEvaluationByEntity: jest.fn().mockResolvedValue(stored),
    previewEvaluation: jest
      .fn()
      .mockResolvedValue({ outcome: stored.outcome, review: stored.review }),
  };
}

// Outside the dialog, which hides the rest of the page from assistive tech.
const search = () =>
  screen.getByRole('status', { name: 'Location', hidden: true });

describe('the presentation view', () => {
  beforeEach(() => window.localStorage.clear());

  it('opens from the wizard on one node at a time, in words, and closes with Escape', async () => {
    await renderWithApis(
      <>
        <EvaluationWizard />
        <Location />
      </>,
      { api: wizardApi(), routeEntries: ['/?step=core-differentiator'] },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Presentation view' }),
    );

    const screenView = await screen.findByRole('dialog', {
      name: 'Node 1: Is it a core differentiator?',
    });
    expect(search()).toHaveTextContent('present=core-differentiator');
    const answers = within(screenView).getByRole('region', {
      name: "The team's answers",
    });
    expect(answers).toHaveTextContent('Is it a core differentiator?No');
    expect(answers).toHaveTextContent(
      'Two competitors on the same vector database would still differ',
    );
    // Never an answer's path.
    expect(screenView).not.toHaveTextContent(/coreDifferentiator|\.answer/);
    const verdict = within(screenView).getByRole('region', {
      name: 'Verdict so far',
    });
    expect(verdict).toHaveTextContent('Buy VectorCloud Managed');
    expect(
      within(verdict).getByRole('region', { name: 'Path so far' }),
    ).toHaveTextContent('Node 1: Is it a core differentiator?');

    await userEvent.click(
      within(screenView).getByRole('button', { name: 'Next node' }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Node 2: Does a mature commercial option exist?',
      }),
    ).toHaveTextContent('VectorCloud Managed');
    expect(search()).toHaveTextContent('present=mature-option');

    await userEvent.keyboard('{ArrowLeft}');
    expect(
      await screen.findByRole('dialog', {
        name: 'Node 1: Is it a core differentiator?',
      }),
    ).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(
      await screen.findByRole('dialog', { name: /^Node 2:/ }),
    ).toBeInTheDocument();

    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(search()).not.toHaveTextContent('present=');
  }, 60_000);

  it('keeps the node presented across a reload, the URL naming it', async () => {
    await renderWithApis(<EvaluationWizard />, {
      api: wizardApi(),
      routeEntries: ['/?present=maintenance'],
    });
    const screenView = await screen.findByRole('dialog', {
      name: 'Node 5: Can you maintain it long-term?',
    });
    expect(
      within(screenView).getByRole('button', { name: 'Next node' }),
    ).toBeDisabled();
    await userEvent.click(
      within(screenView).getByRole('button', { name: 'Leave presentation' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  }, 60_000);

  it('reads the node from the URL, an unknown one as the first', () => {
    expect(presentedNode(null)).toBeUndefined();
    expect(presentedNode('maintenance')).toBe('maintenance');
    expect(presentedNode('1')).toBe('prerequisites');
  });
});
