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
} from './__fixtures__/evaluations';
import { teamDecisionOf } from './decision';
import { evaluate, type Verdict } from './evaluate';
import { ecommerceVectorDatabase, ragHybridSearch } from './examples';
import { decisionFacts } from './facts';
import { verdictLabel } from './labels';
import { reviewStatus } from './review';
import {
  evaluationDraftSchema,
  evaluationSchema,
  type EvaluationDraft,
  type TeamDecisionDraft,
} from './schema';

/** The base evaluation with a second mature candidate the tree ranks lower. */
const twoVendors = anEvaluation({
  candidates: [candidate('acme'), candidate('zeta', { s1: 'missing' })],
});

function decide(teamDecision: TeamDecisionDraft | undefined) {
  const evaluation: EvaluationDraft = { ...twoVendors, teamDecision };
  const { verdict } = evaluate(evaluation);
  return { verdict, team: teamDecisionOf(evaluation, verdict) };
}

describe('teamDecisionOf', () => {
  it('the base evaluation is a buy of Vendor acme, with zeta as runner-up', () => {
    expect(verdictLabel(evaluate(twoVendors).verdict)).toBe('Buy Vendor acme');
  });

  it.each<
    [
      string,
      TeamDecisionDraft | undefined,
      { decision: string; against: boolean; missing: string[] },
    ]
  >([
    [
      'no option of its own follows the tree',
      undefined,
      { decision: 'Buy Vendor acme', against: false, missing: [] },
    ],
    [
      'the option the tree recommends is no decision against it',
      { kind: 'buy', candidateId: 'acme' },
      { decision: 'Buy Vendor acme', against: false, missing: [] },
    ],
    [
      'building instead records why',
      { kind: 'build' },
      {
        decision: 'Build in-house',
        against: true,
        missing: ['teamDecision.rationale'],
      },
    ],
    [
      'a blank reason is no reason',
      { kind: 'build', rationale: ' \n ' },
      {
        decision: 'Build in-house',
        against: true,
        missing: ['teamDecision.rationale'],
      },
    ],
    [
      'building with a reason is a complete decision',
      { kind: 'build', rationale: 'The ranking team owns the index format.' },
      { decision: 'Build in-house', against: true, missing: [] },
    ],
    [
      'another candidate is a decision against the tree',
      { kind: 'buy', candidateId: 'zeta' },
      {
        decision: 'Buy Vendor zeta',
        against: true,
        missing: ['teamDecision.rationale'],
      },
    ],
    [
      'a wrapper the tree does not ask for is a decision against it',
      { kind: 'buy-with-wrapper', candidateId: 'acme', rationale: 'Audit.' },
      {
        decision: 'Buy Vendor acme with a thin wrapper',
        against: true,
        missing: [],
      },
    ],
    [
      'a buy that names no candidate is no decision yet',
      { kind: 'buy' },
      {
        decision: 'Buy Vendor acme',
        against: false,
        missing: ['teamDecision.candidateId'],
      },
    ],
    [
      'a reason alone follows the tree',
      { rationale: 'We agree with the tree.' },
      { decision: 'Buy Vendor acme', against: false, missing: [] },
    ],
  ])(
    '"It is not a formula.": %s',
    (_case, teamDecision, { decision, against, missing }) => {
      const { verdict, team } = decide(teamDecision);
      expect(verdict.kind).toBe('buy');
      expect(team.recommendation).toBe(verdict);
      expect(verdictLabel(team.decision)).toBe(decision);
      expect(team.decidedAgainstTree).toBe(against);
      expect(team.missing).toEqual(missing);
      expect(team.recordedOwnOption).toBe(
        teamDecision?.kind !== undefined &&
          !missing.includes('teamDecision.candidateId'),
      );
    },
  );

  it('keeps the reason trimmed, and the tree as it is', () => {
    const { verdict, team } = decide({
      kind: 'build',
      rationale: '  We own the ranking.  ',
    });
    expect(team.rationale).toBe('We own the ranking.');
    expect(team.recommendation).toEqual(verdict);
    expect(decide(undefined).team.rationale).toBeUndefined();
  });

  it('the tree is not against anything before it has a verdict', () => {
    const draft: EvaluationDraft = {
      entityRef: 'component:default/vector-store',
      teamDecision: { kind: 'build' },
    };
    const { verdict } = evaluate(draft);
    expect(verdict.kind).toBe('incomplete');
    const team = teamDecisionOf(draft, verdict);
    expect(team.decision).toEqual({ kind: 'build' });
    expect(team.decidedAgainstTree).toBe(false);
    expect(team.missing).toEqual([]);
  });

  it('building when the tree says build is no decision against it', () => {
    const evaluation = aBuildEvaluation({ teamDecision: { kind: 'build' } });
    const { verdict } = evaluate(evaluation);
    expect(verdict.kind).toBe('build');
    expect(teamDecisionOf(evaluation, verdict)).toMatchObject({
      decision: { kind: 'build' },
      recordedOwnOption: true,
      decidedAgainstTree: false,
      missing: [],
    });
  });

  it('building when the tree finds no qualifying candidate goes against it', () => {
    const evaluation = aBuildEvaluation({
      maintenance: { canAllocateTwentyPercentPermanently: false },
      teamDecision: { kind: 'build', rationale: 'We will hire for it.' },
    });
    const { verdict } = evaluate(evaluation);
    expect(verdict.kind).toBe('no-qualifying-candidate');
    expect(teamDecisionOf(evaluation, verdict)).toMatchObject({
      decision: { kind: 'build' },
      decidedAgainstTree: true,
      missing: [],
    });
  });

  it("a wrapper names the gaps: the tree's for its candidate, else the narrow core gaps the team classified", () => {
    const { verdict } = evaluate(ragHybridSearch);
    expect(verdict).toMatchObject({
      kind: 'buy-with-wrapper',
      candidateId: 'hybridsearch',
      gaps: ['date-filter'],
    });
    const same = teamDecisionOf(
      {
        ...ragHybridSearch,
        teamDecision: { kind: 'buy-with-wrapper', candidateId: 'hybridsearch' },
      },
      verdict,
    );
    expect(same.decision).toEqual(verdict);
    expect(same.decidedAgainstTree).toBe(false);

    // PureVector's one core gap is broad: no thin wrapper fills it.
    const pure = teamDecisionOf(
      {
        ...ragHybridSearch,
        teamDecision: { kind: 'buy-with-wrapper', candidateId: 'purevector' },
      },
      verdict,
    );
    expect(pure.decision).toEqual({
      kind: 'buy-with-wrapper',
      candidateId: 'purevector',
      candidateName: 'PureVector',
      gaps: [],
    });
    expect(pure.decidedAgainstTree).toBe(true);

    // Judged against another verdict, the classification decides.
    const build: Verdict = { kind: 'build' };
    expect(
      teamDecisionOf(
        {
          ...ragHybridSearch,
          teamDecision: {
            kind: 'buy-with-wrapper',
            candidateId: 'hybridsearch',
          },
        },
        build,
      ).decision,
    ).toMatchObject({ gaps: ['date-filter'] });
  });

  it('never shows the id of a candidate it cannot find', () => {
    const evaluation: EvaluationDraft = {
      ...twoVendors,
      teamDecision: { kind: 'buy', candidateId: 'gone' },
    };
    const { verdict } = evaluate(twoVendors);
    const team = teamDecisionOf(evaluation, verdict);
    expect(verdictLabel(team.decision)).toBe('Buy an unlisted candidate');
    expect(team.decidedAgainstTree).toBe(true);
  });
});

