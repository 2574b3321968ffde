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
  COVERAGE_LEVEL_LABELS,
  GAP_BREADTH_LABELS,
  GAP_SCOPE_LABELS,
  MATURITY_CRITERIA,
  REQUIREMENT_BUCKET_LABELS,
  gapsOf,
  scoringRules,
  type OutcomeFigures,
  type GapBreadth,
  type GapScope,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ReactNode } from 'react';
import { RequirementsGrid } from './RequirementsGrid';
import {
  OptionSelect,
  TextAnswer,
  useDraftContext,
  YesNoAnswer,
} from './WizardFields';
import { candidatesOutBeforeGaps } from './sessionView';

const MATURITY_QUESTIONS: Record<(typeof MATURITY_CRITERIA)[number], string> = {
  inProductionTwoYears: 'In production use for at least two years?',
  customersAtYourScale: 'Customers at your scale or larger?',
  publicSla: 'A public SLA?',
  failureModeTrackRecord:
    'A track record of handling the failure modes you care about?',
};

/** One row of a list answer (a candidate, a requirement), as a labelled section. */
const AnswerRow = (props: { label: string; children: ReactNode }) => (
  <Box
    component="section"
    aria-label={props.label}
    mb={2}
    p={2}
    border={1}
    borderColor="divider"
    borderRadius={4}
  >
    {props.children}
  </Box>
);

export const MatureOptionStep = () => {
  const { draft, edit, disabled } = useDraftContext();
  const candidates = draft.candidates ?? [];
  return (
    <>
      <Typography variant="body2" paragraph>
        Mature means: in production use for at least two years, customers at
        your scale or larger, a public SLA, and a track record of handling the
        failure modes you care about. Check references: talk to customers at
        your scale and ask what happened when things went wrong.
      </Typography>
      {candidates.map((candidate, index) => (
        <AnswerRow
          key={candidate.id}
          label={`Candidate ${candidate.name || index + 1}`}
        >
          <TextAnswer
            path={['candidates', index, 'name']}
            label="Product name"
            required
          />
          {MATURITY_CRITERIA.map(criterion => (
            <div key={criterion}>
              <YesNoAnswer
                path={['candidates', index, 'maturity', criterion]}
                label={MATURITY_QUESTIONS[criterion]}
              />
            </div>
          ))}
          <YesNoAnswer
            path={['candidates', index, 'maturity', 'referencesChecked']}
            label="Evidence: did you check references with customers at your scale?"
            helperText="Not a fifth criterion: how you know the four above hold."
          />
          <TextAnswer
            path={['candidates', index, 'integrationWeeks']}
            label="Integration estimate (weeks)"
            type="number"
          />
          <TextAnswer
            path={['candidates', index, 'notes']}
            label="Notes from references"
            multiline
          />
          <Button
            disabled={disabled}
            onClick={() =>
              edit({ type: 'remove-candidate', candidateId: candidate.id })
            }
          >
            Remove {candidate.name || 'candidate'}
          </Button>
        </AnswerRow>
      ))}
      <Button
        variant="outlined"
        disabled={disabled}
        onClick={() => edit({ type: 'add-candidate' })}
      >
        Add candidate
      </Button>
    </>
  );
};

