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

import { InputError, NotFoundError } from '@backstage/errors';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ANSWER_QUESTIONS,
  answerProblems,
  confirmEvaluationRequestSchema,
  type CoreDifferentiator,
  coreDifferentiatorSchema,
  createEvaluationRequestSchema,
  decisionTabPath,
  EVALUATION_LIMITS,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import type { EvaluationService } from './EvaluationService';
import {
  answerProblemText,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  normalizeEntityRef,
  parse,
} from './requests';

/** The zod the actions registry hands to an action's schema. */
type ActionsZod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** The `entityRef` input of an action about one component. */
const entityRefInput = (z: ActionsZod, example: string) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe(
      `The entity reference, e.g. component:default/${example}; the kind defaults to component`,
    );

/**
 * Actions for agents and automation, through Backstage's actions registry:
 * the decision of an entity, the decisions due for revisit, confirming that
 * a decision is still valid, and opening the draft of a new component's
 * evaluation, with the caller's credentials so the permission policy
 * applies as it does to the HTTP API.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  service: EvaluationService;
}) {
  const { actionsRegistry, service } = options;

  actionsRegistry.register({
    name: 'get-build-vs-buy-decision',
    title: 'Get the build-vs-buy decision of an entity',
    description:
      'Returns the current build-vs-buy decision recorded for a catalog entity: the verdict and why, the maintenance owner, the migration plan, the revisit date and whether the decision is current, due soon or overdue. Fails with NotFound when the entity has no decision the caller may read.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z, 'vector-db'),
        }),
      output: z =>
        z.object({
          decision: z
            .record(z.string(), z.unknown())
            .describe(
              'The stored evaluation, as GET /entities/:ref/evaluation',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normalizeEntityRef(input.entityRef, 'component');
      const decision = await service.getByEntityRef(entityRef, {
        credentials,
      });
      if (!decision) {
        throw new NotFoundError(`${entityRef} has no build-vs-buy decision`);
      }
      return { output: { decision } };
    },
  });

  actionsRegistry.register({
    name: 'list-build-vs-buy-decisions-due-for-revisit',
    title: 'List build-vs-buy decisions due for revisit',
    description:
      'Lists the build-vs-buy decisions that are overdue or due soon for revisit, earliest revisit date first, one page at a time. Pass nextCursor back as cursor for the next page.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_PAGE_SIZE)
            .optional()
            .describe('Decisions per page, 50 by default'),
          cursor: z
            .string()
            .max(1024)
            .optional()
            .describe('The nextCursor of the previous page'),
          ownerGroup: z
            .string()
            .max(255)
            .optional()
            .describe(
              "Only decisions whose entity's owner or maintenance owner is this group ref",
            ),
        }),
      output: z =>
        z.object({
          items: z.array(z.record(z.string(), z.unknown())),
          nextCursor: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await service.listAttention(
        'due-for-revisit',
        {
          filter: input.ownerGroup
            ? {
                ownerGroups: [
                  normalizeEntityRef(input.ownerGroup, 'group', 'ownerGroup'),
                ],
              }
            : {},
          limit: input.limit ?? DEFAULT_PAGE_SIZE,
          cursor: input.cursor,
        },
        { credentials },
      );
      return { output: page };
    },
  });

  actionsRegistry.register({
    name: 'confirm-build-vs-buy-decision',
    title: 'Confirm that a build-vs-buy decision is still valid',
    description:
      'Records that the recorded build-vs-buy decision of a catalog entity still holds, without changing its answers: a new version with the note, and a revisit date one revisit interval from today, which clears a due-soon or overdue status. The owners are notified. Needs permission to update the decision; pass the version you read (get-build-vs-buy-decision): a stale one fails with Conflict, as do drafts and archived decisions.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z, 'vector-db'),
          version: z
            .number()
            .int()
            .min(1)
            .describe('The version of the decision that was read'),
          note: z
            .string()
            .min(1)
            .max(EVALUATION_LIMITS.longTextLength)
            .describe('Why the decision still holds'),
        }),
      output: z =>
        z.object({
          decision: z
            .record(z.string(), z.unknown())
            .describe('The confirmed decision, at its new version'),
        }),
    },
    action: async ({ input, credentials }) => {
      const body = parse(
        confirmEvaluationRequestSchema,
        { version: input.version, note: input.note },
        '',
      );
      const entityRef = normalizeEntityRef(input.entityRef, 'component');
      const current = await service.getByEntityRef(entityRef, {
        credentials,
      });
      if (!current) {
        throw new NotFoundError(`${entityRef} has no build-vs-buy decision`);
      }
      const decision = await service.confirm(current.id, body, {
        credentials,
      });
      return { output: { decision } };
    },
  });

  actionsRegistry.register({
    name: 'create-build-vs-buy-draft',
    title: 'Open a draft build-vs-buy evaluation of a component',
    description:
      'Opens a draft build-vs-buy evaluation of a catalog component before it is built, with what is known so far: the question being decided, the written description of the component (what data it stores, what queries it handles, its latency and availability constraints, what depends on it) and the answer to Node 1, "Is it a core differentiator?", with the competitor test. The team finishes it on the component\'s Build vs Buy tab. Needs permission to create evaluations; an invalid answer fails with InputError naming the field.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z, 'reranker'),
          question: z.string().optional().describe(ANSWER_QUESTIONS.question),
          prerequisites: z
            .object({
              componentDescription: z
                .object({
                  dataStored: z.string().optional(),
                  queriesHandled: z.string().optional(),
                  latencyConstraints: z.string().optional(),
                  availabilityConstraints: z.string().optional(),
                  dependents: z
                    .array(z.string())
                    .optional()
                    .describe(
                      'Entity references of the components that depend on it',
                    ),
                })
                .optional()
                .describe(
                  ANSWER_QUESTIONS['prerequisites.componentDescription'],
                ),
            })
            .optional()
            .describe('The written description of the component'),
          coreDifferentiator: z
            .object({
              answer: z
                .enum(
                  coreDifferentiatorSchema.shape.answer.options as [
                    CoreDifferentiator['answer'],
                    ...CoreDifferentiator['answer'][],
                  ],
                )
                .optional(),
              competitorTest: z
                .string()
                .optional()
                .describe(
                  ANSWER_QUESTIONS['coreDifferentiator.competitorTest'],
                ),
              rationale: z.string().optional(),
            })
            .optional()
            .describe(ANSWER_QUESTIONS.coreDifferentiator),
        }),
      output: z =>
        z.object({
          draft: z
            .record(z.string(), z.unknown())
            .describe('The stored draft, as GET /evaluations/:id'),
          decisionUrl: z
            .string()
            .describe(
              "The entity's Build vs Buy tab, where the team finishes it",
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normalizeEntityRef(input.entityRef, 'component');
      // The input mirrors the answers, so -common's rules name its fields.
      const evaluation = { ...input, entityRef };
      const problems = answerProblems(evaluation);
      if (problems.length > 0) {
        throw new InputError(
          problems
            .slice(0, 10)
            .map(problem => answerProblemText('', problem))
            .join('; '),
        );
      }
      const body = parse(
        createEvaluationRequestSchema,
        { status: 'draft', evaluation },
        'input',
      );
      const draft = await service.create(body, { credentials });
      return {
        output: {
          draft,
          decisionUrl: decisionTabPath(draft.entityRef),
        },
      };
    },
  });
}
