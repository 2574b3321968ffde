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

import type { EvaluationDraft } from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  InputLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  TextField,
} from '@material-ui/core';
import { createContext, useContext } from 'react';
import { AnswerPath, fieldId, fieldName, getAnswer } from './draftAnswers';
import type { DraftEdit } from './draftEdits';
import type { CatalogChecks } from './useCatalogChecks';

/** What every field of the wizard reads and writes. */
export type DraftContextValue = {
  draft: EvaluationDraft;
  /** What to fix, by field name: the answer is invalid. */
  errors: Record<string, string>;
  /** What to check, by field name: valid, but unlikely. */
  warnings?: Record<string, string>;
  /** The catalog's view of the owner and the dependents. */
  catalog?: CatalogChecks;
  /** Hands an edit to the wizard's state; fields never change the draft. */
  edit: (edit: DraftEdit) => void;
  disabled?: boolean;
};

export const DraftContext = createContext<DraftContextValue | undefined>(
  undefined,
);

/** The draft and its edits, for a step of the wizard. */
export function useDraftContext(): DraftContextValue {
  const context = useContext(DraftContext);
  if (!context) {
    throw new Error('Wizard steps must be used inside the wizard');
  }
  return context;
}

function useDraft(path: AnswerPath) {
  const context = useContext(DraftContext);
  if (!context) {
    throw new Error('Wizard fields must be used inside the wizard');
  }
  const name = fieldName(path);
  return {
    id: fieldId(path),
    value: getAnswer(context.draft, path),
    error: context.errors[name],
    warning: context.warnings?.[name],
    set: (value: unknown) => context.edit({ type: 'answer', path, value }),
    disabled: context.disabled,
  };
}

/** A sign for warnings that does not rely on colour. */
export const WARNING_SIGN = '⚠';

/**
 * What a field says under it: what to fix, else what to check, else its
 * hint.
 */
export function fieldHelp(
  field: { error?: string; warning?: string },
  helperText?: string,
): string | undefined {
  if (field.error) {
    return field.error;
  }
  return field.warning ? `${WARNING_SIGN} ${field.warning}` : helperText;
}

/** A text or number answer. */
export const TextAnswer = (props: {
  path: AnswerPath;
  label: string;
  helperText?: string;
  multiline?: boolean;
  type?: 'text' | 'number' | 'date';
  required?: boolean;
  /** Leaves the answer out when blank, for fields with a format. */
  blankAsUnanswered?: boolean;
  /**
   * Why the answer is needed now, shown on the field as its error when the
   * schema has none (a rule the schema cannot see, such as the team's
   * rationale).
   */
  problem?: string;
}) => {
  const field = useDraft(props.path);
  const isNumber = props.type === 'number';
  const error = field.error ?? props.problem;
  return (
    <TextField
      id={field.id}
      label={props.label}
      fullWidth
      margin="normal"
      variant="outlined"
      multiline={props.multiline}
      minRows={props.multiline ? 2 : undefined}
      type={props.type ?? 'text'}
      required={props.required}
      disabled={field.disabled}
      InputLabelProps={props.type === 'date' ? { shrink: true } : undefined}
      value={field.value ?? ''}
      error={Boolean(error)}
      helperText={fieldHelp(
        { error, warning: field.warning },
        props.helperText,
      )}
      onChange={event => {
        const text = event.target.value;
        if (isNumber) {
          field.set(text === '' ? undefined : Number(text));
        } else if (props.type === 'date' || props.blankAsUnanswered) {
          field.set(text === '' ? undefined : text);
        } else {
          field.set(text);
        }
      }}
    />
  );
};

/** A yes/no answer as a labelled radio group; unanswered until chosen. */
export const YesNoAnswer = (props: {
  path: AnswerPath;
  label: string;
  values?: [string, string];
  helperText?: string;
}) => {
  const field = useDraft(props.path);
  const [yes, no] = props.values ?? ['yes', 'no'];
  const boolean = props.values === undefined;
  let value = '';
  if (field.value !== undefined) {
    value = String(field.value);
    if (boolean) {
      value = field.value ? 'yes' : 'no';
    }
  }
  return (
    <FormControl
      component="fieldset"
      margin="normal"
      error={Boolean(field.error)}
      disabled={field.disabled}
    >
      <FormLabel component="legend" id={`${field.id}-label`}>
        {props.label}
      </FormLabel>
      <RadioGroup
        row
        aria-labelledby={`${field.id}-label`}
        name={field.id}
        value={value}
        onChange={event => {
          const chosen = event.target.value;
          field.set(boolean ? chosen === 'yes' : chosen);
        }}
      >
        <FormControlLabel
          value={boolean ? 'yes' : yes}
          control={<Radio />}
          label="Yes"
        />
        <FormControlLabel
          value={boolean ? 'no' : no}
          control={<Radio />}
          label="No"
        />
      </RadioGroup>
      {(field.error || props.helperText) && (
        <FormHelperText>{field.error ?? props.helperText}</FormHelperText>
      )}
    </FormControl>
  );
};

/**
 * A labelled select over a record of options; an empty choice means
 * unanswered. The presentational half of {@link SelectAnswer}, also used
 * where the answer lives outside a plain path (gap classifications).
 */
export const OptionSelect = (props: {
  id: string;
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  onChange: (value: string | undefined) => void;
  emptyLabel?: string;
  disabled?: boolean;
  error?: string;
  helperText?: string;
}) => (
  <FormControl
    fullWidth
    margin="normal"
    variant="outlined"
    error={Boolean(props.error)}
    disabled={props.disabled}
  >
    <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
    <Select
      id={props.id}
      labelId={`${props.id}-label`}
      label={props.label}
      value={props.value ?? ''}
      onChange={event =>
        props.onChange((event.target.value as string) || undefined)
      }
    >
      {props.emptyLabel !== undefined && (
        <MenuItem value="">
          <em>{props.emptyLabel}</em>
        </MenuItem>
      )}
      {Object.entries(props.options).map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </Select>
    {(props.error || props.helperText) && (
      <FormHelperText>{props.error || props.helperText}</FormHelperText>
    )}
  </FormControl>
);

/** A choice among labelled options. */
export const SelectAnswer = (props: {
  path: AnswerPath;
  label: string;
  options: Record<string, string>;
  allowEmpty?: boolean;
  helperText?: string;
}) => {
  const field = useDraft(props.path);
  return (
    <OptionSelect
      id={field.id}
      label={props.label}
      value={field.value as string | undefined}
      options={props.options}
      onChange={field.set}
      emptyLabel={props.allowEmpty === false ? undefined : 'Not answered'}
      disabled={field.disabled}
      error={field.error}
      helperText={props.helperText}
    />
  );
};
