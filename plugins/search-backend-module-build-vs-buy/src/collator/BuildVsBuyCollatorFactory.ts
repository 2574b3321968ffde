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

import { Readable } from 'node:stream';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { Permission } from '@backstage/plugin-permission-common';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  buildVsBuyEvaluationReadPermission,
  REVIEW_STATUS_LABELS,
  teamDecisionOf,
  verdictLabel,
  type EvaluationStatus,
  type ReviewStatus,
  type StoredEvaluation,
  type VerdictKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  BuildVsBuyDecisionsService,
  readAllEvaluations,
} from '@build-vs-buy/plugin-build-vs-buy-node';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_LOCATION_TEMPLATE,
  readCollatorOptions,
} from './config';

/**
 * The search document of one Build vs Buy decision.
 *
 * @public
 */
export interface BuildVsBuyDocument extends IndexableDocument {
  /** The evaluated entity, `component:default/vector-db`. */
  entityRef: string;
  /** The tree's verdict. */
  verdict: VerdictKind;
  /** What the team decided: its own option, else the tree's verdict. */
  teamDecision: VerdictKind;
  /** The team's decision in words, naming the product of a buy. */
  decisionLabel: string;
  /** The product the team chose to buy, by name. */
  chosenProduct?: string;
  reviewStatus: ReviewStatus;
  /** A draft is indexed too, with the verdict `incomplete`. */
  status: Exclude<EvaluationStatus, 'archived'>;
  /** The revisit date in force, `YYYY-MM-DD`. */
  revisitBy?: string;
  /** The group that maintains what was built or bought. */
  maintenanceOwnerRef?: string;
  /** The owner of the evaluated entity, as the catalog says. */
  ownerRef?: string;
}

/**
 * Options of {@link BuildVsBuyCollatorFactory}.
 *
 * @public
 */
export type BuildVsBuyCollatorFactoryOptions = {
  auth: AuthService;
  logger: LoggerService;
  /** Reads the decisions: `buildVsBuyDecisionsServiceRef` of -node. */
  decisions: BuildVsBuyDecisionsService;
  /**
   * Where a result links to, with `:namespace`, `:kind` and `:name`
   * placeholders. Defaults to the entity's Build vs Buy tab.
   */
  locationTemplate?: string;
  /** Decisions per request to the Build vs Buy backend. Defaults to 100. */
  batchSize?: number;
};

/**
 * Collates every Build vs Buy decision that is not archived into the search
 * index, read from the Build vs Buy backend with the search plugin's own
 * service credentials. Results stay behind the evaluation read permission.
 *
 * @public
 */
export class BuildVsBuyCollatorFactory implements DocumentCollatorFactory {
  readonly type = 'build-vs-buy';
  readonly visibilityPermission: Permission =
    buildVsBuyEvaluationReadPermission;

  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #decisions: BuildVsBuyDecisionsService;
  readonly #locationTemplate: string;
  readonly #batchSize: number;

  static fromConfig(
    config: Config,
    options: Omit<
      BuildVsBuyCollatorFactoryOptions,
      'locationTemplate' | 'batchSize'
    >,
  ): BuildVsBuyCollatorFactory {
    return new BuildVsBuyCollatorFactory({
      ...options,
      ...readCollatorOptions(config),
    });
  }

  constructor(options: BuildVsBuyCollatorFactoryOptions) {
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#decisions = options.decisions;
    this.#locationTemplate =
      options.locationTemplate ?? DEFAULT_LOCATION_TEMPLATE;
    this.#batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.#documents());
  }

  async *#documents(): AsyncGenerator<BuildVsBuyDocument> {
    const context = {
      credentials: await this.#auth.getOwnServiceCredentials(),
    };
    let listed = 0;
    let indexed = 0;
    // Whole evaluations a page at a time: one request per page, never one
    // per decision.
    for await (const stored of readAllEvaluations(
      this.#decisions,
      { limit: this.#batchSize },
      context,
    )) {
      listed += 1;
      // An entity that left the catalog has no tab for the result to link to.
      if (!stored.entity.missing && stored.status !== 'archived') {
        indexed += 1;
        yield this.#toDocument(stored);
      }
    }
    const skipped = listed - indexed;
    this.#logger.info(
      `Indexed ${indexed} Build vs Buy decisions${
        skipped > 0
          ? `; skipped ${skipped} archived or whose entity left the catalog`
          : ''
      }`,
    );
  }

  #toDocument(stored: StoredEvaluation): BuildVsBuyDocument {
    const entityName = stored.entity.title ?? nameOf(stored.entityRef);
    const team = teamDecisionOf(stored.evaluation, stored.outcome.verdict);
    const decision = verdictLabel(team.decision);
    return {
      title: `${entityName}: ${decision}`,
      text: textOf(stored, entityName, decision, team.decidedAgainstTree),
      location: this.#locationOf(stored.entityRef),
      authorization: { resourceRef: stored.id },
      entityRef: stored.entityRef,
      verdict: stored.outcome.verdict.kind,
      teamDecision: team.decision.kind,
      decisionLabel: decision,
      chosenProduct:
        'candidateName' in team.decision
          ? team.decision.candidateName
          : undefined,
      reviewStatus: stored.review.status,
      status: stored.status as BuildVsBuyDocument['status'],
      revisitBy: stored.review.revisitBy,
      maintenanceOwnerRef: stored.evaluation.maintenance?.ownerGroupRef,
      ownerRef: stored.entity.ownerRef,
    };
  }

  #locationOf(entityRef: string): string {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const values: Record<string, string> = { kind, namespace, name };
    return this.#locationTemplate.replace(
      /:(namespace|kind|name)\b/g,
      (_match, key: string) => encodeURIComponent(values[key]),
    );
  }
}

function nameOf(entityRef: string): string {
  return parseEntityRef(entityRef).name;
}

/**
 * What a search finds a decision by: the entity, the question, the verdict,
 * the products considered, the team's reasoning and why a revisit is due.
 */
function textOf(
  stored: StoredEvaluation,
  entityName: string,
  decision: string,
  decidedAgainstTree: boolean,
): string {
  const { evaluation, review } = stored;
  const candidates = (evaluation.candidates ?? []).map(
    candidate => candidate.name,
  );
  return [
    `Build vs Buy decision for ${entityName}.`,
    evaluation.question,
    `Decision: ${decision}.`,
    decidedAgainstTree &&
      `The tree's verdict: ${verdictLabel(stored.outcome.verdict)}.`,
    stored.status === 'complete' &&
      `Review: ${REVIEW_STATUS_LABELS[review.status]}.`,
    candidates.length > 0 && `Candidates: ${candidates.join(', ')}.`,
    evaluation.coreDifferentiator?.rationale &&
      `Why: ${evaluation.coreDifferentiator.rationale}`,
    evaluation.coreDifferentiator?.competitorTest &&
      `Competitor test: ${evaluation.coreDifferentiator.competitorTest}`,
    ...review.reasons.map(reason => reason.message),
  ]
    .filter(Boolean)
    .join('\n');
}
