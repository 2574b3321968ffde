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
 * The checks that span an evaluation's lists: coverage, gaps,
 * classifications and the team's decision must name candidates and
 * requirements that exist, and a gap is classified once.
 */

type ReferenceContext = {
  addIssue(issue: {
    code: 'custom';
    path: PropertyKey[];
    message: string;
  }): void;
};

function idsOf(rows: unknown, key: string): unknown[] {
  return Array.isArray(rows)
    ? rows.map(row => (row as Record<string, unknown> | undefined)?.[key])
    : [];
}

/*
 * Cross references the field schemas cannot see. Zod runs this even when
 * some fields failed their checks, so it reads the value defensively.
 */
export function checkReferences(
  evaluation: {
    candidates?: unknown;
    requirements?: unknown;
    gaps?: unknown;
    teamDecision?: unknown;
  },
  ctx: ReferenceContext,
): void {
  const requirementIds = new Set<unknown>();
  idsOf(evaluation.requirements, 'id').forEach((id, index) => {
    if (requirementIds.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['requirements', index, 'id'],
        message: `Duplicate requirement id "${String(id)}"`,
      });
    }
    requirementIds.add(id);
  });

  const candidateIds = new Set<unknown>();
  idsOf(evaluation.candidates, 'id').forEach((id, index) => {
    if (candidateIds.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['candidates', index, 'id'],
        message: `Duplicate candidate id "${String(id)}"`,
      });
    }
    candidateIds.add(id);
  });

  const decided = (evaluation.teamDecision as { candidateId?: unknown } | null)
    ?.candidateId;
  if (decided !== undefined && !candidateIds.has(decided)) {
    ctx.addIssue({
      code: 'custom',
      path: ['teamDecision', 'candidateId'],
      message: `Unknown candidate id "${String(decided)}"`,
    });
  }

  idsOf(evaluation.candidates, 'coverage').forEach((coverage, index) => {
    for (const requirementId of Object.keys(coverage ?? {})) {
      if (!requirementIds.has(requirementId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['candidates', index, 'coverage', requirementId],
          message: `Unknown requirement id "${requirementId}"`,
        });
      }
    }
  });

  const gapCandidateIds = idsOf(evaluation.gaps, 'candidateId');
  const gapRequirementIds = idsOf(evaluation.gaps, 'requirementId');
  const classified = new Set<string>();
  gapCandidateIds.forEach((candidateId, index) => {
    const requirementId = gapRequirementIds[index];
    if (!candidateIds.has(candidateId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['gaps', index, 'candidateId'],
        message: `Unknown candidate id "${String(candidateId)}"`,
      });
    }
    if (!requirementIds.has(requirementId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['gaps', index, 'requirementId'],
        message: `Unknown requirement id "${String(requirementId)}"`,
      });
    }
    const key = `${String(candidateId)}/${String(requirementId)}`;
    if (classified.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['gaps', index],
        message: `Gap ${key} is classified twice`,
      });
    }
    classified.add(key);
  });
}
