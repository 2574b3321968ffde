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
  ComponentDependent,
  DecisionSummary,
  EvaluatedEntity,
  EvaluationDraft,
  EvaluationRevision,
  EvaluationRevisionSummary,
  EvaluationStatus,
  Outcome,
  Page,
  ReviewFacts,
  ReviewWindow,
  CatalogChanges,
  StoredEvaluation,
  Verdict,
  OrganisationProfile,
  PortfolioDecision,
  TeamCoverage,
  TeamCoverageOrder,
  UnevaluatedEntity,
  VendorEvent,
  VendorEventFacts,
  VendorEventKind,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';

export type { ReviewWindow };

/**
 * An evaluation as stored: the answers, the outcome computed when it was
 * saved, the facts derived from them by -common's `decisionFacts`, and the
 * catalog facts kept alongside for filtering. The review status is not
 * stored: it depends on the day it is asked.
 */
export type EvaluationRecord = Omit<StoredEvaluation, 'review'> & {
  /** The revisit date in force: the answer, or the default interval. */
  revisitBy: string;
  maintenanceOwnerRef?: string;
  hasMigrationPlan: boolean;
  /** Whether the decision needs attention whatever the date. */
  needsAttention: boolean;
  /** The product the team decided to buy, by name. */
  chosenCandidateName?: string;
  /** Whether the team decided otherwise than the tree's verdict. */
  decidedAgainstTree: boolean;
  /** A regulated organisation's buy with no build fallback written down. */
  regulatedWithoutBuildFallback: boolean;
  /** When the evaluation was last saved as complete. */
  decidedAt?: string;
  /** The entity's owner when the evaluation was last saved as complete. */
  decidedOwnerRef?: string;
  /**
   * The members of the maintenance owner group when the evaluation was last
   * saved as complete: the team node 5 was answered for.
   */
  decidedMaintainers?: number;
  /** The entity's lifecycle when the evaluation was last saved as complete. */
  decidedLifecycle?: string;
  /**
   * The fingerprint of the entity's description in the catalog when the
   * evaluation was last saved as complete (`descriptionHashOf`).
   */
  decidedDescriptionHash?: string;
  /**
   * The vendor event about the product it chose that the decision was not
   * revisited for since (confirmed or recorded again).
   */
  vendorEvent?: VendorEventFacts;
  /**
   * What changed in the catalog since the decision, as the revisit scan
   * found it, until it is revisited (confirmed or recorded again).
   */
  catalogChanges?: CatalogChanges;
};

/**
 * What a list's row shows that only the answers and the outcome hold,
 * stored beside them at every save.
 */
export type ListSummaryFacts = {
  /** The tree's verdict. */
  verdict: Verdict;
  /** What the team decided (-common's `teamDecisionOf`). */
  teamDecision: Verdict;
  /** The candidates' names as given, in the team's order. */
  candidateNames: string[];
};

/**
 * An evaluation as a list reads it: the record without its answers and
 * outcome, and what the list shows of them.
 */
export type EvaluationSummaryRecord = Omit<
  EvaluationRecord,
  'evaluation' | 'outcome'
> &
  ListSummaryFacts;

/**
 * An evaluation with its answers and outcome as the JSON text they were
 * saved as, for a read that returns them unchanged.
 */
export type EvaluationText = Omit<
  EvaluationRecord,
  'evaluation' | 'outcome'
> & {
  evaluationJson: string;
  outcomeJson: string;
  /**
   * The stored facts its review rests on; undefined when they cannot stand
   * for the answers (derived under older rules), and the review needs them.
   */
  reviewFacts?: ReviewFacts;
};

/** What a save writes; the store derives the columns it filters on. */
export type EvaluationWrite = {
  status: Exclude<EvaluationStatus, 'archived'>;
  evaluation: EvaluationDraft;
  outcome: Outcome;
  revisitBy: string;
  entity: EvaluatedEntity;
  /** The members of the maintenance owner group, when it has one. */
  maintainers?: number;
  /** The fingerprint of the entity's description in the catalog. */
  descriptionHash?: string;
  actorRef: string;
  now: Date;
};

/**
 * What a confirmation that a complete decision is still valid writes: a
 * save of the answers as they stand, with a note, a new revisit date and the
 * catalog facts as the confirmation found them.
 */
export type EvaluationConfirmation = Omit<EvaluationWrite, 'status'> & {
  id: string;
  expectedVersion: number;
  /** Why the decision still holds. */
  note: string;
  /**
   * Keys of the notice conditions the owners were told of that no longer
   * hold (the old revisit date's): released, so that they are told again
   * should the same condition come back.
   */
  releasedNoticeConditions: string[];
};

/**
 * The columns permission rules are turned into: a condition is "this column
 * holds one of these values".
 */
export type EvaluationQuery = {
  key: 'entity_owner_ref' | 'maintenance_owner_ref' | 'entity_ref';
  values: string[];
};

