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
 * Parsing what callers send: the query of lists, versions, entity
 * references. Every failure is an InputError whose message names the field,
 * the way zod's do: `query.limit: ...`.
 */

import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  type AnswerProblem,
  type DashboardListQuery,
  type DecisionListQuery,
  describeAnswer,
  type EvaluationDraft,
  EVALUATION_STATUSES,
  LIST_FORMATS,
  LIST_ORDERS,
  LIST_VIEWS,
  organisationProfileSchema,
  plainIssueMessage,
  REVIEW_STATUSES,
  TEAM_COVERAGE_ORDERS,
  type TeamCoverageOrder,
  VENDOR_PRODUCT_ORDERS,
  type VendorProductOrder,
  VERDICT_KINDS,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { z } from 'zod';
import { MAX_INTEGER } from '../database/tables';
import type { EvaluationFilter } from '../database/types';

/** The page size of lists when the caller names none, and the largest. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const text = z.string().trim().min(1).max(255);

/*
 * A boolean query parameter: `true` or `false`, as the query string has it
 * or as the spec's validator coerced it.
 */
const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform(value => value === 'true'),
]);

/** The query of every list: its filter, paging and format. */
export const listQuerySchema = z.strictObject({
  entityRef: z.union([text, z.array(text).max(100)]).optional(),
  ownerGroup: z.union([text, z.array(text).max(100)]).optional(),
  system: text.optional(),
  verdict: z.enum(VERDICT_KINDS).optional(),
  lifecycle: text.optional(),
  status: z.enum(EVALUATION_STATUSES).optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  decidedAgainstTree: flag.optional(),
  organisationProfile: organisationProfileSchema.optional(),
  candidate: text.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(1024).optional(),
  format: z.enum(LIST_FORMATS).optional(),
  order: z.enum(LIST_ORDERS).optional(),
  view: z.enum(LIST_VIEWS).optional(),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

// The query parsed here is the one the OpenAPI spec declares for the
// lists (the evaluations' view, the dashboard's format): a parameter added
// to either and not the other fails to compile.
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
const listQueryIsTheSpecs: SameKeys<
  ListQuery,
  DecisionListQuery & Pick<DashboardListQuery & { format?: unknown }, 'format'>
> = true;
void listQueryIsTheSpecs;

/** The query of coverage by team: the dashboard's filters that apply to
 * components, an order and a page. */
export const teamCoverageQuerySchema = listQuerySchema
  .pick({
    ownerGroup: true,
    system: true,
    lifecycle: true,
    limit: true,
    cursor: true,
    format: true,
  })
  .extend({
    order: z.enum(TEAM_COVERAGE_ORDERS).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  });

/**
 * The order coverage by team is read in: by owner unless asked, the owner
 * in ascending order and counts the largest first unless a direction is
 * given.
 */
export function teamCoverageOrderOf(
  query: z.infer<typeof teamCoverageQuerySchema>,
): { order: TeamCoverageOrder; direction: 'asc' | 'desc' } {
  const order = query.order ?? 'ownerRef';
  return {
    order,
    direction: query.direction ?? (order === 'ownerRef' ? 'asc' : 'desc'),
  };
}

/** The query of the vendor portfolio: an order and a page. */
export const vendorPortfolioQuerySchema = listQuerySchema
  .pick({ limit: true, cursor: true, format: true })
  .extend({
    order: z.enum(VENDOR_PRODUCT_ORDERS).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  });

/** The query of `GET /portfolio/products/events`: the product's name. */
export const vendorEventsQuerySchema = z.strictObject({
  product: z.string().trim().min(1, 'Name the product').max(200),
});

/**
 * The order the vendor portfolio is read in: the most concentrated
 * products first unless asked; the name and the revisit date in ascending
 * order and counts the largest first unless a direction is given.
 */
export function vendorPortfolioOrderOf(
  query: z.infer<typeof vendorPortfolioQuerySchema>,
): { order: VendorProductOrder; direction: 'asc' | 'desc' } {
  const order = query.order ?? 'components';
  const ascending = order === 'product' || order === 'nextRevisitBy';
  return {
    order,
    direction: query.direction ?? (ascending ? 'asc' : 'desc'),
  };
}

/** A revision number. */
export const versionSchema = z.coerce.number().int().min(1).max(MAX_INTEGER);

/**
 * One invalid answer as a 400 names it: the machine path, then the
 * question in the team's words, then what to enter.
 * `body.evaluation.prerequisites.teamCapacity.engineers: Prerequisites: How
 * many engineers are on the team? Enter a whole number of engineers from 1
 * to 100,000`. Without `where`, the path alone: an action's input
 * mirrors the answers.
 */
export function answerProblemText(where: string, problem: AnswerProblem) {
  if (!problem.path) {
    return `${where || 'input'}: ${problem.message}`;
  }
  const separator = !where || problem.path.startsWith('[') ? '' : '.';
  // A question ends with its own mark; a name ("The requirement") takes a
  // colon before what is wrong with it.
  const joint = /[?.!:]$/.test(problem.label) ? ' ' : ': ';
  return `${where}${separator}${problem.path}: ${problem.label}${joint}${problem.message}`;
}

/**
 * Parses input with a schema; a 400 naming every invalid field, in the
 * words of -common's messages. Answers of an evaluation are also named by
 * their question.
 */
export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: string,
): z.infer<T> {
  const result = schema.safeParse(input, { error: plainIssueMessage });
  if (!result.success) {
    const evaluation = (input as { evaluation?: unknown } | undefined)
      ?.evaluation;
    const problems = result.error.issues.map(issue => {
      const [first, ...rest] = issue.path;
      if (first === 'evaluation' && rest.length > 0) {
        return answerProblemText(`${where}.evaluation`, {
          path: formatPath(rest),
          label: describeAnswer(rest, (evaluation ?? {}) as EvaluationDraft)
            .label,
          message: issue.message,
        });
      }
      return `${formatPath([where, ...issue.path])}: ${issue.message}`;
    });
    // A number can break two of its checks with one message.
    throw new InputError([...new Set(problems)].slice(0, 10).join('; '));
  }
  return result.data;
}

/** `['body', 'candidates', 0, 'name']` as `body.candidates[0].name`. */
export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

/**
 * An entity reference in the form evaluations are stored under; a 400
 * naming the field (`entityRef` unless told) when it is not one.
 */
export function normalizeEntityRef(
  ref: string,
  defaultKind?: string,
  field = 'entityRef',
): string {
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`${field}: ${(error as Error).message}`);
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/** The filter a list query asks for, with entity references normalised. */
export function filterOf(query: ListQuery): EvaluationFilter {
  return {
    entityRefs: query.entityRef
      ? toArray(query.entityRef).map(ref =>
          normalizeEntityRef(ref, undefined, 'query.entityRef'),
        )
      : undefined,
    ownerGroups: query.ownerGroup
      ? toArray(query.ownerGroup).map(ref =>
          normalizeEntityRef(ref, 'group', 'query.ownerGroup'),
        )
      : undefined,
    system:
      query.system &&
      normalizeEntityRef(query.system, 'system', 'query.system'),
    verdict: query.verdict,
    lifecycle: query.lifecycle,
    status: query.status,
    reviewStatus: query.reviewStatus,
    decidedAgainstTree: query.decidedAgainstTree,
    organisationProfile: query.organisationProfile,
    candidate: query.candidate,
  };
}

function toArray(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}
