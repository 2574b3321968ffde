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

import { anEvaluation } from './__fixtures__/evaluations';
import { evaluate } from './evaluate';
import { PLAUSIBLE_TEAM_ENGINEERS } from './limits';
import {
  dependentEntityRef,
  plausibilityWarnings,
  type PlausibilityOptions,
} from './plausibility';
import type { Evaluation, OrganisationProfile } from './schema';
import { WARNING_ARTICLE_SENTENCES } from './warnings';

const NOW = new Date('2026-03-01T10:00:00Z');

function withDescription(
  patch: Partial<Evaluation['prerequisites']['componentDescription']>,
): Evaluation {
  const evaluation = anEvaluation();
  return {
    ...evaluation,
    prerequisites: {
      ...evaluation.prerequisites,
      componentDescription: {
        ...evaluation.prerequisites.componentDescription,
        ...patch,
      },
    },
  };
}

function withTeam(
  engineers: number,
  organisationProfile: OrganisationProfile | undefined,
): Evaluation {
  const evaluation = anEvaluation({ organisationProfile });
  return {
    ...evaluation,
    prerequisites: {
      ...evaluation.prerequisites,
      teamCapacity: { ...evaluation.prerequisites.teamCapacity, engineers },
    },
  };
}

const KNOWN = new Set([
  'component:default/product-page',
  'component:default/checkout',
  'api:payments/charge',
]);

