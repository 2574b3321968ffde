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

import { aBuildEvaluation, anEvaluation } from './__fixtures__/evaluations';
import { evaluate, type Verdict } from './evaluate';
import {
  candidateNameKey,
  chosenCandidate,
  decisionFacts,
  hasMaintenanceOwner,
  hasMigrationPlan,
  integrationWeeksOf,
  isBuyVerdict,
  lacksBuildFallback,
  MIGRATION_PLAN_LABELS,
  migrationPlanStanding,
  organisationProfileOf,
} from './facts';
import { reviewStatusOf, reviewWindow } from './review';

const BUY: Verdict = {
  kind: 'buy',
  candidateId: 'acme',
  candidateName: 'Vendor acme',
  reason: 'Covers the requirements.',
} as Verdict;
const BUILD = { kind: 'build', reason: 'A differentiator.' } as Verdict;

describe('hasMigrationPlan', () => {
  it.each([
    ['both answers', 'Nightly export', 'Open-source database', true],
    ['no alternative', 'Nightly export', undefined, false],
    ['no data extraction', undefined, 'Open-source database', false],
    ['a blank alternative', 'Nightly export', '   ', false],
    ['a blank data extraction', ' \t', 'Open-source database', false],
  ])(
    '"how would you extract your data" and the alternative: %s is %s',
    (_case, dataExtraction, alternative, expected) => {
      const evaluation = anEvaluation({
        failureModes: { migrationPlan: { dataExtraction, alternative } },
      } as never);
      expect(hasMigrationPlan(evaluation)).toBe(expected);
    },
  );

  it('is false without failure modes', () => {
    expect(hasMigrationPlan(anEvaluation({ failureModes: undefined }))).toBe(
      false,
    );
  });
});

describe('migrationPlanStanding', () => {
  it.each([
    ['buy', true, 'written', 'Yes'],
    ['buy', false, 'missing', 'No migration plan'],
    ['buy-with-wrapper', false, 'missing', 'No migration plan'],
    ['build', false, 'not-needed', 'Not needed for a build'],
    ['no-qualifying-candidate', false, 'not-needed', 'Not needed for a build'],
    ['build', true, 'written', 'Yes'],
    ['incomplete', false, 'not-yet', 'Not written yet'],
  ] as const)(
    'a decision to %s with a plan %s stands as %s ("%s")',
    (kind, hasPlan, standing, label) => {
      expect(migrationPlanStanding(kind, hasPlan)).toBe(standing);
      expect(MIGRATION_PLAN_LABELS[migrationPlanStanding(kind, hasPlan)]).toBe(
        label,
      );
    },
  );

  it('is missing exactly when the facts flag a buy without a migration plan', () => {
    for (const verdict of [BUY, BUILD]) {
      for (const failureModes of [
        undefined,
        {
          migrationPlan: { dataExtraction: 'Export', alternative: 'Self-host' },
        },
      ]) {
        const evaluation = anEvaluation({ failureModes } as never);
        const facts = decisionFacts(evaluation, verdict);
        expect(
          migrationPlanStanding(verdict, facts.hasMigrationPlan) === 'missing',
        ).toBe(facts.buyWithoutMigrationPlan);
      }
    }
  });
});

describe('hasMaintenanceOwner', () => {
  it('is true when a group is named and false otherwise', () => {
    expect(hasMaintenanceOwner(anEvaluation())).toBe(true);
    expect(
      hasMaintenanceOwner(
        anEvaluation({
          maintenance: { canAllocateTwentyPercentPermanently: true },
        }),
      ),
    ).toBe(false);
    expect(hasMaintenanceOwner({ entityRef: 'component:default/x' })).toBe(
      false,
    );
  });
});

describe('chosenCandidate and isBuyVerdict', () => {
  it('names the candidate of a buy and nothing for a build', () => {
    const evaluation = anEvaluation();
    expect(isBuyVerdict(BUY)).toBe(true);
    expect(isBuyVerdict('buy-with-wrapper')).toBe(true);
    expect(isBuyVerdict(BUILD)).toBe(false);
    expect(isBuyVerdict('no-qualifying-candidate')).toBe(false);
    expect(chosenCandidate(evaluation, BUY)?.id).toBe('acme');
    expect(chosenCandidate(evaluation, BUILD)).toBeUndefined();
  });

  it('agrees with the engine on the candidate it chose', () => {
    const evaluation = anEvaluation();
    const { verdict } = evaluate(evaluation);
    expect(verdict.kind).toBe('buy');
    expect(chosenCandidate(evaluation, verdict)?.name).toBe(
      isBuyVerdict(verdict) ? verdict.candidateName : undefined,
    );
  });
});

describe('organisationProfileOf', () => {
  it('judges a decision for the profile the team answered, a mid-size organisation without one', () => {
    expect(organisationProfileOf({ organisationProfile: 'regulated' })).toBe(
      'regulated',
    );
    expect(organisationProfileOf({})).toBe('mid-size');
  });
});

describe('candidateNameKey', () => {
  it('compares names without case or white space', () => {
    expect(candidateNameKey(' Vector  Cloud\tEU ')).toBe('vectorcloudeu');
    expect(candidateNameKey('VECTORCLOUD')).toBe(
      candidateNameKey('vector cloud'),
    );
    expect(candidateNameKey('Ｖｅｃｔｏｒ')).toBe('vector');
  });

  it('lists each candidate of a decision once, blank names left out', () => {
    const evaluation = anEvaluation();
    const facts = decisionFacts(
      {
        ...evaluation,
        candidates: [
          { id: 'a', name: 'Vector Cloud' },
          { id: 'b', name: 'vectorcloud' },
          { id: 'c', name: '   ' },
          { id: 'd', name: 'Pine Cone' },
        ],
      },
      BUILD,
    );
    expect(facts.candidateNameKeys).toEqual(['vectorcloud', 'pinecone']);
  });
});

