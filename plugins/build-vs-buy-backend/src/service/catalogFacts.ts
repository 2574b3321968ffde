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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  describeAnswer,
  type EvaluatedEntity,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { InputError, isError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import type {
  EvaluationDraft,
  Page,
  UnevaluatedEntity,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type {
  CatalogComponent,
  CatalogFactsStore,
  DashboardStore,
  EntityFacts,
  EvaluationFilter,
} from '../database/types';

/** What the catalog says of an entity, in the shape stored alongside. */
export function factsOf(entity: Entity): EvaluatedEntity {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ref = (value: unknown, kind: string) =>
    typeof value === 'string' && value
      ? stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: kind,
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ).toLocaleLowerCase('en-US')
      : undefined;
  return {
    title: entity.metadata.title ?? entity.metadata.name,
    ownerRef: ref(spec.owner, 'group'),
    systemRef: ref(spec.system, 'system'),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
    missing: false,
  };
}

/**
 * A fingerprint of an entity's description in the catalog, so that a change
 * to it is noticed without storing the text: the prerequisite the decision
 * rests on is a written description of the component. None without one.
 */
export function descriptionHashOf(entity: Entity): string | undefined {
  const description = entity.metadata.description?.trim();
  return description
    ? createHash('sha256').update(description).digest('hex').slice(0, 32)
    : undefined;
}

/** The number of direct members of a Group entity. */
export function membersOf(group: Entity): number {
  return (group.relations ?? []).filter(
    relation => relation.type === RELATION_HAS_MEMBER,
  ).length;
}

/**
 * The catalog facts a save stores, checked with the saver's credentials:
 * the evaluated entity must exist, and the maintenance owner must be a
 * Group. One batched lookup for both.
 */
export async function checkedCatalogFacts(
  catalog: CatalogService,
  evaluation: EvaluationDraft,
  credentials: BackstageCredentials,
): Promise<{
  entity: EvaluatedEntity;
  maintainers?: number;
  descriptionHash?: string;
}> {
  const ownerRef = evaluation.maintenance?.ownerGroupRef;
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs: ownerRef
        ? [evaluation.entityRef, ownerRef]
        : [evaluation.entityRef],
    },
    { credentials },
  );
  const [entity, owner] = items;
  if (!entity) {
    throw new InputError(
      `evaluation.entityRef: ${describeAnswer('entityRef', evaluation).label} ${
        evaluation.entityRef
      } is not in the catalog`,
    );
  }
  if (ownerRef && owner?.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `evaluation.maintenance.ownerGroupRef: ${
        describeAnswer('maintenance.ownerGroupRef', evaluation).label
      } ${ownerRef} is not a Group in the catalog`,
    );
  }
  return {
    entity: factsOf(entity),
    maintainers: owner ? membersOf(owner) : undefined,
    descriptionHash: descriptionHashOf(entity),
  };
}

/**
 * One page of the catalog's components, less those that have an
 * evaluation: the catalog pages, the store says which are evaluated.
 */
export async function notEvaluatedComponents(options: {
  catalog: CatalogService;
  dashboard: DashboardStore;
  credentials: BackstageCredentials;
  filter: Pick<EvaluationFilter, 'ownerGroups' | 'system' | 'lifecycle'>;
  limit: number;
  cursor?: string;
}): Promise<Page<UnevaluatedEntity>> {
  const { filter, limit, cursor } = options;
  const query: Record<string, string | string[]> = { kind: 'component' };
  if (filter.ownerGroups) query['relations.ownedBy'] = filter.ownerGroups;
  if (filter.system) query['relations.partOf'] = filter.system;
  if (filter.lifecycle) query['spec.lifecycle'] = filter.lifecycle;
  const page = await options.catalog
    .queryEntities(
      cursor
        ? { cursor, limit }
        : {
            filter: query,
            limit,
            orderFields: { field: 'metadata.name', order: 'asc' },
          },
      { credentials: options.credentials },
    )
    .catch(error => {
      // The cursor is the catalog's; one it refuses is the caller's
      // mistake, named as the API names it.
      if (cursor && isError(error) && error.name === 'InputError') {
        throw new InputError('cursor: not a cursor this API returned');
      }
      throw error;
    });
  const evaluated = await options.dashboard.evaluatedEntityRefs(
    page.items.map(entity => stringifyEntityRef(entity)),
  );
  const items = page.items
    .map(entity => ({
      entityRef: stringifyEntityRef(entity),
      ...factsOf(entity),
    }))
    .filter(entity => !evaluated.has(entity.entityRef))
    .map(({ missing: _missing, ...entity }) => entity);
  return { items, nextCursor: page.pageInfo.nextCursor };
}

