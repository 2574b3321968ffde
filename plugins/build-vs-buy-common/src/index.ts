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
 * Shared types, zod schemas, permissions and the pure decision engine of the
 * Build vs Buy plugin.
 *
 * @packageDocumentation
 */

export * from './limits';
export * from './schema';
export * from './warnings';
export {
  MATURITY_CRITERIA,
  coverageLevelOf,
  gapKey,
  gapsOf,
  isDecisive,
  isKnownNotMature,
  isMature,
  measureCoverage,
} from './coverage';
export type { CandidateCoverage, CandidateGap } from './coverage';
export { evaluate, VERDICT_KINDS } from './evaluate';
export type {
  CandidateFigures,
  CandidateStanding,
  DecisionNode,
  EvaluateOptions,
  Outcome,
  OutcomeFigures,
  PathStep,
  Verdict,
  VerdictKind,
  Warning,
} from './evaluate';
export {
  defaultRevisitBy,
  revisitOnConfirmation,
  revisitOnSave,
  toIsoDate,
} from './revisit';
export type { RevisitOnSave } from './revisit';
export * from './review';
export * from './teamCoverage';
export * from './portfolio';
export * from './vendorEvents';
export * from './catalogChanges';
export * from './radar';
export * from './links';
export * from './catalogStanding';
export * from './facts';
export { teamDecisionOf } from './decision';
export type { TeamDecisionFacts } from './decision';
export * from './permissions';
export { toMarkdownAdr } from './adr';
export type { MarkdownAdrOptions } from './adr';
export * from './labels';
export { neutraliseCsvCell, readNeutralisedCsvCell } from './csvCells';
export { displayNameOf, quantityOf, withFullStop } from './wording';
export * from './api';
export {
  DECISION_TREE_EDGES,
  DECISION_TREE_NODES,
  WIZARD_STEPS,
  decisionTreeEdge,
  decisionTreeMermaid,
  decisionTreeNode,
  pathThroughTree,
} from './tree';
export type {
  DecisionTreeEdge,
  DecisionTreeNode,
  DecisionTreeNodeId,
  WizardStep,
  WizardStepId,
} from './tree';
export {
  ANSWER_QUESTIONS,
  answerPathParts,
  describeAnswer,
  formatAnswerPath,
} from './answers';
export type { AnswerDescription, AnswerPattern } from './answers';
export { plainIssueMessage } from './messages';
export { answerProblems } from './validation';
export type { AnswerProblem } from './validation';
export { dependentEntityRef, plausibilityWarnings } from './plausibility';
export type { AnswerWarning, PlausibilityOptions } from './plausibility';
export * from './contract';
export * from './client';
export type { components, operations, paths } from './generated/openapi';