describe('the facts of the decision the team made', () => {
  it('"every system you build becomes a system you maintain": a build against a buy verdict needs an owner', () => {
    const evaluation = anEvaluation({
      maintenance: { canAllocateTwentyPercentPermanently: true },
      teamDecision: { kind: 'build', rationale: 'We own the ranking.' },
    });
    const { verdict } = evaluate(evaluation);
    expect(verdict.kind).toBe('buy');
    expect(decisionFacts(evaluation, verdict)).toMatchObject({
      buildWithoutMaintenanceOwner: true,
      buyWithoutMigrationPlan: false,
      attention: ['build-without-maintenance-owner'],
      chosenCandidateName: undefined,
      decidedAgainstTree: true,
    });
  });

  it('"you do not have a vendor relationship. You have a dependency.": a buy against a build verdict needs a migration plan', () => {
    const evaluation = anEvaluation({
      coreDifferentiator: {
        answer: 'yes',
        competitorTest: 'Yes',
        rationale: 'Ranking is our edge.',
      },
      failureModes: undefined,
      teamDecision: {
        kind: 'buy',
        candidateId: 'acme',
        rationale: 'Nobody can maintain it.',
      },
    });
    const { verdict } = evaluate(evaluation);
    expect(verdict.kind).toBe('build');
    expect(decisionFacts(evaluation, verdict)).toMatchObject({
      buyWithoutMigrationPlan: true,
      buildWithoutMaintenanceOwner: false,
      chosenCandidateName: 'Vendor acme',
      decidedAgainstTree: true,
    });
    expect(
      reviewStatus(evaluation, new Date('2026-03-01'), { verdict }).reasons,
    ).toContainEqual({
      code: 'buy-without-migration-plan',
      message:
        'Buying Vendor acme without a migration plan: you do not have a vendor relationship. You have a dependency.',
    });
  });

  it('names no product it cannot find in the review', () => {
    const evaluation = anEvaluation({
      failureModes: undefined,
      teamDecision: { kind: 'buy', candidateId: 'gone', rationale: 'x' },
    });
    const { verdict } = evaluate(evaluation);
    const review = reviewStatus(evaluation, new Date('2026-03-01'), {
      verdict,
    });
    expect(review.reasons.map(({ message }) => message)).toContain(
      'Buying a product without a migration plan: you do not have a vendor relationship. You have a dependency.',
    );
  });
});

