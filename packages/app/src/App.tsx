import { Navigate, Route } from 'react-router-dom';
import { ApiExplorerPage } from '@backstage/plugin-api-docs';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  CatalogTable,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import { DefaultFilters } from '@backstage/plugin-catalog-react';
import { orgPlugin } from '@backstage/plugin-org';
import { SearchPage } from '@backstage/plugin-search';
import { UserSettingsPage } from '@backstage/plugin-user-settings';
import { apis } from './apis';
import { entityPage } from './components/catalog/EntityPage';
import { searchPage } from './components/search/SearchPage';
import { Root } from './components/Root';

import {
  AlertDisplay,
  OAuthRequestDialog,
  SignInPage,
} from '@backstage/core-components';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { CatalogGraphPage } from '@backstage/plugin-catalog-graph';
import { NotificationsPage } from '@backstage/plugin-notifications';
import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { SignalsDisplay } from '@backstage/plugin-signals';
import { TechRadarPage } from '@backstage-community/plugin-tech-radar';
import {
  BuildVsBuyCatalogFilter,
  BuildVsBuyPage,
  createBuildVsBuyCatalogColumn,
} from '@build-vs-buy/plugin-build-vs-buy';

const app = createApp({
  apis,
  bindRoutes({ bind }) {
    bind(orgPlugin.externalRoutes, {
      catalogIndex: catalogPlugin.routes.catalogIndex,
    });
    bind(catalogPlugin.externalRoutes, {
      createComponent: scaffolderPlugin.routes.root,
    });
    bind(scaffolderPlugin.externalRoutes, {
      registerComponent: catalogPlugin.routes.catalogIndex,
    });
  },
  components: {
    SignInPage: props => <SignInPage {...props} auto providers={['guest']} />,
  },
});

const routes = (
  <FlatRoutes>
    <Route path="/" element={<Navigate to="catalog" />} />
    <Route
      path="/catalog"
      element={
        <CatalogIndexPage
          // Each component's build-vs-buy decision, and a filter on it. On
          // components, the catalog's columns without type and tags, so
          // names and decisions read whole beside the filters.
          columns={context =>
            context.filters.kind?.value === 'component'
              ? [
                  CatalogTable.columns.createNameColumn(),
                  CatalogTable.columns.createSystemColumn(),
                  CatalogTable.columns.createOwnerColumn(),
                  CatalogTable.columns.createSpecLifecycleColumn(),
                  createBuildVsBuyCatalogColumn(),
                  CatalogTable.columns.createMetadataDescriptionColumn(),
                ]
              : CatalogTable.defaultColumnsFunc(context)
          }
          filters={
            <>
              <DefaultFilters initialKind="component" />
              <BuildVsBuyCatalogFilter />
            </>
          }
        />
      }
    />
    <Route
      path="/catalog/:namespace/:kind/:name"
      element={<CatalogEntityPage />}
    >
      {entityPage}
    </Route>
    <Route path="/api-docs" element={<ApiExplorerPage />} />
    <Route path="/search" element={<SearchPage />}>
      {searchPage}
    </Route>
    <Route path="/settings" element={<UserSettingsPage />} />
    <Route path="/catalog-graph" element={<CatalogGraphPage />} />
    <Route path="/notifications" element={<NotificationsPage />} />
    <Route path="/build-vs-buy" element={<BuildVsBuyPage />} />
    <Route
      path="/tech-radar"
      element={
        <TechRadarPage
          title="Tech Radar"
          subtitle="What the organisation bought and built, from its build-vs-buy decisions"
          pageTitle="Build vs buy decisions"
          // The radar sizes itself to the window, not to the page beside
          // the sidebar; this fits a 1440-pixel-wide screen.
          width={1100}
          height={720}
          // Its legend line sits on the bottom edge: let it show whole.
          svgProps={{ style: { overflow: 'visible' } }}
        />
      }
    />
    <Route path="/create" element={<ScaffolderPage />} />
  </FlatRoutes>
);

export default app.createRoot(
  <>
    <AlertDisplay />
    <OAuthRequestDialog />
    <SignalsDisplay />
    <AppRouter>
      <Root>{routes}</Root>
    </AppRouter>
  </>,
);
