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
 * Vendor events: new information about a product the organisation bought.
 * The article asks for "a documented, structured answer that the team can
 * revisit when new information arrives"; an incident, a change of price or
 * terms, a deprecation, an acquisition or a new version is such
 * information, and every current decision that chose the product is due for
 * revisit until its owners look at it again.
 */

import { z } from 'zod';
import { productKeyOf, type ProductAliases } from './portfolio';
import { isoDateSchema } from './schemaBasics';
import { EVALUATION_LIMITS } from './limits';

/**
 * What can happen to a product bought.
 *
 * @public
 */
export const VENDOR_EVENT_KINDS = [
  'incident',
  'price-or-terms-change',
  'deprecation',
  'acquisition',
  'new-version',
] as const;

/** @public */
export type VendorEventKind = (typeof VENDOR_EVENT_KINDS)[number];

/**
 * The words of each kind of vendor event, for lists and forms.
 *
 * @public
 */
export const VENDOR_EVENT_KIND_LABELS: Record<VendorEventKind, string> = {
  incident: 'Incident',
  'price-or-terms-change': 'Price or terms change',
  deprecation: 'Deprecation',
  acquisition: 'Acquisition',
  'new-version': 'New version',
};

/** Each kind as a sentence names it: "Pinecone had an incident". */
const KIND_PHRASES: Record<VendorEventKind, string> = {
  incident: 'an incident',
  'price-or-terms-change': 'a price or terms change',
  deprecation: 'a deprecation',
  acquisition: 'an acquisition',
  'new-version': 'a new version',
};

/** The longest product name and idempotency key a vendor event takes. */
export const VENDOR_EVENT_LIMITS = {
  productLength: 200,
  idempotencyKeyLength: 128,
} as const;

const noNul = (value: string) => !value.includes('\u0000');

/**
 * The body of `POST /portfolio/products/events`: the product as the
 * portfolio names it (any spelling the portfolio counts as that product),
 * what happened, when, a note, and a key the client chooses so a retry
 * records one event.
 *
 * @public
 */
export const createVendorEventRequestSchema = z.strictObject({
  product: z
    .string({ error: 'Name the product' })
    .trim()
    .min(1, 'Name the product')
    .max(VENDOR_EVENT_LIMITS.productLength)
    .refine(noNul, { message: 'must not contain a NUL character' }),
  kind: z.enum(VENDOR_EVENT_KINDS, {
    error: `Choose one of: ${Object.values(VENDOR_EVENT_KIND_LABELS).join(
      ', ',
    )}`,
  }),
  occurredOn: isoDateSchema,
  note: z
    .string()
    .trim()
    .max(EVALUATION_LIMITS.longTextLength)
    .refine(noNul, { message: 'must not contain a NUL character' })
    .default(''),
  idempotencyKey: z
    .string({ error: 'Give a key that identifies this event' })
    .min(1, 'Give a key that identifies this event')
    .max(VENDOR_EVENT_LIMITS.idempotencyKeyLength)
    .regex(/^[\x21-\x7e]+$/, 'Use printable characters without spaces'),
});

/** @public */
export type CreateVendorEventRequest = z.input<
  typeof createVendorEventRequestSchema
>;

/**
 * A recorded vendor event, as the API returns it.
 *
 * @public
 */
export type VendorEvent = {
  id: string;
  /** The product's name as it was entered. */
  product: string;
  kind: VendorEventKind;
  occurredOn: string;
  note: string;
  recordedBy: string;
  recordedAt: string;
  /** How many decisions it made due for revisit when it was recorded. */
  decisions: number;
};

/**
 * What a decision's review needs of the vendor event it is under.
 *
 * @public
 */
export type VendorEventFacts = Pick<
  VendorEvent,
  'id' | 'product' | 'kind' | 'occurredOn'
>;

/**
 * Whether a decision that chose `chosenCandidateName` chose the product
 * keyed `productKey`: the vendor portfolio's rule ({@link productKeyOf}),
 * aliases included, so an event reaches exactly the decisions the
 * portfolio lists under that product.
 *
 * @public
 */
export function choseProduct(
  chosenCandidateName: string | undefined,
  productKey: string,
  aliases: ProductAliases = {},
): boolean {
  return (
    chosenCandidateName !== undefined &&
    productKey !== '' &&
    productKeyOf(chosenCandidateName, aliases) === productKey
  );
}

/**
 * The reason a decision under a vendor event is due for revisit, in words.
 *
 * @public
 */
export function vendorEventMessage(event: VendorEventFacts): string {
  return `New information arrived: ${event.product} had ${
    KIND_PHRASES[event.kind] ?? 'a change'
  } on ${event.occurredOn}. Revisit the decision to buy it.`;
}
