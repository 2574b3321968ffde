/*
 * The example portal's backend: the Backstage new backend system with the
 * catalog, guest sign-in, permissions, notifications, signals, search, tech
 * insights and the Build vs Buy plugin family.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in for local use, see https://backstage.io/docs/auth/guest/provider
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// software templates, with an action that opens the draft Build vs Buy
// evaluation of the component a template creates
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(
  import('@build-vs-buy/plugin-scaffolder-backend-module-build-vs-buy'),
);

// permissions: the policy lives in ./permissionPolicy.ts and is chosen by config
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// search, with the Postgres engine when the database is Postgres (Lunr otherwise)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Build vs Buy decisions in search, linking to the entity's Build vs Buy tab
backend.add(import('@build-vs-buy/plugin-search-backend-module-build-vs-buy'));

// tech insights, with a fact retriever of each component's Build vs Buy decision
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@build-vs-buy/plugin-tech-insights-backend-module-build-vs-buy'),
);

// user settings, notifications and signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// actions registry over MCP, for agents and automation
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Build vs Buy: evaluations of catalog components, their verdicts and revisits
backend.add(import('@build-vs-buy/plugin-build-vs-buy-backend'));
// Example evaluations for the example catalog; not needed in your own portal
backend.add(import('./exampleEvaluations'));

backend.start();
