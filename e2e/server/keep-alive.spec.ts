import { expect, test } from '@playwright/test';
import { apiClient } from '../fixtures/api';

// The server runs as `npm start` runs it (package.json, scripts/e2e-server.mjs): an idle
// connection stays open 65 s, past a load balancer's 60 s, so the balancer closes idle
// connections and never reuses one the app server has just dropped.
test('pages and the API announce a 65-second keep-alive, longer than a load balancer keeps an idle connection', async () => {
  const anon = await apiClient('signed-out');
  for (const path of ['/sign-in', '/api/health']) {
    const res = await anon.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['keep-alive'], path).toBe('timeout=65');
  }
  await anon.dispose();
});
