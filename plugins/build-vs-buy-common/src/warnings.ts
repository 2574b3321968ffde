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

/**
 * Stable codes of the warnings `evaluate` attaches to an outcome. The UI and
 * stored outcomes rely on them: never rename one, only add.
 *
 * @public
 */
export const WARNING_CODES = [
  'session-over-timebox',
  'revisit-date-passed',
  'over-classification-risk',
  'no-mature-option',
  'no-must-haves',
  'must-have-gap-treated-as-core',
  'cannot-afford-to-build',
  'small-team-cannot-maintain',
  'build-without-owner',
  'build-without-maintenance-plan',
  'buy-without-migration-plan',
  'integration-cost-not-budgeted',
  'learning-curve-not-estimated',
  'learning-curve-outside-budget',
  'build-on-unstable-requirements',
  'building-because-buying-is-boring',
  'build-without-twelve-month-roadmap',
  'startup-building-infrastructure',
  'enterprise-build-may-lose-maintainer',
  'procurement-not-started',
  'regulated-without-build-fallback',
  'references-not-checked',
  'availability-above-100-percent',
  'engineers-unlikely-for-profile',
  'dependent-not-in-catalog',
] as const;

/** @public */
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * The article's sentence behind each warning; `evaluate` starts every
 * warning message with it.
 *
 * @public
 */
export const WARNING_ARTICLE_SENTENCES: Record<WarningCode, string> = {
  'session-over-timebox': 'Do not let the discussion go longer than one hour.',
  'revisit-date-passed':
    'The point is to reach a documented, structured answer that the team can revisit when new information arrives.',
  'over-classification-risk':
    'Teams consistently over-classify components as differentiators because building is more interesting than buying.',
  'no-mature-option':
    'The AI infrastructure market has many products that are eighteen months old with impressive demos and no operational track record.',
  'no-must-haves':
    'Must-haves: The product fails for your use case without these.',
  'must-have-gap-treated-as-core':
    'Must-haves: The product fails for your use case without these. Non-negotiable.',
  'cannot-afford-to-build':
    'If the answer is no, you cannot afford to build it, regardless of whether you have the skills.',
  'small-team-cannot-maintain':
    'For small teams (fewer than ten engineers total), the answer is almost always no for anything beyond a thin integration layer.',
  'build-without-owner':
    'Every system you build becomes a system you maintain.',
  'build-without-maintenance-plan':
    'It needs monitoring, upgrades, incident response, documentation, and on-call coverage.',
  'buy-without-migration-plan':
    'If extraction is impossible or prohibitively expensive, you do not have a vendor relationship. You have a dependency.',
  'integration-cost-not-budgeted':
    'Budget integration time separately from evaluation time.',
  'learning-curve-not-estimated':
    'Budget one to two weeks of ramp-up time per engineer who will operate it.',
  'learning-curve-outside-budget':
    'A commercial product still requires your team to learn its operational model, its failure modes, and its configuration surface. Budget one to two weeks of ramp-up time per engineer who will operate it.',
  'build-on-unstable-requirements':
    'Buy for flexibility when requirements are unstable.',
  'building-because-buying-is-boring':
    'Engineers prefer building to integrating. This is a legitimate preference but a terrible decision criterion.',
  'build-without-twelve-month-roadmap':
    'A build decision based on today’s requirements that ignores the twelve-month roadmap often results in a system that needs to be rebuilt when requirements shift.',
  'startup-building-infrastructure':
    'Early-stage startups: Bias toward buying for everything except your core product. You do not have the team to maintain infrastructure.',
  'enterprise-build-may-lose-maintainer':
    'Evaluate whether internal build projects get deprioritized when the next initiative starts. A maintained commercial product is more reliable than an internally-built system that lost its maintainer.',
  'procurement-not-started':
    'Buying may require vendor security reviews that take months. Start the procurement process early.',
  'regulated-without-build-fallback':
    'Start the procurement process early, and have a build fallback if the vendor review stalls.',
  'references-not-checked':
    'Check references. Talk to customers at your scale. Ask specifically about failure modes: what happened when things went wrong? How responsive was the vendor? Did the SLA hold?',
  'availability-above-100-percent':
    'A description of what the component actually does in your system: what latency and availability constraints it must meet.',
  'engineers-unlikely-for-profile':
    'This framework assumes a mid-size team (10-50 engineers) building a production AI system. Adjust for early-stage startups, large enterprises and regulated industries.',
  'dependent-not-in-catalog':
    'A description of what the component actually does in your system: what other components depend on it.',
};
