/**
 * The Build vs Buy backend plugin.
 *
 * @packageDocumentation
 */

export { buildVsBuyPlugin as default } from './plugin';
export {
  buildVsBuyEvaluationConditions,
  createBuildVsBuyEvaluationConditionalDecision,
  evaluationResourceRef,
} from './permissions/rules';
export type { EvaluationQuery, EvaluationRecord } from './database/types';