/** The lists of the org-wide dashboard. */
export type AttentionList =
  | 'due-for-revisit'
  | 'no-migration-plan'
  | 'no-maintenance-owner'
  | 'entity-missing';

/** Filters shared by lists and summaries. */
export type EvaluationFilter = {
  /** The decisions of any of these entities (one page of the catalog). */
  entityRefs?: string[];
  /** The entity's owner or the maintenance owner is one of these groups. */
  ownerGroups?: string[];
  system?: string;
  verdict?: Outcome['verdict']['kind'];
  lifecycle?: string;
  status?: EvaluationStatus;
  reviewStatus?: StoredEvaluation['review']['status'];
  /** Decisions the team made against the tree's verdict (or, false, not). */
  decidedAgainstTree?: boolean;
  /** Decisions judged for this organisation profile. */
  organisationProfile?: OrganisationProfile;
  /**
   * Decisions with a candidate whose name holds this text, case and white
   * space aside (-common's `candidateNameKey`).
   */
  candidate?: string;
  attention?: AttentionList;
};

export type ListEvaluationsOptions = {
  filter: EvaluationFilter;
  window: ReviewWindow;
  /** Conditions from a conditional permission decision, applied in SQL. */
  permissionFilter?: PermissionCriteria<EvaluationQuery>;
  /** `updated`: newest first; `revisit`: the earliest revisit date first. */
  order: 'updated' | 'revisit';
  limit: number;
  cursor?: string;
};

/**
 * Evaluations and their full history. Every save appends a revision;
 * updates name the version they read and fail with an
 * EvaluationConflictError (carrying the current record) when it is stale.
 */
