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

import { TestDatabases } from '@backstage/backend-test-utils';
import { evaluate, toIsoDate } from '@build-vs-buy/plugin-build-vs-buy-common';
import { ecommerceVectorDatabase } from '@build-vs-buy/plugin-build-vs-buy-common/examples';
import request from 'supertest';
import { startPluginOn } from './__testUtils__/backend';

jest.setTimeout(120_000);

/*
 * "Download CSV" is the whole view: a CSV asked for without a limit holds
 * every decision the filter admits, not the first page of 50; asked for
 * with one, it is that page and names the next in X-Next-Cursor.
 */
const DECISIONS = 120;
const DAY = 86_400_000;

describe('CSV of a view', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'is every row of the view without a limit, one page with one, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, store } = await startPluginOn(knex);
      const now = new Date();
      for (let i = 0; i < DECISIONS; i++) {
        const evaluation = {
          ...ecommerceVectorDatabase,
          entityRef: `component:default/store-${String(i).padStart(3, '0')}`,
          // Every other one overdue: the due-for-revisit list holds half.
          revisitBy: toIsoDate(
            new Date(now.getTime() + (i % 2 ? -10 : 100) * DAY),
          ),
        };
        await store.evaluations.create({
          entityRef: evaluation.entityRef,
          status: 'complete',
          evaluation,
          outcome: evaluate(evaluation, { now }),
          revisitBy: evaluation.revisitBy,
          entity: { ownerRef: 'group:default/search', missing: false },
          actorRef: 'user:default/alice',
          now,
        });
      }
      const rowsOf = (text: string) =>
        text.split('\n').filter(line => line !== '');

      const whole = await request(server).get(
        '/api/build-vs-buy/evaluations?format=csv',
      );
      expect(whole.status).toBe(200);
      expect(whole.headers['content-type']).toMatch(/^text\/csv/);
      expect(whole.headers['x-next-cursor']).toBeUndefined();
      const lines = rowsOf(whole.text);
      expect(lines[0]).toMatch(/^Component,/);
      expect(lines).toHaveLength(DECISIONS + 1);
      // One row of headings, however many pages were read.
      expect(lines.filter(line => line === lines[0])).toHaveLength(1);
      for (let i = 0; i < DECISIONS; i++) {
        const name = `store-${String(i).padStart(3, '0')}`;
        expect(lines.filter(line => line.startsWith(`${name},`))).toHaveLength(
          1,
        );
      }

      const due = await request(server).get(
        '/api/build-vs-buy/dashboard/due-for-revisit?format=csv',
      );
      expect(rowsOf(due.text)).toHaveLength(DECISIONS / 2 + 1);

      // A page when a limit asks for one, and the next by its cursor.
      const first = await request(server).get(
        '/api/build-vs-buy/evaluations?format=csv&limit=50',
      );
      expect(rowsOf(first.text)).toHaveLength(51);
      const cursor = first.headers['x-next-cursor'];
      expect(cursor).toEqual(expect.any(String));
      const second = await request(server).get(
        `/api/build-vs-buy/evaluations?format=csv&limit=50&cursor=${encodeURIComponent(
          cursor,
        )}`,
      );
      const secondRows = rowsOf(second.text).slice(1);
      expect(secondRows).toHaveLength(50);
      expect(
        secondRows.filter(row => rowsOf(first.text).includes(row)),
      ).toEqual([]);
    },
  );
});
