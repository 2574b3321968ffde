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
  aBuildEvaluation,
  anEvaluation,
  candidate,
  gap,
  MATURE,
  requirement,
  REQUIREMENTS,
} from './__fixtures__/evaluations';
import { evaluate, Outcome } from './evaluate';
import type { Evaluation, EvaluationDraft } from './schema';

const NOW = new Date('2026-03-01T12:00:00Z');

const codes = (outcome: Outcome) => outcome.warnings.map(({ code }) => code);
const nodes = (outcome: Outcome) => outcome.path.map(({ node }) => node);

describe('evaluate', () => {
  it('buys a mature candidate that meets every requirement, with no warnings', () => {
    const outcome = evaluate(anEvaluation(), { now: NOW });
    expect(outcome.verdict).toEqual({
      kind: 'buy',
      candidateId: 'acme',
      candidateName: 'Vendor acme',
    });
    expect(outcome.warnings).toEqual([]);
    expect(outcome.missing).toEqual([]);
    expect(nodes(outcome)).toEqual([
      'prerequisites',
      'core-differentiator',
      'mature-option',
      'requirements-coverage',
      'gap-classification',
    ]);
    expect(outcome.path.every(({ reasoning }) => reasoning.length > 0)).toBe(
      true,
    );
    expect(outcome.figures).toEqual({
      candidates: [
        {
          candidateId: 'acme',
          candidateName: 'Vendor acme',
          mature: true,
          coverage: {
            mustMet: 1,
            mustTotal: 1,
            mustMissing: 0,
            shouldScore: 5,
            shouldTotal: 5,
            ratio: 1,
          },
          standing: 'chosen',
        },
      ],
      coverageThreshold: 0.8,
      partialCredit: 0.5,
      maintenanceShare: 0.2,
      learningCurveWeeks: 3,
      integrationCostWeeks: 3,
      sessionOverTimebox: false,
      revisitBy: '2026-09-01',
    });
  });

  describe('prerequisites', () => {
    it.each([
      ['question', { question: '  ' }],
      [
        'prerequisites.componentDescription.dataStored',
        {
          prerequisites: {
            ...anEvaluation().prerequisites,
            componentDescription: {
              ...anEvaluation().prerequisites.componentDescription,
              dataStored: '',
            },
          },
        },
      ],
    ] as Array<[string, Partial<Evaluation>]>)(
      '"You need a written description of the component you are evaluating": a blank %s is missing',
      (path, overrides) => {
        const outcome = evaluate(anEvaluation(overrides));
        expect(outcome.verdict).toEqual({ kind: 'incomplete' });
        expect(outcome.missing).toEqual([path]);
      },
    );

    it('"Not “we need a vector database.”": a draft without prerequisites names every missing field and stops', () => {
      const draft: EvaluationDraft = {
        entityRef: 'component:default/vector-store',
        prerequisites: { componentDescription: { dataStored: 'Embeddings' } },
      };
      const outcome = evaluate(draft);
      expect(outcome.verdict).toEqual({ kind: 'incomplete' });
      expect(outcome.missing).toEqual([
        'question',
        'prerequisites.componentDescription.queriesHandled',
        'prerequisites.componentDescription.latencyConstraints',
        'prerequisites.componentDescription.availabilityConstraints',
        'prerequisites.componentDescription.dependents',
        'prerequisites.teamCapacity.engineers',
        'prerequisites.teamCapacity.productionSystemsMaintained',
        'prerequisites.teamCapacity.availableCapacity',
        'coreDifferentiator.answer',
        'coreDifferentiator.competitorTest',
        'coreDifferentiator.rationale',
      ]);
      expect(outcome.path.map(({ answer }) => answer)).toEqual([
        'not written down',
        'not answered',
      ]);
      expect(outcome.figures.candidates).toEqual([]);
      expect(outcome.figures.revisitBy).toBeUndefined();
    });

    it('"Write down what your team can realistically take on without degrading their existing commitments": no verdict without team capacity', () => {
      const evaluation = anEvaluation();
      const outcome = evaluate({
        ...evaluation,
        prerequisites: {
          componentDescription: evaluation.prerequisites.componentDescription,
        },
      });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toEqual([
        'prerequisites.teamCapacity.engineers',
        'prerequisites.teamCapacity.productionSystemsMaintained',
        'prerequisites.teamCapacity.availableCapacity',
      ]);
    });
  });

  describe('Node 1: Is it a core differentiator?', () => {
    it('"If yes, it is a differentiator": a differentiator goes straight to Node 5 and is built', () => {
      const outcome = evaluate(
        anEvaluation({
          coreDifferentiator: {
            answer: 'yes',
            competitorTest: 'Yes',
            rationale: 'Retrieval is our product',
          },
        }),
      );
      expect(outcome.verdict).toEqual({ kind: 'build' });
      expect(nodes(outcome)).toEqual([
        'prerequisites',
        'core-differentiator',
        'maintenance',
      ]);
      expect(outcome.figures.candidates[0].standing).toBe('not-assessed');
    });

    it('"Teams consistently over-classify components as differentiators because building is more interesting than buying"', () => {
      const yes = evaluate(
        anEvaluation({
          coreDifferentiator: {
            answer: 'yes',
            competitorTest: 'Yes',
            rationale: 'Ours',
          },
        }),
      );
      expect(yes.warnings[0]).toMatchObject({
        code: 'over-classification-risk',
        node: 'core-differentiator',
      });
      expect(yes.warnings[0].message).toMatch(/^Teams consistently/);
      expect(codes(evaluate(anEvaluation()))).not.toContain(
        'over-classification-risk',
      );
    });

    it('"This is the most important question": no verdict without the answer and the competitor test', () => {
      const outcome = evaluate({
        ...anEvaluation(),
        coreDifferentiator: { answer: 'no' },
      });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toEqual([
        'coreDifferentiator.competitorTest',
        'coreDifferentiator.rationale',
      ]);
    });

    const differentiator = {
      answer: 'yes',
      competitorTest: 'Yes',
      rationale: 'Ours',
    } as const;

    it('"If the answer is no, you cannot afford to build it": a differentiator the team cannot maintain is bought when a candidate qualifies', () => {
      const outcome = evaluate(
        anEvaluation({
          coreDifferentiator: differentiator,
          maintenance: { canAllocateTwentyPercentPermanently: false },
        }),
      );
      expect(outcome.verdict).toMatchObject({
        kind: 'buy',
        candidateId: 'acme',
      });
      expect(nodes(outcome)).toEqual([
        'prerequisites',
        'core-differentiator',
        'maintenance',
        'mature-option',
        'requirements-coverage',
        'gap-classification',
      ]);
      expect(codes(outcome)).toEqual([
        'over-classification-risk',
        'cannot-afford-to-build',
      ]);
    });

    it('"regardless of whether you have the skills": a differentiator nobody can maintain or buy has no qualifying candidate', () => {
      const outcome = evaluate(
        aBuildEvaluation({
          coreDifferentiator: differentiator,
          maintenance: { canAllocateTwentyPercentPermanently: false },
        }),
      );
      expect(outcome.verdict).toEqual({ kind: 'no-qualifying-candidate' });
    });

    it('"Building is the easy part. Maintaining is where teams get burned": a differentiator needs the Node 5 answer', () => {
      const outcome = evaluate({
        ...anEvaluation({ coreDifferentiator: differentiator }),
        maintenance: undefined,
      });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toEqual([
        'maintenance.canAllocateTwentyPercentPermanently',
      ]);
    });

    it('"Check references": a differentiator falling back to buying needs every maturity answer', () => {
      const outcome = evaluate(
        anEvaluation({
          coreDifferentiator: differentiator,
          maintenance: { canAllocateTwentyPercentPermanently: false },
          candidates: [{ ...candidate('acme'), maturity: undefined } as never],
        }),
      );
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toHaveLength(4);
    });
  });

  describe('Node 2: Does a mature commercial option exist?', () => {
    it.each([
      'inProductionTwoYears',
      'customersAtYourScale',
      'publicSla',
      'failureModeTrackRecord',
    ] as const)(
      '"Mature means ... at least two years, customers at your scale, a public SLA, a track record": without %s it is not mature',
      criterion => {
        const outcome = evaluate(
          anEvaluation({
            candidates: [
              candidate(
                'acme',
                {},
                { maturity: { ...MATURE, [criterion]: false } },
              ),
            ],
          }),
        );
        expect(outcome.verdict).toEqual({ kind: 'build' });
        expect(outcome.figures.candidates[0]).toMatchObject({
          mature: false,
          standing: 'not-mature',
        });
        expect(codes(outcome)).toContain('no-mature-option');
        expect(nodes(outcome)).toEqual([
          'prerequisites',
          'core-differentiator',
          'mature-option',
          'maintenance',
        ]);
      },
    );

    it('"A product that has handled 10,000 QPS in production at three companies is more valuable than a product that promises 100,000 QPS in a benchmark"', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [
            candidate(
              'shiny',
              {},
              {
                maturity: { ...MATURE, inProductionTwoYears: false },
              },
            ),
            candidate('proven', { s1: 'missing' }),
          ],
          gaps: [gap('proven', 's1', 'edge')],
        }),
      );
      expect(outcome.verdict).toMatchObject({
        kind: 'buy',
        candidateId: 'proven',
      });
      expect(codes(outcome)).not.toContain('no-mature-option');
    });

    it('"The AI infrastructure market has many products that are eighteen months old": with no candidate at all, the note says so', () => {
      const outcome = evaluate(aBuildEvaluation());
      expect(outcome.verdict).toEqual({ kind: 'build' });
      expect(outcome.warnings).toEqual([
        expect.objectContaining({
          code: 'no-mature-option',
          message: expect.stringContaining('No commercial option'),
        }),
      ]);
    });

    it('"Mature means" four criteria; an unanswered one is missing', () => {
      const evaluation = anEvaluation();
      const outcome = evaluate({
        ...evaluation,
        candidates: [
          {
            ...evaluation.candidates[0],
            maturity: { ...MATURE, publicSla: undefined },
          },
        ],
      });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toEqual(['candidates[0].maturity.publicSla']);
    });

    it('one "no" rules a candidate out: its other criteria are not asked', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [
            candidate(
              'young',
              {},
              // A draft: the other three criteria never answered.
              { maturity: { inProductionTwoYears: false } as never },
            ),
            candidate('proven', { s1: 'missing' }),
          ],
          gaps: [gap('proven', 's1', 'edge')],
        }),
      );
      expect(outcome.missing).toEqual([]);
      expect(outcome.verdict).toMatchObject({
        kind: 'buy',
        candidateId: 'proven',
      });
      expect(
        outcome.figures.candidates.find(
          ({ candidateId }) => candidateId === 'young',
        ),
      ).toMatchObject({ mature: false, standing: 'not-mature' });
    });

    it.each([
      ['not answered', undefined],
      ['answered no', false],
    ])(
      '"Check references. Talk to customers at your scale": references %s are evidence, not a fifth criterion, and are warned about',
      (_, referencesChecked) => {
        const evaluation = anEvaluation();
        const outcome = evaluate({
          ...evaluation,
          candidates: [
            {
              ...evaluation.candidates[0],
              maturity: { ...MATURE, referencesChecked },
            },
          ],
        });
        expect(outcome.verdict.kind).toBe('buy');
        expect(outcome.figures.candidates[0].mature).toBe(true);
        expect(outcome.warnings).toContainEqual({
          code: 'references-not-checked',
          node: 'mature-option',
          candidateId: evaluation.candidates[0].id,
          message: expect.stringMatching(
            /^Check references\. .* is counted as mature on its own claims/,
          ),
        });
      },
    );

    it('a mature candidate whose references were checked is not warned about', () => {
      const outcome = evaluate(anEvaluation());
      expect(codes(outcome)).not.toContain('references-not-checked');
    });

    it('needs the list of candidates, even an empty one', () => {
      const outcome = evaluate({ ...anEvaluation(), candidates: undefined });
      expect(outcome.missing).toEqual(['candidates']);
    });
  });

  describe('Node 3: Does it meet 80%+ of requirements?', () => {
    it('"If the product is missing a must-have, stop. Do not buy it."', () => {
      const outcome = evaluate(
        anEvaluation({ candidates: [candidate('acme', { m1: 'missing' })] }),
      );
      expect(outcome.verdict).toEqual({ kind: 'build' });
      expect(outcome.figures.candidates[0]).toMatchObject({
        standing: 'missing-must-have',
        coverage: { mustMet: 0, mustMissing: 1 },
      });
      expect(outcome.path[3]).toMatchObject({
        node: 'requirements-coverage',
        candidateId: 'acme',
        reasoning: expect.stringMatching(
          /^If the product is missing a must-have/,
        ),
      });
    });

    it('"No amount of discount or roadmap promise compensates for a missing must-have": not even when nothing else qualifies', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { m1: 'missing' })],
          maintenance: { canAllocateTwentyPercentPermanently: false },
        }),
      );
      expect(outcome.verdict).toEqual({ kind: 'no-qualifying-candidate' });
      expect(codes(outcome)).toEqual(['cannot-afford-to-build']);
    });

    it.each([
      ['4 of 5 met', { s5: 'missing' }, 'buy'],
      ['3 of 5 met', { s4: 'missing', s5: 'missing' }, 'build'],
      ['3 met and 2 partial (0.8)', { s4: 'partial', s5: 'partial' }, 'buy'],
      ['3 met and 1 partial (0.7)', { s4: 'partial', s5: 'missing' }, 'build'],
    ] as const)(
      '"If a product covers all must-haves and most should-haves, buy it": %s',
      (_, coverage, kind) => {
        const gaps = Object.keys(coverage).map(id => gap('acme', id, 'edge'));
        const outcome = evaluate(
          anEvaluation({ candidates: [candidate('acme', coverage)], gaps }),
        );
        expect(outcome.verdict.kind).toBe(kind);
      },
    );

    it('"The question is whether it meets the 80% that matters": below the threshold the candidate is ruled out', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { s4: 'missing', s5: 'missing' })],
        }),
      );
      expect(outcome.figures.candidates[0].standing).toBe('below-threshold');
      expect(outcome.path[3].answer).toBe(
        'Vendor acme: below 80% (1/1 must-haves met, 60% of should-haves)',
      );
    });

    it('takes the threshold and the partial credit from the options', () => {
      const evaluation = anEvaluation({
        candidates: [candidate('acme', { s4: 'partial', s5: 'partial' })],
        gaps: [gap('acme', 's4', 'edge'), gap('acme', 's5', 'edge')],
      });
      expect(evaluate(evaluation, { partialCredit: 0 }).verdict.kind).toBe(
        'build',
      );
      expect(
        evaluate(evaluation, { partialCredit: 0, coverageThreshold: 0.6 })
          .verdict.kind,
      ).toBe('buy');
      expect(
        evaluate(evaluation, { coverageThreshold: 1 }).figures.candidates[0]
          .standing,
      ).toBe('below-threshold');
    });

    it.each([
      [{ coverageThreshold: 1.5 }],
      [{ coverageThreshold: -0.1 }],
      [{ partialCredit: Number.NaN }],
      [{ now: new Date('not a date') }],
    ])('rejects options out of range: %p', options => {
      expect(() => evaluate(anEvaluation(), options)).toThrow(RangeError);
    });

    it('counts coverage as 100% when there are no should-haves', () => {
      const outcome = evaluate(
        anEvaluation({ requirements: [requirement('m1', 'must')] }),
      );
      expect(outcome.figures.candidates[0].coverage).toMatchObject({
        shouldTotal: 0,
        ratio: 1,
      });
      expect(outcome.verdict.kind).toBe('buy');
    });

    it('"Nice-to-haves: Features you would use but do not need. Do not factor these into the decision."', () => {
      const outcome = evaluate(
        anEvaluation({
          requirements: [...REQUIREMENTS, requirement('n1', 'nice')],
          candidates: [
            {
              ...candidate('acme'),
              coverage: { ...candidate('acme').coverage },
            },
          ],
        }),
      );
      // n1 is neither assessed nor classified, and does not matter.
      expect(outcome.verdict.kind).toBe('buy');
      const missingNice = evaluate(
        anEvaluation({
          requirements: [...REQUIREMENTS, requirement('n1', 'nice')],
          candidates: [candidate('acme', { n1: 'missing' })],
        }),
      );
      expect(missingNice.verdict.kind).toBe('buy');
    });

    it('"If the product cannot handle vectors with more than 2,048 dimensions but your workload maxes out at 1,536, that is not a gap at all"', () => {
      const outcome = evaluate(
        anEvaluation({
          requirements: [
            ...REQUIREMENTS,
            requirement('dims-2048', 'must', { neededByWorkload: false }),
          ],
          candidates: [candidate('acme', { 'dims-2048': 'missing' })],
        }),
      );
      expect(outcome.verdict.kind).toBe('buy');
      expect(outcome.figures.candidates[0].coverage.mustTotal).toBe(1);
    });

    it('"Separate your requirements into three buckets": unbucketed and unassessed requirements are missing', () => {
      const evaluation = anEvaluation();
      const outcome = evaluate({
        ...evaluation,
        requirements: [
          ...evaluation.requirements,
          { id: 'x1', title: 'Unsorted' },
          requirement('s6', 'should'),
        ],
      });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toEqual([
        'requirements[6].bucket',
        'candidates[0].coverage.s6',
      ]);
      expect(outcome.path[outcome.path.length - 1].answer).toBe('not assessed');
    });

    it('needs the requirements', () => {
      const outcome = evaluate({ ...anEvaluation(), requirements: undefined });
      expect(outcome.missing).toEqual(['requirements']);
    });

    it('reads coverage as own keys only, so a requirement called "constructor" is unassessed, not met', () => {
      const evaluation = anEvaluation({
        requirements: [requirement('constructor', 'must')],
        candidates: [{ ...candidate('acme'), coverage: {} }],
      });
      expect(evaluate(evaluation).missing).toEqual([
        'candidates[0].coverage.constructor',
      ]);
    });

    it('"Must-haves: The product fails for your use case without these": warns when there is none', () => {
      const outcome = evaluate(
        anEvaluation({ requirements: [requirement('s1', 'should')] }),
      );
      expect(outcome.verdict.kind).toBe('buy');
      expect(codes(outcome)).toEqual(['no-must-haves']);
    });
  });

  describe('Node 4: Are the gaps in core or edge cases?', () => {
    it('"Edge cases affect unusual scenarios": edge gaps do not block a buy', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { s1: 'partial' })],
          gaps: [gap('acme', 's1', 'edge')],
        }),
      );
      expect(outcome.verdict).toMatchObject({
        kind: 'buy',
        candidateId: 'acme',
      });
      expect(outcome.path[4].answer).toBe(
        'Vendor acme: edge gaps only (Requirement s1)',
      );
    });

    it('"If the gap is narrow — one missing filter type, one unsupported metric — a wrapper layer is usually viable"', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { s1: 'partial', s2: 'missing' })],
          gaps: [
            gap('acme', 's1', 'core', 'narrow'),
            gap('acme', 's2', 'edge'),
          ],
          coreDifferentiator: {
            answer: 'no',
            competitorTest: 'No',
            rationale: 'Plumbing',
          },
        }),
        { coverageThreshold: 0.7 },
      );
      expect(outcome.verdict).toEqual({
        kind: 'buy-with-wrapper',
        candidateId: 'acme',
        candidateName: 'Vendor acme',
        gaps: ['s1'],
      });
    });

    it('"If the gap is broad — missing an entire category of functionality — you are building half the product anyway, so build the whole thing or find another vendor"', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [candidate('acme'), candidate('zeta', { s1: 'partial' })],
          gaps: [gap('acme', 's1', 'core', 'broad')],
        }),
      );
      // acme has no gap and ranks first.
      expect(outcome.verdict).toMatchObject({ candidateId: 'acme' });

      const broad = evaluate(
        anEvaluation({
          candidates: [
            candidate('acme', { s1: 'partial' }),
            candidate('zeta', { s1: 'missing' }),
          ],
          gaps: [
            gap('acme', 's1', 'core', 'broad'),
            gap('zeta', 's1', 'core', 'narrow'),
          ],
        }),
      );
      // Both have a core gap; acme covers more and is judged first: out.
      expect(broad.verdict).toMatchObject({
        kind: 'buy-with-wrapper',
        candidateId: 'zeta',
      });
      expect(broad.figures.candidates.map(({ standing }) => standing)).toEqual([
        'broad-core-gap',
        'chosen',
      ]);
    });

    it('"If gaps are in edge cases, buy": a candidate that needs no wrapper ranks before one that does, even with less should-have coverage', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [
            // acme covers every should-have but one needs a wrapper...
            candidate('acme', { s1: 'partial' }),
            // ...zeta misses one the workload does not hinge on: an edge gap.
            candidate('zeta', { s2: 'missing' }),
          ],
          gaps: [
            gap('acme', 's1', 'core', 'narrow'),
            gap('zeta', 's2', 'edge'),
          ],
        }),
        { coverageThreshold: 0.5 },
      );
      expect(
        outcome.figures.candidates.map(({ coverage }) => coverage.ratio),
      ).toEqual([expect.any(Number), expect.any(Number)]);
      expect(outcome.figures.candidates[0].coverage.ratio).toBeGreaterThan(
        outcome.figures.candidates[1].coverage.ratio,
      );
      expect(outcome.verdict).toMatchObject({
        kind: 'buy',
        candidateId: 'zeta',
      });
      expect(
        outcome.figures.candidates.map(({ standing }) => standing),
      ).toEqual(['runner-up', 'chosen']);
    });

    it('"build the whole thing or find another vendor": when every candidate has a broad core gap, Node 5 decides', () => {
      const evaluation = anEvaluation({
        candidates: [candidate('acme', { s1: 'missing', s2: 'partial' })],
        gaps: [gap('acme', 's1', 'core', 'broad')],
      });
      const build = evaluate(evaluation, { coverageThreshold: 0.5 });
      expect(build.verdict).toEqual({ kind: 'build' });
      expect(nodes(build).slice(-2)).toEqual([
        'gap-classification',
        'maintenance',
      ]);
      const another = evaluate(
        {
          ...evaluation,
          maintenance: { canAllocateTwentyPercentPermanently: false },
        },
        { coverageThreshold: 0.5 },
      );
      expect(another.verdict).toEqual({ kind: 'no-qualifying-candidate' });
    });

    it('"When a product covers your main workflow but misses edge cases, classify each gap": unclassified gaps leave the evaluation incomplete', () => {
      const evaluation = anEvaluation();
      const outcome = evaluate(
        {
          ...evaluation,
          candidates: [
            candidate('acme', { s1: 'partial', s2: 'missing', s3: 'partial' }),
          ],
          gaps: [
            { candidateId: 'acme', requirementId: 's2' },
            { candidateId: 'acme', requirementId: 's3', scope: 'core' },
          ],
        },
        { coverageThreshold: 0.3 },
      );
      expect(outcome.verdict).toEqual({ kind: 'incomplete' });
      expect(outcome.missing).toEqual([
        'gaps[acme/s1]',
        'gaps[0].scope',
        'gaps[1].breadth',
      ]);
      expect(outcome.figures.candidates[0].standing).toBe('runner-up');
    });

    it('a broad core gap rules a candidate out even while its other gaps are unclassified', () => {
      const outcome = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { s1: 'partial', s2: 'partial' })],
          gaps: [gap('acme', 's2', 'core', 'broad')],
        }),
      );
      expect(outcome.verdict).toEqual({ kind: 'build' });
    });

    it('"Must-haves ... Non-negotiable": a partial must-have is a core gap whatever its classification', () => {
      const wrapper = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { m1: 'partial' })],
          gaps: [gap('acme', 'm1', 'core', 'narrow')],
        }),
      );
      expect(wrapper.verdict).toMatchObject({
        kind: 'buy-with-wrapper',
        gaps: ['m1'],
      });
      expect(wrapper.figures.candidates[0].coverage.mustMet).toBe(0);

      const edge = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { m1: 'partial' })],
          gaps: [gap('acme', 'm1', 'edge')],
        }),
      );
      expect(edge.verdict.kind).toBe('incomplete');
      expect(edge.missing).toEqual(['gaps[0].breadth']);
      expect(codes(edge)).toEqual(['must-have-gap-treated-as-core']);

      const broad = evaluate(
        anEvaluation({
          candidates: [candidate('acme', { m1: 'partial' })],
          gaps: [{ ...gap('acme', 'm1', 'edge'), breadth: 'broad' }],
        }),
      );
      expect(broad.verdict.kind).toBe('build');
    });

    describe('picks the best candidate first', () => {
      it('by should-have coverage', () => {
        const outcome = evaluate(
          anEvaluation({
            candidates: [
              candidate('acme', { s1: 'missing' }),
              candidate('zeta'),
            ],
            gaps: [gap('acme', 's1', 'edge')],
          }),
        );
        expect(outcome.verdict).toMatchObject({ candidateId: 'zeta' });
        expect(outcome.figures.candidates[0].standing).toBe('runner-up');
      });

      it('then by fewer core gaps', () => {
        const outcome = evaluate(
          anEvaluation({
            candidates: [
              candidate('acme', { s1: 'partial' }),
              candidate('zeta', { s2: 'partial' }),
            ],
            gaps: [
              gap('acme', 's1', 'core', 'narrow'),
              gap('zeta', 's2', 'edge'),
            ],
          }),
        );
        expect(outcome.verdict).toMatchObject({
          kind: 'buy',
          candidateId: 'zeta',
        });
      });

      it('then by name, then by id, whatever the input order', () => {
        const named = (id: string, name: string) => candidate(id, {}, { name });
        const byName = evaluate(
          anEvaluation({
            candidates: [named('a', 'Zulu'), named('b', 'Alpha')],
          }),
        );
        expect(byName.verdict).toMatchObject({ candidateId: 'b' });
        const byId = evaluate(
          anEvaluation({
            candidates: [named('b', 'Same'), named('a', 'Same')],
          }),
        );
        expect(byId.verdict).toMatchObject({ candidateId: 'a' });
      });
    });
  });

  describe('Node 5: Can you maintain it long-term?', () => {
    it('"can your team allocate 20% of one engineer’s time permanently to this system?" Yes: build', () => {
      const outcome = evaluate(aBuildEvaluation());
      expect(outcome.verdict).toEqual({ kind: 'build' });
      expect(outcome.path[outcome.path.length - 1]).toMatchObject({
        node: 'maintenance',
        answer: 'yes',
      });
      expect(outcome.figures.maintenanceShare).toBe(0.2);
    });

    it('"If the answer is no, you cannot afford to build it, regardless of whether you have the skills"', () => {
      const outcome = evaluate(
        aBuildEvaluation({
          maintenance: { canAllocateTwentyPercentPermanently: false },
        }),
      );
      expect(outcome.verdict).toEqual({ kind: 'no-qualifying-candidate' });
      expect(outcome.warnings[1]).toMatchObject({
        code: 'cannot-afford-to-build',
        node: 'maintenance',
      });
    });

    it('needs the answer on the build path', () => {
      const outcome = evaluate({ ...aBuildEvaluation(), maintenance: {} });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.missing).toEqual([
        'maintenance.canAllocateTwentyPercentPermanently',
      ]);
    });

    it('"For small teams (fewer than ten engineers total), the answer is almost always no for anything beyond a thin integration layer"', () => {
      const team = (engineers: number) =>
        aBuildEvaluation({
          prerequisites: {
            ...anEvaluation().prerequisites,
            teamCapacity: {
              engineers,
              productionSystemsMaintained: 1,
              availableCapacity: 'Some',
            },
          },
        });
      expect(codes(evaluate(team(9)))).toContain('small-team-cannot-maintain');
      expect(codes(evaluate(team(10)))).not.toContain(
        'small-team-cannot-maintain',
      );
    });

    it.each([
      [
        'infrastructure with no qualifying candidate',
        'no',
        'look for another vendor before building, or keep the build to a thin integration layer',
      ],
      [
        'the differentiator',
        'yes',
        'build the differentiator itself and buy the infrastructure around it',
      ],
    ] as const)(
      'gives the small-team advice that fits the path: %s',
      (_, answer, advice) => {
        const outcome = evaluate(
          aBuildEvaluation({
            coreDifferentiator: {
              answer,
              competitorTest: 'Test',
              rationale: 'Why',
            },
            prerequisites: {
              ...anEvaluation().prerequisites,
              teamCapacity: {
                engineers: 4,
                productionSystemsMaintained: 1,
                availableCapacity: 'Some',
              },
            },
          }),
        );
        const warning = outcome.warnings.find(
          ({ code }) => code === 'small-team-cannot-maintain',
        );
        expect(warning?.message).toContain(advice);
        expect(warning?.message).toContain('Your team has 4 engineers');
        expect(warning?.message).not.toContain('Buy the infrastructure.');
      },
    );

    it('"Every system you build becomes a system you maintain": a build without an owner group warns', () => {
      const outcome = evaluate(
        aBuildEvaluation({
          maintenance: { canAllocateTwentyPercentPermanently: true },
        }),
      );
      expect(codes(outcome)).toEqual([
        'no-mature-option',
        'build-without-owner',
        'build-without-maintenance-plan',
      ]);
    });
  });

  describe('common failure modes', () => {
    const buyWith = (failureModes: Evaluation['failureModes']) =>
      evaluate(anEvaluation({ failureModes }));
    const buildWith = (failureModes: Evaluation['failureModes']) =>
      evaluate(aBuildEvaluation({ failureModes }));
    const complete = anEvaluation().failureModes;

    it('"Buying without a migration plan ... you do not have a vendor relationship. You have a dependency."', () => {
      const outcome = buyWith({ ...complete, migrationPlan: undefined });
      expect(outcome.warnings).toEqual([
        expect.objectContaining({
          code: 'buy-without-migration-plan',
          candidateId: 'acme',
          message: expect.stringContaining('You have a dependency.'),
        }),
      ]);
      expect(
        codes(
          buyWith({
            ...complete,
            migrationPlan: { dataExtraction: 'Export', alternative: ' ' },
          }),
        ),
      ).toEqual(['buy-without-migration-plan']);
      expect(
        codes(buildWith({ ...complete, migrationPlan: undefined })),
      ).not.toContain('buy-without-migration-plan');
    });

    it('"Underestimating integration cost. Budget integration time separately from evaluation time."', () => {
      expect(
        codes(buyWith({ ...complete, integrationCostWeeks: undefined })),
      ).toEqual(['integration-cost-not-budgeted']);
      const estimated = evaluate(
        anEvaluation({
          failureModes: { ...complete, integrationCostWeeks: undefined },
          candidates: [candidate('acme', {}, { integrationWeeks: 5 })],
        }),
      );
      expect(codes(estimated)).toEqual([]);
      expect(estimated.figures.integrationCostWeeks).toBe(5);
    });

    it('"Ignoring the team’s learning curve. Budget one to two weeks of ramp-up time per engineer who will operate it."', () => {
      const unestimated = buyWith({
        ...complete,
        engineersOperating: undefined,
      });
      expect(codes(unestimated)).toEqual(['learning-curve-not-estimated']);
      expect(unestimated.figures.learningCurveWeeks).toBeUndefined();
      expect(
        buyWith({
          ...complete,
          engineersOperating: 4,
          learningCurveWeeksPerEngineer: 2,
        }).figures.learningCurveWeeks,
      ).toBe(8);
      expect(
        buyWith({ ...complete, engineersOperating: 4 }).figures
          .learningCurveWeeks,
      ).toBe(6);
    });

    it.each([
      [0.5, [/0\.5 weeks .* quicker to learn/]],
      [0, [/0 weeks .* quicker to learn/]],
      [1, []],
      [2, []],
      [6, [/6 weeks .* slower to learn/]],
    ])(
      '"Budget one to two weeks of ramp-up time per engineer": %p weeks per engineer is a budget, not a limit',
      (weeks, messages) => {
        const outcome = buyWith({
          ...complete,
          engineersOperating: 3,
          learningCurveWeeksPerEngineer: weeks,
        });
        expect(outcome.warnings).toEqual(
          messages.map(message => ({
            code: 'learning-curve-outside-budget',
            message: expect.stringMatching(message),
          })),
        );
        expect(outcome.figures.learningCurveWeeks).toBe(3 * weeks);
      },
    );

    it.each([
      ['unstable', true],
      ['shifting', false],
      ['stable', false],
    ] as const)(
      '"Buy for flexibility when requirements are unstable": a build on %s requirements',
      (requirementsStability, warns) => {
        expect(
          codes(buildWith({ ...complete, requirementsStability })).includes(
            'build-on-unstable-requirements',
          ),
        ).toBe(warns);
      },
    );

    it('"Building because buying is boring ... a terrible decision criterion"', () => {
      expect(
        codes(buildWith({ ...complete, buildingBecauseBuyingIsBoring: true })),
      ).toContain('building-because-buying-is-boring');
      expect(
        codes(buyWith({ ...complete, buildingBecauseBuyingIsBoring: true })),
      ).toEqual([]);
    });

    it('"A build decision based on today’s requirements that ignores the twelve-month roadmap often results in a system that needs to be rebuilt"', () => {
      expect(
        codes(buildWith({ ...complete, twelveMonthRoadmap: '' })),
      ).toContain('build-without-twelve-month-roadmap');
      expect(codes(buyWith({ ...complete, twelveMonthRoadmap: '' }))).toEqual(
        [],
      );
    });

    it('gives no verdict warnings while the evaluation is incomplete', () => {
      const outcome = evaluate({
        ...anEvaluation(),
        failureModes: undefined,
        candidates: [candidate('acme', { s1: 'partial' })],
      });
      expect(outcome.verdict.kind).toBe('incomplete');
      expect(outcome.warnings).toEqual([]);
    });
  });

  describe('decision criteria for adaptation', () => {
    const profile = (
      organisationProfile: Evaluation['organisationProfile'],
      overrides: Partial<Evaluation> = {},
    ) => anEvaluation({ organisationProfile, ...overrides });

    it('"Early-stage startups: Bias toward buying for everything except your core product": infrastructure built for lack of a candidate warns', () => {
      expect(
        codes(evaluate(profile('early-stage-startup', { candidates: [] }))),
      ).toContain('startup-building-infrastructure');
      expect(evaluate(profile('early-stage-startup')).verdict.kind).toBe('buy');
      const core = evaluate(
        profile('early-stage-startup', {
          candidates: [],
          coreDifferentiator: {
            answer: 'yes',
            competitorTest: 'Yes',
            rationale: 'Core product',
          },
        }),
      );
      expect(core.verdict.kind).toBe('build');
      expect(codes(core)).not.toContain('startup-building-infrastructure');
    });

    it('"Large enterprises: ... an internally-built system that lost its maintainer": a build warns', () => {
      const build = evaluate(profile('large-enterprise', { candidates: [] }));
      expect(codes(build)).toContain('enterprise-build-may-lose-maintainer');
      expect(codes(evaluate(profile('large-enterprise')))).toEqual([]);
    });

    it('"Regulated industries: ... have a build fallback if the vendor review stalls": advice on the decision, not a gate', () => {
      const outcome = evaluate(
        profile('regulated', {
          regulated: {
            procurementStarted: true,
            vendorSecurityReviewMonths: 4,
          },
        }),
      );
      expect(outcome.verdict.kind).toBe('buy');
      expect(outcome.missing).toEqual([]);
      expect(outcome.warnings).toEqual([
        {
          code: 'regulated-without-build-fallback',
          message:
            'Start the procurement process early, and have a build fallback if the vendor review stalls. Write down what you would build if the review stalls (expected to take 4 months).',
        },
      ]);
      expect(
        codes(
          evaluate(
            profile('regulated', {
              regulated: { buildFallback: ' ', procurementStarted: true },
            }),
          ),
        ),
      ).toEqual(['regulated-without-build-fallback']);
      expect(
        codes(evaluate(profile('regulated', { candidates: [] }))),
      ).not.toContain('regulated-without-build-fallback');
    });

    it('"Start the procurement process early"', () => {
      const notStarted = evaluate(
        profile('regulated', { regulated: { buildFallback: 'Build it' } }),
      );
      expect(notStarted.verdict.kind).toBe('buy');
      expect(notStarted.warnings).toEqual([
        {
          code: 'procurement-not-started',
          message:
            'Buying may require vendor security reviews that take months. Start the procurement process early. Say how long the vendor security review will take.',
        },
      ]);
      expect(
        evaluate(
          profile('regulated', {
            regulated: {
              buildFallback: 'Build it',
              vendorSecurityReviewMonths: 1,
            },
          }),
        ).warnings[0].message,
      ).toBe(
        'Buying may require vendor security reviews that take months. Start the procurement process early. The vendor security review is expected to take 1 month.',
      );
      const started = evaluate(
        profile('regulated', {
          regulated: { buildFallback: 'Build it', procurementStarted: true },
        }),
      );
      expect(codes(started)).toEqual([]);
    });

    it('"This framework assumes a mid-size team": the profile defaults to mid-size', () => {
      const outcome = evaluate(
        anEvaluation({ organisationProfile: undefined, candidates: [] }),
      );
      expect(codes(outcome)).toEqual(['no-mature-option']);
    });
  });

  describe('next step', () => {
    it.each([
      [60, false],
      [61, true],
    ])(
      '"Do not let the discussion go longer than one hour": %i minutes',
      (sessionDurationMinutes, over) => {
        const outcome = evaluate(anEvaluation({ sessionDurationMinutes }));
        expect(outcome.figures.sessionOverTimebox).toBe(over);
        expect(codes(outcome).includes('session-over-timebox')).toBe(over);
      },
    );

    it('"a documented, structured answer that the team can revisit": a passed revisit date warns, and a missing one defaults to six months on', () => {
      const passed = evaluate(anEvaluation({ revisitBy: '2026-02-28' }), {
        now: NOW,
      });
      expect(codes(passed)).toEqual(['revisit-date-passed']);
      expect(
        codes(
          evaluate(anEvaluation({ revisitBy: '2026-03-01' }), { now: NOW }),
        ),
      ).toEqual([]);
      const computed = evaluate(anEvaluation({ revisitBy: undefined }), {
        now: NOW,
      });
      expect(computed.figures.revisitBy).toBe('2026-09-01');
      expect(
        evaluate(anEvaluation({ revisitBy: undefined })).figures.revisitBy,
      ).toBeUndefined();
    });
  });
});
