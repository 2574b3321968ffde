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

import {
  answerPathParts,
  answerProblems,
  type AnswerChange,
  type AnswerProblem,
  type AnswerWarning,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/** A path into the draft: object keys and array indices. */
export type AnswerPath = (string | number)[];

/** The dotted name of a field, `candidates.0.name`, as zod issue paths give it. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/** The id of a field's input, from its path: focus and labels find it. */
export function fieldId(path: ReadonlyArray<PropertyKey>): string {
  return `build-vs-buy-${fieldName(path).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Reads an answer at a path. */
export function getAnswer(draft: unknown, path: AnswerPath): unknown {
  let value: any = draft;
  for (const key of path) {
    if (value === undefined || value === null) {
      return undefined;
    }
    value = value[key];
  }
  return value;
}

/**
 * Sets an answer at a path without touching the draft, creating the objects
 * on the way; `undefined` removes the answer.
 */
export function setAnswer<T>(draft: T, path: AnswerPath, value: unknown): T {
  if (path.length === 0) {
    return value as T;
  }
  const [key, ...rest] = path;
  const container: any = Array.isArray(draft)
    ? [...draft]
    : { ...((draft as object | undefined) ?? {}) };
  const next = setAnswer(container[key], rest, value);
  if (next === undefined && !Array.isArray(container)) {
    delete container[key];
  } else {
    container[key] = next;
  }
  return container;
}

/** Messages by field name, the first for each field. */
export function messagesByField(
  items: ReadonlyArray<AnswerProblem | AnswerWarning>,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const item of items) {
    const name = fieldName(answerPathParts(item.path));
    messages[name] ??= 'detail' in item ? item.detail : item.message;
  }
  return messages;
}

/**
 * Field-level validation messages of a draft from the shared schema, in
 * -common's words, keyed by field name.
 */
export function fieldErrors(draft: EvaluationDraft): Record<string, string> {
  return messagesByField(answerProblems(draft));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function formatPath(path: AnswerPath): string {
  return path.map((key, i) => (i === 0 ? String(key) : `.${key}`)).join('');
}

/**
 * The answers that differ between two drafts. Objects are compared answer
 * by answer; lists (candidates, requirements, gaps) as a whole.
 */
export function answerChanges(
  before: unknown,
  after: unknown,
  path: AnswerPath = [],
): AnswerChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys]
      .sort()
      .flatMap(key => answerChanges(before[key], after[key], [...path, key]));
  }
  if (same(before, after)) {
    return [];
  }
  return [{ path: formatPath(path), before, after }];
}

/**
 * Reapplies what the user changed since `base` onto `current`, the version
 * someone else saved meanwhile: every answer the user changed wins, every
 * other answer is theirs.
 */
export function reapplyAnswers(
  base: EvaluationDraft,
  mine: EvaluationDraft,
  current: EvaluationDraft,
): EvaluationDraft {
  let merged = current;
  for (const change of answerChanges(base, mine)) {
    merged = setAnswer(merged, change.path.split('.'), change.after);
  }
  return merged;
}