/** Node 3's scoring, as the plugin applies it, in the team's words. */
const ScoringRules = (props: {
  settings?: Pick<OutcomeFigures, 'coverageThreshold' | 'partialCredit'>;
}) =>
  props.settings ? (
    <Box component="aside" aria-label="How requirements are scored" mb={2}>
      <Typography variant="subtitle2">How requirements are scored</Typography>
      <ul>
        {scoringRules(props.settings).map(({ rule, source }) => (
          <li key={rule}>
            <Typography variant="body2">
              {rule}{' '}
              <Typography variant="caption" component="span">
                {source === 'article'
                  ? '(the article)'
                  : '(a setting of this plugin)'}
              </Typography>
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  ) : null;

export const RequirementsStep = (props: {
  settings?: Pick<OutcomeFigures, 'coverageThreshold' | 'partialCredit'>;
}) => (
  <>
    <Typography variant="body2" paragraph>
      Separate your requirements into must-haves, should-haves and
      nice-to-haves. If the product is missing a must-have, stop. Do not buy it.
    </Typography>
    <ScoringRules settings={props.settings} />
    <RequirementsGrid />
  </>
);

type GapRow = {
  candidate: { id: string; name: string };
  gap: ReturnType<typeof gapsOf>[number];
};

/** Scope and breadth of one gap of one candidate. */
const GapQuestions = ({ candidate, gap }: GapRow) => {
  const { edit, errors, disabled } = useDraftContext();
  const key = `${gap.candidateId}-${gap.requirementId}`;
  const index = gap.classificationIndex;
  return (
    <Box
      component="section"
      aria-label={`${candidate.name}: ${gap.requirementTitle}`}
      mb={2}
    >
      <Typography variant="subtitle2">
        {candidate.name}: {gap.requirementTitle} (
        {REQUIREMENT_BUCKET_LABELS[gap.bucket].toLowerCase()},{' '}
        {COVERAGE_LEVEL_LABELS[gap.level].toLowerCase()})
      </Typography>
      <OptionSelect
        id={`build-vs-buy-gap-${key}-scope`}
        label="Scope"
        value={gap.classification?.scope}
        options={GAP_SCOPE_LABELS}
        emptyLabel="Not classified"
        disabled={disabled}
        onChange={scope =>
          edit({
            type: 'classify-gap',
            candidateId: gap.candidateId,
            requirementId: gap.requirementId,
            patch: { scope: scope as GapScope | undefined },
          })
        }
      />
      <OptionSelect
        id={`build-vs-buy-gap-${key}-breadth`}
        label="Breadth"
        value={gap.classification?.breadth}
        options={GAP_BREADTH_LABELS}
        emptyLabel="Not classified"
        disabled={disabled}
        error={
          index === undefined ? undefined : errors[`gaps.${index}.breadth`]
        }
        onChange={breadth =>
          edit({
            type: 'classify-gap',
            candidateId: gap.candidateId,
            requirementId: gap.requirementId,
            patch: { breadth: breadth as GapBreadth | undefined },
          })
        }
      />
    </Box>
  );
};

/**
 * Node 4 asks only what can change the verdict: the gaps of a candidate
 * already out (not mature, missing a must-have, below the threshold) are
 * folded away and say so; they can still be opened and classified.
 */
export const GapsStep = (props: {
  /** The engine's figures, for the candidates already out. */
  figures?: Pick<OutcomeFigures, 'candidates'>;
}) => {
  const { draft } = useDraftContext();
  const candidates = draft.candidates ?? [];
  const out = candidatesOutBeforeGaps(props.figures);
  const rows: GapRow[] = candidates.flatMap(candidate =>
    gapsOf(draft, candidate.id).map(gap => ({ candidate, gap })),
  );
  const asked = rows.filter(({ candidate }) => !out.has(candidate.id));
  const folded = candidates
    .filter(candidate => out.has(candidate.id))
    .map(candidate => ({
      candidate,
      reason: out.get(candidate.id) ?? '',
      rows: rows.filter(row => row.candidate.id === candidate.id),
    }))
    .filter(({ rows: gaps }) => gaps.length > 0);
  return (
    <>
      <Typography variant="body2" paragraph>
        Core gaps affect your primary user flow; edge cases affect unusual
        scenarios. If a core gap is narrow, a wrapper layer is usually viable;
        if it is broad, you are building half the product anyway.
      </Typography>
      {rows.length === 0 && (
        <Typography variant="body2">
          No gaps: no candidate misses a must- or should-have.
        </Typography>
      )}
      {asked.map(row => (
        <GapQuestions
          key={`${row.gap.candidateId}-${row.gap.requirementId}`}
          {...row}
        />
      ))}
      {folded.map(({ candidate, reason, rows: gaps }) => (
        <Accordion
          key={candidate.id}
          TransitionProps={{ unmountOnExit: true }}
          variant="outlined"
        >
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            aria-controls={`build-vs-buy-folded-gaps-${candidate.id}`}
            id={`build-vs-buy-folded-gaps-${candidate.id}-header`}
          >
            <Typography variant="body2">
              {gaps.length === 1
                ? `One gap of ${candidate.name}`
                : `${gaps.length} gaps of ${candidate.name}`}
              . {reason}.
            </Typography>
          </AccordionSummary>
          <AccordionDetails
            id={`build-vs-buy-folded-gaps-${candidate.id}`}
            style={{ display: 'block' }}
          >
            {gaps.map(row => (
              <GapQuestions
                key={`${row.gap.candidateId}-${row.gap.requirementId}`}
                {...row}
              />
            ))}
          </AccordionDetails>
        </Accordion>
      ))}
    </>
  );
};
