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
 * "Start from what the organisation knows": a new evaluation takes the
 * candidates (with their maturity evidence) and the requirements another
 * component's decision already wrote down, found by component or by a
 * product's name.
 */

import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  verdictLabel,
  type EvaluationDraft,
  type EvaluationSummary,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { buildVsBuyApiRef } from '../../api';
import { useCatalogEntitySearch } from '../catalogSearch';
import { editDraft, type CopyFromEdit } from './draftEdits';
import { messageOf } from './WizardPanels';

const SEARCH_DEBOUNCE_MS = 250;
const SHOWN_DECISIONS = 20;

type SearchBy = 'component' | 'candidate';

/** Whether a draft has neither candidates nor requirements yet. */
export function startsEmpty(draft: EvaluationDraft): boolean {
  return !draft.candidates?.length && !draft.requirements?.length;
}

/** A decision as the list names it: component, verdict, candidates. */
const DecisionLabel = (props: {
  decision: EvaluationSummary;
  componentName?: string;
}) => {
  const { decision } = props;
  const names = decision.candidateNames ?? [];
  return (
    <Box>
      <Typography variant="body1" component="span">
        {props.componentName ?? decision.entity.title ?? (
          <EntityDisplayName entityRef={decision.entityRef} hideIcon />
        )}
      </Typography>
      <Typography variant="body2" color="textSecondary" component="div">
        {decision.status === 'draft'
          ? 'Draft, no decision yet'
          : `Decided: ${verdictLabel(decision.teamDecision)}`}
        {' · '}
        {names.length > 0 ? `Candidates: ${names.join(', ')}` : 'No candidates'}
      </Typography>
    </Box>
  );
};

/** The decisions to choose from, by component or by product name. */
function useDecisionSearch(
  by: SearchBy,
  search: string,
  open: boolean,
  ownEntityRef: string,
) {
  const api = useApi(buildVsBuyApiRef);
  const [text, setText] = useState('');
  useDebounce(() => setText(search.trim()), SEARCH_DEBOUNCE_MS, [search]);
  const components = useCatalogEntitySearch(
    'component',
    open && by === 'component',
    search,
  );
  const componentRefs = components.options
    .map(option => option.ref)
    .filter(ref => ref !== ownEntityRef);
  const names = new Map(
    components.options.map(option => [option.ref, option.title]),
  );
  const key =
    by === 'component' ? componentRefs.join('\n') : text.toLocaleLowerCase();
  const decisions = useAsync(async () => {
    if (by === 'component') {
      if (componentRefs.length === 0) return [];
      const page = await api.listEvaluations({
        entityRef: componentRefs,
        limit: SHOWN_DECISIONS,
      });
      return page.items;
    }
    if (!text) return [];
    const page = await api.listEvaluations({
      candidate: text,
      limit: SHOWN_DECISIONS,
    });
    return page.items.filter(item => item.entityRef !== ownEntityRef);
  }, [by, key]);
  return {
    decisions: decisions.value ?? [],
    loading: decisions.loading || (by === 'component' && components.loading),
    error: decisions.error,
    componentName: (ref: string) =>
      by === 'component' ? names.get(ref) : undefined,
    searched: by === 'component' || text !== '',
  };
}

