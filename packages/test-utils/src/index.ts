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
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE,
  buildVsBuyEvaluationDeletePermission,
  buildVsBuyEvaluationUpdatePermission,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/**
 * The callers of the access tests, by what they are to an evaluation of
 * `component:default/vector-database` (owned by applied-ml-startup,
 * maintained by ml-platform).
 */
export const CALLERS = [
  'none',
  'outsider',
  'stranger',
  'owner',
  'maintainer',
  'service',
] as const;

/** One of {@link CALLERS}. */
export type Caller = (typeof CALLERS)[number];

/** The Authorization header each caller sends. */
export const CALLER_HEADERS: Record<Caller, string> = {
  none: mockCredentials.none.header(),
  outsider: mockCredentials.user.header('user:default/outsider'),
  stranger: mockCredentials.user.header('user:default/stranger'),
  owner: mockCredentials.user.header('user:default/owner'),
  maintainer: mockCredentials.user.header('user:default/maintainer'),
  service: mockCredentials.service.header(),
};

/** The groups each test user belongs to: a table instead of the catalog. */
export const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/owner': ['group:default/applied-ml-startup'],
  'user:default/maintainer': ['group:default/ml-platform'],
  'user:default/stranger': ['group:default/search-relevance'],
  'user:default/outsider': [],
};

/**
 * A permission policy module for the real permission backend: the outsider
 * is denied everything; updating and archiving are conditional on what
 * `conditionalDecision` says for the caller's claims (the user and their
 * groups); everything else is allowed.
 */
export function createMembershipPolicy(options: {
  moduleId: string;
  conditionalDecision: (
    permission: ResourcePermission<
      typeof BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE
    >,
    claims: string[],
  ) => PolicyDecision;
}) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: options.moduleId,
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({
            async handle(
              query: PolicyQuery,
              user?: PolicyQueryUser,
            ): Promise<PolicyDecision> {
              const userRef = user?.info.userEntityRef ?? '';
              if (userRef === 'user:default/outsider') {
                return { result: AuthorizeResult.DENY };
              }
              if (
                isPermission(
                  query.permission,
                  buildVsBuyEvaluationUpdatePermission,
                ) ||
                isPermission(
                  query.permission,
                  buildVsBuyEvaluationDeletePermission,
                )
              ) {
                // Both are resource permissions of evaluations.
                return options.conditionalDecision(
                  query.permission as ResourcePermission<
                    typeof BUILD_VS_BUY_EVALUATION_RESOURCE_TYPE
                  >,
                  [userRef, ...(MEMBERSHIPS[userRef] ?? [])],
                );
              }
              return { result: AuthorizeResult.ALLOW };
            },
          });
        },
      });
    },
  });
}

/**
 * The auth service of `mockServices`, except that an on-behalf-of token
 * keeps the calling plugin as actor, as the real auth service does. The
 * mock drops it, and the permission backend rightly refuses conditional
 * requests from a direct user without a resourceRef. Use it with the real
 * HTTP auth service (`httpAuthServiceFactory`).
 */
export const onBehalfOfAuthFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }): AuthService => {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: async (token, options) => {
        const prefix = 'mock-service-token:';
        if (token.startsWith(prefix)) {
          const { obo, target } = JSON.parse(token.slice(prefix.length));
          if (obo && target === plugin.getId()) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:build-vs-buy' },
            }) as any;
          }
        }
        return auth.authenticate(token, options);
      },
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: ((credentials: any, type: any) =>
        auth.isPrincipal(credentials, type)) as AuthService['isPrincipal'],
      getPluginRequestToken: options => auth.getPluginRequestToken(options),
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
    };
  },
});
