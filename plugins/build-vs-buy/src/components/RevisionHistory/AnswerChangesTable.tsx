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
  describeAnswer,
  type AnswerChange,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';

function show(value: unknown): string {
  if (value === undefined) {
    return '(not answered)';
  }
  if (typeof value === 'string') {
    return value === '' ? '(blank)' : value;
  }
  return JSON.stringify(value);
}

/**
 * Answers that differ, before and after, each named by its question in the
 * team's words, with candidates and requirements named as in `evaluation`.
 */
export const AnswerChangesTable = (props: {
  changes: AnswerChange[];
  /** The answers that name candidates and requirements. */
  evaluation: EvaluationDraft;
  label: string;
  beforeTitle?: string;
  afterTitle?: string;
}) => {
  if (props.changes.length === 0) {
    return <Typography variant="body2">No answer changed.</Typography>;
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>Answer</TableCell>
          <TableCell>{props.beforeTitle ?? 'Before'}</TableCell>
          <TableCell>{props.afterTitle ?? 'After'}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.changes.map(change => (
          <TableRow key={change.path}>
            <TableCell component="th" scope="row">
              {describeAnswer(change.path, props.evaluation).label}
            </TableCell>
            <TableCell>{show(change.before)}</TableCell>
            <TableCell>{show(change.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
