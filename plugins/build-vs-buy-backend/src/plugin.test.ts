import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import buildVsBuyPlugin from '.';

describe('buildVsBuyPlugin', () => {
  it('answers the health check without credentials', async () => {
    const { server } = await startTestBackend({ features: [buildVsBuyPlugin] });

    const response = await request(server).get('/api/build-vs-buy/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
