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
 * Size limits enforced by the evaluation schemas. They keep a stored
 * evaluation small enough to evaluate in well under a millisecond and to
 * render on one page.
 *
 * @public
 */
export const EVALUATION_LIMITS = {
  /** Identifiers of candidates and requirements. */
  idLength: 100,
  /** Names and titles: candidate names, requirement titles. */
  nameLength: 200,
  /** Entity references such as `component:default/vector-store`. */
  entityRefLength: 255,
  /** Rationale, descriptions and other long text. */
  longTextLength: 4000,
  /** Vendor candidates in one evaluation. */
  candidates: 20,
  /** Requirements in one evaluation. */
  requirements: 300,
  /** Gap classifications in one evaluation. */
  gaps: 1000,
  /** Components that depend on the evaluated component. */
  dependents: 100,
  /** Engineers on the team, operating the product, and so on. */
  engineers: 100000,
  /** Production systems the team already maintains. */
  productionSystems: 10000,
  /** Any estimate in weeks (integration cost and the like). */
  weeks: 520,
  /** Any estimate in months (vendor security review). */
  months: 120,
  /** Length of the decision session, in minutes (one day at most). */
  sessionMinutes: 1440,
} as const;

/**
 * The article timeboxes a decision session to one hour: "Do not let the
 * discussion go longer than one hour."
 *
 * @public
 */
export const SESSION_TIMEBOX_MINUTES = 60;

/**
 * Share of one engineer's time the team must allocate permanently to a
 * system it builds (Node 5, the maintenance cost test).
 *
 * @public
 */
export const MAINTENANCE_SHARE = 0.2;

/**
 * Teams smaller than this "almost always" cannot maintain anything beyond a
 * thin integration layer (Node 5).
 *
 * @public
 */
export const SMALL_TEAM_ENGINEERS = 10;

/**
 * Default share of should-haves a candidate must cover (Node 3, "Does it
 * meet 80%+ of requirements?").
 *
 * @public
 */
export const DEFAULT_COVERAGE_THRESHOLD = 0.8;

/**
 * Default credit a partially met should-have earns towards coverage.
 *
 * @public
 */
export const DEFAULT_PARTIAL_CREDIT = 0.5;

/**
 * Default ramp-up time per engineer who will operate a bought product: "one
 * to two weeks of ramp-up time per engineer".
 *
 * @public
 */
export const DEFAULT_LEARNING_CURVE_WEEKS_PER_ENGINEER = 1.5;

/**
 * Default months between a decision and its revisit: "a build decision made
 * today may be obsolete in six months".
 *
 * @public
 */
export const DEFAULT_REVISIT_INTERVAL_MONTHS = 6;

/**
 * Default window, in days, in which a revisit date counts as due soon.
 *
 * @public
 */
export const DEFAULT_DUE_SOON_DAYS = 30;

/**
 * Team sizes, in engineers, that fit each organisation profile; a count
 * outside its range is warned about, never refused. The article gives a
 * number only for the mid-size team ("10-50 engineers"); the rest are this
 * plugin's choice, kept wide so that only an unlikely count is flagged (a
 * typo, or the wrong profile):
 *
 * - an early-stage startup with more than 100 engineers on the team;
 * - a mid-size organisation with more than 500, ten times the article's 50;
 * - a large enterprise with fewer than 3;
 * - a regulated organisation may be of any size.
 *
 * @public
 */
export const PLAUSIBLE_TEAM_ENGINEERS = {
  'early-stage-startup': { fewest: 1, most: 100 },
  'mid-size': { fewest: 1, most: 500 },
  'large-enterprise': { fewest: 3, most: EVALUATION_LIMITS.engineers },
  regulated: { fewest: 1, most: EVALUATION_LIMITS.engineers },
} as const;
