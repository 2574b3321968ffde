import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide dashboard of build-vs-buy decisions. */
export const rootRouteRef = createRouteRef({ id: 'build-vs-buy' });
