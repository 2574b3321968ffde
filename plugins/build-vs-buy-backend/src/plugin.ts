import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './service/router';

/**
 * The Build vs Buy backend plugin: stores evaluations of catalog entities,
 * computes their verdicts with the shared decision engine and serves them.
 *
 * @public
 */
export const buildVsBuyPlugin = createBackendPlugin({
  pluginId: 'build-vs-buy',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
      },
      async init({ httpRouter }) {
        httpRouter.use(await createRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
