import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Build vs Buy plugin. */
  buildVsBuy?: {
    /**
     * How long a decision stays current before it is due for revisit.
     * Defaults to six months, after the article's warning that "a build
     * decision made today may be obsolete in six months". Whole years and
     * months: revisit dates are calendar months ahead.
     */
    revisitInterval?: { years?: number; months?: number };
    /**
     * A decision is "due soon" this long before its revisit date, in whole
     * days. Defaults to 30 days; read as Backstage reads durations (a month
     * is 30 days).
     */
    dueSoonWindow?: HumanDuration;
    /**
     * Node 3 of the tree: the share (0..1) of should-have requirements a
     * candidate must cover to pass. Defaults to 0.8.
     */
    coverageThreshold?: number;
    /**
     * The organisation profile a new evaluation starts with.
     * @visibility frontend
     */
    defaultOrganisationProfile?:
      | 'early-stage-startup'
      | 'mid-size'
      | 'large-enterprise'
      | 'regulated';
    /**
     * How often the revisit scan looks for decisions that became due soon or
     * overdue, lost or outgrew their maintenance owner, or whose entity left
     * the catalog or changed owner, and notifies their owners. Hourly by
     * default; one replica runs it at a time.
     */
    revisitScanSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** How often catalog facts (owner, system, lifecycle) are refreshed. */
    catalogRefreshSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** The vendor portfolio: every product decisions chose to buy. */
    portfolio?: {
      /**
       * Spellings of a product's name that mean the same product, merged
       * under its name. Spellings that differ only in case and white space
       * are merged without an entry here.
       */
      aliases?: Array<{
        /** The name the product goes by in the portfolio. */
        product: string;
        /** The other spellings decisions used for it. */
        spellings: string[];
      }>;
    };
    /**
     * Check every response against the OpenAPI spec as well as every
     * request. Off by default: it costs time on every request. Test
     * harnesses and staging turn it on to catch drift from the contract.
     */
    validateResponses?: boolean;
  };
}
