import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  buildVsBuyEvaluationConditions,
  createBuildVsBuyEvaluationConditionalDecision,
} from '@build-vs-buy/plugin-build-vs-buy-backend';
import {
  buildVsBuyEvaluationDeletePermission,
  buildVsBuyEvaluationUpdatePermission,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/** Allows everything: the default for a local portal. */
export class AllowAllPolicy implements PermissionPolicy {
  async handle(
    _request: PolicyQuery,
    _user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * A stricter sample: everyone may read and start evaluations, but only the
 * owners of the evaluated entity and the members of the maintenance owner
 * group may change or archive a decision.
 */
export class SamplePolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, buildVsBuyEvaluationUpdatePermission) ||
      isPermission(request.permission, buildVsBuyEvaluationDeletePermission)
    ) {
      const claims = user?.info.ownershipEntityRefs ?? [];
      return createBuildVsBuyEvaluationConditionalDecision(request.permission, {
        anyOf: [
          buildVsBuyEvaluationConditions.isEntityOwner({ claims }),
          buildVsBuyEvaluationConditions.isMaintenanceOwner({ claims }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Chooses the policy by `portal.permissionPolicy`: `allow-all` or `sample`. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const mode =
          config.getOptionalString('portal.permissionPolicy') ?? 'allow-all';
        if (mode !== 'allow-all' && mode !== 'sample') {
          throw new Error(
            `portal.permissionPolicy must be 'allow-all' or 'sample', got '${mode}'`,
          );
        }
        policy.setPolicy(
          mode === 'sample' ? new SamplePolicy() : new AllowAllPolicy(),
        );
      },
    });
  },
});
