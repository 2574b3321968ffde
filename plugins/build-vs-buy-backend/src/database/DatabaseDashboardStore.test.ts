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

import { TestDatabases } from '@backstage/backend-test-utils';
import {
  candidateNameKey,
  decisionFacts,
  evaluate,
  ORGANISATION_PROFILE_LABELS,
  REVIEW_STATUSES,
  reviewStatus,
  reviewWindow,
  TEAM_COVERAGE_ORDERS,
  teamCoverage,
  teamDecisionOf,
  type TeamCoverage,
  type Evaluation,
  type OrganisationProfile,
  type ReviewStatus,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { EXAMPLE_EVALUATIONS } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import fc from 'fast-check';
import { createReviewer } from '../service/review';
import { FACTS_VERSION } from './tables';
import type {
  AttentionList,
  CatalogComponent,
  EvaluationRecord,
} from './types';
import { databaseOn } from '../__testUtils__/database';

jest.setTimeout(180_000);

const NOW = new Date('2027-03-10T15:00:00Z');
const DUE_SOON_DAYS = 30;
const DAY = 86_400_000;

/** One decision as a team might leave it: any example, any state. */
const decisionArbitrary = fc.record({
  example: fc.integer({ min: 0, max: EXAMPLE_EVALUATIONS.length - 1 }),
  status: fc.constantFrom('draft', 'complete', 'archived'),
  revisitInDays: fc.integer({ min: -40, max: 70 }),
  migrationPlan: fc.constantFrom('whole', 'blank', 'half', 'none'),
  maintenanceOwner: fc.boolean(),
  decidedDaysAgo: fc.integer({ min: 0, max: 400 }),
  // The example's organisation profile, or none (judged as mid-size).
  profileAnswered: fc.boolean(),
  // "It is not a formula": the team may record an option of its own.
  teamDecision: fc.constantFrom(
    'follow',
    'build',
    'buy-first',
    'wrap-last',
    'reason-only',
  ),
});

type Decision = typeof decisionArbitrary extends fc.Arbitrary<infer T>
  ? T
  : never;

function answersOf(decision: Decision, index: number): Evaluation {
  const example = EXAMPLE_EVALUATIONS[decision.example].evaluation;
  const plans: Record<string, object | undefined> = {
    whole: { dataExtraction: 'Nightly export', alternative: 'Self-hosted' },
    blank: { dataExtraction: '  ', alternative: 'Self-hosted' },
    half: { alternative: 'Self-hosted' },
    none: undefined,
  };
  const plan = plans[decision.migrationPlan];
  const candidates = example.candidates;
  const teamDecisions: Record<string, Evaluation['teamDecision']> = {
    follow: undefined,
    build: { kind: 'build', rationale: 'We own the ranking.' },
    'buy-first': candidates[0] && {
      kind: 'buy',
      candidateId: candidates[0].id,
      rationale: 'References checked.',
    },
    'wrap-last': candidates[candidates.length - 1] && {
      kind: 'buy-with-wrapper',
      candidateId: candidates[candidates.length - 1].id,
      rationale: 'One missing filter.',
    },
    'reason-only': { rationale: 'We agree.' } as Evaluation['teamDecision'],
  };
  return {
    ...example,
    entityRef: `component:default/decision-${index}`,
    revisitBy: new Date(NOW.getTime() + decision.revisitInDays * DAY)
      .toISOString()
      .slice(0, 10),
    failureModes: { ...example.failureModes, migrationPlan: plan as never },
    maintenance: {
      ...example.maintenance,
      ownerGroupRef: decision.maintenanceOwner
        ? 'group:default/platform'
        : undefined,
    },
    teamDecision: teamDecisions[decision.teamDecision],
    organisationProfile: decision.profileAnswered
      ? example.organisationProfile
      : undefined,
  };
}

/** What -common says of a stored record, as of NOW. */
function expectedOf(record: EvaluationRecord) {
  const review = reviewStatus(
    { ...record.evaluation, revisitBy: record.revisitBy },
    NOW,
    {
      dueSoonDays: DUE_SOON_DAYS,
      verdict: record.outcome.verdict,
      decidedAt: record.decidedAt ? new Date(record.decidedAt) : undefined,
    },
  );
  return {
    record,
    status: review.status,
    facts: decisionFacts(record.evaluation, record.outcome.verdict),
    team: teamDecisionOf(record.evaluation, record.outcome.verdict),
  };
}

const reviewer = createReviewer({
  revisitIntervalMonths: 6,
  dueSoonDays: DUE_SOON_DAYS,
  coverageThreshold: 0.8,
});

/**
 * A list's row of a stored record as of NOW, worked out from its answers
 * and outcome with -common's rules (what lists answered before they stopped
 * reading the answers), as it goes over the wire.
 */
function summaryFromAnswers(record: EvaluationRecord) {
  const { evaluation, outcome } = record;
  return JSON.parse(
    JSON.stringify({
      id: record.id,
      entityRef: record.entityRef,
      version: record.version,
      status: record.status,
      verdict: outcome.verdict,
      teamDecision: teamDecisionOf(evaluation, outcome.verdict).decision,
      decidedAgainstTree: record.decidedAgainstTree,
      regulatedWithoutBuildFallback: record.regulatedWithoutBuildFallback,
      reviewStatus: expectedOf(record).status,
      revisitBy: record.revisitBy,
      maintenanceOwnerRef: record.maintenanceOwnerRef,
      hasMigrationPlan: record.hasMigrationPlan,
      candidateNames: (evaluation.candidates ?? []).map(({ name }) => name),
      entity: record.entity,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
    }),
  );
}

describe('DatabaseDashboardStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'lists and counts exactly what the -common rules say, record by record, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      const window = reviewWindow(NOW, DUE_SOON_DAYS);
      const ids = async (
        options: Partial<Parameters<typeof db.dashboard.list>[0]>,
      ) =>
        (
          await db.dashboard.list({
            filter: {},
            window,
            order: 'updated',
            limit: 500,
            ...options,
          })
        ).items
          .map(({ id }) => id)
          .sort();

      await fc.assert(
        fc.asyncProperty(
          fc.array(decisionArbitrary, { minLength: 1, maxLength: 10 }),
          async decisions => {
            await knex('evaluation_notices').delete();
            await knex('evaluation_revisions').delete();
            await knex('evaluations').delete();

            const stored: EvaluationRecord[] = [];
            for (const [index, decision] of decisions.entries()) {
              const evaluation = answersOf(decision, index);
              const at = new Date(
                NOW.getTime() - decision.decidedDaysAgo * DAY,
              );
              const outcome = evaluate(evaluation, { now: at });
              const complete =
                decision.status !== 'draft' &&
                outcome.verdict.kind !== 'incomplete';
              let record = await db.evaluations.create({
                entityRef: evaluation.entityRef,
                status: complete ? 'complete' : 'draft',
                evaluation,
                outcome,
                revisitBy: evaluation.revisitBy!,
                entity: { ownerRef: 'group:default/search', missing: false },
                actorRef: 'user:default/alice',
                now: at,
              });
              if (decision.status === 'archived') {
                record = await db.evaluations.archive({
                  id: record.id,
                  expectedVersion: record.version,
                  actorRef: 'user:default/alice',
                  now: at,
                });
              }
              stored.push(record);
            }
            const expected = stored.map(expectedOf);
            const live = expected.filter(
              ({ record }) => record.status !== 'archived',
            );
            const complete = live.filter(
              ({ record }) => record.status === 'complete',
            );
            const idsOf = (rows: typeof expected) =>
              rows.map(({ record }) => record.id).sort();

            // The stored facts are -common's.
            for (const { record, facts, team } of expected) {
              expect(record.decidedAgainstTree).toBe(team.decidedAgainstTree);
              expect(facts.decidedAgainstTree).toBe(team.decidedAgainstTree);
              expect(record.hasMigrationPlan).toBe(facts.hasMigrationPlan);
              expect(record.needsAttention).toBe(facts.attention.length > 0);
              expect(record.chosenCandidateName).toBe(
                facts.chosenCandidateName,
              );
            }

            // Decided against the tree, as -common's teamDecisionOf says.
            for (const against of [true, false]) {
              expect(
                await ids({ filter: { decidedAgainstTree: against } }),
              ).toEqual(
                idsOf(
                  live.filter(row => row.team.decidedAgainstTree === against),
                ),
              );
              expect(
                await ids({
                  filter: { decidedAgainstTree: against, status: 'complete' },
                }),
              ).toEqual(
                idsOf(
                  complete.filter(
                    row => row.team.decidedAgainstTree === against,
                  ),
                ),
              );
            }

            // The organisation profile, as -common's organisationProfileOf
            // says (a mid-size organisation when the team answered none).
            for (const profile of Object.keys(
              ORGANISATION_PROFILE_LABELS,
            ) as OrganisationProfile[]) {
              expect(
                await ids({ filter: { organisationProfile: profile } }),
              ).toEqual(
                idsOf(
                  live.filter(row => row.facts.organisationProfile === profile),
                ),
              );
            }

            // A candidate's name, or part of it, as -common's
            // candidateNameKey compares it.
            const names = live.flatMap(
              ({ record }) =>
                record.evaluation.candidates?.map(({ name }) => name) ?? [],
            );
            for (const text of [...names.slice(0, 2), 'Cloud', 'no such']) {
              const key = candidateNameKey(text);
              expect(await ids({ filter: { candidate: text } })).toEqual(
                idsOf(
                  live.filter(row =>
                    row.facts.candidateNameKeys.some(name =>
                      name.includes(key),
                    ),
                  ),
                ),
              );
            }

            for (const status of REVIEW_STATUSES) {
              expect(await ids({ filter: { reviewStatus: status } })).toEqual(
                idsOf(live.filter(row => row.status === status)),
              );
            }

            // One page of catalog entities, some without a decision: the
            // live decisions of exactly those entities, in one query.
            const page = [
              ...stored
                .filter((_, index) => index % 2 === 0)
                .map(({ entityRef }) => entityRef),
              'component:default/never-evaluated',
            ];
            expect(await ids({ filter: { entityRefs: page } })).toEqual(
              idsOf(
                live.filter(({ record }) => page.includes(record.entityRef)),
              ),
            );

            const lists: Record<AttentionList, typeof expected> = {
              'due-for-revisit': complete.filter(
                row => row.status !== 'current',
              ),
              'no-migration-plan': complete.filter(
                row => row.facts.buyWithoutMigrationPlan,
              ),
              'no-maintenance-owner': complete.filter(
                row => row.facts.buildWithoutMaintenanceOwner,
              ),
              'entity-missing': [],
            };
            for (const [attention, rows] of Object.entries(lists)) {
              expect(
                await ids({
                  filter: { attention: attention as AttentionList },
                  order:
                    attention === 'due-for-revisit' ? 'revisit' : 'updated',
                }),
              ).toEqual(idsOf(rows));
            }

            const summary = await db.dashboard.summarize({
              filter: { status: 'complete' },
              window,
            });
            const counts: Record<ReviewStatus, number> = {
              current: 0,
              'due-soon': 0,
              overdue: 0,
            };
            const verdicts: Record<string, number> = {};
            for (const row of complete) {
              counts[row.status] += 1;
              const kind = row.record.outcome.verdict.kind;
              verdicts[kind] = (verdicts[kind] ?? 0) + 1;
            }
            expect(summary.total).toBe(complete.length);
            expect(summary.byReviewStatus).toEqual(counts);
            expect(summary.byVerdict).toEqual(verdicts);

            // All decisions: drafts beside complete ones, archived ones
            // left out, in either order, page by page.
            const drafts = live.filter(
              ({ record }) => record.status === 'draft',
            );
            for (const order of ['updated', 'revisit'] as const) {
              const seen: EvaluationRecord[] = [];
              let cursor: string | undefined;
              do {
                const listed = await db.dashboard.list({
                  filter: {},
                  window,
                  order,
                  limit: 3,
                  cursor,
                });
                seen.push(...listed.items);
                cursor = listed.nextCursor;
              } while (cursor);
              const keyOf = (record: EvaluationRecord) =>
                `${order === 'revisit' ? record.revisitBy : record.updatedAt} ${
                  record.id
                }`;
              const sorted = live
                .map(({ record }) => record)
                .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
              if (order === 'updated') sorted.reverse();
              expect(seen.map(({ id }) => id)).toEqual(
                sorted.map(({ id }) => id),
              );
              expect(seen.map(({ status }) => status)).toEqual(
                sorted.map(({ status }) => status),
              );

              // The same pages as summaries, read without the answers: what
              // the answers say, text for text.
              const summaries: unknown[] = [];
              cursor = undefined;
              do {
                const listed = await db.dashboard.listSummaries({
                  filter: {},
                  window,
                  order,
                  limit: 3,
                  cursor,
                });
                summaries.push(
                  ...listed.items.map(item =>
                    JSON.stringify(reviewer.toSummary(item, NOW)),
                  ),
                );
                cursor = listed.nextCursor;
              } while (cursor);
              expect(summaries).toEqual(
                sorted.map(record =>
                  JSON.stringify(summaryFromAnswers(record)),
                ),
              );
            }
            expect(await ids({ filter: { status: 'draft' } })).toEqual(
              idsOf(drafts),
            );

            // Drafts count as in progress; every complete decision falls in
            // one revisit bucket, overdue ones in their own.
            const all = await db.dashboard.summarize({ filter: {}, window });
            expect(all.total).toBe(complete.length);
            expect(all.drafts).toBe(drafts.length);
            expect(all.byReviewStatus).toEqual(counts);
            expect(all.revisitsOverdue).toBe(counts.overdue);
            const months: Record<string, number> = {};
            for (const row of complete) {
              if (row.status !== 'overdue') {
                const month = row.record.revisitBy.slice(0, 7);
                months[month] = (months[month] ?? 0) + 1;
              }
            }
            expect(
              Object.fromEntries(
                all.revisitsByMonth.map(({ month, count }) => [month, count]),
              ),
            ).toEqual(months);
            expect(
              all.revisitsOverdue +
                all.revisitsLater +
                all.revisitsByMonth.reduce((sum, { count }) => sum + count, 0),
            ).toBe(complete.length);
            const onlyDrafts = await db.dashboard.summarize({
              filter: { status: 'draft' },
              window,
            });
            expect(onlyDrafts.total).toBe(0);
            expect(onlyDrafts.drafts).toBe(drafts.length);

            // The counts kept as decisions are written answer the filters
            // above; a filter they cannot answer counts the decisions
            // themselves. Both ways, and after the kept counts are folded,
            // the same counts.
            const owners = complete.filter(
              ({ record }) => record.maintenanceOwnerRef,
            ).length;
            expect(all.byOwnerGroup).toEqual(
              owners
                ? [{ groupRef: 'group:default/platform', count: owners }]
                : [],
            );
            const against = await Promise.all(
              [true, false].map(decidedAgainstTree =>
                db.dashboard.summarize({
                  filter: { decidedAgainstTree },
                  window,
                }),
              ),
            );
            const added = (key: 'total' | 'drafts' | 'revisitsOverdue') =>
              against[0][key] + against[1][key];
            expect(added('total')).toBe(all.total);
            expect(added('drafts')).toBe(all.drafts);
            expect(added('revisitsOverdue')).toBe(all.revisitsOverdue);
            for (const status of REVIEW_STATUSES) {
              expect(
                against[0].byReviewStatus[status] +
                  against[1].byReviewStatus[status],
              ).toBe(counts[status]);
            }
            await db.dashboard.compactCounts();
            expect(
              await db.dashboard.summarize({ filter: {}, window }),
            ).toEqual(all);
            const combinations = await knex('evaluations')
              .countDistinct({
                count: knex.raw(
                  `status || verdict_kind || revisit_by || CAST(needs_attention AS VARCHAR(5))`,
                ),
              })
              .first();
            expect(
              await knex('evaluation_counts').count({ count: '*' }),
            ).toEqual([{ count: combinations?.count }]);
          },
        ),
        { numRuns: 12 },
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the counts exact while decisions are written and the counts folded at once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      const window = reviewWindow(NOW, DUE_SOON_DAYS);
      const WRITERS = 24;
      const create = (index: number) => {
        const example =
          EXAMPLE_EVALUATIONS[index % EXAMPLE_EVALUATIONS.length].evaluation;
        const evaluation = {
          ...example,
          entityRef: `component:default/concurrent-${index}`,
          // Two revisit dates, so that writers share combinations.
          revisitBy: index % 2 ? '2027-03-20' : '2027-09-01',
        };
        return db.evaluations.create({
          entityRef: evaluation.entityRef,
          status: 'complete',
          evaluation,
          outcome: evaluate(evaluation, { now: NOW }),
          revisitBy: evaluation.revisitBy,
          entity: { missing: false },
          actorRef: 'user:default/alice',
          now: NOW,
        });
      };
      const first = await Promise.all(
        Array.from({ length: WRITERS }, (_, index) => create(index)),
      );
      // Half the decisions archived, as many new ones written and the
      // counts folded, all at once.
      await Promise.all([
        ...first
          .filter((_, index) => index % 2 === 0)
          .map(record =>
            db.evaluations.archive({
              id: record.id,
              expectedVersion: record.version,
              actorRef: 'user:default/alice',
              now: NOW,
            }),
          ),
        ...Array.from({ length: WRITERS }, (_, index) =>
          create(WRITERS + index),
        ),
        ...Array.from({ length: 4 }, () => db.dashboard.compactCounts()),
      ]);
      const [{ count }] = await knex('evaluations')
        .where('status', 'complete')
        .count({ count: '*' });
      expect(Number(count)).toBe(WRITERS + WRITERS / 2);
      const summary = await db.dashboard.summarize({ filter: {}, window });
      expect(summary.total).toBe(Number(count));
      // What a filter the kept counts cannot answer counts from the rows.
      const counted = await Promise.all(
        [true, false].map(decidedAgainstTree =>
          db.dashboard.summarize({ filter: { decidedAgainstTree }, window }),
        ),
      );
      expect(counted[0].byVerdict).toEqual({});
      expect(counted[1].byVerdict).toEqual(summary.byVerdict);
      expect(counted[1].byReviewStatus).toEqual(summary.byReviewStatus);
      await db.dashboard.compactCounts();
      expect(await db.dashboard.summarize({ filter: {}, window })).toEqual(
        summary,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the summaries of rows an older instance wrote from their answers, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      const window = reviewWindow(NOW, DUE_SOON_DAYS);
      const stored: EvaluationRecord[] = [];
      for (const [
        index,
        { evaluation: example },
      ] of EXAMPLE_EVALUATIONS.entries()) {
        const evaluation = {
          ...example,
          entityRef: `component:default/example-${index}`,
          revisitBy: '2027-03-20',
        };
        const outcome = evaluate(evaluation, { now: NOW });
        stored.push(
          await db.evaluations.create({
            entityRef: evaluation.entityRef,
            status: 'complete',
            evaluation,
            outcome,
            revisitBy: evaluation.revisitBy,
            entity: { missing: false },
            actorRef: 'user:default/alice',
            now: new Date(NOW.getTime() - index * DAY),
          }),
        );
      }
      // Saved by an instance that knows neither the summary nor the
      // attention in force: its derived columns cannot be trusted.
      const older = stored.filter((_, index) => index % 2 === 0);
      await knex('evaluations')
        .whereIn(
          'id',
          older.map(({ id }) => id),
        )
        .update({
          facts_version: FACTS_VERSION - 1,
          list_summary: null,
          needs_attention: false,
          has_migration_plan: false,
        });

      const listed = await db.dashboard.listSummaries({
        filter: {},
        window,
        order: 'updated',
        limit: 50,
      });
      expect(listed.items.map(item => reviewer.toSummary(item, NOW))).toEqual(
        stored.map(summaryFromAnswers),
      );
      // Nothing was written by the read.
      expect(
        await knex('evaluations')
          .where('facts_version', '<', FACTS_VERSION)
          .count({ count: '*' }),
      ).toEqual([
        {
          count:
            databaseId === 'SQLITE_3' ? older.length : String(older.length),
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "finds decisions by a candidate's name, case and white space aside, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      const window = reviewWindow(NOW, DUE_SOON_DAYS);
      const example = EXAMPLE_EVALUATIONS[0].evaluation;
      const decisions: Record<string, string[]> = {
        'vector-store': ['VectorCloud Managed', 'PineCone'],
        search: ['Elastic Cloud'],
        discounts: ['100% Off_Deals', 'Back\\slash'],
        billing: [],
      };
      const ids: Record<string, string> = {};
      for (const [name, candidates] of Object.entries(decisions)) {
        const evaluation: Evaluation = {
          ...example,
          entityRef: `component:default/${name}`,
          candidates: candidates.map((candidateName, index) => ({
            ...example.candidates[0],
            id: `candidate-${index}`,
            name: candidateName,
          })),
          teamDecision: undefined,
        };
        const record = await db.evaluations.create({
          entityRef: evaluation.entityRef,
          status: 'draft',
          evaluation,
          outcome: evaluate(evaluation, { now: NOW }),
          revisitBy: '2027-06-01',
          entity: { missing: false },
          actorRef: 'user:default/alice',
          now: NOW,
        });
        ids[record.id] = name;
      }
      const found = async (candidate: string) =>
        (
          await db.dashboard.list({
            filter: { candidate },
            window,
            order: 'updated',
            limit: 50,
          })
        ).items
          .map(({ id }) => ids[id])
          .sort();

      expect(await found('vector cloud')).toEqual(['vector-store']);
      expect(await found('VECTORCLOUDMANAGED')).toEqual(['vector-store']);
      expect(await found('cloud')).toEqual(['search', 'vector-store']);
      expect(await found('pine cone')).toEqual(['vector-store']);
      // No match across two names of one decision.
      expect(await found('managedpine')).toEqual([]);
      // LIKE's own characters are plain text.
      expect(await found('100%')).toEqual(['discounts']);
      expect(await found('%')).toEqual(['discounts']);
      expect(await found('f_d')).toEqual(['discounts']);
      expect(await found('_')).toEqual(['discounts']);
      expect(await found('k\\s')).toEqual(['discounts']);
      expect(await found('o_f')).toEqual([]);
      expect(await found('nothing like it')).toEqual([]);

      // A renamed candidate is found by its new name only.
      const [vectorStoreId] = Object.entries(ids).find(
        ([, name]) => name === 'vector-store',
      )!;
      const current = (await db.evaluations.get(vectorStoreId))!;
      const renamed: Evaluation = {
        ...(current.evaluation as Evaluation),
        candidates: [
          { ...example.candidates[0], id: 'candidate-0', name: 'Qdrant' },
        ],
      };
      await db.evaluations.update({
        id: vectorStoreId,
        expectedVersion: current.version,
        status: 'draft',
        evaluation: renamed,
        outcome: evaluate(renamed, { now: NOW }),
        revisitBy: '2027-06-01',
        entity: { missing: false },
        actorRef: 'user:default/alice',
        now: NOW,
      });
      expect(await found('vectorcloud')).toEqual([]);
      expect(await found('qdrant')).toEqual(['vector-store']);
    },
  );

  const OWNERS = ['group:default/search', 'group:default/payments', undefined];
  const SYSTEMS = ['system:default/shop', 'system:default/back-office'];

  it.each(databases.eachSupportedId())(
    'counts coverage by team as -common teamCoverage does, group by group, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      const window = reviewWindow(NOW, DUE_SOON_DAYS);
      const all = async (
        options: Partial<Parameters<typeof db.dashboard.teamCoverage>[0]>,
      ) => {
        const seen: TeamCoverage[] = [];
        let cursor: string | undefined;
        do {
          const page = await db.dashboard.teamCoverage({
            filter: {},
            window,
            order: 'ownerRef',
            direction: 'asc',
            limit: 2,
            ...options,
            cursor,
          });
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };

      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              decision: fc.option(decisionArbitrary, { nil: undefined }),
              owner: fc.integer({ min: 0, max: OWNERS.length - 1 }),
              system: fc.integer({ min: 0, max: SYSTEMS.length - 1 }),
              lifecycle: fc.constantFrom('production', 'experimental'),
              inCatalog: fc.boolean(),
              // Whether the refresh saved the component before its
              // decision was written (the copy is then the triggers'
              // work) or after (the refresh's).
              refreshedFirst: fc.boolean(),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          async entries => {
            await knex('evaluation_notices').delete();
            await knex('evaluation_revisions').delete();
            await knex('evaluations').delete();
            await knex('catalog_components').delete();

            // A component that left the catalog since the last refresh.
            await db.catalogFacts.saveComponents(
              [
                {
                  entityRef: 'component:default/gone',
                  ownerRef: 'group:default/search',
                },
              ],
              '2027-03-09T00:00:00.000Z',
            );
            const componentOf = (index: number) => ({
              entityRef: `component:default/decision-${index}`,
              title: `Service ${index}`,
              ownerRef: OWNERS[entries[index].owner],
              systemRef: SYSTEMS[entries[index].system],
              lifecycle: entries[index].lifecycle,
            });
            const refreshed = (first: boolean) =>
              entries.flatMap((entry, index) =>
                entry.inCatalog && entry.refreshedFirst === first
                  ? [componentOf(index)]
                  : [],
              );
            await db.catalogFacts.saveComponents(
              refreshed(true),
              '2027-03-10T00:00:00.000Z',
            );

            const components: CatalogComponent[] = [];
            const stored: EvaluationRecord[] = [];
            for (const [index, entry] of entries.entries()) {
              const component = componentOf(index);
              const entityRef = component.entityRef;
              if (entry.inCatalog) components.push(component);
              const decision = entry.decision;
              if (!decision) continue;
              const evaluation = answersOf(decision, index);
              const at = new Date(
                NOW.getTime() - decision.decidedDaysAgo * DAY,
              );
              const outcome = evaluate(evaluation, { now: at });
              const complete =
                decision.status !== 'draft' &&
                outcome.verdict.kind !== 'incomplete';
              let record = await db.evaluations.create({
                entityRef,
                status: complete ? 'complete' : 'draft',
                evaluation,
                outcome,
                revisitBy: evaluation.revisitBy!,
                entity: { ...component, missing: !entry.inCatalog },
                actorRef: 'user:default/alice',
                now: at,
              });
              if (decision.status === 'archived') {
                record = await db.evaluations.archive({
                  id: record.id,
                  expectedVersion: record.version,
                  actorRef: 'user:default/alice',
                  now: at,
                });
              }
              stored.push(record);
            }
            await db.catalogFacts.saveComponents(
              refreshed(false),
              '2027-03-10T00:00:00.000Z',
            );
            expect(
              await db.catalogFacts.removeComponentsNotRefreshedSince(
                '2027-03-10T00:00:00.000Z',
              ),
            ).toBe(1);

            // The -common rule, over the same records.
            const oracle = (
              of: CatalogComponent[],
              records: EvaluationRecord[] = stored,
            ) =>
              teamCoverage(
                of,
                records.map(record => ({
                  entityRef: record.entityRef,
                  status: record.status,
                  revisitBy: record.revisitBy,
                  needsAttention: record.needsAttention,
                })),
                window,
              );
            const expected = oracle(components);
            expect(await all({})).toEqual(expected);
            for (const team of expected) {
              expect(
                team.current +
                  team.dueSoon +
                  team.overdue +
                  team.withoutDecision,
              ).toBe(team.components);
            }

            // Every order, either way, page by page: the same groups,
            // ordered by the count and then by owner.
            for (const order of TEAM_COVERAGE_ORDERS) {
              for (const direction of ['asc', 'desc'] as const) {
                const sign = direction === 'asc' ? 1 : -1;
                const sorted = [...expected].sort((a, b) => {
                  if (order !== 'ownerRef' && a[order] !== b[order]) {
                    return sign * (a[order] - b[order]);
                  }
                  const byOwner = a.ownerRef < b.ownerRef ? -1 : 1;
                  return order === 'ownerRef' ? sign * byOwner : byOwner;
                });
                expect(await all({ order, direction })).toEqual(sorted);
              }
            }

            // The dashboard's filters narrow the components.
            expect(await all({ filter: { system: SYSTEMS[0] } })).toEqual(
              oracle(components.filter(c => c.systemRef === SYSTEMS[0])),
            );
            expect(await all({ filter: { lifecycle: 'production' } })).toEqual(
              oracle(components.filter(c => c.lifecycle === 'production')),
            );
            expect(
              await all({ filter: { ownerGroups: [OWNERS[1]!] } }),
            ).toEqual(oracle(components.filter(c => c.ownerRef === OWNERS[1])));

            // A conditional permission decision: components whose
            // evaluation the caller may not read are left out altogether.
            const readable = (record: EvaluationRecord) =>
              record.maintenanceOwnerRef === 'group:default/platform';
            const hidden = new Set(
              stored
                .filter(r => r.status !== 'archived' && !readable(r))
                .map(r => r.entityRef),
            );
            expect(
              await all({
                permissionFilter: {
                  key: 'maintenance_owner_ref',
                  values: ['group:default/platform'],
                },
              }),
            ).toEqual(
              oracle(
                components.filter(c => !hidden.has(c.entityRef)),
                stored.filter(r => r.status === 'archived' || readable(r)),
              ),
            );
          },
        ),
        { numRuns: 10 },
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a cursor it did not return, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await databaseOn(knex);
      await expect(
        db.dashboard.teamCoverage({
          filter: {},
          window: reviewWindow(NOW, DUE_SOON_DAYS),
          order: 'ownerRef',
          direction: 'asc',
          limit: 10,
          cursor: 'b2Zmc2V0Oi0x',
        }),
      ).rejects.toThrow('cursor: not a cursor this API returned');
    },
  );
});
