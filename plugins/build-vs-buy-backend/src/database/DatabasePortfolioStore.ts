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

import type {
  ComponentDependent,
  PortfolioDecision,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import {
  applyCriteria,
  type CatalogComponentRow,
  type CatalogDependentRow,
  type EvaluationRow,
  vendorEventOf,
} from './tables';
import type { EvaluationQuery, PortfolioStore } from './types';

/** Component refs per query: well under either database's parameter limit. */
const REFS_PER_QUERY = 500;

/**
 * The knex implementation of {@link PortfolioStore}: the narrow columns of
 * decisions to buy, stored by -common's `decisionFacts`, and the catalog's
 * relations as the refresh copied them. Which product a decision counts
 * under is -common's `vendorPortfolio`, never SQL.
 */
export class DatabasePortfolioStore implements PortfolioStore {
  constructor(private readonly db: Knex) {}

  async listBuyDecisions(options: {
    permissionFilter?: PermissionCriteria<EvaluationQuery>;
  }): Promise<PortfolioDecision[]> {
    const query = this.db<EvaluationRow>('evaluations')
      .select(
        'entity_ref',
        'entity_title',
        'entity_owner_ref',
        'entity_system_ref',
        'chosen_candidate_name',
        'has_migration_plan',
        'integration_weeks',
        'revisit_by',
        'vendor_event',
      )
      .where('status', 'complete')
      .whereNotNull('chosen_candidate_name');
    if (options.permissionFilter) {
      applyCriteria(query, options.permissionFilter);
    }
    // The earliest decision first: a product's name is the spelling most
    // decisions used, and on a tie the one used first.
    const rows = await query.orderBy([
      { column: 'decided_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(row => ({
      entityRef: row.entity_ref,
      title: row.entity_title ?? undefined,
      ownerRef: row.entity_owner_ref ?? undefined,
      systemRef: row.entity_system_ref ?? undefined,
      productName: row.chosen_candidate_name!,
      hasMigrationPlan: Boolean(row.has_migration_plan),
      integrationWeeks:
        row.integration_weeks === null || row.integration_weeks === undefined
          ? undefined
          : Number(row.integration_weeks),
      revisitBy: row.revisit_by,
      vendorEvent: vendorEventOf(row),
    }));
  }

  async listDependents(componentRefs: string[]): Promise<ComponentDependent[]> {
    const dependents: ComponentDependent[] = [];
    for (let i = 0; i < componentRefs.length; i += REFS_PER_QUERY) {
      const rows: Array<
        CatalogDependentRow & {
          dependent_system_ref: CatalogComponentRow['component_system_ref'];
        }
      > = await this.db<CatalogDependentRow>('catalog_component_dependents')
        .leftJoin<CatalogComponentRow>(
          'catalog_components',
          'catalog_components.component_ref',
          'catalog_component_dependents.dependent_ref',
        )
        .select(
          'catalog_component_dependents.component_ref',
          'catalog_component_dependents.dependent_ref',
          { dependent_system_ref: 'catalog_components.component_system_ref' },
        )
        .whereIn(
          'catalog_component_dependents.component_ref',
          componentRefs.slice(i, i + REFS_PER_QUERY),
        )
        .orderBy([
          'catalog_component_dependents.component_ref',
          'catalog_component_dependents.dependent_ref',
        ]);
      for (const row of rows) {
        dependents.push({
          componentRef: row.component_ref,
          dependentRef: row.dependent_ref,
          dependentSystemRef: row.dependent_system_ref ?? undefined,
        });
      }
    }
    return dependents;
  }
}
