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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseCatalogFactsStore } from './DatabaseCatalogFactsStore';
import { DatabaseDashboardStore } from './DatabaseDashboardStore';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import { DatabaseNoticeStore } from './DatabaseNoticeStore';
import { DatabasePortfolioStore } from './DatabasePortfolioStore';
import { DatabaseVendorEventStore } from './DatabaseVendorEventStore';
import {
  deriveStoredFactColumns,
  EvaluationRow,
  FACTS_VERSION,
} from './tables';
import type {
  CatalogFactsStore,
  DashboardStore,
  EvaluationStore,
  NoticeStore,
  PortfolioStore,
  VendorEventStore,
} from './types';

const migrationsDir = resolvePackagePath(
  '@build-vs-buy/plugin-build-vs-buy-backend',
  'migrations',
);

/** How many rows one pass of {@link refreshDerivedFacts} rewrites at a time. */
const REFRESH_PAGE_SIZE = 500;

/**
 * The plugin's persistence: one store per aggregate over one database.
 * Only the stores touch knex, and rows never leave them.
 */
export class BuildVsBuyDatabase {
  /**
   * Connects, runs the migrations (unless the database service or the
   * caller skips them), and brings the derived columns of rows written
   * under older rules up to date.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<BuildVsBuyDatabase> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    await refreshDerivedFacts(client);
    return new BuildVsBuyDatabase(client);
  }

  /** Evaluations and their revisions. */
  readonly evaluations: EvaluationStore;
  /** Lists and counts of the dashboard. */
  readonly dashboard: DashboardStore;
  /** The catalog facts kept beside evaluations. */
  readonly catalogFacts: CatalogFactsStore;
  /** The outbox of revisit notices. */
  readonly notices: NoticeStore;
  /** Decisions to buy and what depends on them, for the vendor portfolio. */
  readonly portfolio: PortfolioStore;
  /** Vendor events and the decisions they make due for revisit. */
  readonly vendorEvents: VendorEventStore;

  private constructor(db: Knex) {
    this.evaluations = new DatabaseEvaluationStore(db);
    this.dashboard = new DatabaseDashboardStore(db);
    this.catalogFacts = new DatabaseCatalogFactsStore(db);
    this.notices = new DatabaseNoticeStore(db);
    this.portfolio = new DatabasePortfolioStore(db);
    this.vendorEvents = new DatabaseVendorEventStore(db);
  }
}

/**
 * Recomputes the derived columns of rows written under an older
 * `FACTS_VERSION`, with -common's rules, a page at a time. A row saved
 * meanwhile keeps what its save wrote: each update names the version it
 * read. Returns how many rows it rewrote.
 */
export async function refreshDerivedFacts(db: Knex): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const rows: Array<
      Pick<
        EvaluationRow,
        | 'id'
        | 'version'
        | 'evaluation'
        | 'outcome'
        | 'vendor_event'
        | 'catalog_changes'
      >
    > = await db<EvaluationRow>('evaluations')
      .select(
        'id',
        'version',
        'evaluation',
        'outcome',
        'vendor_event',
        'catalog_changes',
      )
      .where('facts_version', '<', FACTS_VERSION)
      .orderBy('id')
      .limit(REFRESH_PAGE_SIZE);
    if (rows.length === 0) {
      return refreshed;
    }
    refreshed += await db.transaction(async tx => {
      let changed = 0;
      for (const row of rows) {
        const columns = deriveStoredFactColumns(row);
        changed += await tx('evaluations')
          .where({ id: row.id, version: row.version })
          .update(columns);
      }
      return changed;
    });
  }
}
