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
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EVALUATION_STATUS_LABELS,
  VERDICT_LABELS,
  type EvaluationRevisionSummary,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { buildVsBuyApiRef } from '../../api';
import { EntityOrText, formatDate } from '../EntityOrText';
import type { EvaluationDraft } from '@build-vs-buy/plugin-build-vs-buy-common';
import { AnswerChangesTable } from './AnswerChangesTable';

/** A confirmation in words: who confirmed, why, and until when. */
const Confirmation = (props: { revision: EvaluationRevisionSummary }) => {
  const { revision } = props;
  if (revision.confirmationNote === undefined) {
    return null;
  }
  return (
    <>
      <Typography variant="body2">
        <EntityOrText value={revision.createdBy} /> confirmed the decision is
        still valid: “{revision.confirmationNote}”
      </Typography>
      {revision.revisitBy && (
        <Typography variant="caption" color="textSecondary">
          Next revisit by {revision.revisitBy}.
        </Typography>
      )}
    </>
  );
};

const VersionSelect = (props: {
  id: string;
  label: string;
  value: number | '';
  revisions: EvaluationRevisionSummary[];
  onChange: (version: number) => void;
}) => (
  <FormControl style={{ minWidth: 140 }}>
    <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
    <Select
      id={props.id}
      labelId={`${props.id}-label`}
      value={props.value}
      onChange={event => props.onChange(Number(event.target.value))}
    >
      {props.revisions.map(revision => (
        <MenuItem key={revision.version} value={revision.version}>
          Version {revision.version}
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);

/** The saved revisions of an evaluation and what changed between two. */
export const RevisionHistory = (props: {
  evaluationId: string;
  /** The current answers, to name candidates and requirements. */
  evaluation: EvaluationDraft;
}) => {
  const api = useApi(buildVsBuyApiRef);
  const [revisions, setRevisions] = useState<EvaluationRevisionSummary[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [from, setFrom] = useState<number | ''>('');
  const [to, setTo] = useState<number | ''>('');

  const page = useAsync(
    () => api.listRevisions(props.evaluationId, { cursor, limit: 20 }),
    [api, props.evaluationId, cursor],
  );
  useEffect(() => {
    if (page.value) {
      const items = page.value.items;
      setRevisions(previous => (cursor ? [...previous, ...items] : items));
      setNextCursor(page.value.nextCursor);
      if (!cursor && items.length > 1) {
        setTo(items[0].version);
        setFrom(items[1].version);
      }
    }
  }, [page.value, cursor]);

  const diff = useAsync(async () => {
    if (from === '' || to === '' || from === to) {
      return undefined;
    }
    return api.diffRevisions(props.evaluationId, from, to);
  }, [api, props.evaluationId, from, to]);

  if (page.error) {
    return <ResponseErrorPanel error={page.error} />;
  }
  if (page.loading && revisions.length === 0) {
    return <Progress />;
  }
  if (revisions.length === 0) {
    return <EmptyState missing="data" title="No revisions yet" />;
  }
  return (
    <Box>
      <Table size="small" aria-label="Revisions">
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Verdict</TableCell>
            <TableCell>Confirmation</TableCell>
            <TableCell>Saved by</TableCell>
            <TableCell>Saved on</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {revisions.map(revision => (
            <TableRow key={revision.version}>
              <TableCell>{revision.version}</TableCell>
              <TableCell>
                {/* A past revision was saved as a draft; only the current
                    one is in progress. */}
                {revision.status === 'draft'
                  ? 'Draft'
                  : EVALUATION_STATUS_LABELS[revision.status]}
              </TableCell>
              <TableCell>{VERDICT_LABELS[revision.verdictKind]}</TableCell>
              <TableCell>
                <Confirmation revision={revision} />
              </TableCell>
              <TableCell>
                <EntityOrText value={revision.createdBy} />
              </TableCell>
              <TableCell>{formatDate(revision.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {nextCursor && (
        <Button onClick={() => setCursor(nextCursor)}>Load more</Button>
      )}
      {revisions.length > 1 && (
        <Box mt={2}>
          <Box display="flex" style={{ gap: 16 }} mb={1}>
            <VersionSelect
              id="build-vs-buy-diff-from"
              label="Compare from"
              value={from}
              revisions={revisions}
              onChange={setFrom}
            />
            <VersionSelect
              id="build-vs-buy-diff-to"
              label="to"
              value={to}
              revisions={revisions}
              onChange={setTo}
            />
          </Box>
          {diff.loading && <Progress />}
          {diff.error && <ResponseErrorPanel error={diff.error} />}
          {diff.value && (
            <AnswerChangesTable
              label={`Changes from version ${diff.value.from} to ${diff.value.to}`}
              changes={diff.value.changes}
              evaluation={props.evaluation}
              beforeTitle={`Version ${diff.value.from}`}
              afterTitle={`Version ${diff.value.to}`}
            />
          )}
        </Box>
      )}
    </Box>
  );
};