export interface EvaluationStore {
  create(
    write: EvaluationWrite & { entityRef: string },
  ): Promise<EvaluationRecord>;
  update(
    write: EvaluationWrite & { id: string; expectedVersion: number },
  ): Promise<EvaluationRecord>;
  archive(options: {
    id: string;
    expectedVersion: number;
    actorRef: string;
    now: Date;
  }): Promise<EvaluationRecord>;
  /**
   * Records that a complete decision is still valid, as its next version
   * (complete, the note in its revision), and releases the notice
   * conditions in the same transaction. A draft or an archived evaluation
   * fails with a ConflictError, a stale version as an update does.
   */
  confirm(confirmation: EvaluationConfirmation): Promise<EvaluationRecord>;
  get(id: string): Promise<EvaluationRecord | undefined>;
  /** The evaluation of an entity that is not archived. */
  getByEntityRef(entityRef: string): Promise<EvaluationRecord | undefined>;
  /**
   * The evaluations of these entities that are not archived (at most one
   * each, in no particular order), their answers and outcome as the stored
   * JSON text, unparsed.
   */
  getTextsByEntityRefs(entityRefs: string[]): Promise<EvaluationText[]>;
  listRevisions(options: {
    id: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<EvaluationRevisionSummary>>;
  getRevision(options: {
    id: string;
    version: number;
  }): Promise<EvaluationRevision | undefined>;
}

/** What coverage by team is asked for. */
export type TeamCoverageOptions = {
  /** Components owned by these groups, part of the system, in the lifecycle. */
  filter: Pick<EvaluationFilter, 'ownerGroups' | 'system' | 'lifecycle'>;
  window: ReviewWindow;
  /**
   * Conditions from a conditional permission decision: a component whose
   * evaluation the caller may not read is left out of every count.
   */
  permissionFilter?: PermissionCriteria<EvaluationQuery>;
  order: TeamCoverageOrder;
  direction: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

/** The queries of lists and the org-wide dashboard. */
export interface DashboardStore {
  /** A page of evaluations in full: answers and outcome parsed. */
  list(options: ListEvaluationsOptions): Promise<Page<EvaluationRecord>>;
  /** The same page as {@link DashboardStore.list}, without the answers. */
  listSummaries(
    options: ListEvaluationsOptions,
  ): Promise<Page<EvaluationSummaryRecord>>;
  summarize(options: {
    filter: EvaluationFilter;
    window: ReviewWindow;
    permissionFilter?: PermissionCriteria<EvaluationQuery>;
  }): Promise<DecisionSummary>;
  /**
   * Folds the counts kept as decisions are written into one row per
   * combination, so that the summary adds up a few rows; no count changes.
   * Returns how many rows were folded.
   */
  compactCounts(): Promise<number>;
  /** Which of these entities have an evaluation that is not archived. */
  evaluatedEntityRefs(entityRefs: string[]): Promise<Set<string>>;
  /**
   * Each owner group's components counted by the decision they have, as
   * -common's `teamCoverage` counts them, over the copy of the catalog's
   * components.
   */
  teamCoverage(options: TeamCoverageOptions): Promise<Page<TeamCoverage>>;
}

/**
 * A catalog component as the plugin keeps a copy of it, with the entities
 * that depend on it (its `dependencyOf` relations), lower case.
 */
export type CatalogComponent = UnevaluatedEntity & { dependentRefs?: string[] };

/** The catalog facts a refresh writes for one entity. */
export type EntityFacts = { entityRef: string } & EvaluatedEntity;

/** The catalog facts kept beside evaluations, for filtering. */
export interface CatalogFactsStore {
  /** Pages through the entity refs of all evaluations, for refreshes. */
  listEntityRefs(options: { limit: number; after?: string }): Promise<string[]>;
  updateEntityFacts(facts: EntityFacts[]): Promise<void>;
  /** Writes components as a refresh read them at `refreshedAt`. */
  saveComponents(
    components: CatalogComponent[],
    refreshedAt: string,
  ): Promise<void>;
  /**
   * Removes the components a refresh that started at `refreshedAt` did not
   * see: they left the catalog. Returns how many.
   */
  removeComponentsNotRefreshedSince(refreshedAt: string): Promise<number>;
}

/** What the vendor portfolio is read from. */
export interface PortfolioStore {
  /**
   * Every complete decision to buy a product, as far as the permission
   * filter lets the caller read, the earliest decided first.
   */
  listBuyDecisions(options: {
    permissionFilter?: PermissionCriteria<EvaluationQuery>;
  }): Promise<PortfolioDecision[]>;
  /**
   * The copied `dependencyOf` relations of these components, each with the
   * system its dependent is part of when the dependent is a copied
   * component.
   */
  listDependents(componentRefs: string[]): Promise<ComponentDependent[]>;
}

/** A vendor event to record, as the caller gave it. */
export type VendorEventWrite = {
  /** The product's name as entered. */
  product: string;
  /** The key the portfolio groups the product by (-common's productKeyOf). */
  productKey: string;
  kind: VendorEventKind;
  occurredOn: string;
  note: string;
  idempotencyKey: string;
  actorRef: string;
  now: Date;
};

/** Vendor events and the decisions they make due for revisit. */
export interface VendorEventStore {
  /**
   * Records an event and, in the same transaction, puts every complete
   * decision whose chosen product `chose` says is the event's under it.
   * With an idempotency key already recorded, returns that event and
   * changes nothing (`created` false). Fails with an InputError naming
   * `product` when no complete decision chose the product.
   */
  record(
    write: VendorEventWrite,
    chose: (chosenCandidateName: string) => boolean,
  ): Promise<{ event: VendorEvent; created: boolean }>;
  /** The events of a product, the most recently recorded first. */
  listForProduct(productKey: string): Promise<VendorEvent[]>;
}

/** What is recorded of the notice of one evaluation. */
export type NoticeState = {
  conditions: string[];
  /** When it was last recorded: the version a claim compares against. */
  at: string;
  /** False while claimed and not yet handed to the notifications service. */
  sent: boolean;
};

/** A change of the conditions an evaluation's owners were told of. */
export type NoticeClaim = {
  evaluationId: string;
  /** What was recorded, as read; undefined when nothing ever was. */
  expected: NoticeState | undefined;
  next: string[];
  /** True when there is nothing to send (conditions only cleared). */
  sent: boolean;
};

/** A decision as the revisit scan sees it. */
export type RevisitScanItem = {
  record: EvaluationRecord;
  /** The notice last recorded; undefined when there never was one. */
  notice?: NoticeState;
};

/**
 * The outbox of revisit notices: which conditions each decision's owners
 * were told of, claimed by compare-and-set and confirmed once sent.
 */
export interface NoticeStore {
  /** Pages through complete decisions in id order, for the revisit scan. */
  listForRevisitScan(options: {
    limit: number;
    after?: string;
  }): Promise<RevisitScanItem[]>;
  /**
   * Records the conditions evaluations' owners are told of, each only if
   * what was recorded is still its `expected` (compare and set on the
   * conditions and when they were recorded). Returns the evaluations whose
   * notice this call recorded; for the others another scan recorded first,
   * and that scan sends the notification.
   */
  recordNotices(options: {
    notices: NoticeClaim[];
    now: Date;
  }): Promise<Set<string>>;
  /**
   * Marks the notices claimed at `claimedAt` as handed to the notifications
   * service.
   */
  confirmNotices(options: {
    evaluationIds: string[];
    claimedAt: Date;
    now: Date;
  }): Promise<void>;
  /**
   * Records on each decision what changed in the catalog since it was
   * recorded (none clears it), and the attention that follows, each only
   * if the decision is still as read: same version, same vendor event.
   * Returns how many it recorded.
   */
  recordCatalogChanges(
    updates: Array<{
      record: EvaluationRecord;
      changes: CatalogChanges | undefined;
    }>,
  ): Promise<number>;
}
