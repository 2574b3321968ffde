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

import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  buildVsBuyEvaluationCreatePermission,
  buildVsBuyEvaluationDeletePermission,
  buildVsBuyEvaluationUpdatePermission,
  buildVsBuyVendorEventCreatePermission,
  choseProduct,
  productKeyOf,
  type CreateVendorEventRequest,
  type VendorEvent,
  describeAnswer,
  teamDecisionOf,
  verdictLabel,
  type ConfirmEvaluationRequest,
  type DashboardList,
  type DecisionSummary,
  type EvaluationDraft,
  type EvaluationRevision,
  type EvaluationRevisionSummary,
  type EvaluationSummary,
  type Outcome,
  type Page,
  type ProductAliases,
  type Review,
  type StoredEvaluation,
  type TeamCoverage,
  type UnevaluatedEntity,
  type VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { Request } from 'express';
import diff from 'microdiff';
import type { BuildVsBuyDatabase } from '../database/BuildVsBuyDatabase';
import {
  EvaluationConflictError,
  notConfirmable,
} from '../database/DatabaseEvaluationStore';
import type {
  EvaluationFilter,
  EvaluationQuery,
  EvaluationRecord,
  ListEvaluationsOptions,
  TeamCoverageOptions,
} from '../database/types';
import { EvaluationAccess } from './access';
import { audited } from './audit';
import { checkedCatalogFacts, notEvaluatedComponents } from './catalogFacts';
import { confirmationFacts, notifyConfirmation } from './confirmation';
import { batchedEntityReads, type EntityReads } from './entityReads';
import { vendorPortfolioPage, type VendorPortfolioOptions } from './portfolio';
import { formatPath } from './requests';
import type { Reviewer } from './review';
import { conditionKey } from './revisitScan';

/** Who asks, and the HTTP request when there is one (for audit events). */
export type ServiceContext = {
  credentials: BackstageCredentials;
  request?: Request;
};

/** What a create or an update sends: the answers and whether complete. */
export type EvaluationInput = {
  status: 'draft' | 'complete';
  evaluation: EvaluationDraft;
};

/**
 * An update that named a version which is no longer the current one: it
 * carries the current evaluation, so the caller can merge and try again.
 */
export class StaleVersionError extends ConflictError {
  constructor(message: string, readonly current: StoredEvaluation) {
    super(message);
  }
}

/** A page of decisions: summaries, or whole evaluations for `full`. */
export type ListOptions = {
  filter: EvaluationFilter;
  limit: number;
  cursor?: string;
  /** Most recently saved first (the default), or earliest revisit first. */
  order?: 'updated' | 'revisit';
  view?: 'summary' | 'full';
};

const EMPTY_SUMMARY: DecisionSummary = {
  total: 0,
  drafts: 0,
  byVerdict: {},
  byReviewStatus: { current: 0, 'due-soon': 0, overdue: 0 },
  byOwnerGroup: [],
  revisitsByMonth: [],
  revisitsOverdue: 0,
  revisitsLater: 0,
};

/**
 * The plugin's use cases, shared by the HTTP routes, the registered actions
 * and the revisit scan: permission decisions, the catalog facts a write
 * needs, write orchestration and audit events. Reads on behalf of a caller
 * who may not read an evaluation look exactly like reads of one that does
 * not exist.
 */
