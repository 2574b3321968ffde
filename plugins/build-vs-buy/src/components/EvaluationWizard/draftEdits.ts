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
 * Edits of a draft that touch more than one answer: adding a row with a
 * fresh identifier, and removing a candidate or a requirement together with
 * everything that refers to it (coverage, gap classifications, the team's
 * decision), so the draft never holds a reference the schema would reject.
 */

import {
  candidateNameKey,
  EVALUATION_LIMITS,
  type CoverageLevel,
  type EvaluationDraft,
  type GapBreadth,
  type GapClassificationDraft,
  type GapScope,
  type RequirementDraft,
  type VendorCandidateDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { AnswerPath, setAnswer } from './draftAnswers';
import type { GridColumn, RequirementRow } from './requirementsGrid';

/** An identifier from a name: `VectorCloud Managed` → `vectorcloud-managed`. */
export function identifierFrom(name: string, taken: string[]): string {
  const stem =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'item';
  let id = stem;
  for (let n = 2; taken.includes(id); n++) {
    id = `${stem}-${n}`;
  }
  return id;
}

/** A scope or breadth chosen for one gap; `undefined` clears it. */
export type GapClassificationPatch = {
  scope?: GapScope;
  breadth?: GapBreadth;
};

/** Every edit the wizard's steps can make to a draft. */
export type DraftEdit =
  | { type: 'answer'; path: AnswerPath; value: unknown }
  | { type: 'add-candidate' }
  | { type: 'remove-candidate'; candidateId: string }
  | { type: 'add-requirement' }
  | { type: 'remove-requirement'; requirementId: string }
  | {
      type: 'classify-gap';
      candidateId: string;
      requirementId: string;
      patch: GapClassificationPatch;
    }
  /**
   * Rows pasted into the requirements grid from row `at` down, adding rows
   * as needed; only the pasted columns change.
   */
  | {
      type: 'paste-requirements';
      at: number;
      columns: GridColumn[];
      rows: RequirementRow[];
    }
  /**
   * The requirements an imported file lists, in its order, instead of the
   * current ones; a row keeps the requirement of the same title (with its
   * coverage by candidates the file leaves out, and its gaps).
   */
  | {
      type: 'replace-requirements';
      columns: GridColumn[];
      rows: RequirementRow[];
    }
  | CopyFromEdit;

function classifyGap(
  draft: EvaluationDraft,
  candidateId: string,
  requirementId: string,
  patch: GapClassificationPatch,
): EvaluationDraft {
  const gaps = [...(draft.gaps ?? [])];
  const index = gaps.findIndex(
    gap =>
      gap.candidateId === candidateId && gap.requirementId === requirementId,
  );
  const current: GapClassificationDraft =
    index === -1 ? { candidateId, requirementId } : gaps[index];
  const next: GapClassificationDraft = { ...current, ...patch };
  for (const key of ['scope', 'breadth'] as const) {
    if (key in patch && patch[key] === undefined) {
      delete next[key];
    }
  }
  if (index === -1) {
    gaps.push(next);
  } else {
    gaps[index] = next;
  }
  return { ...draft, gaps };
}

/** A requirement with an identifier from its title, or its place. */
function newRequirement(
  title: string | undefined,
  index: number,
  taken: string[],
): RequirementDraft {
  const id = identifierFrom(title?.trim() || `requirement-${index + 1}`, taken);
  taken.push(id);
  return { id, title: '' };
}

/**
 * Rows' cells into the requirements from `at` down, adding requirements
 * as needed: a column the rows hold sets its cell (an unknown value leaves
 * it unanswered), the other cells stay as they were.
 */
function putRows(
  draft: EvaluationDraft,
  at: number,
  columns: GridColumn[],
  rows: RequirementRow[],
): EvaluationDraft {
  const requirements = [...(draft.requirements ?? [])];
  const start = Math.max(0, Math.min(requirements.length, Math.trunc(at)));
  const taken = requirements.map(({ id }) => id);
  const ids = rows.map((row, i) => {
    const index = start + i;
    const requirement = {
      ...(requirements[index] ?? newRequirement(row.title, index, taken)),
    };
    for (const column of columns) {
      if (column.kind === 'title') {
        requirement.title = row.title ?? '';
      } else if (column.kind === 'bucket') {
        if (row.bucket) requirement.bucket = row.bucket;
        else delete requirement.bucket;
      } else if (column.kind === 'needed') {
        if (row.neededByWorkload === undefined)
          delete requirement.neededByWorkload;
        else requirement.neededByWorkload = row.neededByWorkload;
      }
    }
    requirements[index] = requirement;
    return requirement.id;
  });
  const coverageColumns = columns.flatMap(column =>
    column.kind === 'coverage' ? [column.candidateId] : [],
  );
  const candidates = draft.candidates?.map(candidate => {
    if (!coverageColumns.includes(candidate.id)) {
      return candidate;
    }
    let coverage = candidate.coverage;
    rows.forEach((row, i) => {
      const level = row.coverage?.[candidate.id];
      // Candidates not yet put on the table stay unanswered (Node 2).
      if (level !== undefined || coverage !== undefined) {
        coverage = setAnswer(coverage ?? {}, [ids[i]], level);
      }
    });
    return coverage === candidate.coverage
      ? candidate
      : { ...candidate, coverage };
  });
  return { ...draft, requirements, ...(candidates && { candidates }) };
}

/** Applies one edit to a draft without touching it. */
export function editDraft(
  draft: EvaluationDraft,
  edit: DraftEdit,
): EvaluationDraft {
  const candidates = draft.candidates ?? [];
  const requirements = draft.requirements ?? [];
  switch (edit.type) {
    case 'answer':
      return setAnswer(draft, edit.path, edit.value);
    case 'add-candidate': {
      const ordinal = candidates.length + 1;
      const id = identifierFrom(
        `candidate-${ordinal}`,
        candidates.map(candidate => candidate.id),
      );
      // Named by the team: an empty name, never a placeholder to erase.
      return {
        ...draft,
        candidates: [...candidates, { id, name: '' }],
      };
    }
    case 'remove-candidate': {
      const removed = {
        ...draft,
        candidates: candidates.filter(({ id }) => id !== edit.candidateId),
        gaps: (draft.gaps ?? []).filter(
          gap => gap.candidateId !== edit.candidateId,
        ),
      };
      // A team that chose the candidate follows the tree again; its
      // rationale stays.
      if (draft.teamDecision?.candidateId === edit.candidateId) {
        const { rationale } = draft.teamDecision;
        if (rationale === undefined) {
          delete removed.teamDecision;
        } else {
          removed.teamDecision = { rationale };
        }
      }
      return removed;
    }
    case 'add-requirement': {
      const ordinal = requirements.length + 1;
      const id = identifierFrom(
        `requirement-${ordinal}`,
        requirements.map(requirement => requirement.id),
      );
      return {
        ...draft,
        requirements: [...requirements, { id, title: '' }],
      };
    }
    case 'remove-requirement': {
      const id = edit.requirementId;
      // Candidates not yet put on the table stay unanswered (Node 2).
      return {
        ...draft,
        requirements: requirements.filter(requirement => requirement.id !== id),
        ...(draft.candidates && {
          candidates: draft.candidates.map(candidate => {
            if (!candidate.coverage) {
              return candidate;
            }
            const { [id]: _removed, ...coverage } = candidate.coverage;
            return { ...candidate, coverage };
          }),
        }),
        gaps: (draft.gaps ?? []).filter(gap => gap.requirementId !== id),
      };
    }
    case 'classify-gap':
      return classifyGap(
        draft,
        edit.candidateId,
        edit.requirementId,
        edit.patch,
      );
    case 'paste-requirements':
      return putRows(draft, edit.at, edit.columns, edit.rows);
    case 'replace-requirements': {
      const sameTitle = (requirement: RequirementDraft, title?: string) =>
        !!title?.trim() &&
        requirement.title.trim().toLowerCase() === title.trim().toLowerCase();
      const kept: string[] = [];
      const matches = edit.rows.map(row => {
        const match = requirements.find(
          requirement =>
            !kept.includes(requirement.id) && sameTitle(requirement, row.title),
        );
        if (match) kept.push(match.id);
        return match;
      });
      const removed = requirements
        .filter(({ id }) => !kept.includes(id))
        .reduce(
          (next, { id }) =>
            editDraft(next, { type: 'remove-requirement', requirementId: id }),
          draft,
        );
      const taken = [...kept];
      return putRows(
        {
          ...removed,
          requirements: edit.rows.map(
            (row, index) =>
              matches[index] ?? newRequirement(row.title, index, taken),
          ),
        },
        0,
        edit.columns,
        edit.rows,
      );
    }
    case 'copy-from':
      return copyFrom(draft, edit);
    default:
      return draft;
  }
}

// --- Copying from another decision ------------------------------------------
// (kept apart from the edits above: "Start from what the organisation knows")

/**
 * Starts from another component's decision: its candidates, with their
 * maturity evidence and notes, and its requirements, with their bucket,
 * whether the workload needs them and each candidate's coverage of them.
 */
export type CopyFromEdit = {
  type: 'copy-from';
  source: EvaluationDraft;
  candidates: boolean;
  requirements: boolean;
};

function requirementTitleKey(title: string | undefined): string {
  return (title ?? '').trim().toLocaleLowerCase('en-US');
}

/*
 * Appends what is asked for, with identifiers of this draft's own, and
 * keeps every answer already given: a candidate whose name is already on
 * the table (or a requirement whose title is) is not copied again, though a
 * candidate already there gains its coverage of the requirements copied
 * now. Nothing of the source's verdict comes along: not its gaps (judged
 * for its component), team decision, maintenance owner, migration plan,
 * revisit date or core-differentiator answer.
 */
function copyFrom(draft: EvaluationDraft, edit: CopyFromEdit): EvaluationDraft {
  const requirements = [...(draft.requirements ?? [])];
  const candidates = [...(draft.candidates ?? [])];
  let changed = false;

  // The source's requirement ids, as this draft names the copies.
  const requirementIds = new Map<string, string>();
  if (edit.requirements) {
    const titles = new Set(
      requirements.map(({ title }) => requirementTitleKey(title)),
    );
    for (const requirement of edit.source.requirements ?? []) {
      const key = requirementTitleKey(requirement.title);
      if (
        titles.has(key) ||
        requirements.length >= EVALUATION_LIMITS.requirements
      ) {
        continue;
      }
      const id = identifierFrom(
        requirement.title ?? '',
        requirements.map(({ id: taken }) => taken),
      );
      const copy: RequirementDraft = { id, title: requirement.title };
      if (requirement.bucket !== undefined) copy.bucket = requirement.bucket;
      if (requirement.neededByWorkload !== undefined) {
        copy.neededByWorkload = requirement.neededByWorkload;
      }
      if (requirement.notes !== undefined) copy.notes = requirement.notes;
      requirements.push(copy);
      requirementIds.set(requirement.id, id);
      titles.add(key);
      changed = true;
    }
  }

  const byName = new Map(
    candidates.map((candidate, index) => [
      candidateNameKey(candidate.name ?? ''),
      index,
    ]),
  );
  for (const candidate of edit.source.candidates ?? []) {
    const coverage: Record<string, CoverageLevel> = {};
    for (const [requirementId, level] of Object.entries(
      candidate.coverage ?? {},
    )) {
      const id = requirementIds.get(requirementId);
      if (id !== undefined) coverage[id] = level;
    }
    const covers = Object.keys(coverage).length > 0;
    const present = byName.get(candidateNameKey(candidate.name ?? ''));
    if (present !== undefined) {
      if (covers) {
        const current = candidates[present];
        candidates[present] = {
          ...current,
          coverage: { ...current.coverage, ...coverage },
        };
        changed = true;
      }
      continue;
    }
    if (!edit.candidates || candidates.length >= EVALUATION_LIMITS.candidates) {
      continue;
    }
    const id = identifierFrom(
      candidate.name ?? '',
      candidates.map(({ id: taken }) => taken),
    );
    const copy: VendorCandidateDraft = { id, name: candidate.name };
    if (candidate.maturity !== undefined) {
      copy.maturity = { ...candidate.maturity };
    }
    if (candidate.notes !== undefined) copy.notes = candidate.notes;
    if (covers) copy.coverage = coverage;
    byName.set(candidateNameKey(candidate.name ?? ''), candidates.length);
    candidates.push(copy);
    changed = true;
  }

  if (!changed) {
    return draft;
  }
  // A list never answered stays unanswered: no candidates on the table is
  // an answer of its own at Node 2.
  return {
    ...draft,
    ...((draft.candidates || candidates.length > 0) && { candidates }),
    ...((draft.requirements || requirements.length > 0) && { requirements }),
  };
}

// --- End of copying from another decision -----------------------------------
