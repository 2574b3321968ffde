import { evaluate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleEvaluations } from './exampleEvaluations';

describe('exampleEvaluations', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const catalog = readFileSync(
    resolve(__dirname, '../../../examples/entities.yaml'),
    'utf8',
  );
  const org = readFileSync(
    resolve(__dirname, '../../../examples/org.yaml'),
    'utf8',
  );

  it('evaluates components and groups of the example catalog', () => {
    for (const evaluation of exampleEvaluations(now)) {
      const name = evaluation.entityRef.split('/')[1];
      expect(catalog).toContain(`\n  name: ${name}\n`);
      const group = evaluation.maintenance.ownerGroupRef!.split('/')[1];
      expect(org).toContain(`\n  name: ${group}\n`);
      // Every dependent is a component of the example catalog, so no
      // seeded decision warns about a dependent the catalog does not know.
      for (const dependent of evaluation.prerequisites.componentDescription
        .dependents) {
        expect(catalog).toContain(
          `\n  name: ${dependent.replace('component:default/', '')}\n`,
        );
      }
    }
  });

  it('describes each team as examples/org.yaml has it: its members, in an organisation of mid-size', () => {
    const members = (group: string) =>
      org.split('\n').filter(line => line.trim() === `memberOf: [${group}]`)
        .length;
    const all = org.split('\n').filter(line => line.includes('memberOf:'));
    expect(all).toHaveLength(32);
    for (const evaluation of exampleEvaluations(now)) {
      const group = evaluation.maintenance.ownerGroupRef!.split('/')[1];
      expect(evaluation.prerequisites.teamCapacity.engineers).toBe(
        members(group),
      );
      expect(evaluation.organisationProfile).toBe(
        group === 'clinical-ai' ? 'regulated' : 'mid-size',
      );
    }
  });

  it('gives the dashboard something in every list', () => {
    const outcomes = exampleEvaluations(now).map(evaluation => ({
      verdict: evaluate(evaluation, { now }).verdict.kind,
      revisitBy: evaluation.revisitBy,
      hasMigrationPlan: Boolean(evaluation.failureModes.migrationPlan),
    }));
    expect(outcomes.map(o => o.verdict)).toEqual([
      'buy',
      'build',
      'build',
      'buy-with-wrapper',
      'no-qualifying-candidate',
    ]);
    // One overdue, one due within the 30-day window.
    expect(outcomes[1].revisitBy).toBe('2026-11-08');
    expect(outcomes[2].revisitBy).toBe('2026-12-10');
    // A buy with no migration plan.
    expect(outcomes[3]).toMatchObject({ hasMigrationPlan: false });
  });
});
