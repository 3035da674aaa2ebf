import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';

// 20 people edit the same PO line at once through the real server, each retrying
// with the version the server reports until their edit lands. Every version must
// be won by exactly one edit, every losing attempt must conflict (409), and the
// audit log must hold exactly one event per accepted edit.

const EDITORS = 20;

test('20 concurrent edits of one PO line: one winner per version, the rest conflict, audit complete', async ({ signIn }) => {
  const clients = await Promise.all(Array.from({ length: EDITORS }, () => apiClient('procurement')));
  // The line this spec edits is its own, far beyond any forecast horizon.
  const [line] = await seedPurchaseOrder(clients[0]!, 'concurrent', [{ promisedDate: '2031-06-02' }]);
  const LINE_ID = line!.id;
  const first = await clients[0]!.patch(`/api/purchase-order-lines/${LINE_ID}`, { data: { version: 999_999, qty: '1' } });
  expect(first.status()).toBe(409);
  const startVersion = ((await first.json()) as { currentVersion: number }).currentVersion;

  const wins: { editor: number; version: number }[] = [];
  let key = '';
  let conflicts = 0;
  let lastVersionSeen = startVersion;
  await Promise.all(
    clients.map(async (client, editor) => {
      let version = startVersion;
      for (;;) {
        const res = await client.patch(`/api/purchase-order-lines/${LINE_ID}`, { data: { version, qty: String(1000 + editor) } });
        const body = (await res.json()) as { key?: string; version?: number; currentVersion?: number };
        if (res.status() === 200) {
          wins.push({ editor, version: body.version! });
          key = body.key!;
          lastVersionSeen = Math.max(lastVersionSeen, body.version!);
          return;
        }
        expect(res.status()).toBe(409);
        conflicts += 1;
        version = body.currentVersion!;
      }
    }),
  );
  for (const c of clients) await c.dispose();

  // Each editor won exactly once, each new version exactly once, with no gaps.
  expect(wins).toHaveLength(EDITORS);
  expect(wins.map((w) => w.version).sort((a, b) => a - b)).toEqual(Array.from({ length: EDITORS }, (_, i) => startVersion + 1 + i));
  expect(lastVersionSeen).toBe(startVersion + EDITORS);
  expect(conflicts).toBeGreaterThan(0);

  // The audit log has one update event per accepted edit of this line, versions chained.
  const admin = await signIn('admin');
  await admin.goto(`/admin/audit?entity=PurchaseOrderLine&action=update&entityId=${encodeURIComponent(key)}`);
  // The page streams in after its loading skeleton: wait for the table itself before reading it.
  const table = admin.getByRole('table');
  await expect(table.getByRole('cell', { name: key, exact: true }).first()).toBeVisible();
  const rows = await table.getByRole('row').all();
  const versions: number[] = [];
  for (const row of rows) {
    const cells = await row.getByRole('cell').allTextContents();
    // Columns: When, Actor, Action, Entity, Record, Batch, Before, After.
    if (cells[4] !== key) continue;
    versions.push((JSON.parse(cells[7]!) as { version: number }).version);
  }
  expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: EDITORS }, (_, i) => startVersion + 1 + i));
});
