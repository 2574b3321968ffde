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

import { InfoCard, Progress } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import {
  DECISION_NODE_LABELS,
  describeAnswer,
  pathThroughTree,
  SESSION_TIMEBOX_MINUTES,
  VERDICT_LABELS,
  type DecisionNode,
  type Outcome,
  type VerdictKind,
  type AnswerDescription,
  type AnswerWarning,
  type EvaluationDraft,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  LinearProgress,
  Link,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { EvaluationPreview } from '../../api';
import { VerdictChip } from '../DecisionChips';
import { AnswerChangesTable } from '../RevisionHistory';
import { answerChanges } from './draftAnswers';
import { WARNING_SIGN } from './WizardFields';

function formatClock(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = Math.floor(totalSeconds % 60);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/*
 * The API names an invalid answer by its path, then by its question:
 * `body.evaluation.candidates[0].notes: Node 2, Acme: What did its
 * references say? Use at most 4,000 characters`. People read the question.
 */
const ANSWER_PATH = /(^|; )(?:body\.)?evaluation(?:\.[\w-]+|\[[^\]]*\])*: /g;

export function messageOf(error: Error): string {
  const message =
    error instanceof ResponseError ? error.body.error.message : error.message;
  return message.replace(ANSWER_PATH, '$1');
}

/** The one-hour timebox: elapsed time across sessions, with a bar. */
/** Minutes into the session when the timer says the hour is nearly up. */
export const TIMEBOX_WARNING_MINUTES = SESSION_TIMEBOX_MINUTES - 10;

export const Timebox = (props: { seconds: number }) => {
  const minutes = props.seconds / 60;
  const over = minutes >= SESSION_TIMEBOX_MINUTES;
  const nearlyOver = !over && minutes >= TIMEBOX_WARNING_MINUTES;
  return (
    <Box mb={2} role="timer" aria-label="Session time">
      <Typography variant="body2">
        Session time {formatClock(props.seconds)} of {SESSION_TIMEBOX_MINUTES}
        :00
      </Typography>
      <LinearProgress
        variant="determinate"
        color={over || nearlyOver ? 'secondary' : 'primary'}
        value={Math.min(100, (minutes / SESSION_TIMEBOX_MINUTES) * 100)}
        aria-label="Share of the one-hour timebox used"
      />
      {nearlyOver && (
        <Alert severity="info">
          {SESSION_TIMEBOX_MINUTES - TIMEBOX_WARNING_MINUTES} minutes left of
          the hour: settle the open questions and record what you know.
        </Alert>
      )}
      {over && (
        <Alert severity="warning">
          The hour is up. Do not let the discussion go longer than one hour. The
          point is a documented, structured answer the team can revisit.
        </Alert>
      )}
    </Box>
  );
};

/** The nodes the path went through so far, and where it ends, in words. */
export const PathSoFar = (props: { outcome: Outcome }) => {
  const nodes = pathThroughTree(props.outcome);
  return (
    <Box mt={1} component="section" aria-label="Path so far">
      <Typography variant="subtitle2">Path so far</Typography>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {nodes.map(node => (
          <li key={node}>
            <Typography variant="body2">
              {node in DECISION_NODE_LABELS
                ? DECISION_NODE_LABELS[node as DecisionNode]
                : VERDICT_LABELS[node as VerdictKind]}
            </Typography>
          </li>
        ))}
      </ol>
    </Box>
  );
};

const SHOWN_MISSING = 5;

/** Opens the step that asks an answer and puts the cursor on its field. */
export type GoToAnswer = (description: AnswerDescription) => void;

/**
 * Answers in the team's words, each a link to its field, with what to do
 * about it when there is something to say.
 */
export const AnswerLinks = (props: {
  title: string;
  answers: ReadonlyArray<{ path: string; message?: string }>;
  evaluation: EvaluationDraft;
  onGoToAnswer?: GoToAnswer;
  /** Shows this many, and how many more there are. */
  limit?: number;
}) => {
  const count = props.answers.length;
  const shown = props.answers.slice(0, props.limit ?? count).map(answer => ({
    description: describeAnswer(answer.path, props.evaluation),
    message: answer.message,
  }));
  return (
    <Box mt={1}>
      <Typography variant="body2">{props.title}</Typography>
      <ul style={{ margin: 0, paddingLeft: 20, overflowWrap: 'anywhere' }}>
        {shown.map(({ description, message }) => (
          <li key={description.path}>
            {props.onGoToAnswer ? (
              <Link
                component="button"
                variant="body2"
                align="left"
                onClick={() => props.onGoToAnswer?.(description)}
              >
                {description.label}
              </Link>
            ) : (
              <Typography variant="body2" component="span">
                {description.label}
              </Typography>
            )}
            {message && (
              <Typography variant="body2" component="span">
                {` ${message}`}
              </Typography>
            )}
          </li>
        ))}
      </ul>
      {count > shown.length && (
        <Typography variant="caption">
          and {count - shown.length} more
        </Typography>
      )}
    </Box>
  );
};

/** "One answer still needed:", "3 answers still needed:". */
export function stillNeededTitle(count: number): string {
  return count === 1
    ? 'One answer still needed:'
    : `${count} answers still needed:`;
}

/** The server's verdict for the answers so far. */
export const VerdictPreview = (props: {
  preview?: EvaluationPreview;
  loading: boolean;
  error?: Error;
  invalid: boolean;
  /** The answers so far, to name candidates and requirements. */
  evaluation: EvaluationDraft;
  /** Warnings only the browser can give: dependents not in the catalog. */
  catalogWarnings?: ReadonlyArray<AnswerWarning>;
  /** Opens the step that asks an answer still needed. */
  onGoToAnswer?: GoToAnswer;
}) => (
  <InfoCard title="Verdict so far">
    <div aria-live="polite">
      {props.invalid && (
        <Typography variant="body2">
          Fix the highlighted answers to see the verdict.
        </Typography>
      )}
      {!props.invalid && props.loading && <Progress />}
      {!props.invalid && props.error && (
        <Typography variant="body2" color="error">
          The verdict could not be computed: {messageOf(props.error)}
        </Typography>
      )}
      {!props.invalid && props.preview && (
        <>
          <VerdictChip verdict={props.preview.outcome.verdict} />
          <PathSoFar outcome={props.preview.outcome} />
          {props.preview.outcome.missing.length > 0 && (
            <AnswerLinks
              title={stillNeededTitle(props.preview.outcome.missing.length)}
              answers={props.preview.outcome.missing.map(path => ({ path }))}
              evaluation={props.evaluation}
              onGoToAnswer={props.onGoToAnswer}
              limit={SHOWN_MISSING}
            />
          )}
          {[
            ...props.preview.outcome.warnings,
            ...(props.catalogWarnings ?? []),
          ].map((warning, index) => (
            <Typography variant="body2" key={`${warning.code}-${index}`}>
              {WARNING_SIGN} {warning.message}
            </Typography>
          ))}
        </>
      )}
    </div>
  </InfoCard>
);

/** Someone saved meanwhile: what they changed, and the way forward. */
export const ConflictPanel = (props: {
  base: EvaluationDraft;
  mine: EvaluationDraft;
  current: StoredEvaluation;
  onReapply: () => void;
  onDiscard: () => void;
}) => (
  <Box mb={2}>
    <Alert severity="warning">
      {`Someone else saved version ${props.current.version} (${props.current.updatedBy}) while you were editing. Your answers are kept.`}
    </Alert>
    <Typography variant="subtitle2">What changed meanwhile</Typography>
    <AnswerChangesTable
      label="What changed meanwhile"
      changes={answerChanges(props.base, props.current.evaluation)}
      evaluation={props.current.evaluation}
      beforeTitle="When you started"
      afterTitle={`Version ${props.current.version}`}
    />
    <Typography variant="subtitle2">Your answers</Typography>
    <AnswerChangesTable
      label="Your answers"
      changes={answerChanges(props.base, props.mine)}
      evaluation={props.mine}
      beforeTitle="When you started"
      afterTitle="Yours"
    />
    <Box mt={1} display="flex" style={{ gap: 8 }}>
      <Button variant="contained" color="primary" onClick={props.onReapply}>
        Reapply my answers onto version {props.current.version}
      </Button>
      <Button variant="outlined" onClick={props.onDiscard}>
        Discard my answers
      </Button>
    </Box>
  </Box>
);
