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

import { Knex } from 'knex';
import type {
  CatalogComponentRow,
  CatalogDependentRow,
  EvaluationRow,
} from './tables';
import type { CatalogComponent, CatalogFactsStore, EntityFacts } from './types';

/**
 * Relations written per statement: two parameters each, well under
 * SQLite's limit of parameters in one statement.
 */
const DEPENDENTS_PER_INSERT = 400;

/** The knex implementation of {@link CatalogFactsStore}. */
export class DatabaseCatalogFactsStore implements CatalogFactsStore {
  constructor(private readonly db: Knex) {}

  async listEntityRefs(options: {
    limit: number;
    after?: string;
  }): Promise<string[]> {
    const query = this.db<EvaluationRow>('evaluations')
      .distinct('entity_ref')
      .orderBy('entity_ref')
      .limit(options.limit);
    if (options.after !== undefined) {
      query.where('entity_ref', '>', options.after);
    }
    return (await query).map(row => row.entity_ref);
  }

  async updateEntityFacts(facts: EntityFacts[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const fact of facts) {
        // An entity that left the catalog keeps the facts last seen.
        await tx('evaluations')
          .where({ entity_ref: fact.entityRef })
          .update(
            fact.missing
              ? { entity_missing: true }
              : {
                  entity_title: fact.title ?? null,
                  entity_owner_ref: fact.ownerRef ?? null,
                  entity_system_ref: fact.systemRef ?? null,
                  entity_lifecycle: fact.lifecycle ?? null,
                  entity_missing: false,
                },
          );
      }
    });
  }

  async saveComponents(
    components: CatalogComponent[],
    refreshedAt: string,
  ): Promise<void> {
    if (components.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      await tx<CatalogComponentRow>('catalog_components')
        .insert(
          components.map(component => ({
            component_ref: component.entityRef,
            component_title: component.title ?? null,
            component_owner_ref: component.ownerRef ?? null,
            component_system_ref: component.systemRef ?? null,
            component_lifecycle: component.lifecycle ?? null,
            refreshed_at: refreshedAt,
          })),
        )
        .onConflict('component_ref')
        .merge();
      // What the review status rests on, from each component's evaluation
      // that is not archived, as the triggers of migration
      // `20261208090000_component_decisions` keep it. A component new to the
      // copy takes it here; one whose evaluation was written while the
      // refresh was saving it is put right here on the next refresh.
      const decision = (column: string) =>
        tx.raw('(?)', [
          tx('evaluations')
            .select(column)
            .where(
              'evaluations.active_entity_ref',
              tx.ref('catalog_components.component_ref'),
            ),
        ]);
      await tx<CatalogComponentRow>('catalog_components')
        .whereIn(
          'component_ref',
          components.map(component => component.entityRef),
        )
        .update({
          decision_status: decision('status'),
          decision_revisit_by: decision('revisit_by'),
          decision_needs_attention: decision('needs_attention'),
        });
      // Each component's relations as this refresh read them, in place of
      // those an earlier one did.
      await tx<CatalogDependentRow>('catalog_component_dependents')
        .whereIn(
          'component_ref',
          components.map(component => component.entityRef),
        )
        .delete();
      const dependents = components.flatMap(component =>
        [...new Set(component.dependentRefs ?? [])].map(dependentRef => ({
          component_ref: component.entityRef,
          dependent_ref: dependentRef,
        })),
      );
      if (dependents.length > 0) {
        await tx.batchInsert(
          'catalog_component_dependents',
          dependents,
          DEPENDENTS_PER_INSERT,
        );
      }
    });
  }

  async removeComponentsNotRefreshedSince(
    refreshedAt: string,
  ): Promise<number> {
    return this.db.transaction(async (tx): Promise<number> => {
      await tx<CatalogDependentRow>('catalog_component_dependents')
        .whereIn(
          'component_ref',
          tx<CatalogComponentRow>('catalog_components')
            .select('component_ref')
            .where('refreshed_at', '<', refreshedAt),
        )
        .delete();
      return tx<CatalogComponentRow>('catalog_components')
        .where('refreshed_at', '<', refreshedAt)
        .delete();
    });
  }
}
