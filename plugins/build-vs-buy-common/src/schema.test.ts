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

import { anEvaluation, candidate, gap } from './__fixtures__/evaluations';
import { EVALUATION_LIMITS } from './limits';
import {
  entityRefSchema,
  evaluationDraftSchema,
  evaluationSchema,
  gapClassificationSchema,
} from './schema';

const pathsOf = (result: {
  error?: { issues: Array<{ path: PropertyKey[] }> };
}) => result.error?.issues.map(({ path }) => path.join('.'));

describe('evaluation schemas', () => {
  it('accept a complete evaluation in both variants', () => {
    expect(evaluationSchema.parse(anEvaluation())).toEqual(anEvaluation());
    expect(evaluationDraftSchema.parse(anEvaluation())).toEqual(anEvaluation());
  });

  it('let a draft be saved with nothing but the entity ref', () => {
    const draft = { entityRef: 'component:default/vector-store' };
    expect(evaluationDraftSchema.parse(draft)).toEqual(draft);
    expect(pathsOf(evaluationSchema.safeParse(draft))).toEqual([
      'question',
      'prerequisites',
      'coreDifferentiator',
      'candidates',
      'requirements',
      'gaps',
      'maintenance',
      'failureModes',
    ]);
    expect(pathsOf(evaluationDraftSchema.safeParse({}))).toEqual(['entityRef']);
  });

  it('let a draft hold half-answered sections and rows', () => {
    const draft = {
      entityRef: 'component:default/vector-store',
      prerequisites: { teamCapacity: { engineers: 5 } },
      coreDifferentiator: { answer: 'no' },
      candidates: [{ id: 'acme', name: 'Acme', maturity: { publicSla: true } }],
      requirements: [{ id: 'm1', title: 'Vector search' }],
      gaps: [{ candidateId: 'acme', requirementId: 'm1', scope: 'core' }],
      maintenance: {},
      failureModes: { migrationPlan: { dataExtraction: '' } },
    };
    expect(evaluationDraftSchema.safeParse(draft).success).toBe(true);
    expect(evaluationSchema.safeParse(draft).success).toBe(false);
  });

  it('normalise entity refs to lowercase and reject other shapes', () => {
    expect(entityRefSchema.parse(' Component:Default/Vector-Store ')).toBe(
      'component:default/vector-store',
    );
    for (const ref of [
      'vector-store',
      'component:vector-store',
      'component:default/',
      'component:default/a/b',
      `component:default/${'a'.repeat(250)}`,
    ]) {
      expect(entityRefSchema.safeParse(ref).success).toBe(false);
    }
  });

  it('reject fields they do not know, with the path of the object', () => {
    const result = evaluationSchema.safeParse({
      ...anEvaluation(),
      verdict: 'buy',
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'unrecognized_keys',
        keys: ['verdict'],
        path: [],
      }),
    ]);
  });

  it.each([
    [
      'candidates',
      { candidates: Array.from({ length: 21 }, (_, i) => candidate(`c${i}`)) },
      'candidates',
    ],
    [
      'requirements',
      {
        requirements: Array.from({ length: 301 }, (_, i) => ({
          id: `r${i}`,
          title: 'R',
          bucket: 'nice' as const,
        })),
      },
      'requirements',
    ],
    [
      'gaps',
      {
        gaps: Array.from({ length: 1001 }, () => gap('acme', 'm1', 'edge')),
      },
      'gaps',
    ],
    ['question length', { question: 'x'.repeat(4001) }, 'question'],
  ])('enforce the limit on %s', (_, overrides, path) => {
    expect(
      pathsOf(evaluationSchema.safeParse(anEvaluation(overrides))),
    ).toContain(path);
  });

  it('export the limits', () => {
    expect(EVALUATION_LIMITS).toMatchObject({
      nameLength: 200,
      longTextLength: 4000,
      candidates: 20,
      requirements: 300,
      gaps: 1000,
    });
  });

  it('check cross references: unique ids, known requirements and candidates, one classification per gap', () => {
    const evaluation = anEvaluation({
      candidates: [
        candidate('acme'),
        { ...candidate('acme'), coverage: { unknown: 'met' } },
      ],
      requirements: [
        ...anEvaluation().requirements,
        { id: 'm1', title: 'Again', bucket: 'must' },
      ],
      gaps: [
        gap('acme', 's1', 'edge'),
        gap('acme', 's1', 'edge'),
        gap('ghost', 'nothing', 'edge'),
      ],
    });
    expect(pathsOf(evaluationSchema.safeParse(evaluation))).toEqual([
      'requirements.6.id',
      'candidates.1.id',
      'candidates.1.coverage.unknown',
      'gaps.1',
      'gaps.2.candidateId',
      'gaps.2.requirementId',
    ]);
  });

  it('survive garbage in the cross references without throwing', () => {
    for (const garbage of [
      { candidates: 'many', requirements: 3, gaps: [null] },
      { candidates: [null, 4, { coverage: 'all' }], gaps: {} },
    ]) {
      const result = evaluationDraftSchema.safeParse({
        entityRef: 'component:default/x',
        ...garbage,
      });
      expect(result.success).toBe(false);
    }
  });

  it('require the breadth of a core gap in a complete evaluation only', () => {
    const core = { candidateId: 'acme', requirementId: 's1', scope: 'core' };
    expect(pathsOf(gapClassificationSchema.safeParse(core))).toEqual([
      'breadth',
    ]);
    expect(
      gapClassificationSchema.safeParse({ ...core, breadth: 'narrow' }).success,
    ).toBe(true);
    expect(
      gapClassificationSchema.safeParse({ ...core, scope: 'edge' }).success,
    ).toBe(true);
  });

  it.each([
    [{ learningCurveWeeksPerEngineer: -1 }],
    [{ learningCurveWeeksPerEngineer: 521 }],
    [{ integrationCostWeeks: -1 }],
    [{ engineersOperating: 1.5 }],
    [{ requirementsStability: 'chaotic' }],
  ])('check the failure-mode checklist: %p', failureModes => {
    expect(
      pathsOf(
        evaluationSchema.safeParse({
          ...anEvaluation(),
          failureModes: { ...anEvaluation().failureModes, ...failureModes },
        }),
      )?.[0],
    ).toMatch(/^failureModes\./);
  });

  it('take any ramp-up estimate: the article gives a budget, not a limit', () => {
    for (const learningCurveWeeksPerEngineer of [0, 0.5, 2.5, 12]) {
      expect(
        evaluationSchema.safeParse({
          ...anEvaluation(),
          failureModes: {
            ...anEvaluation().failureModes,
            learningCurveWeeksPerEngineer,
          },
        }).success,
      ).toBe(true);
    }
  });

  it('reject identifiers that could reach the object prototype', () => {
    expect(
      pathsOf(
        evaluationDraftSchema.safeParse({
          entityRef: 'component:default/x',
          requirements: [{ id: '__proto__', title: 'Sneaky' }],
        }),
      ),
    ).toEqual(['requirements.0.id']);
  });

  it('reject a negative session length and an unknown profile', () => {
    expect(
      pathsOf(
        evaluationDraftSchema.safeParse({
          entityRef: 'component:default/x',
          sessionDurationMinutes: -5,
          organisationProfile: 'unicorn',
        }),
      ),
    ).toEqual(['organisationProfile', 'sessionDurationMinutes']);
  });
});
