import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The Build vs Buy frontend plugin.
 *
 * @public
 */
export const buildVsBuyPlugin = createPlugin({
  id: 'build-vs-buy',
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The org-wide dashboard of build-vs-buy decisions, mounted at `/build-vs-buy`.
 *
 * @public
 */
export const BuildVsBuyPage = buildVsBuyPlugin.provide(
  createRoutableExtension({
    name: 'BuildVsBuyPage',
    component: () =>
      import('./components/BuildVsBuyPage').then(m => m.BuildVsBuyPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The decision of the current entity, for its overview page.
 *
 * @public
 */
export const EntityBuildVsBuyCard = buildVsBuyPlugin.provide(
  createComponentExtension({
    name: 'EntityBuildVsBuyCard',
    component: {
      lazy: () =>
        import('./components/EntityBuildVsBuyCard').then(
          m => m.EntityBuildVsBuyCard,
        ),
    },
  }),
);