describe('integrationWeeksOf', () => {
  const withEstimates = (costWeeks?: number, candidateWeeks?: number) =>
    anEvaluation({
      failureModes: { integrationCostWeeks: costWeeks },
      candidates: [
        { id: 'acme', name: 'Vendor acme', integrationWeeks: candidateWeeks },
      ],
    } as never);

  it.each([
    ['the integration cost', 3, 5, 3],
    ["the chosen product's estimate without it", undefined, 5, 5],
    ['nothing when neither was answered', undefined, undefined, undefined],
  ])('a buy commits %s', (_case, costWeeks, candidateWeeks, expected) => {
    expect(
      integrationWeeksOf(withEstimates(costWeeks, candidateWeeks), BUY),
    ).toBe(expected);
  });

  it('a build commits no integration of a product', () => {
    expect(integrationWeeksOf(withEstimates(3, 5), BUILD)).toBeUndefined();
    expect(decisionFacts(withEstimates(3, 5), BUILD).integrationWeeks).toBe(
      undefined,
    );
  });
});

describe('decisionFacts', () => {
  it('"you do not have a vendor relationship. You have a dependency.": a buy without a migration plan needs attention', () => {
    const evaluation = anEvaluation({ failureModes: undefined });
    expect(decisionFacts(evaluation, BUY)).toEqual({
      hasMigrationPlan: false,
      hasMaintenanceOwner: true,
      buyWithoutMigrationPlan: true,
      buildWithoutMaintenanceOwner: false,
      attention: ['buy-without-migration-plan'],
      chosenCandidateName: 'Vendor acme',
      integrationWeeks: undefined,
      decidedAgainstTree: false,
      regulatedWithoutBuildFallback: false,
      organisationProfile: evaluation.organisationProfile ?? 'mid-size',
      candidateNameKeys: ['vendoracme'],
    });
    // The same answers behind a build need no migration plan.
    expect(decisionFacts(evaluation, BUILD).attention).toEqual([]);
  });

  it('"every system you build becomes a system you maintain": a build without an owner needs attention', () => {
    const evaluation = aBuildEvaluation({
      maintenance: { canAllocateTwentyPercentPermanently: true },
    });
    expect(decisionFacts(evaluation, BUILD)).toMatchObject({
      buildWithoutMaintenanceOwner: true,
      attention: ['build-without-maintenance-owner'],
      chosenCandidateName: undefined,
    });
    expect(decisionFacts(evaluation, BUY).buildWithoutMaintenanceOwner).toBe(
      false,
    );
  });
});

describe('reviewWindow and reviewStatusOf', () => {
  const window = reviewWindow(new Date('2026-03-01T23:59:00Z'), 30);

  it('judges on the UTC day, the window end included', () => {
    expect(window).toEqual({ today: '2026-03-01', dueSoonBy: '2026-03-31' });
    expect(() => reviewWindow(new Date(), -1)).toThrow(RangeError);
  });

  it.each([
    ['2026-02-28', false, 'overdue'],
    ['2026-02-28', true, 'overdue'],
    ['2026-03-01', false, 'due-soon'],
    ['2026-03-31', false, 'due-soon'],
    ['2026-04-01', false, 'current'],
    ['2026-04-01', true, 'due-soon'],
  ] as const)(
    'revisit by %s, needing attention %s, is %s',
    (revisitBy, needsAttention, status) => {
      expect(reviewStatusOf({ revisitBy, needsAttention }, window)).toBe(
        status,
      );
    },
  );
});

describe('lacksBuildFallback', () => {
  // Regulated industries: "Start the procurement process early, and have a
  // build fallback if the vendor review stalls."
  it.each([
    ['a regulated buy without a fallback', 'regulated', BUY, undefined, true],
    ['a regulated buy with a blank fallback', 'regulated', BUY, '  ', true],
    ['a regulated buy with a fallback', 'regulated', BUY, 'pgvector', false],
    ['a regulated build', 'regulated', BUILD, undefined, false],
    ['a mid-size buy without a fallback', 'mid-size', BUY, undefined, false],
  ] as const)('%s: %p', (_, profile, verdict, buildFallback, lacks) => {
    const evaluation = {
      ...anEvaluation(),
      organisationProfile: profile,
      regulated: { buildFallback },
    };
    expect(lacksBuildFallback(evaluation, verdict)).toBe(lacks);
    expect(
      decisionFacts(evaluation, verdict).regulatedWithoutBuildFallback,
    ).toBe(lacks);
    // Advice, never a reason to revisit.
    expect(decisionFacts(evaluation, verdict).attention).not.toContain(
      'regulated-without-build-fallback',
    );
  });

  it('follows the engine: the warning comes exactly when the fact holds', () => {
    for (const buildFallback of [undefined, 'Build on pgvector']) {
      const evaluation = {
        ...anEvaluation(),
        organisationProfile: 'regulated' as const,
        regulated: { buildFallback, procurementStarted: true },
      };
      const outcome = evaluate(evaluation);
      expect(
        outcome.warnings.some(
          ({ code }) => code === 'regulated-without-build-fallback',
        ),
      ).toBe(lacksBuildFallback(evaluation, outcome.verdict));
    }
  });
});
