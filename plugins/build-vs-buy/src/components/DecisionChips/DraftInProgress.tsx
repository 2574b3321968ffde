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

import type { StoredEvaluation } from '@build-vs-buy/plugin-build-vs-buy-common';
import { Typography } from '@material-ui/core';
import { useEffect, useState } from 'react';
import { EntityOrText } from '../EntityOrText';

/**
 * "just now", "1 minute ago", "5 minutes ago", "2 hours ago", "3 days ago":
 * how long ago an instant was, for "saved 2 minutes ago".
 */
export function timeAgo(instant: string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - Date.parse(instant)) / 1000);
  const plural = (count: number, unit: string) =>
    `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  if (!Number.isFinite(seconds) || seconds < 60) {
    return 'just now';
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return plural(minutes, 'minute');
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return plural(hours, 'hour');
  }
  return plural(Math.floor(hours / 24), 'day');
}

/** The present, again every minute: for times said relative to it. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * A draft said as what it is: "Draft in progress, saved 2 minutes ago by
 * Ada Lovelace", never as a decision.
 */
export const DraftInProgress = (props: {
  stored: Pick<StoredEvaluation, 'updatedAt' | 'updatedBy'>;
}) => {
  const now = useMinuteClock();
  return (
    <Typography variant="body2" component="span">
      Draft in progress, saved{' '}
      <time dateTime={props.stored.updatedAt} title={props.stored.updatedAt}>
        {timeAgo(props.stored.updatedAt, now)}
      </time>{' '}
      by <EntityOrText value={props.stored.updatedBy} />
    </Typography>
  );
};
