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

import { useContext, useEffect, useRef } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router-dom';

/*
 * Asks before the wizard is left with unsaved answers. react-router's
 * `useBlocker` only works inside a data router (`createBrowserRouter`); a
 * Backstage app renders a `BrowserRouter`, so there the prompt comes from
 * the links the page is left by: a click on a link to another page asks
 * first. Closing or reloading the tab asks through `beforeunload`. The
 * browser's own back button cannot be held without a data router; the
 * answers kept in the browser (unsavedAnswers.ts) cover it.
 */

/** Asks through react-router's blocker; only inside a data router. */
const RouterBlocker = (props: { when: boolean; message: string }) => {
  const blocker = useBlocker(props.when);
  useEffect(() => {
    if (blocker.state === 'blocked') {
      if (window.confirm(props.message)) {
        blocker.proceed();
      } else {
        blocker.reset();
      }
    }
  }, [blocker, props.message]);
  return null;
};

function leavesThePage(event: MouseEvent): boolean {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return false;
  }
  const target = event.target as Element | null;
  const anchor = target?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!anchor || (anchor.target && anchor.target !== '_self')) {
    return false;
  }
  const url = new URL(anchor.href, window.location.href);
  return (
    url.origin !== window.location.origin ||
    url.pathname !== window.location.pathname
  );
}

/**
 * While `when` holds, leaving the page asks `message` first. Returns an
 * element to render (react-router's blocker, when the router has one).
 */
export function useLeavePrompt(when: boolean, message: string) {
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  const asking = useRef(when);
  asking.current = when;

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (asking.current) {
        event.preventDefault();
        // Older browsers show the prompt only with a return value.
        event.returnValue = message;
      }
    };
    const onClick = (event: MouseEvent) => {
      if (
        asking.current &&
        !dataRouter &&
        leavesThePage(event) &&
        !window.confirm(message)
      ) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dataRouter, message]);

  return dataRouter ? <RouterBlocker when={when} message={message} /> : null;
}
