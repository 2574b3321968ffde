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
  CANDIDATE_STANDING_LABELS,
  COVERAGE_LEVEL_LABELS,
  REQUIREMENT_BUCKET_LABELS,
  coverageLevelOf,
  type EvaluationDraft,
  type Outcome,
  type RequirementBucket,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';

const BUCKETS: RequirementBucket[] = ['must', 'should', 'nice'];

function percent(ratio: number) {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/**
 * Candidates against requirements, grouped by the article's three buckets,
 * with each candidate's Node 3 coverage.
 */
export const RequirementsMatrix = (props: {
  evaluation: EvaluationDraft;
  outcome: Outcome;
}) => {
  const candidates = props.evaluation.candidates ?? [];
  const requirements = props.evaluation.requirements ?? [];
  if (requirements.length === 0 || candidates.length === 0) {
    return (
      <Typography variant="body2">
        No candidates or requirements were recorded.
      </Typography>
    );
  }
  const figuresOf = (candidateId: string) =>
    props.outcome.figures.candidates.find(c => c.candidateId === candidateId);
  return (
    <Table size="small" aria-label="Requirements matrix">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Requirement
          </TableCell>
          {candidates.map(candidate => (
            <TableCell key={candidate.id} component="th" scope="col">
              {candidate.name}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {BUCKETS.map(bucket => {
          const inBucket = requirements.filter(r => r.bucket === bucket);
          if (inBucket.length === 0) {
            return null;
          }
          return [
            <TableRow key={`bucket-${bucket}`}>
              <TableCell
                component="th"
                scope="colgroup"
                colSpan={candidates.length + 1}
              >
                <Typography variant="subtitle2">
                  {REQUIREMENT_BUCKET_LABELS[bucket]}s
                </Typography>
              </TableCell>
            </TableRow>,
            ...inBucket.map(requirement => (
              <TableRow key={requirement.id}>
                <TableCell component="th" scope="row">
                  {requirement.title}
                  {requirement.neededByWorkload === false &&
                    ' (not needed by the workload)'}
                </TableCell>
                {candidates.map(candidate => {
                  const level = coverageLevelOf(candidate, requirement.id);
                  return (
                    <TableCell key={candidate.id}>
                      {level ? COVERAGE_LEVEL_LABELS[level] : 'Not assessed'}
                    </TableCell>
                  );
                })}
              </TableRow>
            )),
          ];
        })}
        <TableRow>
          <TableCell component="th" scope="row">
            Coverage
          </TableCell>
          {candidates.map(candidate => {
            const figures = figuresOf(candidate.id);
            return (
              <TableCell key={candidate.id}>
                {figures
                  ? `${figures.coverage.mustMet}/${
                      figures.coverage.mustTotal
                    } must-haves, ${percent(
                      figures.coverage.ratio,
                    )} of should-haves; ${
                      CANDIDATE_STANDING_LABELS[figures.standing]
                    }`
                  : '-'}
              </TableCell>
            );
          })}
        </TableRow>
      </TableBody>
    </Table>
  );
};
