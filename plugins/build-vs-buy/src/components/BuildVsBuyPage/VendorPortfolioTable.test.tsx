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

import { stringifyEntityRef } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/test-utils';
import type {
  VendorEvent,
  VendorProduct,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { catalogEntities } from '../../__testUtils__/storedEvaluations';
import { entityDisplayName } from '../catalogSearch';
import { BuildVsBuyPage } from './BuildVsBuyPage';

const entities = [
  ...catalogEntities,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'search',
      namespace: 'default',
      title: 'Search Platform',
    },
    spec: { owner: 'group:default/ml-platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'grace', namespace: 'default' },
    spec: { profile: { displayName: 'Grace Hopper' }, memberOf: [] },
  },
];

/* The app's entity presentation: the name people know an entity by. */
const entityPresentationApi = {
  forEntity: (ref: string) => {
    const entity = entities.find(
      candidate => stringifyEntityRef(candidate) === ref,
    );
    const snapshot = {
      entityRef: ref,
      primaryTitle: entity ? entityDisplayName(entity as never) : ref,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

const vectorCloud: VendorProduct = {
  product: 'Vector Cloud',
  spellings: ['Vector Cloud', 'vectorcloud'],
  decisions: [
    {
      entityRef: 'component:default/product-similarity-store',
      ownerRef: 'group:default/ml-platform',
      productName: 'Vector Cloud',
      hasMigrationPlan: false,
      integrationWeeks: 4,
      revisitBy: '2027-03-01',
    },
    {
      entityRef: 'component:default/recommendations-api',
      ownerRef: 'group:default/search-relevance',
      productName: 'vectorcloud',
      hasMigrationPlan: true,
      revisitBy: '2027-06-01',
    },
  ],
  components: 2,
  withoutMigrationPlan: 1,
  integrationWeeks: 4,
  nextRevisitBy: '2027-03-01',
  dependents: ['component:default/product-page'],
  systems: ['system:default/search'],
};

const markup: VendorProduct = {
  product: '<img src=x onerror=alert(1)>Stripe',
  spellings: ['<img src=x onerror=alert(1)>Stripe'],
  decisions: [
    {
      entityRef: 'component:default/product-page',
      ownerRef: 'group:default/applied-ml-startup',
      productName: '<img src=x onerror=alert(1)>Stripe',
      hasMigrationPlan: true,
      integrationWeeks: 1,
      revisitBy: '2027-09-01',
    },
  ],
  components: 1,
  withoutMigrationPlan: 0,
  integrationWeeks: 1,
  nextRevisitBy: '2027-09-01',
  dependents: [],
  systems: [],
};

function renderPortfolio(
  options: {
    api?: Record<string, jest.Mock>;
    /** Whether the user may record a vendor event; every other permission is allowed. */
    mayRecordEvents?: boolean;
  } = {},
) {
  const authorize = jest.fn(async (request: AuthorizePermissionRequest) => ({
    result:
      request.permission.name === 'build-vs-buy.vendor.event.create' &&
      options.mayRecordEvents === false
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  }));
  const api = {
    getDecisionSummary: jest.fn().mockResolvedValue({
      total: 0,
      drafts: 0,
      byVerdict: {},
      byReviewStatus: { current: 0, 'due-soon': 0, overdue: 0 },
      byOwnerGroup: [],
      revisitsByMonth: [],
      revisitsOverdue: 0,
      revisitsLater: 0,
    }),
    getVendorPortfolio: jest
      .fn()
      .mockResolvedValue({ items: [vectorCloud, markup] }),
    getVendorPortfolioCsv: jest
      .fn()
      .mockResolvedValue('Product,Components that chose it\nVector Cloud,2\n'),
    ...options.api,
  };
  return {
    api,
    authorize,
    rendered: renderWithApis(<BuildVsBuyPage />, {
      api,
      catalogEntities: entities,
      routeEntries: ['/?tab=vendor-portfolio'],
      extraApis: [
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/ada' }),
        ],
        [entityPresentationApiRef, entityPresentationApi],
        [permissionApiRef, { authorize }],
      ],
    }),
  };
}

describe('the vendor portfolio tab', () => {
  it('lists each product, the most concentrated first, with its components, owners and blast radius by name', async () => {
    const { api, rendered } = renderPortfolio();
    await rendered;

    expect(
      screen.getByRole('tab', { name: 'Vendor portfolio', selected: true }),
    ).toBeInTheDocument();
    const row = within(
      (await screen.findByText('Vector Cloud')).closest('tr')!,
    );
    expect(api.getVendorPortfolio).toHaveBeenCalledWith({
      limit: 500,
      cursor: undefined,
    });
    expect(row.getByText('Also written "vectorcloud"')).toBeInTheDocument();
    // Components, owners, dependents and systems by the names people know.
    for (const name of [
      'product-similarity-store',
      'recommendations-api',
      'ML Platform',
      'Search Relevance',
      'product-page',
      'Search Platform',
    ]) {
      expect(row.getByRole('link', { name })).toBeInTheDocument();
    }
    expect(row.queryByText(/component:default/)).not.toBeInTheDocument();
    // Which of them has no migration plan, what each committed to.
    const similarity = within(
      row
        .getByRole('link', { name: 'product-similarity-store' })
        .closest('li')!,
    );
    expect(similarity.getByText('No migration plan')).toBeInTheDocument();
    expect(
      similarity.getByText('4 weeks of integration, revisit by 2027-03-01'),
    ).toBeInTheDocument();
    const recommendations = within(
      row.getByRole('link', { name: 'recommendations-api' }).closest('li')!,
    );
    expect(
      recommendations.queryByText('No migration plan'),
    ).not.toBeInTheDocument();
    expect(
      recommendations.getByText(
        'Integration not estimated, revisit by 2027-06-01',
      ),
    ).toBeInTheDocument();

    // The most concentrated first.
    const products = screen
      .getAllByRole('row')
      .slice(1)
      .map(tr => tr.querySelector('td')?.firstChild?.textContent);
    expect(products).toEqual([
      'Vector Cloud',
      '<img src=x onerror=alert(1)>Stripe',
    ]);
  });

  it('shows a product name with markup as text', async () => {
    const { rendered } = renderPortfolio();
    const { container } = await rendered;

    expect(
      await screen.findByText('<img src=x onerror=alert(1)>Stripe'),
    ).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });

  it('downloads the portfolio as CSV', async () => {
    const { api, rendered } = renderPortfolio();
    await rendered;
    await screen.findByText('Vector Cloud');
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:csv';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0].text()).toBe(
      'Product,Components that chose it\nVector Cloud,2\n',
    );
    expect(api.getVendorPortfolioCsv).toHaveBeenCalledWith();
    click.mockRestore();
  });

  describe('vendor events', () => {
    const recorded: VendorEvent = {
      id: 'e1',
      product: 'Vector Cloud',
      kind: 'incident',
      occurredOn: '2026-11-30',
      note: 'Four hours of downtime',
      recordedBy: 'user:default/grace',
      recordedAt: '2026-12-01T09:00:00.000Z',
      decisions: 2,
    };

    const vectorCloudRow = async () =>
      within((await screen.findByText('Vector Cloud')).closest('tr')!);

    /** Opens "Record an event" for Vector Cloud; the dialog. */
    async function openRecordDialog() {
      const row = await vectorCloudRow();
      await userEvent.click(
        await row.findByRole('button', {
          name: 'Record an event for Vector Cloud',
        }),
      );
      return within(
        await screen.findByRole('dialog', { name: 'Record an event' }),
      );
    }

    async function chooseKind(
      dialog: ReturnType<typeof within>,
      label: string,
    ) {
      await userEvent.click(
        dialog.getByRole('button', { name: /What happened/ }),
      );
      await userEvent.click(await screen.findByRole('option', { name: label }));
    }

    it('offers "Record an event" only to those allowed to record one', async () => {
      const { authorize, rendered } = renderPortfolio({
        mayRecordEvents: false,
      });
      await rendered;
      const row = await vectorCloudRow();
      await waitFor(() =>
        expect(authorize).toHaveBeenCalledWith(
          expect.objectContaining({
            permission: expect.objectContaining({
              name: 'build-vs-buy.vendor.event.create',
            }),
          }),
        ),
      );
      // The answer is in; events can still be read.
      await waitFor(() =>
        expect(authorize.mock.results.length).toBeGreaterThan(0),
      );
      await Promise.all(authorize.mock.results.map(result => result.value));
      // Each row's button names its product, for those who hear it.
      expect(
        row.getByRole('button', { name: 'Events of Vector Cloud' }),
      ).toBeInTheDocument();
      expect(
        row.queryByRole('button', { name: /^Record an event for / }),
      ).not.toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: /^Record an event for / }),
      ).not.toBeInTheDocument();
    });

    it('records an event once however often it is tried, says how many decisions came due and reads the portfolio again', async () => {
      const recordVendorEvent = jest
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValueOnce(recorded)
        .mockResolvedValueOnce({ ...recorded, id: 'e2', decisions: 1 });
      const { api, rendered } = renderPortfolio({
        api: { recordVendorEvent },
      });
      await rendered;
      const dialog = await openRecordDialog();

      // The product is fixed; the date is today's unless changed.
      expect(dialog.getByRole('textbox', { name: 'Product' })).toHaveValue(
        'Vector Cloud',
      );
      const date = dialog.getByLabelText(/When it happened/);
      const now = new Date();
      expect(date).toHaveValue(
        [
          now.getFullYear(),
          String(now.getMonth() + 1).padStart(2, '0'),
          String(now.getDate()).padStart(2, '0'),
        ].join('-'),
      );
      await chooseKind(dialog, 'Incident');
      fireEvent.change(date, { target: { value: '2026-11-30' } });
      await userEvent.type(
        dialog.getByRole('textbox', { name: /Note/ }),
        'Four hours of downtime',
      );

      await userEvent.click(
        dialog.getByRole('button', { name: 'Record the event' }),
      );
      expect(await dialog.findByRole('alert')).toHaveTextContent(
        'Could not record the event: Failed to fetch. Try again',
      );
      await userEvent.click(
        dialog.getByRole('button', { name: 'Record the event' }),
      );

      expect(
        await screen.findByText(
          'Recorded: Vector Cloud, incident on 2026-11-30. 2 decisions that chose it are now due for revisit.',
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('dialog', { name: 'Record an event' }),
      ).not.toBeInTheDocument();
      expect(recordVendorEvent).toHaveBeenCalledTimes(2);
      const [first, retry] = recordVendorEvent.mock.calls.map(call => call[0]);
      expect(first).toEqual({
        product: 'Vector Cloud',
        kind: 'incident',
        occurredOn: '2026-11-30',
        note: 'Four hours of downtime',
        idempotencyKey: expect.stringMatching(/^[\x21-\x7e]{1,128}$/),
      });
      expect(retry).toEqual(first);
      await waitFor(() =>
        expect(api.getVendorPortfolio).toHaveBeenCalledTimes(2),
      );

      // Opening the dialog again is another event, with another key.
      const again = await openRecordDialog();
      await chooseKind(again, 'Deprecation');
      await userEvent.click(
        again.getByRole('button', { name: 'Record the event' }),
      );
      expect(
        await screen.findByText(/1 decision that chose it is now due/),
      ).toBeInTheDocument();
      const third = recordVendorEvent.mock.calls[2][0];
      expect(third.kind).toBe('deprecation');
      expect(third.idempotencyKey).not.toBe(first.idempotencyKey);
    });

    it('shows a refused date at the date field, in words', async () => {
      const refusal = await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'InputError',
              message: 'body.occurredOn: Enter a date as YYYY-MM-DD',
            },
            response: { statusCode: 400 },
          }),
          { status: 400, headers: { 'Content-Type': 'application/json' } },
        ),
      );
      const recordVendorEvent = jest.fn().mockRejectedValue(refusal);
      const { api, rendered } = renderPortfolio({
        api: { recordVendorEvent },
      });
      await rendered;
      const dialog = await openRecordDialog();
      await chooseKind(dialog, 'Acquisition');

      await userEvent.click(
        dialog.getByRole('button', { name: 'Record the event' }),
      );

      const date = dialog.getByLabelText(/When it happened/);
      await waitFor(() =>
        expect(date).toHaveAccessibleDescription('Enter a date as YYYY-MM-DD'),
      );
      expect(date).toHaveAttribute('aria-invalid', 'true');
      expect(dialog.getByRole('textbox', { name: /Note/ })).not.toHaveAttribute(
        'aria-invalid',
        'true',
      );
      expect(dialog.queryByText(/body\./)).not.toBeInTheDocument();
      expect(dialog.queryByRole('alert')).not.toBeInTheDocument();
      // Nothing was recorded: the dialog stays, the portfolio is not re-read.
      expect(
        screen.getByRole('dialog', { name: 'Record an event' }),
      ).toBeInTheDocument();
      expect(api.getVendorPortfolio).toHaveBeenCalledTimes(1);
    });

    it("lists a product's events in words, with who recorded them by name and notes as text", async () => {
      const listVendorEvents = jest.fn().mockResolvedValue({
        items: [
          {
            ...recorded,
            id: 'e2',
            kind: 'price-or-terms-change',
            occurredOn: '2026-12-01',
            note: '<img src=x onerror=alert(1)>Prices double',
          },
          recorded,
        ],
      });
      const { rendered } = renderPortfolio({
        api: { listVendorEvents },
        mayRecordEvents: false,
      });
      await rendered;
      const row = await vectorCloudRow();

      await userEvent.click(row.getByRole('button', { name: /^Events of / }));

      const dialog = within(
        await screen.findByRole('dialog', { name: 'Events of Vector Cloud' }),
      );
      const rows = (await dialog.findAllByRole('row'))
        .slice(1)
        .map(tr => within(tr));
      expect(listVendorEvents).toHaveBeenCalledWith('Vector Cloud');
      expect(rows).toHaveLength(2);
      expect(rows[0].getByText('Price or terms change')).toBeInTheDocument();
      expect(rows[0].getByText('2026-12-01')).toBeInTheDocument();
      expect(
        rows[0].getByText('<img src=x onerror=alert(1)>Prices double'),
      ).toBeInTheDocument();
      expect(rows[1].getByText('Incident')).toBeInTheDocument();
      expect(rows[1].getByText('Four hours of downtime')).toBeInTheDocument();
      expect(
        await rows[1].findByRole('link', { name: 'Grace Hopper' }),
      ).toBeInTheDocument();
      expect(
        dialog.queryByText(/price-or-terms-change|incident$|user:default/),
      ).not.toBeInTheDocument();
      expect(document.querySelector('img[src="x"]')).toBeNull();
    });
  });
});
