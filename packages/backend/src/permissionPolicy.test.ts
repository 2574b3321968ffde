import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  buildVsBuyEvaluationReadPermission,
  buildVsBuyEvaluationUpdatePermission,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { SamplePolicy } from './permissionPolicy';

describe('SamplePolicy', () => {
  const user = {
    identity: {
      type: 'user' as const,
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: ['user:default/alice', 'group:default/ml-platform'],
    },
    info: {
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: ['user:default/alice', 'group:default/ml-platform'],
    },
    token: 'token',
    credentials: {} as any,
  };

  it('lets everyone read decisions', async () => {
    const decision = await new SamplePolicy().handle(
      { permission: buildVsBuyEvaluationReadPermission },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets only entity owners and the maintenance group change a decision', async () => {
    const decision = await new SamplePolicy().handle(
      { permission: buildVsBuyEvaluationUpdatePermission },
      user,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'build-vs-buy',
      resourceType: 'build-vs-buy-evaluation',
      conditions: {
        anyOf: [
          {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'build-vs-buy-evaluation',
            params: { claims: user.info.ownershipEntityRefs },
          },
          {
            rule: 'IS_MAINTENANCE_OWNER',
            resourceType: 'build-vs-buy-evaluation',
            params: { claims: user.info.ownershipEntityRefs },
          },
        ],
      },
    });
  });
});
