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

import fc from 'fast-check';
import { anEvaluation } from './__fixtures__/evaluations';
import { measureCoverage } from './coverage';
import { evaluate } from './evaluate';
import { decisionTreeEdge, pathThroughTree } from './tree';
import {
  Evaluation,
  evaluationDraftSchema,
  evaluationSchema,
  GapClassification,
  Requirement,
  VendorCandidate,
} from './schema';

const level = fc.constantFrom('met', 'partial', 'missing') as fc.Arbitrary<
  'met' | 'partial' | 'missing'
>;

const requirementsArbitrary: fc.Arbitrary<Requirement[]> = fc
  .array(
    fc.record({
      bucket: fc.constantFrom('must', 'should', 'nice') as fc.Arbitrary<
        Requirement['bucket']
      >,
      neededByWorkload: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map(rows =>
    rows.map(({ bucket, neededByWorkload }, index) => ({
      id: `r${index}`,
      title: `Requirement ${index}`,
      bucket,
      ...(neededByWorkload === undefined ? {} : { neededByWorkload }),
    })),
  );

/*
 * Complete evaluations across every branch: random answers at each node,
 * random maturity and coverage, and a random classification (or none) for
 * every possible gap.
 */
const evaluationArbitrary: fc.Arbitrary<Evaluation> =
  requirementsArbitrary.chain(requirements =>
    fc
      .record({
        differentiator: fc.constantFrom('yes', 'no') as fc.Arbitrary<
          'yes' | 'no'
        >,
        candidates: fc.array(
          fc.record({
            maturity: fc.record({
              inProductionTwoYears: fc.boolean(),
              customersAtYourScale: fc.boolean(),
              publicSla: fc.boolean(),
              failureModeTrackRecord: fc.boolean(),
              referencesChecked: fc.boolean(),
            }),
            mostlyMature: fc.boolean(),
            levels: fc.array(level, {
              minLength: requirements.length,
              maxLength: requirements.length,
            }),
            classifications: fc.array(
              fc.option(
                fc.record({
                  scope: fc.constantFrom('core', 'edge') as fc.Arbitrary<
                    'core' | 'edge'
                  >,
                  breadth: fc.constantFrom('narrow', 'broad') as fc.Arbitrary<
                    'narrow' | 'broad'
                  >,
                }),
                { freq: 6, nil: undefined },
              ),
              {
                minLength: requirements.length,
                maxLength: requirements.length,
              },
            ),
            integrationWeeks: fc.option(fc.integer({ min: 0, max: 20 }), {
              nil: undefined,
            }),
          }),
          { maxLength: 4 },
        ),
        canMaintain: fc.boolean(),
        owner: fc.boolean(),
        engineers: fc.integer({ min: 1, max: 60 }),
        profile: fc.constantFrom(
          'early-stage-startup',
          'mid-size',
          'large-enterprise',
          'regulated',
        ) as fc.Arbitrary<Evaluation['organisationProfile']>,
        fallback: fc.boolean(),
        migrationPlan: fc.boolean(),
        stability: fc.constantFrom(
          'stable',
          'shifting',
          'unstable',
        ) as fc.Arbitrary<'stable' | 'shifting' | 'unstable'>,
        boring: fc.boolean(),
      })
      .map(answers => {
        const base = anEvaluation();
        const candidates: VendorCandidate[] = answers.candidates.map(
          (row, index) => ({
            id: `c${index}`,
            name: `Candidate ${index % 2}`,
            maturity: row.mostlyMature
              ? {
                  inProductionTwoYears: true,
                  customersAtYourScale: true,
                  publicSla: true,
                  failureModeTrackRecord: true,
                  referencesChecked: true,
                }
              : row.maturity,
            coverage: Object.fromEntries(
              requirements.map(({ id }, position) => [
                id,
                row.levels[position],
              ]),
            ),
            ...(row.integrationWeeks === undefined
              ? {}
              : { integrationWeeks: row.integrationWeeks }),
          }),
        );
        const gaps: GapClassification[] = [];
        answers.candidates.forEach((row, index) =>
          requirements.forEach(({ id }, position) => {
            const classification = row.classifications[position];
            if (classification && row.levels[position] !== 'met') {
              gaps.push({
                candidateId: `c${index}`,
                requirementId: id,
                ...classification,
              });
            }
          }),
        );
        return {
          ...base,
          prerequisites: {
            ...base.prerequisites,
            teamCapacity: {
              ...base.prerequisites.teamCapacity,
              engineers: answers.engineers,
            },
          },
          coreDifferentiator: {
            ...base.coreDifferentiator,
            answer: answers.differentiator,
          },
          candidates,
          requirements,
          gaps,
          maintenance: {
            canAllocateTwentyPercentPermanently: answers.canMaintain,
            ...(answers.owner
              ? { ownerGroupRef: 'group:default/platform' }
              : {}),
          },
          failureModes: {
            ...base.failureModes,
            migrationPlan: answers.migrationPlan
              ? base.failureModes.migrationPlan
              : undefined,
            requirementsStability: answers.stability,
            buildingBecauseBuyingIsBoring: answers.boring,
          },
          organisationProfile: answers.profile,
          regulated: answers.fallback ? { buildFallback: 'Build it' } : {},
        };
      }),
  );

const RUNS = { numRuns: 300 };

describe('evaluate properties', () => {
  it('generates evaluations that reach every verdict', () => {
    const kinds = new Set<string>();
    fc.sample(evaluationArbitrary, { numRuns: 500, seed: 42 }).forEach(
      evaluation => kinds.add(evaluate(evaluation).verdict.kind),
    );
    expect([...kinds].sort()).toEqual([
      'build',
      'buy',
      'buy-with-wrapper',
      'incomplete',
      'no-qualifying-candidate',
    ]);
  });

  it('walks only along the edges of the tree in tree.ts', () => {
    fc.assert(
      fc.property(evaluationArbitrary, evaluation => {
        const path = pathThroughTree(evaluate(evaluation));
        path.slice(1).forEach((to, index) => {
          expect([path[index], to, decisionTreeEdge(path[index], to)]).toEqual([
            path[index],
            to,
            expect.anything(),
          ]);
        });
      }),
      RUNS,
    );
  });

  it('generates evaluations that pass both schemas', () => {
    fc.assert(
      fc.property(evaluationArbitrary, evaluation => {
        expect(evaluationSchema.safeParse(evaluation).success).toBe(true);
        expect(evaluationDraftSchema.safeParse(evaluation).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('"If the product is missing a must-have, stop. Do not buy it.": a candidate missing a must-have is never bought', () => {
    expect(() =>
      fc.assert(
        fc.property(evaluationArbitrary, evaluation => {
          const { verdict } = evaluate(evaluation);
          const bought =
            verdict.kind === 'buy' || verdict.kind === 'buy-with-wrapper'
              ? evaluation.candidates.find(
                  ({ id }) => id === verdict.candidateId,
                )
              : undefined;
          return evaluation.requirements.every(
            requirement =>
              requirement.bucket !== 'must' ||
              requirement.neededByWorkload === false ||
              bought?.coverage[requirement.id] !== 'missing',
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('"Nice-to-haves: Do not factor these into the decision": adding nice-to-haves never changes the verdict', () => {
    fc.assert(
      fc.property(
        evaluationArbitrary,
        fc.array(fc.option(level, { nil: undefined }), {
          minLength: 1,
          maxLength: 3,
        }),
        (evaluation, levels) => {
          const nice: Requirement[] = levels.map((_, index) => ({
            id: `nice${index}`,
            title: `Nice ${index}`,
            bucket: 'nice',
          }));
          const withNice: Evaluation = {
            ...evaluation,
            requirements: [...evaluation.requirements, ...nice],
            candidates: evaluation.candidates.map(candidate => {
              const coverage = { ...candidate.coverage };
              levels.forEach((niceLevel, index) => {
                if (niceLevel) {
                  coverage[`nice${index}`] = niceLevel;
                }
              });
              return { ...candidate, coverage };
            }),
          };
          expect(evaluate(withNice).verdict).toEqual(
            evaluate(evaluation).verdict,
          );
        },
      ),
      RUNS,
    );
  });

  it('"The question is whether it meets the 80% that matters": adding a met requirement never lowers coverage', () => {
    fc.assert(
      fc.property(
        requirementsArbitrary,
        fc.array(level, { minLength: 8, maxLength: 8 }),
        fc.constantFrom('must', 'should', 'nice') as fc.Arbitrary<
          Requirement['bucket']
        >,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (requirements, levels, bucket, partialCredit) => {
          const coverage = Object.fromEntries(
            requirements.map(({ id }, index) => [id, levels[index]]),
          );
          const before = measureCoverage({ coverage }, requirements, {
            partialCredit,
          });
          const after = measureCoverage(
            { coverage: { ...coverage, added: 'met' } },
            [...requirements, { id: 'added', title: 'Added', bucket }],
            { partialCredit },
          );
          expect(after.ratio).toBeGreaterThanOrEqual(before.ratio - 1e-12);
          expect(after.mustMet).toBeGreaterThanOrEqual(before.mustMet);
          expect(after.mustMissing).toBe(before.mustMissing);
        },
      ),
      RUNS,
    );
  });

  it('"a documented, structured answer": the same input gives the same outcome', () => {
    fc.assert(
      fc.property(evaluationArbitrary, evaluation => {
        const copy = structuredClone(evaluation);
        const first = evaluate(evaluation);
        expect(evaluate(copy)).toEqual(first);
        expect(evaluate(evaluation)).toEqual(first);
        expect(copy).toEqual(evaluation);
      }),
      RUNS,
    );
  });

  it('"Every system you build becomes a system you maintain": every build verdict has a maintenance owner or a warning', () => {
    expect(() =>
      fc.assert(
        fc.property(evaluationArbitrary, evaluation => {
          const outcome = evaluate(evaluation);
          return (
            outcome.verdict.kind !== 'build' ||
            (evaluation.maintenance.canAllocateTwentyPercentPermanently &&
              (evaluation.maintenance.ownerGroupRef !== undefined ||
                outcome.warnings.some(
                  ({ code }) => code === 'build-without-owner',
                )))
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('"Early-stage startups: Bias toward buying for everything except your core product": infrastructure is never built while a candidate qualifies', () => {
    const ruledOut = [
      'not-mature',
      'missing-must-have',
      'below-threshold',
      'broad-core-gap',
    ];
    expect(() =>
      fc.assert(
        fc.property(evaluationArbitrary, evaluation => {
          const outcome = evaluate({
            ...evaluation,
            organisationProfile: 'early-stage-startup',
            coreDifferentiator: {
              ...evaluation.coreDifferentiator,
              answer: 'no',
            },
          });
          return (
            outcome.verdict.kind !== 'build' ||
            (outcome.figures.candidates.every(({ standing }) =>
              ruledOut.includes(standing),
            ) &&
              outcome.warnings.some(
                ({ code }) => code === 'startup-building-infrastructure',
              ))
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('names what is missing exactly when the verdict is incomplete', () => {
    fc.assert(
      fc.property(evaluationArbitrary, evaluation => {
        const outcome = evaluate(evaluation);
        expect(outcome.verdict.kind === 'incomplete').toBe(
          outcome.missing.length > 0,
        );
      }),
      RUNS,
    );
  });

  // Corruptions write through a loose view of the evaluation on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = any;
  const corruptions: Array<
    [string, (evaluation: Loose) => void, PropertyKey[]]
  > = [
    [
      'an unknown field',
      e => (e.prerequisites.teamCapacity.headcount = 3),
      ['prerequisites', 'teamCapacity'],
    ],
    [
      'zero engineers',
      e => (e.prerequisites.teamCapacity.engineers = 0),
      ['prerequisites', 'teamCapacity', 'engineers'],
    ],
    [
      'a fractional engineer',
      e => (e.prerequisites.teamCapacity.engineers = 1.5),
      ['prerequisites', 'teamCapacity', 'engineers'],
    ],
    [
      'an unknown bucket',
      e => (e.requirements[0].bucket = 'could'),
      ['requirements', 0, 'bucket'],
    ],
    [
      'a long name',
      e => (e.candidates[0].name = 'x'.repeat(201)),
      ['candidates', 0, 'name'],
    ],
    [
      'a long rationale',
      e => (e.coreDifferentiator.rationale = 'x'.repeat(4001)),
      ['coreDifferentiator', 'rationale'],
    ],
    [
      'an impossible revisit date',
      e => (e.revisitBy = '2026-02-30'),
      ['revisitBy'],
    ],
    [
      'a malformed entity ref',
      e => (e.entityRef = 'vector store'),
      ['entityRef'],
    ],
    [
      'a user as maintenance owner',
      e => (e.maintenance.ownerGroupRef = 'user:default/ada'),
      ['maintenance', 'ownerGroupRef'],
    ],
    [
      'an unknown coverage level',
      e => (e.candidates[0].coverage.m1 = 'mostly'),
      ['candidates', 0, 'coverage', 'm1'],
    ],
    [
      'a gap of an unknown candidate',
      e =>
        e.gaps.push({
          candidateId: 'nope',
          requirementId: 'm1',
          scope: 'edge',
        }),
      ['gaps', 0, 'candidateId'],
    ],
  ];

  it('rejects invalid input with a path to the field, in both schemas', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corruptions),
        fc.constantFrom(evaluationSchema, evaluationDraftSchema),
        ([, corrupt, path], schema) => {
          const evaluation = structuredClone(anEvaluation());
          corrupt(evaluation);
          const result = schema.safeParse(evaluation);
          expect(result.success).toBe(false);
          expect(result.error?.issues.map(issue => issue.path)).toContainEqual(
            path,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
