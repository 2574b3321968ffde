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
  EVALUATION_LIMITS,
  evaluationDraftSchema,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import { editDraft } from './draftEdits';
import { initialWizardState, wizardReducer } from './wizardReducer';

const ENTITY_REF = 'component:default/catalogue-embeddings';

/** Another component's decision, every answer given. */
const source: EvaluationDraft = {
  ...ecommerceVectorDatabase,
  candidates: [
    {
      id: 'c1',
      name: 'VectorCloud Managed',
      integrationWeeks: 3,
      notes: 'References at our scale were good.',
      maturity: {
        inProductionTwoYears: true,
        customersAtYourScale: true,
        publicSla: true,
        failureModeTrackRecord: false,
        referencesChecked: true,
      },
      coverage: { r1: 'met', r2: 'partial' },
    },
    {
      id: 'c2',
      name: 'NewVec',
      maturity: { inProductionTwoYears: false },
      coverage: { r1: 'missing', r2: 'met' },
    },
  ],
  requirements: [
    { id: 'r1', title: 'Hybrid search', bucket: 'must' },
    {
      id: 'r2',
      title: 'Backups',
      bucket: 'should',
      neededByWorkload: false,
      notes: 'Nightly is enough.',
    },
  ],
  gaps: [{ candidateId: 'c1', requirementId: 'r2', scope: 'edge' }],
  teamDecision: {
    kind: 'buy',
    candidateId: 'c1',
    rationale: 'References checked.',
  },
  revisitBy: '2027-06-01',
};

const empty: EvaluationDraft = {
  entityRef: ENTITY_REF,
  question: 'Should we build or buy the catalogue embeddings?',
};

function copy(
  draft: EvaluationDraft,
  what: { candidates: boolean; requirements: boolean },
) {
  return editDraft(draft, { type: 'copy-from', source, ...what });
}

