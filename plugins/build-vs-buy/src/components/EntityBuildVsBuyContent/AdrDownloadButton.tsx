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

import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  defaultEntityPresentation,
} from '@backstage/plugin-catalog-react';
import {
  toMarkdownAdr,
  type StoredEvaluation,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Button } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { downloadFile } from '../DownloadButton';

/** The file name of the ADR of an evaluation. */
export function adrFileName(stored: StoredEvaluation): string {
  const name = stored.entityRef.replace(/^[^:]*:/, '').replace(/[/:]/g, '-');
  return `adr-build-vs-buy-${name}.md`;
}

function isEntityRef(value: string): boolean {
  try {
    parseEntityRef(value);
    return value.includes(':');
  } catch {
    return false;
  }
}

/** The entity references an ADR of the evaluation names. */
export function adrEntityRefs(stored: StoredEvaluation): string[] {
  const { evaluation } = stored;
  const refs = [
    stored.entityRef,
    stored.updatedBy,
    stored.entity.ownerRef,
    evaluation.maintenance?.ownerGroupRef,
    ...(evaluation.prerequisites?.componentDescription?.dependents ?? []),
  ].filter((ref): ref is string => typeof ref === 'string' && isEntityRef(ref));
  return [...new Set(refs)];
}

/**
 * The names of the entities an ADR names, from the catalog in one request:
 * `spec.profile.displayName`, else `metadata.title`, else the short form
 * of the reference (`ml-platform`). An ADR is still worth downloading when
 * the catalog cannot answer: then every reference gets its short form, and
 * the component the title stored with the decision.
 */
export async function adrDisplayNames(
  catalogApi: Pick<typeof catalogApiRef.T, 'getEntitiesByRefs'>,
  stored: StoredEvaluation,
): Promise<Record<string, string>> {
  const refs = adrEntityRefs(stored);
  const items = await catalogApi
    .getEntitiesByRefs({
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    })
    .then(
      response => response.items,
      () => [] as Array<Entity | undefined>,
    );
  return Object.fromEntries(
    refs.map((ref, index) => {
      const entity = items[index];
      if (!entity && ref === stored.entityRef && stored.entity.title) {
        return [ref, stored.entity.title];
      }
      return [ref, defaultEntityPresentation(entity ?? ref).primaryTitle];
    }),
  );
}

/**
 * Downloads the decision as a Markdown architecture decision record, with
 * the people, groups and components named as the catalog names them.
 */
export const AdrDownloadButton = (props: { stored: StoredEvaluation }) => {
  const { stored } = props;
  const catalogApi = useApi(catalogApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const displayNames = await adrDisplayNames(catalogApi, stored);
      downloadFile(
        adrFileName(stored),
        toMarkdownAdr(stored.evaluation, stored.outcome, {
          decidedAt: new Date(stored.updatedAt),
          decidedBy: stored.updatedBy,
          status: stored.status,
          componentOwnerRef: stored.entity.ownerRef,
          displayNames,
          review: stored.review,
        }),
        'text/markdown',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      disabled={busy}
      onClick={download}
    >
      Download ADR
    </Button>
  );
};
