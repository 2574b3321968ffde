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

import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EVALUATION_LIMITS,
  VENDOR_EVENT_KIND_LABELS,
  VENDOR_EVENT_KINDS,
  type VendorEvent,
  type VendorEventKind,
  type VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { buildVsBuyApiRef } from '../../api';
import { EntityOrText, formatDate } from '../EntityOrText';

/** The fields of the form a 400 can name. */
type EventField = 'product' | 'kind' | 'occurredOn' | 'note';
const EVENT_FIELDS: readonly string[] = [
  'product',
  'kind',
  'occurredOn',
  'note',
];

/**
 * What a refused event says of each field it names
 * (`body.occurredOn: Enter a date as YYYY-MM-DD`), and whatever else it
 * says, in words: the path is for machines, the message for people.
 */
export function refusedFields(error: Error): {
  fields: Partial<Record<EventField, string>>;
  other?: string;
} {
  if (!(error instanceof ResponseError)) {
    return {
      fields: {},
      other: `Could not record the event: ${error.message}. Try again; the event is recorded once however often you try.`,
    };
  }
  const fields: Partial<Record<EventField, string>> = {};
  const others: string[] = [];
  const message = error.body?.error?.message ?? error.message;
  if (error.statusCode === 409) {
    // This form's first try was recorded, then its answer was lost, and
    // the form was changed before trying again.
    return {
      fields,
      other:
        'This form already recorded an event, before the changes made since. Close it and choose Record an event again to record another.',
    };
  }
  if (error.statusCode !== 400) {
    return { fields, other: message };
  }
  // Problems are joined by "; ", which a problem's own words may contain:
  // each problem starts with the path of its field.
  for (const problem of message.split(/; (?=body\.)/)) {
    const named = problem.match(/^(?:body\.)?([A-Za-z]+): ([\s\S]*)$/);
    if (named && EVENT_FIELDS.includes(named[1])) {
      const field = named[1] as EventField;
      fields[field] = fields[field]
        ? `${fields[field]}; ${named[2]}`
        : named[2];
    } else {
      others.push(named ? named[2] : problem);
    }
  }
  return { fields, other: others.length ? others.join('; ') : undefined };
}

/** Today in the user's time zone, as the date input wants it. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/**
 * A key for one event. `crypto.randomUUID` needs a secure context (HTTPS
 * or localhost); a portal served over plain HTTP elsewhere gets 128 random
 * bits from `crypto.getRandomValues`, which it always has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), byte =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

const RECORD_TITLE_ID = 'build-vs-buy-record-vendor-event-title';

/**
 * "Record an event": what happened to a product bought, when, and a note.
 * One key per opening of the dialog, so that trying again after a failure
 * records the event once.
 */
export const RecordVendorEventDialog = (props: {
  product: VendorProduct;
  onClose: () => void;
  onRecorded: (event: VendorEvent) => void;
}) => {
  const { product, onClose, onRecorded } = props;
  const api = useApi(buildVsBuyApiRef);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [kind, setKind] = useState<VendorEventKind | ''>('');
  const [occurredOn, setOccurredOn] = useState(today);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<ReturnType<typeof refusedFields>>({
    fields: {},
  });

  const record = async () => {
    if (!kind) {
      return;
    }
    setSaving(true);
    setRefused({ fields: {} });
    try {
      onRecorded(
        await api.recordVendorEvent({
          product: product.product,
          kind,
          occurredOn,
          note: note.trim(),
          idempotencyKey,
        }),
      );
    } catch (failure) {
      setRefused(refusedFields(failure as Error));
    } finally {
      setSaving(false);
    }
  };

  const { fields, other } = refused;
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={RECORD_TITLE_ID}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={RECORD_TITLE_ID}>Record an event</DialogTitle>
      <DialogContent>
        <DialogContentText>
          New information about a product bought. Every current decision that
          chose it becomes due for revisit, and its owners are told.
        </DialogContentText>
        <TextField
          id="build-vs-buy-vendor-event-product"
          label="Product"
          value={product.product}
          fullWidth
          margin="normal"
          variant="outlined"
          InputProps={{ readOnly: true }}
          error={Boolean(fields.product)}
          helperText={fields.product}
        />
        <TextField
          id="build-vs-buy-vendor-event-kind"
          select
          label="What happened"
          value={kind}
          onChange={event => setKind(event.target.value as VendorEventKind)}
          fullWidth
          required
          margin="normal"
          variant="outlined"
          error={Boolean(fields.kind)}
          helperText={fields.kind}
        >
          {VENDOR_EVENT_KINDS.map(value => (
            <MenuItem key={value} value={value}>
              {VENDOR_EVENT_KIND_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="build-vs-buy-vendor-event-occurred-on"
          type="date"
          label="When it happened"
          value={occurredOn}
          onChange={event => setOccurredOn(event.target.value)}
          fullWidth
          required
          margin="normal"
          variant="outlined"
          InputLabelProps={{ shrink: true }}
          error={Boolean(fields.occurredOn)}
          helperText={fields.occurredOn}
        />
        <TextField
          id="build-vs-buy-vendor-event-note"
          label="Note"
          value={note}
          onChange={event => setNote(event.target.value)}
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          variant="outlined"
          inputProps={{ maxLength: EVALUATION_LIMITS.longTextLength }}
          error={Boolean(fields.note)}
          helperText={
            fields.note ??
            `Optional. ${note.length} of ${EVALUATION_LIMITS.longTextLength} characters`
          }
        />
        {other && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {other}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving || !kind || !occurredOn}
          onClick={record}
        >
          Record the event
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const EVENTS_TITLE_ID = 'build-vs-buy-vendor-events-title';

/**
 * The events recorded against a product, the most recently recorded first:
 * what happened in words, when, the note and who recorded it by name.
 */
export const VendorEventsDialog = (props: {
  product: VendorProduct;
  onClose: () => void;
}) => {
  const { product, onClose } = props;
  const api = useApi(buildVsBuyApiRef);
  const events = useAsync(
    () => api.listVendorEvents(product.product),
    [api, product.product],
  );
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={EVENTS_TITLE_ID}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id={EVENTS_TITLE_ID}>
        Events of {product.product}
      </DialogTitle>
      <DialogContent>
        {events.loading && <Progress />}
        {events.error && <ResponseErrorPanel error={events.error} />}
        {events.value && events.value.items.length === 0 && (
          <DialogContentText>
            No event has been recorded for this product yet.
          </DialogContentText>
        )}
        {events.value && events.value.items.length > 0 && (
          <Table size="small" aria-label={`Events of ${product.product}`}>
            <TableHead>
              <TableRow>
                <TableCell>What happened</TableCell>
                <TableCell>When</TableCell>
                <TableCell>Note</TableCell>
                <TableCell>Recorded by</TableCell>
                <TableCell align="right">Decisions made due</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {events.value.items.map(event => (
                <TableRow key={event.id}>
                  <TableCell>
                    {VENDOR_EVENT_KIND_LABELS[event.kind] ?? 'Another change'}
                  </TableCell>
                  <TableCell>{event.occurredOn}</TableCell>
                  <TableCell style={{ whiteSpace: 'pre-wrap' }}>
                    {event.note || 'No note'}
                  </TableCell>
                  <TableCell>
                    <EntityOrText value={event.recordedBy} />
                    {`, ${formatDate(event.recordedAt)}`}
                  </TableCell>
                  <TableCell align="right">{event.decisions}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