describe('copying from another decision', () => {
  it('copies candidates and requirements under new ids, the coverage following them', () => {
    // This draft's own ids already take the source's.
    const draft: EvaluationDraft = {
      ...empty,
      candidates: [{ id: 'vectorcloud-managed', name: 'Qdrant' }],
      requirements: [{ id: 'hybrid-search', title: 'Latency under 50 ms' }],
    };
    const copied = copy(draft, { candidates: true, requirements: true });

    expect(copied.requirements).toEqual([
      { id: 'hybrid-search', title: 'Latency under 50 ms' },
      { id: 'hybrid-search-2', title: 'Hybrid search', bucket: 'must' },
      {
        id: 'backups',
        title: 'Backups',
        bucket: 'should',
        neededByWorkload: false,
        notes: 'Nightly is enough.',
      },
    ]);
    expect(copied.candidates).toEqual([
      { id: 'vectorcloud-managed', name: 'Qdrant' },
      {
        id: 'vectorcloud-managed-2',
        name: 'VectorCloud Managed',
        notes: 'References at our scale were good.',
        maturity: source.candidates![0].maturity,
        coverage: { 'hybrid-search-2': 'met', backups: 'partial' },
      },
      {
        id: 'newvec',
        name: 'NewVec',
        maturity: { inProductionTwoYears: false },
        coverage: { 'hybrid-search-2': 'missing', backups: 'met' },
      },
    ]);
    // What the schema would refuse: no reference to an id not there.
    expect(evaluationDraftSchema.safeParse(copied).success).toBe(true);
  });

  it("copies nothing of the source's verdict, and keeps every answer already given", () => {
    const draft: EvaluationDraft = {
      ...empty,
      coreDifferentiator: { answer: 'yes' },
      maintenance: { ownerGroupRef: 'group:default/search' },
    };
    const copied = copy(draft, { candidates: true, requirements: true });

    const { candidates, requirements, ...rest } = copied;
    expect(rest).toEqual(draft);
    expect(copied.gaps).toBeUndefined();
    expect(copied.teamDecision).toBeUndefined();
    expect(copied.failureModes).toBeUndefined();
    expect(copied.revisitBy).toBeUndefined();
    expect(candidates).toHaveLength(2);
    expect(requirements).toHaveLength(2);
    // Integration weeks are this component's estimate, not the product's.
    expect(candidates![0]).not.toHaveProperty('integrationWeeks');
  });

  it('copies only what is asked for: candidates without coverage, requirements alone', () => {
    const onlyCandidates = copy(empty, {
      candidates: true,
      requirements: false,
    });
    // A list never answered stays unanswered.
    expect(onlyCandidates).not.toHaveProperty('requirements');
    expect(
      onlyCandidates.candidates!.map(({ name, coverage }) => [name, coverage]),
    ).toEqual([
      ['VectorCloud Managed', undefined],
      ['NewVec', undefined],
    ]);

    const onlyRequirements = copy(empty, {
      candidates: false,
      requirements: true,
    });
    expect(onlyRequirements).not.toHaveProperty('candidates');
    expect(onlyRequirements.requirements!.map(({ title }) => title)).toEqual([
      'Hybrid search',
      'Backups',
    ]);
  });

  it('skips a candidate already on the table by name, whatever its case, which gains coverage of the requirements copied', () => {
    const draft: EvaluationDraft = {
      ...empty,
      candidates: [
        {
          id: 'mine',
          name: 'vectorcloud managed',
          notes: 'Our own notes.',
          maturity: { publicSla: false },
          coverage: { latency: 'met' },
        },
      ],
      requirements: [
        { id: 'latency', title: 'Latency', bucket: 'must' },
        { id: 'backup', title: 'BACKUPS', bucket: 'nice' },
      ],
    };
    const copied = copy(draft, { candidates: true, requirements: true });

    expect(copied.candidates!.map(({ name }) => name)).toEqual([
      'vectorcloud managed',
      'NewVec',
    ]);
    // Its own answers stay; it gains the coverage of the one new
    // requirement (Backups was already there, by its title).
    expect(copied.candidates![0]).toEqual({
      id: 'mine',
      name: 'vectorcloud managed',
      notes: 'Our own notes.',
      maturity: { publicSla: false },
      coverage: { latency: 'met', 'hybrid-search': 'met' },
    });
    expect(copied.requirements!.map(({ id, title }) => [id, title])).toEqual([
      ['latency', 'Latency'],
      ['backup', 'BACKUPS'],
      ['hybrid-search', 'Hybrid search'],
    ]);
  });

  it('copies candidates first, requirements later, and the coverage still reaches them', () => {
    const first = copy(empty, { candidates: true, requirements: false });
    const second = copy(first, { candidates: true, requirements: true });
    expect(second.candidates).toHaveLength(2);
    expect(second.candidates!.map(({ coverage }) => coverage)).toEqual([
      { 'hybrid-search': 'met', backups: 'partial' },
      { 'hybrid-search': 'missing', backups: 'met' },
    ]);
  });

  it('changes nothing when everything is already there', () => {
    const once = copy(empty, { candidates: true, requirements: true });
    expect(copy(once, { candidates: true, requirements: true })).toBe(once);
  });

  it('stops at the limits the schema sets', () => {
    const full: EvaluationDraft = {
      ...empty,
      candidates: Array.from(
        { length: EVALUATION_LIMITS.candidates },
        (_, index) => ({ id: `c${index}`, name: `Product ${index}` }),
      ),
    };
    expect(
      copy(full, { candidates: true, requirements: false }).candidates,
    ).toHaveLength(EVALUATION_LIMITS.candidates);
  });

  it('is an edit of the wizard: the copied answers are unsaved ones', () => {
    const state = initialWizardState(undefined, () => empty);
    const next = wizardReducer(state, {
      type: 'edit',
      edit: { type: 'copy-from', source, candidates: true, requirements: true },
    });
    expect(next.base).toBe(empty);
    expect(next.draft.candidates).toHaveLength(2);
  });
});