describe('plausibilityWarnings', () => {
  it.each<
    [string, Evaluation, PlausibilityOptions, Array<[string, string, string]>]
  >([
    [
      'the base evaluation',
      anEvaluation(),
      { now: NOW, knownDependents: KNOWN },
      [],
    ],
    // Availability above 100%.
    [
      '99.9% availability',
      withDescription({ availabilityConstraints: '99.9% monthly' }),
      {},
      [],
    ],
    [
      'exactly 100%',
      withDescription({ availabilityConstraints: '100%' }),
      {},
      [],
    ],
    [
      '100.5% availability',
      withDescription({ availabilityConstraints: 'Uptime 100.5% per month' }),
      {},
      [
        [
          'availability-above-100-percent',
          'prerequisites.componentDescription.availabilityConstraints',
          '100.5% is more than 100%: check the number.',
        ],
      ],
    ],
    [
      'two impossible figures, one with a decimal comma',
      withDescription({
        availabilityConstraints: '101 % reads, 100,01% writes, 99% batch',
      }),
      {},
      [
        [
          'availability-above-100-percent',
          'prerequisites.componentDescription.availabilityConstraints',
          '101 %, 100,01% are more than 100%: check the number.',
        ],
      ],
    ],
    [
      'in words',
      withDescription({ availabilityConstraints: '999 percent of the time' }),
      {},
      [
        [
          'availability-above-100-percent',
          'prerequisites.componentDescription.availabilityConstraints',
          '999 percent is more than 100%: check the number.',
        ],
      ],
    ],
    [
      'no figure at all',
      withDescription({ availabilityConstraints: 'Always up' }),
      {},
      [],
    ],
    // Engineers against the organisation profile.
    [
      'a startup of 100 engineers',
      withTeam(100, 'early-stage-startup'),
      {},
      [],
    ],
    [
      'a startup of 300 engineers',
      withTeam(300, 'early-stage-startup'),
      {},
      [
        [
          'engineers-unlikely-for-profile',
          'prerequisites.teamCapacity.engineers',
          '300 engineers on the team is unusual for an early-stage startup, where this plugin expects at most 100: check the count or the organisation profile.',
        ],
      ],
    ],
    [
      'a large enterprise of 2 engineers',
      withTeam(2, 'large-enterprise'),
      {},
      [
        [
          'engineers-unlikely-for-profile',
          'prerequisites.teamCapacity.engineers',
          '2 engineers on the team is unusual for a large enterprise, where this plugin expects at least 3: check the count or the organisation profile.',
        ],
      ],
    ],
    [
      'a large enterprise of 1 engineer',
      withTeam(1, 'large-enterprise'),
      {},
      [
        [
          'engineers-unlikely-for-profile',
          'prerequisites.teamCapacity.engineers',
          '1 engineer on the team is unusual for a large enterprise, where this plugin expects at least 3: check the count or the organisation profile.',
        ],
      ],
    ],
    [
      'a large enterprise of 3 engineers',
      withTeam(3, 'large-enterprise'),
      {},
      [],
    ],
    [
      'a mid-size organisation of 500 engineers',
      withTeam(500, 'mid-size'),
      {},
      [],
    ],
    [
      'a mid-size organisation of 501 engineers',
      withTeam(501, 'mid-size'),
      {},
      [
        [
          'engineers-unlikely-for-profile',
          'prerequisites.teamCapacity.engineers',
          '501 engineers on the team is unusual for a mid-size organisation, where this plugin expects at most 500: check the count or the organisation profile.',
        ],
      ],
    ],
    [
      'a regulated organisation of 2 engineers',
      withTeam(2, 'regulated'),
      {},
      [],
    ],
    [
      'a regulated organisation of 90,000 engineers',
      withTeam(90000, 'regulated'),
      {},
      [],
    ],
    ['no profile given', withTeam(5000, undefined), {}, []],
    // Dependents against the catalog.
    [
      'dependents not looked up',
      withDescription({ dependents: ['nowhere'] }),
      {},
      [],
    ],
    [
      'dependents in the catalog, written as refs, names or in any case',
      withDescription({
        dependents: [
          'component:default/product-page',
          'checkout',
          'API:payments/charge',
        ],
      }),
      { knownDependents: KNOWN },
      [],
    ],
    [
      'dependents described in words are not looked up',
      withDescription({
        dependents: ['the storefront search box', 'Checkout team (Berlin)'],
      }),
      { knownDependents: KNOWN },
      [],
    ],
    [
      'dependents missing from the catalog',
      withDescription({
        dependents: [
          'checkout',
          'checkuot',
          'component:default/basket',
          'the web shop',
        ],
      }),
      { knownDependents: KNOWN },
      [
        [
          'dependent-not-in-catalog',
          'prerequisites.componentDescription.dependents',
          'Not in the catalog: “checkuot”, “component:default/basket”. Check the spelling, or write an entity reference such as component:default/name.',
        ],
      ],
    ],
    // The revisit date.
    [
      'a revisit date today',
      anEvaluation({ revisitBy: '2026-03-01' }),
      { now: NOW },
      [],
    ],
    [
      'a revisit date yesterday',
      anEvaluation({ revisitBy: '2026-02-28' }),
      { now: NOW },
      [
        [
          'revisit-date-passed',
          'revisitBy',
          'The revisit date 2026-02-28 has passed.',
        ],
      ],
    ],
    [
      'a past date without a present',
      anEvaluation({ revisitBy: '2020-01-01' }),
      {},
      [],
    ],
    [
      'no revisit date',
      anEvaluation({ revisitBy: undefined }),
      { now: NOW },
      [],
    ],
  ])('%s', (_, evaluation, options, expected) => {
    const warnings = plausibilityWarnings(evaluation, options);
    expect(
      warnings.map(({ code, path, detail }) => [code, path, detail]),
    ).toEqual(expected);
    for (const warning of warnings) {
      expect(warning.message).toBe(
        `${WARNING_ARTICLE_SENTENCES[warning.code]} ${warning.detail}`,
      );
    }
  });

  it('judges an empty draft without throwing', () => {
    expect(
      plausibilityWarnings(
        { entityRef: 'component:default/x' },
        { now: NOW, knownDependents: new Set() },
      ),
    ).toEqual([]);
  });

  it('keeps the thresholds wide: the article’s mid-size team fits', () => {
    for (const engineers of [10, 50]) {
      expect(plausibilityWarnings(withTeam(engineers, 'mid-size'))).toEqual([]);
    }
    expect(PLAUSIBLE_TEAM_ENGINEERS['early-stage-startup'].most).toBeLessThan(
      PLAUSIBLE_TEAM_ENGINEERS['mid-size'].most,
    );
  });

  it('reaches the outcome, in field order, without the dependents the engine cannot look up', () => {
    const evaluation = {
      ...withTeam(300, 'early-stage-startup'),
      revisitBy: '2026-01-01',
    };
    evaluation.prerequisites.componentDescription.availabilityConstraints =
      '100.5%';
    evaluation.prerequisites.componentDescription.dependents = ['nowhere'];
    const { warnings } = evaluate(evaluation, { now: NOW });
    const codes = warnings.map(({ code }) => code);
    expect(
      codes.filter(code =>
        [
          'availability-above-100-percent',
          'engineers-unlikely-for-profile',
          'dependent-not-in-catalog',
          'revisit-date-passed',
        ].includes(code),
      ),
    ).toEqual([
      'availability-above-100-percent',
      'engineers-unlikely-for-profile',
      'revisit-date-passed',
    ]);
    expect(
      warnings.find(({ code }) => code === 'engineers-unlikely-for-profile'),
    ).toEqual({
      code: 'engineers-unlikely-for-profile',
      message: expect.stringContaining('300 engineers on the team'),
      node: 'prerequisites',
    });
  });
});

describe('dependentEntityRef', () => {
  it.each([
    ['component:default/product-page', 'component:default/product-page'],
    ['  product-page ', 'component:default/product-page'],
    ['Product-Page', 'component:default/product-page'],
    ['payments/charge', 'component:payments/charge'],
    ['API:payments/charge', 'api:payments/charge'],
    ['resource:default/db.primary_1', 'resource:default/db.primary_1'],
    ['the storefront search box', undefined],
    ['Checkout team (Berlin)', undefined],
    ['component:default/', undefined],
    ['-leading-dash', undefined],
    [`a${'b'.repeat(63)}`, undefined],
    ['', undefined],
  ])('%j names %j', (text, ref) => {
    expect(dependentEntityRef(text)).toBe(ref);
  });
});
