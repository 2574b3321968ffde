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

import {
  choseProduct,
  createVendorEventRequestSchema,
  vendorEventMessage,
} from './vendorEvents';
import { productKeyOf } from './portfolio';
import { reviewOfFacts, reviewWindow } from './review';

const valid = {
  product: '  Pinecone ',
  kind: 'price-or-terms-change',
  occurredOn: '2026-11-30',
  note: ' The per-query price doubles in January. ',
  idempotencyKey: 'evt-1',
};

describe('createVendorEventRequestSchema', () => {
  it('takes a product, a kind, a date, a note and a key, trimmed', () => {
    expect(createVendorEventRequestSchema.parse(valid)).toEqual({
      ...valid,
      product: 'Pinecone',
      note: 'The per-query price doubles in January.',
    });
    const { note: _note, ...withoutNote } = valid;
    expect(createVendorEventRequestSchema.parse(withoutNote).note).toBe('');
  });

  it.each([
    ['a blank product', { product: '  ' }, 'product'],
    ['a product with NUL', { product: 'Pine\u0000cone' }, 'product'],
    ['an unknown kind', { kind: 'rumour' }, 'kind'],
    ['a date that is not one', { occurredOn: '2026-02-30' }, 'occurredOn'],
    ['a date in another format', { occurredOn: '30/11/2026' }, 'occurredOn'],
    ['no key', { idempotencyKey: undefined }, 'idempotencyKey'],
    ['a key with spaces', { idempotencyKey: 'a b' }, 'idempotencyKey'],
    ['a key too long', { idempotencyKey: 'k'.repeat(129) }, 'idempotencyKey'],
    ['an unknown field', { severity: 'high' }, ''],
  ])('refuses %s, naming the field', (_, change, field) => {
    const result = createVendorEventRequestSchema.safeParse({
      ...valid,
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(field);
  });

  it('says which kinds there are in words', () => {
    const result = createVendorEventRequestSchema.safeParse({
      ...valid,
      kind: 'rumour',
    });
    expect(result.error?.issues[0].message).toBe(
      'Choose one of: Incident, Price or terms change, Deprecation, Acquisition, New version',
    );
  });
});

describe('choseProduct', () => {
  const aliases = { 'Pinecone Serverless': 'Pinecone' };

  it('is the portfolio rule: case, white space and aliases aside', () => {
    const key = productKeyOf('Pinecone', aliases);
    expect(choseProduct(' pinecone  ', key, aliases)).toBe(true);
    expect(choseProduct('PINECONE serverless', key, aliases)).toBe(true);
    expect(choseProduct('Pinecone Serverless', key)).toBe(false);
    expect(choseProduct('Weaviate', key, aliases)).toBe(false);
    expect(choseProduct(undefined, key, aliases)).toBe(false);
    expect(choseProduct('', '', aliases)).toBe(false);
  });
});

describe('a decision under a vendor event', () => {
  const window = reviewWindow(new Date('2026-12-01T12:00:00Z'));
  const facts = {
    buyWithoutMigrationPlan: false,
    buildWithoutMaintenanceOwner: false,
    chosenCandidateName: 'Pinecone',
  };
  const vendorEvent = {
    id: 'e1',
    product: 'Pinecone',
    kind: 'acquisition' as const,
    occurredOn: '2026-11-30',
  };

  it('is due for revisit, with the event in words, far from its date', () => {
    const calm = reviewOfFacts(
      { revisitBy: '2027-06-01', revisitDateSet: true, facts },
      window,
    );
    expect(calm).toEqual({
      status: 'current',
      revisitBy: '2027-06-01',
      reasons: [],
    });
    expect(
      reviewOfFacts(
        {
          revisitBy: '2027-06-01',
          revisitDateSet: true,
          facts: { ...facts, vendorEvent },
        },
        window,
      ),
    ).toEqual({
      status: 'due-soon',
      revisitBy: '2027-06-01',
      reasons: [
        {
          code: 'vendor-event',
          message:
            'New information arrived: Pinecone had an acquisition on 2026-11-30. Revisit the decision to buy it.',
        },
      ],
    });
  });

  it('stays overdue when its date passed too', () => {
    const review = reviewOfFacts(
      {
        revisitBy: '2026-11-01',
        revisitDateSet: true,
        facts: { ...facts, vendorEvent },
      },
      window,
    );
    expect(review.status).toBe('overdue');
    expect(review.reasons.map(reason => reason.code)).toEqual([
      'revisit-date-passed',
      'vendor-event',
    ]);
  });

  it('names each kind of event', () => {
    expect(vendorEventMessage({ ...vendorEvent, kind: 'incident' })).toContain(
      'Pinecone had an incident on 2026-11-30',
    );
    expect(
      vendorEventMessage({ ...vendorEvent, kind: 'new-version' }),
    ).toContain('had a new version on');
  });
});
