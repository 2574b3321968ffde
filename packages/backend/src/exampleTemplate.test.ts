import {
  ANSWER_QUESTIONS,
  coreDifferentiatorSchema,
  DECISION_NODE_LABELS,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/*
 * The example template asks the plugin's own questions: a YAML file cannot
 * import them, so this keeps its titles the words of -common.
 */
describe('the AI infrastructure component template', () => {
  const template = parse(
    readFileSync(
      resolve(
        __dirname,
        '../../../examples/templates/ai-infrastructure-component/template.yaml',
      ),
      'utf8',
    ),
  );
  const pages: Array<{ title: string; properties: Record<string, any> }> =
    template.spec.parameters;
  const properties = Object.assign(
    {},
    ...pages.map(page => page.properties),
  ) as Record<string, { title: string; enum?: string[] }>;
  const draftStep = template.spec.steps.find(
    (step: { action: string }) =>
      step.action === 'build-vs-buy:evaluation:create-draft',
  );

  /* Each answer path of the draft and the parameter that fills it. */
  function answersOf(input: unknown, path: string[] = []): [string, string][] {
    if (typeof input === 'string') {
      const parameter = input.match(/\$\{\{ parameters\.(\w+) \}\}/);
      return parameter ? [[path.join('.'), parameter[1]]] : [];
    }
    return Object.entries(input as object).flatMap(([key, value]) =>
      answersOf(value, [...path, key]),
    );
  }

  it('opens the draft with the answers it asks for', () => {
    expect(answersOf(draftStep.input)).toEqual([
      ['entityRef', 'name'],
      ['question', 'question'],
      ['prerequisites.componentDescription.dataStored', 'dataStored'],
      ['prerequisites.componentDescription.queriesHandled', 'queriesHandled'],
      [
        'prerequisites.componentDescription.latencyConstraints',
        'latencyConstraints',
      ],
      [
        'prerequisites.componentDescription.availabilityConstraints',
        'availabilityConstraints',
      ],
      ['coreDifferentiator.answer', 'coreDifferentiator'],
      ['coreDifferentiator.competitorTest', 'competitorTest'],
      ['coreDifferentiator.rationale', 'rationale'],
    ]);
  });

  it("asks each answer in the plugin's words", () => {
    for (const [path, parameter] of answersOf(draftStep.input)) {
      expect([parameter, properties[parameter]?.title]).toEqual([
        parameter,
        ANSWER_QUESTIONS[path as keyof typeof ANSWER_QUESTIONS],
      ]);
    }
    expect(pages.map(page => page.title)).toEqual([
      DECISION_NODE_LABELS.prerequisites,
      DECISION_NODE_LABELS['core-differentiator'],
    ]);
    expect(properties.coreDifferentiator.enum).toEqual(
      coreDifferentiatorSchema.shape.answer.options,
    );
  });

  it('links to the decision tab the action returns', () => {
    expect(template.spec.output.links).toContainEqual({
      title: expect.any(String),
      url: `\${{ steps.${draftStep.id}.output.decisionUrl }}`,
    });
  });
});
