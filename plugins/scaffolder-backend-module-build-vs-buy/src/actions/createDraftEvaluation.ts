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

import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  ResponseError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANSWER_QUESTIONS,
  answerProblems,
  BuildVsBuyHttpClient,
  type CoreDifferentiator,
  coreDifferentiatorSchema,
  type CreateEvaluationRequest,
  decisionTabPath,
  type EvaluationDraft,
} from '@build-vs-buy/plugin-build-vs-buy-common';

/**
 * The id templates call the action by.
 *
 * @public
 */
export const CREATE_DRAFT_EVALUATION_ACTION_ID =
  'build-vs-buy:evaluation:create-draft';

type Node1Answer = CoreDifferentiator['answer'];
const ANSWERS = coreDifferentiatorSchema.shape.answer.options as [
  Node1Answer,
  ...Node1Answer[],
];

/**
 * Creates a scaffolder action that opens a draft Build vs Buy evaluation
 * for the component a template creates, with the answers the template asked
 * for: the question, the written description of the component, and the
 * answer to Node 1. The draft is created through the Build vs Buy backend's
 * HTTP API on behalf of the user who runs the template, so its permission
 * policy applies as if they had opened the draft themselves.
 *
 * @public
 */
export function createDraftEvaluationAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  /** The fetch to reach the backend with; tests pass their own. */
  fetch?: typeof fetch;
}) {
  const fetchImpl = options.fetch ?? fetch;
  const client = new BuildVsBuyHttpClient({
    discoveryApi: options.discovery,
    fetchApi: { fetch: (url, init) => fetchImpl(url, init) },
  });

  return createTemplateAction({
    id: CREATE_DRAFT_EVALUATION_ACTION_ID,
    description:
      'Opens a draft Build vs Buy evaluation for a component, with the question, the written description of the component and the answer to Node 1 ("Is it a core differentiator?"), on behalf of the user running the template. The team finishes it on the component\'s Build vs Buy tab.',
    examples: [
      {
        description: 'Evaluate a new component before it is built',
        example: `steps:
  - id: evaluation
    name: Open the build-vs-buy evaluation
    action: ${CREATE_DRAFT_EVALUATION_ACTION_ID}
    input:
      entityRef: component:default/\${{ parameters.name }}
      question: \${{ parameters.question }}
      prerequisites:
        componentDescription:
          dataStored: \${{ parameters.dataStored }}
          queriesHandled: \${{ parameters.queriesHandled }}
      coreDifferentiator:
        answer: \${{ parameters.coreDifferentiator }}
        competitorTest: \${{ parameters.competitorTest }}`,
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              `${ANSWER_QUESTIONS.entityRef} The entity reference of the new component, e.g. component:default/reranker`,
            ),
        question: z =>
          z.string().optional().describe(ANSWER_QUESTIONS.question),
        prerequisites: z =>
          z
            .object({
              componentDescription: z
                .object({
                  dataStored: z.string().optional(),
                  queriesHandled: z.string().optional(),
                  latencyConstraints: z.string().optional(),
                  availabilityConstraints: z.string().optional(),
                  dependents: z.array(z.string()).optional(),
                })
                .optional()
                .describe(
                  ANSWER_QUESTIONS['prerequisites.componentDescription'],
                ),
            })
            .optional()
            .describe('The written description of the component'),
        coreDifferentiator: z =>
          z
            .object({
              answer: z.enum(ANSWERS).optional(),
              competitorTest: z.string().optional(),
              rationale: z.string().optional(),
            })
            .optional()
            .describe(ANSWER_QUESTIONS.coreDifferentiator),
      },
      output: {
        evaluationId: z =>
          z
            .string()
            .optional()
            .describe('The id of the draft; none on a dry run'),
        entityRef: z => z.string().describe('The evaluated entity'),
        decisionUrl: z =>
          z.string().describe("The entity's Build vs Buy tab, with the draft"),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const evaluation = draftOf(input);
      const problems = answerProblems(evaluation);
      if (problems.length > 0) {
        throw new InputError(
          problems
            .map(
              problem =>
                `${problem.path || 'input'} (${problem.label}): ${
                  problem.message
                }`,
            )
            .join('; '),
        );
      }
      const entityRef = evaluation.entityRef;
      const decisionUrl = decisionTabPath(entityRef);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would open a draft build-vs-buy evaluation of ${entityRef}${
            evaluation.question ? ` for "${evaluation.question}"` : ''
          }`,
        );
        ctx.output('entityRef', entityRef);
        ctx.output('decisionUrl', decisionUrl);
        return;
      }

      const body: CreateEvaluationRequest = { status: 'draft', evaluation };
      const stored = await ctx.checkpoint({
        key: `build-vs-buy.draft.${entityRef}`,
        fn: async () => {
          const { token } = await options.auth.getPluginRequestToken({
            onBehalfOf: await ctx.getInitiatorCredentials(),
            targetPluginId: 'build-vs-buy',
          });
          try {
            const created = await client.createEvaluation(body, { token });
            return { id: created.id };
          } catch (error) {
            throw asActionError(error);
          }
        },
      });
      ctx.logger.info(
        `Opened a draft build-vs-buy evaluation of ${entityRef}: ${decisionUrl}`,
      );
      ctx.output('evaluationId', stored.id);
      ctx.output('entityRef', entityRef);
      ctx.output('decisionUrl', decisionUrl);
    },
  });
}

type DraftInput = {
  entityRef: string;
  question?: string;
  prerequisites?: {
    componentDescription?: {
      dataStored?: string;
      queriesHandled?: string;
      latencyConstraints?: string;
      availabilityConstraints?: string;
      dependents?: string[];
    };
  };
  coreDifferentiator?: {
    answer?: Node1Answer;
    competitorTest?: string;
    rationale?: string;
  };
};

/*
 * The draft as -common shapes it. Blank answers are left out: a template
 * sends empty strings for optional fields it did not ask or the user left
 * empty, and a blank answer counts as missing anyway.
 */
function draftOf(input: DraftInput): EvaluationDraft {
  const entityRef = normalizedRef(input.entityRef);
  const description = withoutBlanks(
    input.prerequisites?.componentDescription ?? {},
  );
  const differentiator = withoutBlanks(input.coreDifferentiator ?? {});
  return {
    entityRef,
    ...(input.question?.trim() ? { question: input.question } : {}),
    ...(Object.keys(description).length > 0
      ? { prerequisites: { componentDescription: description } }
      : {}),
    ...(Object.keys(differentiator).length > 0
      ? { coreDifferentiator: differentiator }
      : {}),
  } as EvaluationDraft;
}

/* component:default/reranker from "reranker" too; an invalid ref is left
 * for -common's rule to name. */
function normalizedRef(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return ref;
  }
}

function withoutBlanks<T extends object>(answers: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(answers).filter(([, value]) =>
      typeof value === 'string'
        ? value.trim() !== ''
        : value !== undefined && value !== null,
    ),
  ) as Partial<T>;
}

/*
 * The backend's answer in its own words: a 400 names its own field
 * (`body.evaluation.question: ...`), and the template's author needs the
 * input field that fed it (the input mirrors the draft's shape, so the rest
 * of the path is the same); a refusal of the permission policy or a second
 * evaluation of the entity keep the backend's message.
 */
function asActionError(error: unknown): unknown {
  if (!(error instanceof ResponseError)) {
    return error;
  }
  const message = error.body?.error?.message || error.message;
  switch (error.statusCode) {
    case 400:
      return new InputError(
        message
          .split('; ')
          .map(part => {
            const field = part.match(/^body\.evaluation\.?([^\s:]*)/);
            return field ? part.replace(field[0], field[1] || 'input') : part;
          })
          .join('; '),
        error,
      );
    case 401:
      // The token was refused: service-to-service auth, not permissions.
      return new AuthenticationError(message, error);
    case 403:
      return new NotAllowedError(message, error);
    case 409:
      return new ConflictError(message, error);
    default:
      return error;
  }
}
