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

/*
 * What a confirmation that a decision is still valid needs beyond the
 * store: the catalog as the confirmation finds it, and the notification of
 * the decision's owners.
 */

import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { type Entity, parseEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  decisionTabPath,
  verdictLabel,
  type EvaluatedEntity,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { EvaluationRecord } from '../database/types';
import { descriptionHashOf, factsOf, membersOf } from './catalogFacts';

/** Who confirms: the user or service, by reference and in words. */
export type Confirmer = { ref: string; name: string; isUser: boolean };

/**
 * The catalog facts a confirmation records, and the confirmer's name, in one
 * lookup with the caller's credentials. A decision whose component or
 * maintenance owner left the catalog is not confirmed as it stands: a 409
 * that says to re-evaluate it.
 */
export async function confirmationFacts(options: {
  catalog: CatalogService;
  record: EvaluationRecord;
  actorRef: string;
  credentials: BackstageCredentials;
}): Promise<{
  entity: EvaluatedEntity;
  maintainers?: number;
  descriptionHash?: string;
  confirmer: Confirmer;
}> {
  const { record, actorRef } = options;
  const groupRef = record.maintenanceOwnerRef;
  const isUser =
    (options.credentials.principal as { type?: string }).type === 'user';
  const refs = [record.entityRef];
  if (groupRef) refs.push(groupRef);
  if (isUser) refs.push(actorRef);
  const { items } = await options.catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials: options.credentials },
  );
  const [entity, group, user] = [
    items[0],
    groupRef ? items[1] : undefined,
    isUser ? items[refs.length - 1] : undefined,
  ];
  if (!entity) {
    throw new ConflictError(
      `${displayNameOf(
        record,
      )} is no longer in the catalog: re-evaluate the decision or archive it instead of confirming it.`,
    );
  }
  if (groupRef && group?.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new ConflictError(
      `The maintenance owner, ${
        parseEntityRef(groupRef).name
      }, is no longer a group in the catalog: every system you build becomes a system you maintain, so re-evaluate the decision to name who maintains it.`,
    );
  }
  return {
    entity: factsOf(entity),
    maintainers: groupRef && group ? membersOf(group) : undefined,
    descriptionHash: descriptionHashOf(entity),
    confirmer: { ref: actorRef, name: nameOf(actorRef, user), isUser },
  };
}

/** The component's name as people know it. */
function displayNameOf(record: EvaluationRecord): string {
  return record.entity.title ?? parseEntityRef(record.entityRef).name;
}

/* A user by their display name; a service by the name in its subject. */
function nameOf(ref: string, user: Entity | undefined): string {
  const profile = (user?.spec as { profile?: { displayName?: string } })
    ?.profile;
  return (
    profile?.displayName ??
    user?.metadata.title ??
    ref.slice(ref.lastIndexOf(':') + 1).replace(/^.*\//, '')
  );
}

/** What the owners are told of a confirmation, in words. */
export function confirmationNoticeOf(options: {
  record: EvaluationRecord;
  note: string;
  confirmer: Confirmer;
}): NotificationPayload {
  const { record, note, confirmer } = options;
  const name = displayNameOf(record);
  const who = confirmer.isUser
    ? confirmer.name
    : `The ${confirmer.name} service`;
  return {
    title: `Build vs buy: ${who} confirmed that the decision for ${name} still holds`,
    description: [
      `${who} confirmed that the decision for ${name} is still valid: ${verdictLabel(
        record.outcome.verdict,
      )}.`,
      `Why it still holds: ${note}`,
      `The next revisit is due by ${record.revisitBy}.`,
    ].join('\n'),
    link: decisionTabPath(record.entityRef),
    severity: 'low',
    topic: 'build-vs-buy',
    scope: `build-vs-buy:${record.id}:confirmed:${record.version}`,
  };
}

/**
 * Tells the maintenance owner group and the component's owner that the
 * decision was confirmed, except whoever confirmed it. A notification that
 * cannot be sent is logged: the confirmation stands.
 */
export async function notifyConfirmation(options: {
  notifications: NotificationService | undefined;
  logger: LoggerService | undefined;
  record: EvaluationRecord;
  note: string;
  confirmer: Confirmer;
}): Promise<void> {
  const { record, confirmer, notifications } = options;
  const owners = [
    ...new Set(
      [record.maintenanceOwnerRef, record.entity.ownerRef].filter(
        (ref): ref is string => Boolean(ref),
      ),
    ),
  ];
  if (!notifications || owners.length === 0) {
    return;
  }
  try {
    await notifications.send({
      recipients: {
        type: 'entity',
        entityRef: owners,
        excludeEntityRef: confirmer.isUser ? confirmer.ref : undefined,
      },
      payload: confirmationNoticeOf(options),
    });
  } catch (error) {
    options.logger?.warn(
      `Could not tell the owners of the decision for ${record.entityRef} that it was confirmed`,
      error as Error,
    );
  }
}