const CopyFromDecisionDialog = (props: {
  entityRef: string;
  draft: EvaluationDraft;
  onCopy: (edit: CopyFromEdit, message: string) => void;
  onClose: () => void;
}) => {
  const api = useApi(buildVsBuyApiRef);
  const [by, setBy] = useState<SearchBy>('component');
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState<string>();
  const [copyCandidates, setCopyCandidates] = useState(true);
  const [copyRequirements, setCopyRequirements] = useState(true);
  const found = useDecisionSearch(by, search, true, props.entityRef);
  const chosen = found.decisions.find(({ id }) => id === chosenId);
  const source = useAsync(
    async () => (chosenId ? api.getEvaluation(chosenId) : undefined),
    [chosenId],
  );
  const sourceDraft = source.value?.evaluation;
  const candidateCount = sourceDraft?.candidates?.length ?? 0;
  const requirementCount = sourceDraft?.requirements?.length ?? 0;

  const copy = () => {
    if (!sourceDraft || !chosen) return;
    const edit: CopyFromEdit = {
      type: 'copy-from',
      source: sourceDraft,
      candidates: copyCandidates,
      requirements: copyRequirements,
    };
    const next = editDraft(props.draft, edit);
    const added = (
      list: unknown[] | undefined,
      before: unknown[] | undefined,
    ) => (list?.length ?? 0) - (before?.length ?? 0);
    const candidates = added(next.candidates, props.draft.candidates);
    const requirements = added(next.requirements, props.draft.requirements);
    const name =
      found.componentName(chosen.entityRef) ??
      chosen.entity.title ??
      'the other decision';
    const parts = [
      copyCandidates && `${candidates} candidate${candidates === 1 ? '' : 's'}`,
      copyRequirements &&
        `${requirements} requirement${requirements === 1 ? '' : 's'}`,
    ].filter(Boolean);
    props.onCopy(edit, `Copied from ${name}: ${parts.join(' and ')}.`);
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="build-vs-buy-copy-from-title"
    >
      <DialogTitle id="build-vs-buy-copy-from-title">
        Start from another decision
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          Copy the candidates (with their maturity evidence and notes) and the
          requirements (with their bucket and each candidate's coverage) that
          another component's evaluation already wrote down. Nothing of its
          verdict comes along: your team still answers every node.
        </Typography>
        <FormLabel component="legend" id="build-vs-buy-copy-from-by">
          Find decisions by
        </FormLabel>
        <RadioGroup
          row
          aria-labelledby="build-vs-buy-copy-from-by"
          value={by}
          onChange={event => {
            setBy(event.target.value as SearchBy);
            setChosenId(undefined);
          }}
        >
          <FormControlLabel
            value="component"
            control={<Radio />}
            label="Component"
          />
          <FormControlLabel
            value="candidate"
            control={<Radio />}
            label="Vendor or product name"
          />
        </RadioGroup>
        <TextField
          id="build-vs-buy-copy-from-search"
          label={
            by === 'component' ? 'Component name' : 'Vendor or product name'
          }
          value={search}
          onChange={event => {
            setSearch(event.target.value);
            setChosenId(undefined);
          }}
          fullWidth
          margin="dense"
        />
        {found.loading && <Progress />}
        {found.error && (
          <Alert severity="error">
            The decisions could not be listed: {messageOf(found.error)}
          </Alert>
        )}
        {!found.loading &&
          !found.error &&
          found.searched &&
          found.decisions.length === 0 && (
            <Typography variant="body2">No other decision matches.</Typography>
          )}
        {found.decisions.length > 0 && (
          <Box mt={1}>
            <FormLabel component="legend" id="build-vs-buy-copy-from-list">
              Decisions
            </FormLabel>
            <RadioGroup
              aria-labelledby="build-vs-buy-copy-from-list"
              value={chosenId ?? ''}
              onChange={event => setChosenId(event.target.value)}
            >
              {found.decisions.map(decision => (
                <FormControlLabel
                  key={decision.id}
                  value={decision.id}
                  control={<Radio />}
                  label={
                    <DecisionLabel
                      decision={decision}
                      componentName={found.componentName(decision.entityRef)}
                    />
                  }
                />
              ))}
            </RadioGroup>
          </Box>
        )}
        {chosenId && source.loading && <Progress />}
        {source.error && (
          <Alert severity="error">
            The decision could not be read: {messageOf(source.error)}
          </Alert>
        )}
        {sourceDraft && (
          <Box mt={2}>
            <FormLabel component="legend">What to copy</FormLabel>
            <FormGroup>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={copyCandidates}
                    onChange={event => setCopyCandidates(event.target.checked)}
                  />
                }
                label={`Candidates, with their maturity evidence and notes (${candidateCount})`}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={copyRequirements}
                    onChange={event =>
                      setCopyRequirements(event.target.checked)
                    }
                  />
                }
                label={`Requirements, with their bucket, whether the workload needs them and each candidate's coverage (${requirementCount})`}
              />
            </FormGroup>
            <Typography variant="caption">
              A candidate or requirement already in this evaluation under the
              same name is not copied twice.
            </Typography>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="primary"
          disabled={!sourceDraft || (!copyCandidates && !copyRequirements)}
          onClick={copy}
        >
          Copy
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * The way into the dialog, for an evaluation that has neither candidates
 * nor requirements yet, and what the last copy brought.
 */
export const StartFromAnotherDecision = (props: {
  entityRef: string;
  draft: EvaluationDraft;
  onCopy: (edit: CopyFromEdit) => void;
  disabled?: boolean;
}) => {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<string>();
  if (!startsEmpty(props.draft) && !copied) {
    return null;
  }
  return (
    <Box mb={2} component="section" aria-label="Start from another decision">
      {startsEmpty(props.draft) && (
        <Button
          variant="outlined"
          disabled={props.disabled}
          onClick={() => setOpen(true)}
        >
          Start from another decision
        </Button>
      )}
      {copied && (
        <Typography variant="body2" role="status">
          {copied}
        </Typography>
      )}
      {open && (
        <CopyFromDecisionDialog
          entityRef={props.entityRef}
          draft={props.draft}
          onClose={() => setOpen(false)}
          onCopy={(edit, message) => {
            props.onCopy(edit);
            setCopied(message);
            setOpen(false);
          }}
        />
      )}
    </Box>
  );
};
