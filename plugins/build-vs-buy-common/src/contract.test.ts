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

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type {
  ConfirmEvaluationRequest,
  CreateEvaluationRequest,
  DecisionSummary,
  EvaluationDiff,
  EvaluationRevision,
  EvaluationRevisionSummary,
  EvaluationStatus,
  EvaluationSummary,
  StoredEvaluation,
  UnevaluatedEntity,
  UpdateEvaluationRequest,
} from './api';
import { DASHBOARD_LISTS, EVALUATION_STATUSES } from './api';
import {
  DECISION_LIST_FILTER_KEYS,
  LIST_FORMATS,
  LIST_ORDERS,
  LIST_VIEWS,
  type BuildVsBuyApiSchemas as Schemas,
  type DecisionListFilter,
  type ListFormat,
  type ListOrder,
  type ListView,
  type TeamCoverageQuery,
  type VendorPortfolioQuery,
} from './contract';
import type {
  PortfolioDecision,
  VendorProduct,
  VendorProductOrder,
} from './portfolio';
import type { OrganisationProfile } from './schema';
import {
  TEAM_COVERAGE_ORDERS,
  type TeamCoverage,
  type TeamCoverageOrder,
} from './teamCoverage';
import {
  VERDICT_KINDS,
  type DecisionNode,
  type Outcome,
  type Verdict,
  type VerdictKind,
  type Warning,
} from './evaluate';
import type { Review, ReviewReasonCode, ReviewStatus } from './review';
import { REVIEW_REASON_CODES, REVIEW_STATUSES } from './review';
import type { EvaluationDraft } from './schema';
import { WARNING_CODES, type WarningCode } from './warnings';

