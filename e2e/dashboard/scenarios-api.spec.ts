import { expect, test } from '@playwright/test';
import { apiClient } from '../fixtures/api';
import { uniqueScenarioName } from '../fixtures/dashboard';

test('the scenarios API saves, lists and deletes what-ifs by their rules, and never changes the data', async () => {
  test.setTimeout(300_000);
  const [executive, procurement, admin] = await Promise.all([apiClient('executive'), apiClient('procurement'), apiClient('admin')]);
  const before = (await (await executive.get('/api/forecast?tier=quick')).json()) as { inputVersion: string };
  const name = uniqueScenarioName('api');
  const adjustments = [{ kind: 'delaySupplier', supplier: 'NVIDIA', days: 56 }];

  const created = await executive.post('/api/scenarios', { data: { name, adjustments, horizonDays: 180 } });
  expect(created.status(), await created.text()).toBe(201);
  expect(await created.json()).toMatchObject({ scenario: { name, adjustments, horizonDays: 180, createdBy: 'executive@clearbuild.demo' }, url: `/dashboard?scenario=${encodeURIComponent(name)}` });
  expect((await executive.post('/api/scenarios', { data: { name, adjustments } })).status()).toBe(409);

  // 422 names each offending adjustment by its index and field: the shape first, then the data.
  const shape = await executive.post('/api/scenarios', { data: { name: `${name} bad`, adjustments: [...adjustments, { kind: 'delayLine', supplier: 'NVIDIA', poNumber: 'X', lineNo: 1, days: 'soon' }] } });
  expect(shape.status()).toBe(422);
  expect(((await shape.json()) as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ index: 1, field: 'days' })]);
  const data = await executive.post('/api/scenarios', { data: { name: `${name} bad`, adjustments: [...adjustments, { kind: 'cancelLine', supplier: 'NVIDIA', poNumber: 'PO-NOPE', lineNo: 9 }] } });
  expect(data.status()).toBe(422);
  expect(((await data.json()) as { issues: unknown[] }).issues).toEqual([{ index: 1, field: 'lineNo', message: 'PO line NVIDIA/PO-NOPE/9 does not exist' }]);

  const listed = (await (await procurement.get('/api/scenarios')).json()) as { scenarios: { name: string }[] };
  expect(listed.scenarios.map((s) => s.name)).toContain(name);
  const whatIf = await executive.get(`/api/forecast?tier=quick&scenario=${encodeURIComponent(name)}`);
  expect(whatIf.status()).toBe(200);
  expect(((await whatIf.json()) as { horizonDays: number }).horizonDays).toBe(180);

  // Only its creator or an admin deletes it.
  expect((await procurement.delete(`/api/scenarios/${encodeURIComponent(name)}`)).status()).toBe(403);
  expect((await executive.delete(`/api/scenarios/${encodeURIComponent(name)}`)).status()).toBe(200);
  expect((await executive.delete(`/api/scenarios/${encodeURIComponent(name)}`)).status()).toBe(404);
  const theirs = uniqueScenarioName('theirs');
  expect((await procurement.post('/api/scenarios', { data: { name: theirs, adjustments: [] } })).status()).toBe(201);
  expect((await admin.delete(`/api/scenarios/${encodeURIComponent(theirs)}`)).status()).toBe(200);

  const after = (await (await executive.get('/api/forecast?tier=quick')).json()) as { inputVersion: string };
  expect(after.inputVersion).toBe(before.inputVersion);
  for (const c of [executive, procurement, admin]) await c.dispose();
});
