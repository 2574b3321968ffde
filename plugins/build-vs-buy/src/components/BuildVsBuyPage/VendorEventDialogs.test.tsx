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

import { ResponseError } from '@backstage/errors';
import { newIdempotencyKey, refusedFields } from './VendorEventDialogs';

async function refusal(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

describe('refusedFields', () => {
  it('puts what a 400 says of each field at that field, without its path', async () => {
    expect(
      refusedFields(
        await refusal(
          400,
          'body.product: no decision chose this product; name it as the vendor portfolio does; body.kind: Choose one of: Incident, Deprecation',
        ),
      ),
    ).toEqual({
      fields: {
        product:
          'no decision chose this product; name it as the vendor portfolio does',
        kind: 'Choose one of: Incident, Deprecation',
      },
      other: undefined,
    });
  });

  it('says what it names of no field of the form apart, in words', async () => {
    expect(
      refusedFields(
        await refusal(
          400,
          'body.idempotencyKey: Use printable characters without spaces',
        ),
      ),
    ).toEqual({
      fields: {},
      other: 'Use printable characters without spaces',
    });
    expect(
      refusedFields(await refusal(403, 'You may not record events of vendors')),
    ).toEqual({ fields: {}, other: 'You may not record events of vendors' });
    expect(
      refusedFields(
        await refusal(
          409,
          'body.idempotencyKey: this key already recorded another event (VectorCloud, 2026-11-30); send a new key for a new event',
        ),
      ),
    ).toEqual({
      fields: {},
      other:
        'This form already recorded an event, before the changes made since. Close it and choose Record an event again to record another.',
    });
  });
});

describe('newIdempotencyKey', () => {
  it('makes a different key each time, outside a secure context too', () => {
    const randomUUID = crypto.randomUUID;
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    try {
      Object.defineProperty(crypto, 'randomUUID', {
        value: undefined,
        configurable: true,
      });
      const key = newIdempotencyKey();
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(newIdempotencyKey()).not.toBe(key);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', {
        value: randomUUID,
        configurable: true,
      });
    }
  });
});
