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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { evaluate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import type { EvaluationRecord } from '../database/types';
import { confirmationFacts, notifyConfirmation } from './confirmation';

const AT = '2026-12-02T10:00:00.000Z';

function recordOf(options: {
  maintenanceOwnerRef?: string;
  ownerRef?: string;
}): EvaluationRecord {
  return {
    id: 'e1',
    entityRef: 'component:default/vector-database',
    version: 4,
    status: 'complete',
    evaluation: ecommerceVectorDatabase,
    outcome: evaluate(ecommerceVectorDatabase, { now: new Date(AT) }),
    revisitBy: '2027-06-02',
    maintenanceOwnerRef: options.maintenanceOwnerRef,
    hasMigrationPlan: true,
    needsAttention: false,
    decidedAgainstTree: false,
    regulatedWithoutBuildFallback: false,
    entity: { ownerRef: options.ownerRef, missing: false },
    createdAt: AT,
    createdBy: 'user:default/alice',
    updatedAt: AT,
    updatedBy: 'user:default/alice',
  };
}

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'vector-database', namespace: 'default' },
  spec: { type: 'service', owner: 'search' },
};
const team = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'retrieval', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/alice' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
  ],
};

describe('confirmationFacts', () => {
  it('finds the entity, the team and the confirmer in one lookup', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component,
        team,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'bob', namespace: 'default', title: 'Bob B.' },
          spec: {},
        },
      ],
    });
    const lookups = jest.spyOn(catalog, 'getEntitiesByRefs');

    const facts = await confirmationFacts({
      catalog,
      record: recordOf({ maintenanceOwnerRef: 'group:default/retrieval' }),
      actorRef: 'user:default/bob',
      credentials: mockCredentials.user('user:default/bob'),
    });

    expect(facts).toEqual({
      entity: {
        title: 'vector-database',
        ownerRef: 'group:default/search',
        missing: false,
      },
      maintainers: 2,
      confirmer: { ref: 'user:default/bob', name: 'Bob B.', isUser: true },
    });
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('names a user the catalog does not know, and a service, by their names', async () => {
    const catalog = catalogServiceMock({ entities: [component] });
    const record = recordOf({});
    const user = await confirmationFacts({
      catalog,
      record,
      actorRef: 'user:default/carol',
      credentials: mockCredentials.user('user:default/carol'),
    });
    expect(user.confirmer).toEqual({
      ref: 'user:default/carol',
      name: 'carol',
      isUser: true,
    });
    expect(user.maintainers).toBeUndefined();
    const service = await confirmationFacts({
      catalog,
      record,
      actorRef: 'plugin:scaffolder',
      credentials: mockCredentials.service('plugin:scaffolder'),
    });
    expect(service.confirmer).toEqual({
      ref: 'plugin:scaffolder',
      name: 'scaffolder',
      isUser: false,
    });
  });

  it('refuses, in words, a decision whose component or maintenance owner left the catalog', async () => {
    const gone = confirmationFacts({
      catalog: catalogServiceMock({ entities: [team] }),
      record: {
        ...recordOf({}),
        entity: { title: 'Vector DB', missing: false },
      },
      actorRef: 'user:default/bob',
      credentials: mockCredentials.user('user:default/bob'),
    });
    await expect(gone).rejects.toThrow(ConflictError);
    await expect(gone).rejects.toThrow(
      'Vector DB is no longer in the catalog: re-evaluate the decision or archive it instead of confirming it.',
    );

    const noTeam = confirmationFacts({
      catalog: catalogServiceMock({ entities: [component] }),
      record: recordOf({ maintenanceOwnerRef: 'group:default/retrieval' }),
      actorRef: 'user:default/bob',
      credentials: mockCredentials.user('user:default/bob'),
    });
    await expect(noTeam).rejects.toThrow(
      /^The maintenance owner, retrieval, is no longer a group in the catalog/,
    );
  });
});

describe('notifyConfirmation', () => {
  const confirmer = { ref: 'user:default/bob', name: 'Bob', isUser: true };

  it('tells each owner once, and nobody when there is no owner', async () => {
    const send = jest.fn(async () => {});
    await notifyConfirmation({
      notifications: { send },
      logger: mockServices.logger.mock(),
      record: recordOf({
        maintenanceOwnerRef: 'group:default/search',
        ownerRef: 'group:default/search',
      }),
      note: 'Still valid.',
      confirmer,
    });
    await notifyConfirmation({
      notifications: { send },
      logger: mockServices.logger.mock(),
      record: recordOf({}),
      note: 'Still valid.',
      confirmer,
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/search'],
          excludeEntityRef: 'user:default/bob',
        },
      }),
    );
  });

  it('excludes nobody when a service confirms, and names it so', async () => {
    const send = jest.fn(async () => {});
    await notifyConfirmation({
      notifications: { send },
      logger: mockServices.logger.mock(),
      record: recordOf({ ownerRef: 'group:default/search' }),
      note: 'Still valid.',
      confirmer: {
        ref: 'plugin:scaffolder',
        name: 'scaffolder',
        isUser: false,
      },
    });
    expect(send).toHaveBeenCalledWith({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/search'],
        excludeEntityRef: undefined,
      },
      payload: expect.objectContaining({
        title:
          'Build vs buy: The scaffolder service confirmed that the decision for vector-database still holds',
        scope: 'build-vs-buy:e1:confirmed:4',
      }),
    });
  });

  it('logs a notification that cannot be sent: the confirmation stands', async () => {
    const logger = mockServices.logger.mock();
    await expect(
      notifyConfirmation({
        notifications: {
          send: async () => {
            throw new Error('notifications backend is down');
          },
        },
        logger,
        record: recordOf({ ownerRef: 'group:default/search' }),
        note: 'Still valid.',
        confirmer,
      }),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/could not tell the owners/i),
      expect.any(Error),
    );
  });
});
