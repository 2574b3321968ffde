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
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@material-ui/core';
import { useContext, useEffect, useRef, useState } from 'react';
import {
  UNSAFE_DataRouterContext,
  useBlocker,
  useNavigate,
} from 'react-router-dom';

/*
 * Asks before the wizard is left with unsaved answers. react-router's
 * `useBlocker` only works inside a data router (`createBrowserRouter`); a
 * Backstage app renders a `BrowserRouter`, so there the question comes from
 * the links the page is left by: a click on a link to another page is held
 * and asked about first. Closing or reloading the tab asks through the
 * browser's own `beforeunload` prompt. The browser's back button cannot be
 * held without a data router; the answers kept in the browser
 * (unsavedAnswers.ts) and autosave cover it.
 */

type LeaveChoice = { leave: () => void; stay: () => void };

const LEAVE_TITLE = 'Leave the evaluation?';

const LeaveDialog = (props: { choice?: LeaveChoice; message: string }) => (
  <Dialog
    open={props.choice !== undefined}
    onClose={props.choice?.stay}
    aria-labelledby="build-vs-buy-leave-title"
  >
    <DialogTitle id="build-vs-buy-leave-title">{LEAVE_TITLE}</DialogTitle>
    <DialogContent>
      <DialogContentText>{props.message}</DialogContentText>
    </DialogContent>
    <DialogActions>
      <Button onClick={props.choice?.leave}>Leave</Button>
      <Button onClick={props.choice?.stay} color="primary" variant="contained">
        Stay
      </Button>
    </DialogActions>
  </Dialog>
);

/** Asks through react-router's blocker; only inside a data router. */
const RouterBlocker = (props: { when: boolean; message: string }) => {
  const blocker = useBlocker(props.when);
  return (
    <LeaveDialog
      message={props.message}
      choice={
        blocker.state === 'blocked'
          ? { leave: blocker.proceed, stay: blocker.reset }
          : undefined
      }
    />
  );
};

/** The address a click on a link leads to, when it leaves this page. */
function addressLeftFor(event: MouseEvent): URL | undefined {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return undefined;
  }
  const target = event.target as Element | null;
  const anchor = target?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!anchor || (anchor.target && anchor.target !== '_self')) {
    return undefined;
  }
  const url = new URL(anchor.href, window.location.href);
  return url.origin !== window.location.origin ||
    url.pathname !== window.location.pathname
    ? url
    : undefined;
}

/**
 * While `when` holds, leaving the page asks `message` first. Returns the
 * element that asks, to render.
 */
export function useLeavePrompt(when: boolean, message: string) {
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  const navigate = useNavigate();
  const asking = useRef(when);
  asking.current = when;
  const [choice, setChoice] = useState<LeaveChoice>();

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (asking.current) {
        event.preventDefault();
        // Older browsers show the prompt only with a return value.
        event.returnValue = message;
      }
    };
    const onClick = (event: MouseEvent) => {
      const url = asking.current && !dataRouter && addressLeftFor(event);
      if (!url) {
        return;
      }
      // Held before the router sees it; followed if the team leaves.
      event.preventDefault();
      event.stopPropagation();
      setChoice({
        leave: () => {
          asking.current = false;
          setChoice(undefined);
          if (url.origin === window.location.origin) {
            navigate(`${url.pathname}${url.search}${url.hash}`);
          } else {
            window.location.assign(url.href);
          }
        },
        stay: () => setChoice(undefined),
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dataRouter, message, navigate]);

  return dataRouter ? (
    <RouterBlocker when={when} message={message} />
  ) : (
    <LeaveDialog choice={choice} message={message} />
  );
}
