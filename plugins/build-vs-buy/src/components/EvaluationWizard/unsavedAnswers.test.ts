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

import { storedEvaluation } from '../../__testUtils__/storedEvaluations';
import { timeAgo } from '../DecisionChips';
import {
  forgetUnsavedAnswers,
  keepUnsavedAnswers,
  keepWizardStep,
  readUnsavedAnswers,
  readWizardStep,
} from './unsavedAnswers';

describe('unsaved answers kept in the browser', () => {
  const stored = storedEvaluation('ecommerce-vector-database');
  const entityRef = stored.entityRef;
  beforeEach(() => window.localStorage.clear());

  it('gives back answers edited from the version stored now', () => {
    const kept = {
      version: 3,
      draft: { ...stored.evaluation, revisitBy: '2027-03-01' },
      keptAt: '2026-06-01T12:00:00.000Z',
    };
    keepUnsavedAnswers(entityRef, kept);
    expect(readUnsavedAnswers(entityRef, 3)).toEqual(kept);
    expect(readUnsavedAnswers('component:default/other', 3)).toBeUndefined();
    forgetUnsavedAnswers(entityRef);
    expect(readUnsavedAnswers(entityRef, 3)).toBeUndefined();
  });

  it('drops answers edited from an older version, or unreadable ones', () => {
    keepUnsavedAnswers(entityRef, {
      version: 2,
      draft: stored.evaluation,
      keptAt: '2026-06-01T12:00:00.000Z',
    });
    expect(readUnsavedAnswers(entityRef, 3)).toBeUndefined();
    // Dropped, not offered again for version 2 either.
    expect(readUnsavedAnswers(entityRef, 2)).toBeUndefined();

    window.localStorage.setItem(
      `build-vs-buy:unsaved-answers:${entityRef}`,
      '{not json',
    );
    expect(readUnsavedAnswers(entityRef, 3)).toBeUndefined();
  });

  it('keeps the step last shown per entity', () => {
    expect(readWizardStep(entityRef)).toBeUndefined();
    keepWizardStep(entityRef, 'maintenance');
    expect(readWizardStep(entityRef)).toBe('maintenance');
    expect(readWizardStep('component:default/other')).toBeUndefined();
  });
});

describe('timeAgo', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it.each([
    ['2026-06-01T11:59:30Z', 'just now'],
    ['2026-06-01T11:59:00Z', '1 minute ago'],
    ['2026-06-01T11:58:00Z', '2 minutes ago'],
    ['2026-06-01T10:30:00Z', '1 hour ago'],
    ['2026-05-30T12:00:00Z', '2 days ago'],
    ['2026-06-01T12:05:00Z', 'just now'],
  ])('%s is %s', (instant, said) => {
    expect(timeAgo(instant, now)).toBe(said);
  });
});
