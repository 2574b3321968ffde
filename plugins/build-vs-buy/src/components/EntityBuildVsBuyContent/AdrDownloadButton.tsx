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
  toMarkdownAdr,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Button } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { downloadFile } from '../DownloadButton';

/** The file name of the ADR of an evaluation. */
export function adrFileName(stored: StoredEvaluation): string {
  const name = stored.entityRef.replace(/^[^:]*:/, '').replace(/[/:]/g, '-');
  return `adr-build-vs-buy-${name}.md`;
}

/** Downloads the decision as a Markdown architecture decision record. */
export const AdrDownloadButton = (props: { stored: StoredEvaluation }) => {
  const { stored } = props;
  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      onClick={() =>
        downloadFile(
          adrFileName(stored),
          toMarkdownAdr(stored.evaluation, stored.outcome, {
            title: stored.entity.title
              ? `Build vs buy: ${stored.entity.title}`
              : undefined,
            decidedAt: new Date(stored.updatedAt),
            decidedBy: stored.updatedBy,
          }),
          'text/markdown',
        )
      }
    >
      Download ADR
    </Button>
  );
};
