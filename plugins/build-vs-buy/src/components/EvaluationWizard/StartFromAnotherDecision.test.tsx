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
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  catalogEntities,
  evaluationSummary,
  storedEvaluation,
} from '../../__testUtils__/storedEvaluations';
import { EvaluationWizard } from './EvaluationWizard';

const OTHER_REF = 'component:default/catalogue-embeddings';

/** Another component's recorded decision, to start from. */
const other = storedEvaluation('ecommerce-vector-database', {
  id: 'evaluation-catalogue-embeddings',
  entityRef: OTHER_REF,
  entity: { title: 'Catalogue embeddings', missing: false },
});

const otherComponent = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'catalogue-embeddings',
    namespace: 'default',
    title: 'Catalogue embeddings',
  },
  spec: { type: 'service', owner: 'group:default/ml-platform' },
};

function wizardApi() {
  const stored = storedEvaluation('ecommerce-vector-database');
  return {
    getEvaluationByEntity: jest.fn().mockResolvedValue(undefined),
    previewEvaluation: jest
      .fn()
      .mockResolvedValue({ outcome: stored.outcome, review: stored.review }),
    // Autosave may start; it never finishes here.
    createEvaluation: jest.fn(() => new Promise<never>(() => {})),
    listEvaluations: jest
      .fn()
      .mockResolvedValue({ items: [evaluationSummary(other)] }),
    getEvaluation: jest.fn().mockResolvedValue(other),
  };
}

function lastPreviewed(api: ReturnType<typeof wizardApi>): EvaluationDraft {
  const calls = api.previewEvaluation.mock.calls;
  return calls[calls.length - 1][0];
}

describe('Start from another decision', () => {
  beforeEach(() => window.localStorage.clear());

  it("finds a decision by component and copies its candidates, in words, without the verdict's answers", async () => {
    const api = wizardApi();
    await renderWithApis(<EvaluationWizard />, {
      api,
      catalogEntities: [...catalogEntities, otherComponent],
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Start from another decision',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Start from another decision',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Component name' }),
      'catalogue',
    );

    const choice = await within(dialog).findByRole('radio', {
      name: /Catalogue embeddings/,
    });
    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenCalledWith({
        entityRef: [OTHER_REF],
        limit: 20,
      }),
    );
    // Words only: the component by name, the verdict and the candidates.
    expect(dialog).toHaveTextContent(
      'Decided: Buy VectorCloud Managed · Candidates: VectorCloud Managed, NewVec',
    );
    expect(dialog).not.toHaveTextContent(/component:|evaluation-/);

    await userEvent.click(choice);
    expect(api.getEvaluation).toHaveBeenCalledWith(other.id);
    await userEvent.click(
      await within(dialog).findByRole('checkbox', { name: /^Requirements/ }),
    );
    expect(
      within(dialog).getByRole('checkbox', {
        name: 'Candidates, with their maturity evidence and notes (2)',
      }),
    ).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByText('Copied from Catalogue embeddings: 2 candidates.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(lastPreviewed(api).candidates?.map(({ name }) => name)).toEqual([
        'VectorCloud Managed',
        'NewVec',
      ]),
    );
    const copied = lastPreviewed(api);
    expect(copied.candidates![0].maturity).toEqual(
      other.evaluation.candidates![0].maturity,
    );
    expect(copied.requirements).toBeUndefined();
    expect(copied.teamDecision).toBeUndefined();
    expect(copied.failureModes?.migrationPlan).toBeUndefined();
    // The evaluation has candidates now: no second start.
    expect(
      screen.queryByRole('button', { name: 'Start from another decision' }),
    ).not.toBeInTheDocument();
  }, 60_000);

  it('finds decisions by a vendor or product name', async () => {
    const api = wizardApi();
    await renderWithApis(<EvaluationWizard />, { api });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Start from another decision',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Vendor or product name' }),
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Vendor or product name' }),
      'vector cloud',
    );

    await waitFor(() =>
      expect(api.listEvaluations).toHaveBeenCalledWith({
        candidate: 'vector cloud',
        limit: 20,
      }),
    );
    expect(
      await within(dialog).findByRole('radio', {
        name: /Catalogue embeddings/,
      }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getEvaluation).not.toHaveBeenCalled();
  }, 60_000);

  it('is not offered once the evaluation has candidates or requirements', async () => {
    const api = {
      ...wizardApi(),
      getEvaluationByEntity: jest
        .fn()
        .mockResolvedValue(
          storedEvaluation('ecommerce-vector-database', { status: 'draft' }),
        ),
    };
    await renderWithApis(<EvaluationWizard />, { api });
    await screen.findByLabelText(/The question/);
    expect(
      screen.queryByRole('button', { name: 'Start from another decision' }),
    ).not.toBeInTheDocument();
  });
});
