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

import { useApi } from '@backstage/core-plugin-api';
import {
  EVALUATION_LIMITS,
  teamDecisionOf,
  verdictLabel,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { buildVsBuyApiRef, EvaluationConflictError } from '../../api';
import { messageOf } from '../EvaluationWizard/WizardPanels';

export type ConfirmStillValidProps = {
  stored: StoredEvaluation;
  /**
   * The decision as stored now: confirmed, or as someone else saved it
   * meanwhile.
   */
  onChange: (stored: StoredEvaluation) => void;
  variant?: 'text' | 'outlined' | 'contained';
};

const TITLE_ID = 'build-vs-buy-confirm-still-valid-title';

/**
 * Asks why a recorded decision still holds and confirms it: the answers
 * stay, the revisit date moves one interval from today.
 */
export const ConfirmStillValidDialog = (
  props: ConfirmStillValidProps & { onClose: () => void },
) => {
  const { stored, onChange, onClose } = props;
  const api = useApi(buildVsBuyApiRef);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async () => {
    setSaving(true);
    setError(undefined);
    try {
      onChange(
        await api.confirmEvaluation(stored.id, {
          version: stored.version,
          note: note.trim(),
        }),
      );
      onClose();
    } catch (failure) {
      if (failure instanceof EvaluationConflictError) {
        // Show what was saved meanwhile; confirming again names its version.
        onChange(failure.current);
        setError(
          `Someone saved this decision meanwhile: it is now version ${failure.current.version}. Check it, then confirm again.`,
        );
      } else {
        setError(messageOf(failure as Error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={TITLE_ID} fullWidth>
      <DialogTitle id={TITLE_ID}>
        Confirm the decision is still valid
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {verdictLabel(
            teamDecisionOf(stored.evaluation, stored.outcome.verdict).decision,
          )}
          , to be revisited by {stored.review.revisitBy}. Confirming keeps every
          answer as it is and sets the next revisit one revisit interval from
          today. Say what you checked, so that the team can revisit the decision
          when new information arrives.
        </DialogContentText>
        <TextField
          id="build-vs-buy-confirm-still-valid-note"
          label="Why does the decision still hold?"
          value={note}
          onChange={event => setNote(event.target.value)}
          multiline
          minRows={3}
          fullWidth
          required
          variant="outlined"
          inputProps={{ maxLength: EVALUATION_LIMITS.longTextLength }}
          helperText={`${note.length} of ${EVALUATION_LIMITS.longTextLength} characters`}
        />
        {error && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving || note.trim().length === 0}
          onClick={confirm}
        >
          Confirm still valid
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * "Confirm still valid": for those who may update the decision, clears a
 * decision that came due without re-running the wizard.
 */
export const ConfirmStillValidButton = (props: ConfirmStillValidProps) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={props.variant ?? 'outlined'}
        color="primary"
        startIcon={<CheckCircleOutlineIcon />}
        onClick={() => setOpen(true)}
      >
        Confirm still valid
      </Button>
      {open && (
        <ConfirmStillValidDialog {...props} onClose={() => setOpen(false)} />
      )}
    </>
  );
};