/*
 * The -common types are written by hand; the spec's are generated. These
 * checks fail to compile (yarn tsc) when the two stop describing the same
 * values, in either direction.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assignable<From, To> = [From] extends [To] ? true : false;

const sameTypes: true[] = [
  true as Same<VerdictKind, Schemas['VerdictKind']>,
  true as Same<(typeof VERDICT_KINDS)[number], VerdictKind>,
  true as Same<EvaluationStatus, Schemas['EvaluationStatus']>,
  true as Same<(typeof EVALUATION_STATUSES)[number], EvaluationStatus>,
  true as Same<ReviewStatus, Schemas['ReviewStatus']>,
  true as Same<(typeof REVIEW_STATUSES)[number], ReviewStatus>,
  true as Same<DecisionNode, Schemas['DecisionNode']>,
  true as Same<WarningCode, Schemas['WarningCode']>,
  true as Same<ReviewReasonCode, Schemas['ReviewReasonCode']>,
  true as Same<ListFormat, 'json' | 'csv'>,
  true as Same<ListView, 'summary' | 'full'>,
  true as Same<ListOrder, 'updated' | 'revisit'>,
  true as Same<
    OrganisationProfile,
    NonNullable<DecisionListFilter['organisationProfile']>
  >,
  true as Same<
    (typeof DECISION_LIST_FILTER_KEYS)[number],
    keyof DecisionListFilter
  >,
  true as Same<Verdict, Schemas['Verdict']>,
  true as Same<Warning, Schemas['Outcome']['warnings'][number]>,
  true as Same<Outcome['figures'], Schemas['OutcomeFigures']>,
  true as Same<TeamCoverage, Schemas['TeamCoverage']>,
  true as Same<TeamCoverageOrder, NonNullable<TeamCoverageQuery['order']>>,
  true as Same<VendorProduct, Schemas['VendorProduct']>,
  true as Same<PortfolioDecision, Schemas['PortfolioDecision']>,
  true as Same<VendorProductOrder, NonNullable<VendorPortfolioQuery['order']>>,
];

// What the backend answers must be readable as the -common types ...
const responsesReadable: true[] = [
  true as Assignable<Schemas['StoredEvaluation'], StoredEvaluation>,
  true as Assignable<Schemas['EvaluationSummary'], EvaluationSummary>,
  true as Assignable<Schemas['EvaluationRevision'], EvaluationRevision>,
  true as Assignable<
    Schemas['EvaluationRevisionSummary'],
    EvaluationRevisionSummary
  >,
  true as Assignable<Schemas['EvaluationDiff'], EvaluationDiff>,
  true as Assignable<Schemas['UnevaluatedEntity'], UnevaluatedEntity>,
  true as Assignable<Schemas['DecisionSummary'], DecisionSummary>,
  true as Assignable<Schemas['Outcome'], Outcome>,
  true as Assignable<Schemas['Review'], Review>,
];

// ... and what the -common types hold must be sendable and answerable.
const requestsWritable: true[] = [
  true as Assignable<
    CreateEvaluationRequest,
    Schemas['CreateEvaluationRequest']
  >,
  true as Assignable<
    UpdateEvaluationRequest,
    Schemas['UpdateEvaluationRequest']
  >,
  true as Assignable<
    ConfirmEvaluationRequest,
    Schemas['ConfirmEvaluationRequest']
  >,
  true as Assignable<EvaluationDraft, Schemas['EvaluationDraft']>,
  true as Assignable<StoredEvaluation, Schemas['StoredEvaluation']>,
  true as Assignable<EvaluationSummary, Schemas['EvaluationSummary']>,
];

type Spec = {
  components: {
    parameters: Record<string, { schema: { enum?: string[] } }>;
    schemas: Record<string, { enum?: string[] }>;
  };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: {
          $ref?: string;
          name?: string;
          schema?: { enum?: string[] };
        }[];
      }
    >
  >;
};

describe('the API contract', () => {
  const spec: Spec = parse(
    readFileSync(
      resolve(__dirname, '../../build-vs-buy-backend/src/schema/openapi.yaml'),
      'utf8',
    ),
  );
  const { schemas, parameters } = spec.components;

  it('compiles only while the hand-written types match the generated ones', () => {
    expect([
      ...sameTypes,
      ...responsesReadable,
      ...requestsWritable,
    ]).not.toContain(false);
  });

  it('lists the enums in the order and with the values the spec has', () => {
    expect(VERDICT_KINDS).toEqual(schemas.VerdictKind.enum);
    expect(EVALUATION_STATUSES).toEqual(schemas.EvaluationStatus.enum);
    expect(REVIEW_STATUSES).toEqual(schemas.ReviewStatus.enum);
    expect(WARNING_CODES).toEqual(schemas.WarningCode.enum);
    expect(REVIEW_REASON_CODES).toEqual(schemas.ReviewReasonCode.enum);
    expect(DASHBOARD_LISTS).toEqual(parameters.list.schema.enum);
    expect(LIST_FORMATS).toEqual(parameters.format.schema.enum);
    const view = spec.paths['/evaluations'].get.parameters?.find(
      parameter => parameter.name === 'view',
    );
    expect(LIST_VIEWS).toEqual(view?.schema?.enum);
    const order = spec.paths['/evaluations'].get.parameters?.find(
      parameter => parameter.name === 'order',
    );
    expect(LIST_ORDERS).toEqual(order?.schema?.enum);
    const teamOrder = spec.paths['/coverage/teams'].get.parameters?.find(
      parameter => parameter.name === 'order',
    );
    expect(TEAM_COVERAGE_ORDERS).toEqual(teamOrder?.schema?.enum);
  });

  it('names every filter of GET /evaluations but the page and the view', () => {
    const names = (spec.paths['/evaluations'].get.parameters ?? []).map(
      parameter => parameter.name ?? parameter.$ref?.split('/').pop(),
    );
    expect([
      ...DECISION_LIST_FILTER_KEYS,
      'limit',
      'cursor',
      'order',
      'format',
      'view',
    ]).toEqual(expect.arrayContaining(names));
    expect(names).toEqual(
      expect.arrayContaining([...DECISION_LIST_FILTER_KEYS]),
    );
  });
});
