import { DEMO_EMAILS } from '../fixtures/auth';
import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';

// Change sets as scripts and the tables use them (CONTRACT-changes.md), through the served app:
// a dry run writes nothing and shows the diff and the forecast's change; a commit bumps the
// version; an edit read before it gets 409 naming both values and who changed the row; undo puts
// the value back as a change set of its own. The spec's own PO, far past any forecast horizon.

interface Listed {
  id: number;
  promisedDate: string;
  version: number;
}

test('a change set through the API: dry run, commit, 409 with both values, undo', async () => {
  const alice = await apiClient('procurement');
  const bob = await apiClient('admin');
  const executive = await apiClient('executive');
  const [line] = await seedPurchaseOrder(alice, 'changes', [{ promisedDate: '2031-03-01' }]);
  const { id, version, key, poNumber } = line!;
  const current = async (): Promise<Listed> => {
    const res = await alice.get(`/api/purchase-order-lines?${new URLSearchParams({ poNumber, limit: '1' })}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { rows: Listed[] }).rows[0]!;
  };
  const edit = (promisedDate: string, v: number) => ({ changes: [{ entity: 'purchaseOrderLine', id, version: v, set: { promisedDate } }] });

  const dry = await alice.post('/api/changes', { data: { ...edit('2031-03-08', version), dryRun: true, source: 'edit' } });
  expect(dry.status(), await dry.text()).toBe(200);
  const preview = await dry.json();
  expect(preview).toMatchObject({
    errors: [],
    conflicts: [],
    diff: [{ index: 0, entity: 'purchaseOrderLine', id, label: key, op: 'update', fields: [{ field: 'promisedDate', before: '2031-03-01', after: '2031-03-08' }] }],
    forecast: { before: { gpuDays: expect.any(Number) }, after: { gpuDays: expect.any(Number) }, tier: 'quick' },
  });
  // Past the forecast's horizon, at one tier before and after: the move costs nothing.
  expect(preview.forecast.after.gpuDays).toBe(preview.forecast.before.gpuDays);
  expect(preview.summary).toBe("Moving 1 line's promised date leaves GPU-days unchanged.");
  expect(await current()).toMatchObject({ promisedDate: '2031-03-01', version });

  const bad = await alice.post('/api/changes', { data: { ...edit('2031-02-30', version), dryRun: true } });
  expect((await bad.json()).errors).toEqual([expect.objectContaining({ index: 0, id, label: key, field: 'promisedDate' })]);
  expect((await executive.post('/api/changes', { data: edit('2031-03-08', version) })).status()).toBe(403);

  const commit = await bob.post('/api/changes', { data: edit('2031-03-08', version) });
  expect(commit.status(), await commit.text()).toBe(200);
  const committed = (await commit.json()) as { changeSetId: number; applied: number; rows: unknown[] };
  expect(committed).toMatchObject({ applied: 1, rows: [{ index: 0, entity: 'purchaseOrderLine', id, version: version + 1 }] });
  expect(await current()).toMatchObject({ promisedDate: '2031-03-08', version: version + 1 });

  const stale = await alice.post('/api/changes', { data: edit('2031-03-15', version) });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toEqual({
    conflicts: [
      expect.objectContaining({
        index: 0,
        id,
        label: key,
        baseVersion: version,
        currentVersion: version + 1,
        fields: [{ field: 'promisedDate', yours: '2031-03-15', theirs: '2031-03-08' }],
        changedBy: DEMO_EMAILS.admin,
      }),
    ],
  });
  expect(await current()).toMatchObject({ promisedDate: '2031-03-08' });

  const undo = await alice.post(`/api/changes/${committed.changeSetId}/undo`);
  expect(undo.status(), await undo.text()).toBe(200);
  const undone = (await undo.json()) as { changeSetId: number; applied: number };
  expect(undone.applied).toBe(1);
  expect(await current()).toMatchObject({ promisedDate: '2031-03-01', version: version + 2 });
  // Undone once: a second undo is refused.
  expect((await alice.post(`/api/changes/${committed.changeSetId}/undo`)).status()).toBe(409);

  const mine = await bob.get('/api/changes?mine=1&limit=5');
  expect(((await mine.json()) as { changeSets: { id: number; undoneBy: number | null }[] }).changeSets[0]).toMatchObject({ id: committed.changeSetId, undoneBy: undone.changeSetId });
  const history = await executive.get(`/api/purchase-order-lines/${id}/history`);
  expect(history.status()).toBe(200);
  const body = (await history.json()) as { line: { firstPromisedDate: string; slipDays: number }; promises: { source: string; promisedDate: string }[] };
  expect(body.line).toMatchObject({ firstPromisedDate: '2031-03-01', slipDays: 0 });
  expect(body.promises.map((p) => [p.source, p.promisedDate])).toEqual([
    ['undo', '2031-03-01'],
    ['edit', '2031-03-08'],
    ['create', '2031-03-01'],
  ]);
  for (const c of [alice, bob, executive]) await c.dispose();
});