describe('the teamDecision answers', () => {
  const complete = (teamDecision: unknown) =>
    evaluationSchema.safeParse({ ...ecommerceVectorDatabase, teamDecision });
  const draft = (teamDecision: unknown) =>
    evaluationDraftSchema.safeParse({
      ...ecommerceVectorDatabase,
      teamDecision,
    });
  const issues = (
    result: ReturnType<typeof complete> | ReturnType<typeof draft>,
  ) =>
    result.success
      ? []
      : result.error.issues.map(({ path, message }) => [
          path.join('.'),
          message,
        ]);

  it('are optional, and a complete one names its option', () => {
    expect(complete(undefined).success).toBe(true);
    expect(complete({ kind: 'build', rationale: 'We own it.' }).success).toBe(
      true,
    );
    expect(complete({ kind: 'buy', candidateId: 'vectorcloud' }).success).toBe(
      true,
    );
    expect(issues(complete({ rationale: 'Why?' }))).toEqual([
      ['teamDecision.kind', expect.any(String)],
    ]);
    expect(draft({ rationale: 'Why?' }).success).toBe(true);
  });

  it('name a buy by a candidate that exists, and a build by none', () => {
    expect(issues(complete({ kind: 'buy' }))).toEqual([
      [
        'teamDecision.candidateId',
        'A buy must name the candidate the team chose',
      ],
    ]);
    expect(issues(complete({ kind: 'build', candidateId: 'newvec' }))).toEqual([
      ['teamDecision.candidateId', 'Building in-house names no candidate'],
    ]);
    for (const result of [
      complete({ kind: 'buy-with-wrapper', candidateId: 'nowhere' }),
      draft({ kind: 'buy', candidateId: 'nowhere' }),
    ]) {
      expect(issues(result)).toEqual([
        ['teamDecision.candidateId', 'Unknown candidate id "nowhere"'],
      ]);
    }
    expect(draft({ kind: 'buy' }).success).toBe(true);
    expect(issues(draft({ kind: 'maybe' }))[0][0]).toBe('teamDecision.kind');
    expect(issues(draft({ rationale: 'x'.repeat(4001) }))[0][0]).toBe(
      'teamDecision.rationale',
    );
  });
});
