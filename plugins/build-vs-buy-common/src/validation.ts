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

import { describeAnswer, formatAnswerPath } from './answers';
import { plainIssueMessage } from './messages';
import { evaluationDraftSchema, type EvaluationDraft } from './schema';

/**
 * One invalid answer: where it is, the question it answers, and what is
 * wrong with it, in words.
 *
 * @public
 */
export type AnswerProblem = {
  /** The machine path, `candidates[0].integrationWeeks`, as the API names it. */
  path: string;
  /** The question in the team's words, from `describeAnswer`. */
  label: string;
  /** What to do about it: "Enter a number of weeks from 0 to 520". */
  message: string;
};

/**
 * What `evaluationDraftSchema` finds wrong with some answers, one problem
 * per answer (the first), in words a person understands. Empty when the
 * answers are valid. The wizard shows these on the fields; the backend's
 * 400 carries the same messages.
 *
 * @public
 */
export function answerProblems(answers: unknown): AnswerProblem[] {
  const result = evaluationDraftSchema.safeParse(answers, {
    error: plainIssueMessage,
  });
  if (result.success) {
    return [];
  }
  // describeAnswer reads names defensively, so invalid answers still name
  // their candidates and requirements.
  const evaluation = (
    typeof answers === 'object' && answers !== null ? answers : {}
  ) as EvaluationDraft;
  const seen = new Set<string>();
  const problems: AnswerProblem[] = [];
  for (const issue of result.error.issues) {
    const parts = issue.path.map(part =>
      typeof part === 'number' ? part : String(part),
    );
    const path = formatAnswerPath(parts);
    if (seen.has(path)) {
      continue;
    }
    seen.add(path);
    problems.push({
      path,
      label:
        parts.length === 0
          ? 'The answers'
          : describeAnswer(parts, evaluation).label,
      message: issue.message,
    });
  }
  return problems;
}
