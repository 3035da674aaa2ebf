import type { Route } from '@playwright/test';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { grid } from '../fixtures/tables';

// The grid's write path against the change-set contract (CONTRACT-changes.md): an
// inline edit previewed, committed into a conflict, resolved field by field and sent
// again at the current version, then undone with Ctrl+Z. The answers of
// /api/changes are the contract's, played by the browser here because the change-set
// server is built on another branch; the spec on the real server comes with the merge.

test('an inline edit is previewed, a conflict is resolved and re-sent at the current version, and Ctrl+Z undoes it', async ({ signIn }) => {
  const page = await signIn('procurement');
  const [line] = await seedPurchaseOrder(page.request, 'grid-edit', [{ promisedDate: '2033-07-01' }]);
  const sent: { changes: { id: number; version: number; set: Record<string, string> }[]; dryRun: boolean; source: string }[] = [];
  let commits = 0;
  await page.route('**/api/changes', async (route: Route) => {
    const body = route.request().postDataJSON() as (typeof sent)[number];
    sent.push(body);
    const c = body.changes[0]!;
    const diff = [{ index: 0, entity: 'purchaseOrderLine', id: c.id, label: line!.key, op: 'update', fields: [{ field: 'promisedDate', before: '2033-07-01', after: c.set.promisedDate }] }];
    if (body.dryRun) {
      return route.fulfill({ json: { errors: [], diff, conflicts: [], forecast: { before: { gpuDays: 1000 }, after: { gpuDays: 940 }, tier: 'quick' }, summary: "Moving 1 line's promised date costs 60 GPU-days." } });
    }
    commits += 1;
    if (commits === 1) {
      return route.fulfill({
        status: 409,
        json: { conflicts: [{ index: 0, entity: 'purchaseOrderLine', id: c.id, label: line!.key, baseVersion: c.version, currentVersion: c.version + 1, fields: [{ field: 'promisedDate', yours: c.set.promisedDate, theirs: '2033-07-15' }], changedBy: 'procurement2@clearbuild.demo', changedAt: '2033-01-01T10:00:00Z' }] },
      });
    }
    return route.fulfill({ json: { changeSetId: 41, applied: 1, rows: [{ index: 0, entity: 'purchaseOrderLine', id: c.id, version: c.version + 1 }] } });
  });
  let undone = 0;
  await page.route('**/api/changes/41/undo', (route) => {
    undone += 1;
    return route.fulfill({ json: { changeSetId: 42, applied: 1 } });
  });

  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  await g.getByRole('gridcell', { name: '2033-07-01', exact: true }).click();
  await page.keyboard.press('Enter');
  const editor = page.getByLabel(`Promised of ${line!.key}`);
  await editor.fill('2033-07-08');
  await editor.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: `${line!.key} promisedDate 2033-07-01 2033-07-08` })).toBeVisible();
  await expect(dialog).toContainText("Moving 1 line's promised date costs 60 GPU-days.");
  await expect(dialog).toContainText('1,000 → 940 GPU-days (-60)');
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  const conflict = page.getByRole('dialog', { name: 'Someone else changed these rows' });
  await expect(conflict).toContainText('changed by procurement2@clearbuild.demo');
  await expect(conflict.getByRole('radio', { name: 'Yours: 2033-07-08' })).toBeChecked();
  await conflict.getByRole('radio', { name: 'Theirs: 2033-07-15' }).check();
  await conflict.getByRole('radio', { name: 'Yours: 2033-07-08' }).check();
  await conflict.getByRole('button', { name: 'Send again with these values' }).click();
  await page.getByRole('dialog', { name: 'Review 1 change' }).getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 1 row changed (change set 41)' })).toBeVisible();

  // Preview, refused commit, preview again, commit: the second round at the version the conflict named.
  expect(sent.map((s) => [s.dryRun, s.source, s.changes[0]!.version, s.changes[0]!.set.promisedDate])).toEqual([
    [true, 'edit', line!.version, '2033-07-08'],
    [false, 'edit', line!.version, '2033-07-08'],
    [true, 'edit', line!.version + 1, '2033-07-08'],
    [false, 'edit', line!.version + 1, '2033-07-08'],
  ]);

  await g.getByRole('gridcell', { name: line!.poNumber, exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: change set 41 (1 row).' })).toBeVisible();
  expect(undone).toBe(1);
});

test('a bad value is named in the editor and nothing is sent', async ({ signIn }) => {
  const page = await signIn('procurement');
  const [line] = await seedPurchaseOrder(page.request, 'grid-bad', [{ promisedDate: '2033-08-01', qty: '8' }]);
  let requests = 0;
  await page.route('**/api/changes', (route) => {
    requests += 1;
    return route.abort();
  });
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  await grid(page, 'Purchase-order lines').getByRole('gridcell', { name: '8', exact: true }).click();
  await page.keyboard.press('F2');
  const editor = page.getByLabel(`Qty of ${line!.key}`);
  await editor.fill('-3');
  await editor.press('Enter');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'must be a non-negative decimal' })).toBeVisible();
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  expect(requests).toBe(0);
});
