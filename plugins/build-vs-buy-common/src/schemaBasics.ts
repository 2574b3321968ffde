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
 * The building blocks of the evaluation schemas: entity references, dates,
 * identifiers and the enums of the article's vocabulary. schema.ts composes
 * them and re-exports the public ones.
 */

import { z } from 'zod';
import { EVALUATION_LIMITS as LIMITS } from './limits';
import {
  amountMessage,
  formatLimit,
  tooLongMessage,
  wholeNumberMessage,
} from './messages';

/**
 * Shape of a lowercase entity reference `kind:namespace/name`.
 *
 * @public
 */
export const ENTITY_REF_PATTERN =
  /^[a-z][a-z0-9]*:[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * Shape of candidate and requirement identifiers. Identifiers are used as
 * keys of `coverage`, so they never start with an underscore.
 *
 * @public
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A trimmed text answer of at most `max` characters. */
export const text = (max: number) =>
  z
    .string({ error: 'Enter text' })
    .trim()
    .max(max, { error: tooLongMessage(max) });
/** A text answer that must not be blank. */
export const requiredText = (max: number) =>
  text(max).min(1, { error: `Write 1 to ${formatLimit(max)} characters` });

/*
 * Numbers carry one message for every way they can be wrong (not a number,
 * a fraction, too small, too large, beyond what zod counts as an integer),
 * so a person reads the range, never 9007199254740991.
 */

/** A whole number of `noun` from `min` to `max`. */
export const wholeNumber = (noun: string, min: number, max: number) => {
  const error = wholeNumberMessage(noun, min, max);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, {
    error,
  });
};

/** A number of `noun`, decimals allowed, from `min` to `max`. */
export const amount = (noun: string, min: number, max: number) => {
  const error = amountMessage(noun, min, max);
  return z.number({ error }).min(min, { error }).max(max, { error });
};

/** A candidate or requirement identifier. */
export const identifierSchema = z
  .string()
  .min(1, { error: 'Must not be blank' })
  .max(LIMITS.idLength, { error: tooLongMessage(LIMITS.idLength) })
  .regex(IDENTIFIER_PATTERN, {
    message: 'Must start with a letter or digit and use only A-Z a-z 0-9 . _ -',
  });

/**
 * An entity reference, trimmed and lowercased before its shape is checked.
 *
 * @public
 */
export const entityRefSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.entityRefLength, {
    error: tooLongMessage(LIMITS.entityRefLength),
  })
  .regex(ENTITY_REF_PATTERN, {
    message: 'Must be an entity reference of the shape kind:namespace/name',
  });

/**
 * A reference to the group that owns a built system, `group:namespace/name`.
 *
 * @public
 */
export const groupRefSchema = entityRefSchema.refine(
  ref => ref.startsWith('group:'),
  { message: 'Must be a group reference of the shape group:namespace/name' },
);

/**
 * A calendar date, `YYYY-MM-DD`.
 *
 * @public
 */
export const isoDateSchema = z.iso.date({
  error: 'Enter a date as YYYY-MM-DD',
});

/** An estimate in weeks. */
export const weeksSchema = amount('weeks', 0, LIMITS.weeks);

/** @public */
export const requirementBucketSchema = z.enum(['must', 'should', 'nice']);
/** @public */
export type RequirementBucket = z.infer<typeof requirementBucketSchema>;

/** @public */
export const coverageLevelSchema = z.enum(['met', 'partial', 'missing']);
/** @public */
export type CoverageLevel = z.infer<typeof coverageLevelSchema>;

/** @public */
export const gapScopeSchema = z.enum(['core', 'edge']);
/** @public */
export type GapScope = z.infer<typeof gapScopeSchema>;

/** @public */
export const gapBreadthSchema = z.enum(['narrow', 'broad']);
/** @public */
export type GapBreadth = z.infer<typeof gapBreadthSchema>;

/** @public */
export const organisationProfileSchema = z.enum([
  'early-stage-startup',
  'mid-size',
  'large-enterprise',
  'regulated',
]);
/** @public */
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>;

/** @public */
export const requirementsStabilitySchema = z.enum([
  'stable',
  'shifting',
  'unstable',
]);
/** @public */
export type RequirementsStability = z.infer<typeof requirementsStabilitySchema>;

/**
 * What a team can decide, whatever the tree's verdict: build in-house, or
 * buy one of its candidates, with or without a thin wrapper over the gaps.
 *
 * @public
 */
export const teamDecisionKindSchema = z.enum([
  'build',
  'buy',
  'buy-with-wrapper',
]);
/** @public */
export type TeamDecisionKind = z.infer<typeof teamDecisionKindSchema>;

/**
 * Whether the team's option names the product it buys: every option but
 * building in-house. The schema and `teamDecisionOf` both ask it.
 */
export function namesCandidate(kind: TeamDecisionKind): boolean {
  return kind !== 'build';
}
