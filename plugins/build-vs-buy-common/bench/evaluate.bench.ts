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

/*
 * Benchmark of `evaluate`: 10 candidates x 200 requirements against a
 * baseline of 1 candidate x 20 requirements, in the same run, so the ratio
 * can be compared across machines. Target: a median under 1 ms for the large
 * evaluation. Prints figures; asserts nothing.
 *
 *   npx tsx plugins/build-vs-buy-common/bench/evaluate.bench.ts [runs]
 */

/* eslint-disable no-console */

import { performance } from 'node:perf_hooks';
import { evaluate, evaluationDraftSchema } from '../src';
import type {
  CoverageLevel,
  Evaluation,
  GapClassification,
  Requirement,
  VendorCandidate,
} from '../src';

const MATURE = {
  inProductionTwoYears: true,
  customersAtYourScale: true,
  publicSla: true,
  failureModeTrackRecord: true,
  referencesChecked: true,
};

/*
 * A worst case for the walk: every candidate is mature and passes Node 3,
 * so Node 4 ranks and judges the gaps of all of them; the best ranked has a
 * broad core gap, so the walk goes on to the next.
 */
function benchmarkEvaluation(
  candidateCount: number,
  requirementCount: number,
): Evaluation {
  const buckets: Requirement['bucket'][] = ['must', 'should', 'should', 'nice'];
  const requirements: Requirement[] = Array.from(
    { length: requirementCount },
    (_, index) => ({
      id: `r${index}`,
      title: `Requirement ${index}`,
      bucket: buckets[index % buckets.length],
      ...(index % 25 === 24 ? { neededByWorkload: false } : {}),
    }),
  );
  const candidates: VendorCandidate[] = [];
  const gaps: GapClassification[] = [];
  for (let c = 0; c < candidateCount; c++) {
    const coverage: Record<string, CoverageLevel> = {};
    requirements.forEach((requirement, index) => {
      const unmet = requirement.bucket !== 'must' && (index + c) % 10 === 1;
      let level: CoverageLevel = 'met';
      if (unmet) {
        level = index % 20 === 1 ? 'missing' : 'partial';
      }
      coverage[requirement.id] = level;
      if (unmet && requirement.bucket === 'should') {
        gaps.push({
          candidateId: `c${c}`,
          requirementId: requirement.id,
          scope: index % 3 === 0 ? 'edge' : 'core',
          breadth: c === 0 && candidateCount > 1 ? 'broad' : 'narrow',
        });
      }
    });
    candidates.push({
      id: `c${c}`,
      name: `Candidate ${c}`,
      maturity: MATURE,
      coverage,
      integrationWeeks: 4,
    });
  }
  return {
    entityRef: 'component:default/benchmark',
    question: 'Build or buy?',
    prerequisites: {
      componentDescription: {
        dataStored: 'Embeddings',
        queriesHandled: 'Top-k',
        latencyConstraints: 'p99 100 ms',
        availabilityConstraints: '99.9%',
        dependents: [],
      },
      teamCapacity: {
        engineers: 20,
        productionSystemsMaintained: 3,
        availableCapacity: 'Some',
      },
    },
    coreDifferentiator: {
      answer: 'no',
      competitorTest: 'No',
      rationale: 'Plumbing',
    },
    candidates,
    requirements,
    gaps,
    maintenance: { canAllocateTwentyPercentPermanently: true },
    failureModes: { engineersOperating: 2 },
    organisationProfile: 'mid-size',
    revisitBy: '2026-09-01',
    sessionDurationMinutes: 55,
  };
}

type Timing = { median: number; p95: number; mean: number };

function measure(run: () => unknown, runs: number): Timing {
  for (let i = 0; i < Math.min(500, runs); i++) {
    run();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return {
    median: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((sum, sample) => sum + sample, 0) / samples.length,
  };
}

function format(timing: Timing): string {
  return `median ${timing.median.toFixed(4)} ms, p95 ${timing.p95.toFixed(
    4,
  )} ms, mean ${timing.mean.toFixed(4)} ms`;
}

function main() {
  const runs = Number(process.argv[2] ?? 5000);
  const now = new Date('2026-03-01T00:00:00Z');
  const large = benchmarkEvaluation(10, 200);
  const small = benchmarkEvaluation(1, 20);

  const largeOutcome = evaluate(large, { now });
  const smallOutcome = evaluate(small, { now });

  const largeTiming = measure(() => evaluate(large, { now }), runs);
  const smallTiming = measure(() => evaluate(small, { now }), runs);
  const parseTiming = measure(
    () => evaluationDraftSchema.safeParse(large),
    Math.max(100, Math.floor(runs / 10)),
  );

  console.log(`evaluate benchmark, ${runs} runs each, node ${process.version}`);
  console.log(
    `  10 candidates x 200 requirements (${large.gaps.length} gaps, verdict ${
      largeOutcome.verdict.kind
    }): ${format(largeTiming)}`,
  );
  console.log(
    `  1 candidate x 20 requirements (verdict ${
      smallOutcome.verdict.kind
    }): ${format(smallTiming)}`,
  );
  console.log(
    `  ratio large/small: median ${(
      largeTiming.median / smallTiming.median
    ).toFixed(1)}x, p95 ${(largeTiming.p95 / smallTiming.p95).toFixed(1)}x`,
  );
  console.log(
    `  for reference, evaluationDraftSchema.safeParse of the large one: ${format(
      parseTiming,
    )}`,
  );
  console.log(
    `  target median < 1 ms for the large evaluation: ${
      largeTiming.median < 1 ? 'met' : 'NOT met'
    }`,
  );
}

main();