export class EvaluationService {
  private readonly access: EvaluationAccess;
  private readonly entityReads: EntityReads;
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      db: BuildVsBuyDatabase;
      permissions: PermissionsService;
      permissionRuleset: PermissionRuleset<EvaluationRecord, EvaluationQuery>;
      auditor: AuditorService;
      catalog: CatalogService;
      reviewer: Reviewer;
      /** Spellings of products' names the vendor portfolio merges. */
      productAliases?: ProductAliases;
      /** Tells owners of confirmations; without it, nobody is told. */
      notifications?: NotificationService;
      /**
       * Asks for the revisit scan to run now rather than at its next
       * scheduled time, after a vendor event made decisions due.
       */
      scanSoon?: () => Promise<void>;
      logger?: LoggerService;
      now?: () => Date;
    },
  ) {
    this.access = new EvaluationAccess({
      evaluations: options.db.evaluations,
      permissions: options.permissions,
      permissionRuleset: options.permissionRuleset,
    });
    this.entityReads = batchedEntityReads(options.db.evaluations);
    this.now = options.now ?? (() => new Date());
  }

  /** The review rule in force, for the revisit scan. */
  get reviewer(): Reviewer {
    return this.options.reviewer;
  }

  // Reads

  async get(id: string, context: ServiceContext): Promise<StoredEvaluation> {
    return this.reviewer.toStored(
      await this.access.readable(id, context.credentials),
      this.now(),
    );
  }

  /** The current decision of an entity, or undefined (none, or hidden). */
  async getByEntityRef(
    entityRef: string,
    context: ServiceContext,
  ): Promise<StoredEvaluation | undefined> {
    const record = await this.options.db.evaluations.getByEntityRef(entityRef);
    if (
      !record ||
      !(await this.access.mayRead(record.id, context.credentials))
    ) {
      return undefined;
    }
    return this.reviewer.toStored(record, this.now());
  }

  /**
   * The current decision of each entity as the JSON text of its
   * StoredEvaluation, in the order asked, undefined where there is none or
   * the caller may not read it: the answers and the outcome as they were
   * stored, neither parsed nor written again. One permission call however
   * many entities, and one query shared with the reads asked at the same
   * time (see batchedEntityReads).
   */
  async getByEntityRefsJson(
    entityRefs: string[],
    context: ServiceContext,
  ): Promise<Array<string | undefined>> {
    const records = await this.entityReads.texts(entityRefs);
    const readable = await this.access.readableIds(
      [...new Set(records.flatMap(record => (record ? [record.id] : [])))],
      context.credentials,
    );
    const now = this.now();
    return records.map(record =>
      record && readable.has(record.id)
        ? this.reviewer.toStoredJson(record, now)
        : undefined,
    );
  }

  async list(
    options: ListOptions,
    context: ServiceContext,
  ): Promise<Page<EvaluationSummary | StoredEvaluation>> {
    return options.view === 'full'
      ? this.listInFull(options, context)
      : this.page(options, context, this.summaries, this.reviewer.toSummary);
  }

  /** One page of decisions with their answers, for an export. */
  async listInFull(
    options: Omit<ListOptions, 'view'>,
    context: ServiceContext,
  ): Promise<Page<StoredEvaluation>> {
    return this.page(options, context, this.records, this.reviewer.toStored);
  }

  /** One page of a dashboard list, as far as the caller may read it. */
  async listAttention(
    list: DashboardList,
    options: Omit<ListOptions, 'view'>,
    context: ServiceContext,
  ): Promise<Page<EvaluationSummary>> {
    return this.page(
      { ...options, attention: list },
      context,
      this.summaries,
      this.reviewer.toSummary,
    );
  }

  /** One page of a dashboard list in full: answers, outcome and review. */
  async listAttentionInFull(
    list: DashboardList,
    options: Omit<ListOptions, 'view'>,
    context: ServiceContext,
  ): Promise<Page<StoredEvaluation>> {
    return this.page(
      { ...options, attention: list },
      context,
      this.records,
      this.reviewer.toStored,
    );
  }

  /**
   * The display names of entities the caller may read, by lower-case
   * entity ref (see `displayNameOf`). Without the catalog, none: people
   * then read the entities' names.
   */
  async displayNames(
    entityRefs: string[],
    context: ServiceContext,
  ): Promise<Record<string, string>> {
    if (entityRefs.length === 0) {
      return {};
    }
    try {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec.profile.displayName',
          ],
        },
        { credentials: context.credentials },
      );
      const names: Record<string, string> = {};
      items.forEach((entity, index) => {
        const profile = (entity?.spec?.profile ?? {}) as {
          displayName?: unknown;
        };
        const name =
          typeof profile.displayName === 'string'
            ? profile.displayName
            : entity?.metadata.title;
        if (name) {
          names[entityRefs[index].toLocaleLowerCase('en-US')] = name;
        }
      });
      return names;
    } catch (error) {
      this.options.logger?.warn(
        `Could not read display names from the catalog: ${error}`,
      );
      return {};
    }
  }

  /** A list's records in full, answers and outcome parsed. */
  private readonly records = (options: ListEvaluationsOptions) =>
    this.options.db.dashboard.list(options);

  /** A list's records without the answers, for summaries. */
  private readonly summaries = (options: ListEvaluationsOptions) =>
    this.options.db.dashboard.listSummaries(options);

  /** A page of the store's list, as far as the caller may read it. */
  private async page<R, T>(
    options: Omit<ListOptions, 'view'> & { attention?: DashboardList },
    context: ServiceContext,
    read: (options: ListEvaluationsOptions) => Promise<Page<R>>,
    shape: (record: R, at: Date) => T,
  ): Promise<Page<T>> {
    const permissionFilter = await this.access.readFilter(context.credentials);
    if (permissionFilter === 'deny') {
      return { items: [] };
    }
    const at = this.now();
    const page = await read({
      filter: { ...options.filter, attention: options.attention },
      window: this.options.reviewer.windowAt(at),
      permissionFilter,
      order:
        options.order ??
        (options.attention === 'due-for-revisit' ? 'revisit' : 'updated'),
      limit: options.limit,
      cursor: options.cursor,
    });
    return {
      items: page.items.map(record => shape(record, at)),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The dashboard's counts: complete decisions by verdict, review status
   * and revisit month, and the drafts in progress beside them.
   */
  async summarize(
    filter: EvaluationFilter,
    context: ServiceContext,
  ): Promise<DecisionSummary> {
    const permissionFilter = await this.access.readFilter(context.credentials);
    if (permissionFilter === 'deny') {
      return EMPTY_SUMMARY;
    }
    return this.options.db.dashboard.summarize({
      filter,
      window: this.options.reviewer.windowAt(this.now()),
      permissionFilter,
    });
  }

  /**
   * Coverage by team: each owner group's components counted by the
   * decision they have, as far as the caller may read the decisions (the
   * same permission as the dashboard's counts).
   */
  async teamCoverage(
    options: Omit<TeamCoverageOptions, 'window' | 'permissionFilter'>,
    context: ServiceContext,
  ): Promise<Page<TeamCoverage>> {
    const permissionFilter = await this.access.readFilter(context.credentials);
    if (permissionFilter === 'deny') {
      return { items: [] };
    }
    return this.options.db.dashboard.teamCoverage({
      ...options,
      window: this.options.reviewer.windowAt(this.now()),
      permissionFilter,
    });
  }

  /**
   * The vendor portfolio: every product a decision chose to buy, with the
   * components that chose it and what depends on them, as far as the
   * caller may read the decisions (the same permission as the dashboard's).
   */
  async vendorPortfolio(
    options: VendorPortfolioOptions,
    context: ServiceContext,
  ): Promise<Page<VendorProduct>> {
    const permissionFilter = await this.access.readFilter(context.credentials);
    if (permissionFilter === 'deny') {
      return { items: [] };
    }
    return vendorPortfolioPage(this.options.db.portfolio, {
      ...options,
      permissionFilter,
      aliases: this.options.productAliases ?? {},
    });
  }

  /**
   * Records new information about a product bought, once per idempotency
   * key, and makes every complete decision that chose it (the portfolio's
   * rule, aliases included) due for revisit, in one transaction. The
   * revisit scan tells each decision's owners once per event. `created` is
   * false when the key was already recorded: a retry.
   */
  async recordVendorEvent(
    request: Required<CreateVendorEventRequest>,
    context: ServiceContext,
  ): Promise<{ event: VendorEvent; created: boolean }> {
    await this.access.authorize(
      buildVsBuyVendorEventCreatePermission,
      context.credentials,
      'You may not record vendor events',
    );
    const aliases = this.options.productAliases ?? {};
    const productKey = productKeyOf(request.product, aliases);
    return audited(
      this.options.auditor,
      'vendor-event-create',
      {
        productKey,
        kind: request.kind,
        occurredOn: request.occurredOn,
        idempotencyKey: request.idempotencyKey,
      },
      context,
      async () => {
        const recorded = await this.options.db.vendorEvents.record(
          {
            ...request,
            productKey,
            actorRef: actorOf(context.credentials),
            now: this.now(),
          },
          name => choseProduct(name, productKey, aliases),
        );
        if (recorded.created && recorded.event.decisions > 0) {
          // The owners hear of it now, through the scan's outbox and its
          // once-per-change record, not at the next scheduled scan.
          try {
            await this.options.scanSoon?.();
          } catch (error) {
            this.options.logger?.warn(
              `Could not start the revisit scan after a vendor event; it runs on its schedule: ${error}`,
            );
          }
        }
        return recorded;
      },
    );
  }

  /**
   * The vendor events of a product (any spelling the portfolio counts as
   * it), the latest first, for a caller who may read decisions.
   */
  async listVendorEvents(
    product: string,
    context: ServiceContext,
  ): Promise<VendorEvent[]> {
    const permissionFilter = await this.access.readFilter(context.credentials);
    if (permissionFilter === 'deny') {
      return [];
    }
    return this.options.db.vendorEvents.listForProduct(
      productKeyOf(product, this.options.productAliases ?? {}),
    );
  }

  /** One page of catalog components, less those that have an evaluation. */
  async listNotEvaluated(
    options: {
      filter: Pick<EvaluationFilter, 'ownerGroups' | 'system' | 'lifecycle'>;
      limit: number;
      cursor?: string;
    },
    context: ServiceContext,
  ): Promise<Page<UnevaluatedEntity>> {
    return notEvaluatedComponents({
      ...options,
      catalog: this.options.catalog,
      dashboard: this.options.db.dashboard,
      credentials: context.credentials,
    });
  }

  async listRevisions(
    id: string,
    options: { limit: number; cursor?: string },
    context: ServiceContext,
  ): Promise<Page<EvaluationRevisionSummary>> {
    await this.access.readable(id, context.credentials);
    return this.options.db.evaluations.listRevisions({ id, ...options });
  }

  async getRevision(
    id: string,
    version: number,
    context: ServiceContext,
  ): Promise<EvaluationRevision> {
    await this.access.readable(id, context.credentials);
    return this.revision(id, version);
  }

  /** What changed between two revisions, answer by answer. */
  async diff(
    id: string,
    versions: { from: number; to: number },
    context: ServiceContext,
  ) {
    await this.access.readable(id, context.credentials);
    const before = await this.revision(id, versions.from);
    const after = await this.revision(id, versions.to);
    return {
      evaluationId: id,
      ...versions,
      changes: diff(before.evaluation, after.evaluation).map(change => ({
        path: formatPath(change.path),
        before: 'oldValue' in change ? change.oldValue : undefined,
        after: 'value' in change ? change.value : undefined,
      })),
    };
  }

  /** The outcome and review of answers, without storing anything. */
  preview(evaluation: EvaluationDraft): { outcome: Outcome; review: Review } {
    const at = this.now();
    const outcome = this.outcomeOf(evaluation, 'draft', at);
    const review = this.options.reviewer.reviewAnswers(
      evaluation,
      this.revisitByOf(evaluation, at),
      outcome.verdict,
      at,
      at,
    );
    return { outcome, review };
  }

  // Writes

  async create(
    input: EvaluationInput,
    context: ServiceContext,
  ): Promise<StoredEvaluation> {
    await this.access.authorize(
      buildVsBuyEvaluationCreatePermission,
      context.credentials,
      'You may not create evaluations',
    );
    const at = this.now();
    const write = await this.writeOf(input, context, at);
    const record = await audited(
      this.options.auditor,
      'evaluation-create',
      {
        entityRef: input.evaluation.entityRef,
        status: input.status,
        ...decisionMeta(write.evaluation, write.outcome),
      },
      context,
      () =>
        this.options.db.evaluations.create({
          ...write,
          entityRef: input.evaluation.entityRef,
        }),
    );
    return this.reviewer.toStored(record, at);
  }

  /**
   * Saves a new version. A stale `version` fails with an
   * EvaluationConflictError that carries the current record.
   */
  async update(
    id: string,
    input: EvaluationInput & { version: number },
    context: ServiceContext,
  ): Promise<StoredEvaluation> {
    const current = await this.access.changeable(
      buildVsBuyEvaluationUpdatePermission,
      id,
      context.credentials,
    );
    if (input.evaluation.entityRef !== current.entityRef) {
      throw new InputError(
        `evaluation.entityRef: an evaluation stays with its entity (${current.entityRef})`,
      );
    }
    const at = this.now();
    const write = await this.writeOf(input, context, at, current);
    const record = await audited(
      this.options.auditor,
      'evaluation-update',
      {
        evaluationId: id,
        version: input.version,
        status: input.status,
        ...decisionMeta(write.evaluation, write.outcome),
      },
      context,
      () =>
        this.options.db.evaluations.update({
          ...write,
          id,
          expectedVersion: input.version,
        }),
    ).catch(error => this.staleAsConflict(error, at));
    return this.reviewer.toStored(record, at);
  }

  /**
   * Confirms that a complete decision is still valid, without changing its
   * answers: the next version records the note and a revisit date one
   * interval from today, the owners are told, and the revisit notice is
   * re-armed. A draft, an archived decision, one whose component or
   * maintenance owner left the catalog, or one the tree now decides
   * otherwise is refused with a ConflictError; a stale `version` as an
   * update's is.
   */
  async confirm(
    id: string,
    input: ConfirmEvaluationRequest,
    context: ServiceContext,
  ): Promise<StoredEvaluation> {
    const current = await this.access.changeable(
      buildVsBuyEvaluationUpdatePermission,
      id,
      context.credentials,
    );
    const refusal = notConfirmable(current.status);
    if (refusal) {
      throw refusal;
    }
    const at = this.now();
    const actorRef = actorOf(context.credentials);
    const { confirmer, ...facts } = await confirmationFacts({
      catalog: this.options.catalog,
      record: current,
      actorRef,
      credentials: context.credentials,
    });
    const { evaluation, revisitBy } = this.reviewer.revisitOnConfirmation(
      current,
      at,
    );
    // The answers as they stand must still reach the recorded verdict (an
    // incomplete walk included): otherwise there is nothing to confirm.
    const outcome = this.options.reviewer.evaluate(evaluation, at);
    if (!sameVerdict(outcome.verdict, current.outcome.verdict)) {
      throw new ConflictError(
        `The decision tree no longer comes to "${verdictLabel(
          current.outcome.verdict,
        )}" with these answers but to "${verdictLabel(
          outcome.verdict,
        )}": re-evaluate the decision instead of confirming it.`,
      );
    }
    const record = await audited(
      this.options.auditor,
      'evaluation-confirm',
      { evaluationId: id, version: input.version, revisitBy },
      context,
      () =>
        this.options.db.evaluations.confirm({
          id,
          expectedVersion: input.version,
          note: input.note,
          evaluation,
          outcome,
          revisitBy,
          ...facts,
          releasedNoticeConditions: [
            conditionKey({ kind: 'overdue', revisitBy: current.revisitBy }),
            conditionKey({ kind: 'due-soon', revisitBy: current.revisitBy }),
          ],
          actorRef,
          now: at,
        }),
    ).catch(error => this.staleAsConflict(error, at));
    await notifyConfirmation({
      notifications: this.options.notifications,
      logger: this.options.logger,
      record,
      note: input.note,
      confirmer,
    });
    return this.reviewer.toStored(record, at);
  }

  async archive(
    id: string,
    version: number,
    context: ServiceContext,
  ): Promise<void> {
    await this.access.changeable(
      buildVsBuyEvaluationDeletePermission,
      id,
      context.credentials,
    );
    await audited(
      this.options.auditor,
      'evaluation-archive',
      { evaluationId: id, version },
      context,
      () =>
        this.options.db.evaluations.archive({
          id,
          expectedVersion: version,
          actorRef: actorOf(context.credentials),
          now: this.now(),
        }),
    );
  }

  // Writes, in parts

  /* A stale version, as the StaleVersionError that carries the current one. */
  private staleAsConflict(error: unknown, at: Date): never {
    if (error instanceof EvaluationConflictError && error.current) {
      throw new StaleVersionError(
        error.message,
        this.reviewer.toStored(error.current, at),
      );
    }
    throw error;
  }

  private async revision(id: string, version: number) {
    const revision = await this.options.db.evaluations.getRevision({
      id,
      version,
    });
    if (!revision) {
      throw new NotFoundError(`No revision ${version} of evaluation ${id}`);
    }
    return revision;
  }

  private outcomeOf(
    evaluation: EvaluationDraft,
    status: EvaluationInput['status'],
    at: Date,
  ): Outcome {
    const outcome = this.options.reviewer.evaluate(evaluation, at);
    if (status === 'complete' && outcome.verdict.kind === 'incomplete') {
      throw new InputError(
        `A complete decision needs every answer the tree asks for; missing: ${outcome.missing
          .slice(0, 20)
          .map(path => `${describeAnswer(path, evaluation).label} (${path})`)
          .join('; ')}`,
      );
    }
    if (status === 'complete') {
      requireTeamDecision(evaluation, outcome);
    }
    return outcome;
  }

  private revisitByOf(evaluation: EvaluationDraft, at: Date): string {
    return this.options.reviewer.revisitByOf(evaluation, at);
  }

  /*
   * What a create or an update stores: the server's outcome, the revisit
   * date in force (a new one for a changed complete decision) and the
   * catalog facts, checked with the caller's credentials.
   */
  private async writeOf(
    input: EvaluationInput,
    context: ServiceContext,
    at: Date,
    stored?: EvaluationRecord,
  ) {
    const { evaluation, revisitBy } = this.reviewer.revisitOnSave(
      input.evaluation,
      stored,
      at,
    );
    return {
      status: input.status,
      evaluation,
      outcome: this.outcomeOf(evaluation, input.status, at),
      revisitBy,
      ...(await checkedCatalogFacts(
        this.options.catalog,
        evaluation,
        context.credentials,
      )),
      actorRef: actorOf(context.credentials),
      now: at,
    };
  }
}

/*
 * "It is not a formula": a complete decision may go against the tree, but
 * then it records why. A 400 naming each answer still needed, in the team's
 * words, and nothing is stored.
 */
function requireTeamDecision(evaluation: EvaluationDraft, outcome: Outcome) {
  const team = teamDecisionOf(evaluation, outcome.verdict);
  if (team.missing.length === 0) {
    return;
  }
  const why: Record<string, string> = {
    'teamDecision.candidateId':
      'a complete decision to buy names the product the team buys.',
    'teamDecision.rationale': `a complete decision against the tree's recommendation (${verdictLabel(
      outcome.verdict,
    )}) records why the team decided ${verdictLabel(team.decision)}.`,
  };
  throw new InputError(
    team.missing
      .map(
        path =>
          `evaluation.${path}: ${
            describeAnswer(path, evaluation).label
          } Required: ${why[path]}`,
      )
      .join('; '),
  );
}

/** What an auditor records of a save: the team's decision and the tree's. */
function decisionMeta(evaluation: EvaluationDraft, outcome: Outcome) {
  const team = teamDecisionOf(evaluation, outcome.verdict);
  return {
    treeVerdict: outcome.verdict.kind,
    teamDecision: team.decision.kind,
    teamDecisionCandidateId:
      'candidateId' in team.decision ? team.decision.candidateId : undefined,
    decidedAgainstTree: team.decidedAgainstTree,
  };
}

/** Who did it: the user, else the service's subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/* Whether two verdicts decide the same: the same kind, product and gaps. */
function sameVerdict(a: Outcome['verdict'], b: Outcome['verdict']): boolean {
  const decided = (verdict: Outcome['verdict']) =>
    JSON.stringify([
      verdict.kind,
      'candidateId' in verdict ? verdict.candidateId : undefined,
      'gaps' in verdict ? [...verdict.gaps].sort() : undefined,
    ]);
  return decided(a) === decided(b);
}
