import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { grid, linesOf, myChangeSets, rowOf } from '../fixtures/tables';

// Ctrl+Z undoes the person's own last change set (not a colleague's made since) and
// Ctrl+Shift+Z redoes it, on the real change-set server: each is a change set of its
// own, and the API shows the value back (and forward again) at a new version each time.

test("Ctrl+Z undoes the person's own change set and Ctrl+Shift+Z redoes it", async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const [line, other] = await seedPurchaseOrder(api, 'grid-undo', [{ promisedDate: '2033-12-01' }, { promisedDate: '2033-12-02' }]);
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  const row = rowOf(g, line!.key);

  await row.getByRole('gridcell', { name: '2033-12-01', exact: true }).first().click();
  await page.keyboard.press('Enter');
  const editor = page.getByLabel(`Promised of ${line!.key}`);
  await editor.fill('2033-12-15');
  await editor.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Saved: 1 row changed \(change set \d+\)/ });
  await expect(saved).toBeVisible();
  const id = Number(/change set (\d+)/.exec((await saved.textContent())!)![1]);
  expect((await linesOf(api, line!.poNumber))[0]).toMatchObject({ promisedDate: '2033-12-15', version: line!.version + 1 });
  // A colleague's change set after it is theirs: Ctrl+Z leaves it alone.
  const colleague = await apiClient('admin');
  const theirs = await colleague.post('/api/changes', { data: { changes: [{ entity: 'purchaseOrderLine', id: other!.id, version: other!.version, set: { qty: '99' } }], source: 'edit' } });
  expect(theirs.status(), await theirs.text()).toBe(200);
  await colleague.dispose();

  await row.getByRole('gridcell', { name: line!.poNumber, exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: `Undone: change set ${id} (1 row).` })).toBeVisible();
  const afterUndo = await linesOf(api, line!.poNumber);
  expect(afterUndo[0]).toMatchObject({ promisedDate: '2033-12-01', version: line!.version + 2 });
  expect(afterUndo[1]).toMatchObject({ promisedDate: '2033-12-02', version: other!.version + 1 });
  expect(Number(afterUndo[1]!.qty)).toBe(99);
  const [undo] = await myChangeSets(api, 1);
  expect(undo).toMatchObject({ undoes: id });
  await expect(row.getByRole('gridcell', { name: '2033-12-01', exact: true }).first()).toBeVisible();

  await row.getByRole('gridcell', { name: line!.poNumber, exact: true }).click();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').filter({ hasText: `Redone: change set ${id} (1 row).` })).toBeVisible();
  expect((await linesOf(api, line!.poNumber))[0]).toMatchObject({ promisedDate: '2033-12-15', version: line!.version + 3 });
  await expect(row.getByRole('gridcell', { name: '2033-12-15', exact: true }).first()).toBeVisible();
});

test('Ctrl+Z right after "Save changes" undoes the edit: focus is back on the grid when the preview closes', async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const [line] = await seedPurchaseOrder(api, 'grid-undo-now', [{ promisedDate: '2033-11-03' }]);
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const row = rowOf(grid(page, 'Purchase-order lines'), line!.key);

  await row.getByRole('gridcell', { name: '2033-11-03', exact: true }).first().click();
  await page.keyboard.press('Enter');
  const editor = page.getByLabel(`Promised of ${line!.key}`);
  await editor.fill('2033-11-17');
  await editor.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Saved: 1 row changed/ })).toBeVisible();
  expect((await linesOf(api, line!.poNumber))[0]).toMatchObject({ promisedDate: '2033-11-17', version: line!.version + 1 });

  // No click: the keys go where the person's focus already is.
  await expect(page.getByRole('grid', { name: 'Purchase-order lines' }).locator('[role="gridcell"]:focus')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /^Undone: change set \d+ \(1 row\)\./ })).toBeVisible();
  expect((await linesOf(api, line!.poNumber))[0]).toMatchObject({ promisedDate: '2033-11-03', version: line!.version + 2 });
});
