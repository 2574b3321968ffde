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
 * Answers that are valid but unlikely: a typo, or an answer given to the
 * wrong question. They are warned about on the field and in the outcome,
 * never refused, since the team may know better.
 */

import type { DecisionNode } from './evaluate';
import { PLAUSIBLE_TEAM_ENGINEERS } from './limits';
import { toIsoDate } from './revisit';
import type { EvaluationDraft, OrganisationProfile } from './schema';
import { WARNING_ARTICLE_SENTENCES, type WarningCode } from './warnings';

/**
 * A warning about one answer: the outcome's warning, plus the answer it is
 * about and the specifics alone, to show on the field.
 *
 * @public
 */
export type AnswerWarning = {
  code: WarningCode;
  /** The answer's path, as `describeAnswer` takes it. */
  path: string;
  /** The article's sentence, then the specifics. */
  message: string;
  /** The specifics alone: "100.5% is more than 100%: check the number." */
  detail: string;
  node?: DecisionNode;
};

/**
 * What `plausibilityWarnings` may know beyond the answers.
 *
 * @public
 */
export type PlausibilityOptions = {
  /** The present, for the revisit date. Without it the date is not judged. */
  now?: Date;
  /**
   * The entity refs, as `dependentEntityRef` writes them, of the dependents
   * found in the catalog. Without it dependents are not judged.
   */
  knownDependents?: ReadonlySet<string>;
};

const DEPENDENT_PATTERN =
  /^(?:([a-z][a-z0-9]*):)?(?:([a-z0-9]+(?:-[a-z0-9]+)*)\/)?([a-z0-9]+(?:[-_.][a-z0-9]+)*)$/;

/** Entity names are at most 63 characters. */
const ENTITY_NAME_LENGTH = 63;

/**
 * The entity ref a dependent names, when it looks like one
 * (`component:default/product-page`) or like an entity's name
 * (`product-page`, a component in the default namespace); `undefined` for a
 * description in words ("the storefront's search box").
 *
 * @public
 */
export function dependentEntityRef(dependent: string): string | undefined {
  const match = dependent
    .trim()
    .toLocaleLowerCase('en-US')
    .match(DEPENDENT_PATTERN);
  if (!match || match[3].length > ENTITY_NAME_LENGTH) {
    return undefined;
  }
  const [, kind = 'component', namespace = 'default', name] = match;
  return `${kind}:${namespace}/${name}`;
}

const PERCENTAGE = /(\d+(?:[.,]\d+)?)\s*(?:%|percent\b)/gi;

/** The percentages a text states, `99,95 %` read as 99.95. */
function percentagesIn(text: string): Array<{ text: string; value: number }> {
  return [...text.matchAll(PERCENTAGE)].map(match => ({
    text: match[0].trim(),
    value: Number(match[1].replace(',', '.')),
  }));
}

const PROFILE_NAMES: Record<OrganisationProfile, string> = {
  'early-stage-startup': 'an early-stage startup',
  'mid-size': 'a mid-size organisation',
  'large-enterprise': 'a large enterprise',
  regulated: 'a regulated organisation',
};

function engineers(count: number): string {
  return `${count} ${count === 1 ? 'engineer' : 'engineers'}`;
}

function quotedList(texts: string[]): string {
  return texts.map(text => `“${text}”`).join(', ');
}

/**
 * The warnings about answers that are valid but unlikely, in the order of
 * the wizard's fields:
 *
 * - `availability-above-100-percent`: the availability constraints state a
 *   percentage above 100 ("100.5%");
 * - `engineers-unlikely-for-profile`: the team's engineers fall outside
 *   `PLAUSIBLE_TEAM_ENGINEERS` for the organisation profile given;
 * - `dependent-not-in-catalog`: dependents written as entity refs or names
 *   that are not in `options.knownDependents`;
 * - `revisit-date-passed`: `revisitBy` is before `options.now` (UTC).
 *
 * Pure: the caller looks the dependents up in the catalog, in one batch.
 *
 * @public
 */
export function plausibilityWarnings(
  evaluation: EvaluationDraft,
  options: PlausibilityOptions = {},
): AnswerWarning[] {
  const warnings: AnswerWarning[] = [];
  const warn = (
    code: WarningCode,
    path: string,
    detail: string,
    node?: DecisionNode,
  ) =>
    warnings.push({
      code,
      path,
      message: `${WARNING_ARTICLE_SENTENCES[code]} ${detail}`,
      detail,
      ...(node && { node }),
    });
  const description = evaluation.prerequisites?.componentDescription;

  const impossible = percentagesIn(
    description?.availabilityConstraints ?? '',
  ).filter(({ value }) => value > 100);
  if (impossible.length > 0) {
    warn(
      'availability-above-100-percent',
      'prerequisites.componentDescription.availabilityConstraints',
      `${impossible.map(({ text }) => text).join(', ')} ${
        impossible.length === 1 ? 'is' : 'are'
      } more than 100%: check the number.`,
      'prerequisites',
    );
  }

  const count = evaluation.prerequisites?.teamCapacity?.engineers;
  const profile = evaluation.organisationProfile;
  if (count !== undefined && profile !== undefined) {
    const { fewest, most } = PLAUSIBLE_TEAM_ENGINEERS[profile];
    if (count < fewest || count > most) {
      warn(
        'engineers-unlikely-for-profile',
        'prerequisites.teamCapacity.engineers',
        `${engineers(count)} on the team is unusual for ${
          PROFILE_NAMES[profile]
        }, where this plugin expects ${
          count < fewest ? `at least ${fewest}` : `at most ${most}`
        }: check the count or the organisation profile.`,
        'prerequisites',
      );
    }
  }

  const known = options.knownDependents;
  if (known) {
    const unknown = (description?.dependents ?? []).filter(dependent => {
      const ref = dependentEntityRef(dependent);
      return ref !== undefined && !known.has(ref);
    });
    if (unknown.length > 0) {
      warn(
        'dependent-not-in-catalog',
        'prerequisites.componentDescription.dependents',
        `Not in the catalog: ${quotedList(
          unknown,
        )}. Check the spelling, or write an entity reference such as component:default/name.`,
        'prerequisites',
      );
    }
  }

  const revisitBy = evaluation.revisitBy;
  if (
    options.now !== undefined &&
    revisitBy !== undefined &&
    revisitBy < toIsoDate(options.now)
  ) {
    warn(
      'revisit-date-passed',
      'revisitBy',
      `The revisit date ${revisitBy} has passed.`,
    );
  }
  return warnings;
}
