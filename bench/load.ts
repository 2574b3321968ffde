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
 * One measurement of one endpoint with autocannon, and the statistics of
 * interleaved rounds: per-round ratios, their median and range.
 */

/* eslint-disable no-console */

import autocannon from 'autocannon';
import { BASE_URL } from './backendProcess';

export type Scenario = {
  name: string;
  method?: 'GET' | 'POST';
  /** The paths to request, in turn. */
  paths: string[];
  body?: () => string;
};

export type Measured = {
  name: string;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  failures: number;
  /**
   * CPU time of the measured processes (the backend and the PostgreSQL
   * server) per answered request, in ms; absent where it cannot be read.
   */
  cpuPerRequest?: number;
};

export type LoadOptions = {
  headers: Record<string, string>;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before the measurement, not counted. */
  warmup: number;
  connections: number;
  /**
   * The CPU time used so far by the processes that answer (ms), read before
   * and after the measured seconds; the load generator is not among them.
   */
  cpu?: () => number | undefined;
};

/** Loads one endpoint: a warm-up, then `duration` seconds measured. */
export async function measure(
  scenario: Scenario,
  options: LoadOptions,
): Promise<Measured> {
  let turn = 0;
  const load = (seconds: number) =>
    autocannon({
      url: BASE_URL,
      connections: options.connections,
      duration: seconds,
      headers: {
        ...options.headers,
        ...(scenario.body ? { 'content-type': 'application/json' } : {}),
      },
      requests: [
        {
          method: scenario.method ?? 'GET',
          setupRequest: request => ({
            ...request,
            path: scenario.paths[turn++ % scenario.paths.length],
            ...(scenario.body ? { body: scenario.body() } : {}),
          }),
        },
      ],
    });
  if (options.warmup > 0) await load(options.warmup);
  const cpuBefore = options.cpu?.();
  const result = await load(options.duration);
  const cpuAfter = options.cpu?.();
  // An endpoint that answered nothing within the measurement has no
  // latency to compare: it is slower than anything that did answer, so its
  // ratio fails its target rather than reading as 0.
  const answered = result.requests.total > 0;
  const measured: Measured = {
    name: scenario.name,
    requests: result.requests.total,
    throughput: result.requests.total / options.duration,
    p50: answered ? result.latency.p50 : Infinity,
    p99: answered ? result.latency.p99 : Infinity,
    failures: result.non2xx + result.errors,
    ...(answered && cpuBefore !== undefined && cpuAfter !== undefined
      ? { cpuPerRequest: (cpuAfter - cpuBefore) / result.requests.total }
      : {}),
  };
  console.log(
    `  ${scenario.name}: ${
      measured.requests
    } requests, ${measured.throughput.toFixed(0)}/s, p50 ${
      measured.p50
    } ms, p99 ${measured.p99} ms${
      measured.cpuPerRequest !== undefined
        ? `, ${measured.cpuPerRequest.toFixed(2)} ms CPU a request`
        : ''
    }${measured.failures ? `, ${measured.failures} FAILURES` : ''}`,
  );
  return measured;
}

/** The median of a list of numbers and its range. */
export type Spread = { median: number; min: number; max: number; n: number };

export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    median,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

/** Per-round ratios of two series measured in the same rounds. */
export function roundRatios(
  numerator: Measured[],
  denominator: Measured[],
  of: (m: Measured) => number,
): number[] {
  if (numerator.length !== denominator.length) {
    throw new Error('ratios of series with different numbers of rounds');
  }
  return numerator.map((m, round) => of(m) / of(denominator[round]));
}