/** How many entities one refresh asks the catalog for at a time. */
export const REFRESH_BATCH_SIZE = 200;

/**
 * Refreshes the owner, system, lifecycle and title stored beside every
 * evaluation, and marks the entities that left the catalog. Reads the
 * evaluations in pages and asks the catalog once per page
 * (`getEntitiesByRefs`), never once per row.
 */
export async function refreshCatalogFacts(options: {
  store: CatalogFactsStore;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  batchSize?: number;
}): Promise<{ refreshed: number; missing: number }> {
  const batchSize = options.batchSize ?? REFRESH_BATCH_SIZE;
  let refreshed = 0;
  let missing = 0;
  let after: string | undefined;
  for (;;) {
    const entityRefs = await options.store.listEntityRefs({
      limit: batchSize,
      after,
    });
    if (entityRefs.length === 0) {
      break;
    }
    const { items } = await options.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: options.credentials },
    );
    const facts: EntityFacts[] = entityRefs.map((entityRef, index) => {
      const entity = items[index];
      return entity
        ? { entityRef, ...factsOf(entity) }
        : { entityRef, missing: true };
    });
    await options.store.updateEntityFacts(facts);
    refreshed += facts.length;
    missing += facts.filter(fact => fact.missing).length;
    after = entityRefs[entityRefs.length - 1];
  }
  return { refreshed, missing };
}

/**
 * Copies the catalog's components (their owner, system, lifecycle, title
 * and the entities that depend on them) into the store, for coverage by
 * team and the vendor portfolio's blast radius, and removes those that left
 * the catalog since. Reads the catalog a page at a time; a refresh that
 * fails half way removes nothing, so a component is never lost to an
 * outage.
 */
export async function refreshCatalogComponents(options: {
  store: CatalogFactsStore;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  now: Date;
  batchSize?: number;
}): Promise<{ components: number; removed: number }> {
  const refreshedAt = options.now.toISOString();
  let components = 0;
  let cursor: string | undefined;
  do {
    const page = await options.catalog.queryEntities(
      cursor
        ? { cursor, limit: options.batchSize ?? REFRESH_BATCH_SIZE }
        : {
            filter: { kind: 'component' },
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'metadata.title',
              'spec.owner',
              'spec.system',
              'spec.lifecycle',
              'relations',
            ],
            orderFields: { field: 'metadata.name', order: 'asc' },
            limit: options.batchSize ?? REFRESH_BATCH_SIZE,
          },
      { credentials: options.credentials },
    );
    const copies: CatalogComponent[] = page.items.map(entity => {
      const { missing: _missing, ...facts } = factsOf(entity);
      return {
        entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        ...facts,
        dependentRefs: (entity.relations ?? [])
          .filter(relation => relation.type === RELATION_DEPENDENCY_OF)
          .map(relation => relation.targetRef.toLocaleLowerCase('en-US')),
      };
    });
    await options.store.saveComponents(copies, refreshedAt);
    components += copies.length;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  const removed = await options.store.removeComponentsNotRefreshedSince(
    refreshedAt,
  );
  return { components, removed };
}
