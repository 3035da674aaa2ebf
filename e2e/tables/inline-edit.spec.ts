import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { dryRun, forecastLine, grid, linesOf, rowOf } from '../fixtures/tables';

// Inline edits of a PO line on the real change-set server: Enter or F2 opens the editor,
// Esc cancels and sends nothing, Enter shows the change set's preview (the diff and the
// forecast's change, as the server's own dry run gives them), and Save commits it: the
// API then lists the new value at a bumped version.

test("a line's promised date (Enter) and quantity (F2) are edited inline, previewed and committed", async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const [first, second] = await seedPurchaseOrder(api, 'grid-edit', [
    { promisedDate: '2033-07-01', qty: '8' },
    { promisedDate: '2033-07-02', qty: '16' },
  ]);
  await page.goto(`/purchase-orders?poNumber=${first!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  const promised = rowOf(g, first!.key).getByRole('gridcell', { name: '2033-07-01', exact: true }).first();

  // Esc cancels: the editor closes and nothing is written.
  await promised.click();
  await page.keyboard.press('Enter');
  const dateEditor = page.getByLabel(`Promised of ${first!.key}`);
  await expect(dateEditor).toBeFocused();
  await dateEditor.fill('2033-07-20');
  await dateEditor.press('Escape');
  await expect(dateEditor).toHaveCount(0);
  await expect(promised).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await linesOf(api, first!.poNumber))[0]).toMatchObject({ promisedDate: '2033-07-01', version: first!.version });

  // Enter edits; Enter again previews the change set.
  await page.keyboard.press('Enter');
  await dateEditor.fill('2033-07-08');
  await dateEditor.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
  await expect(dialog.getByRole('row', { name: `${first!.key} promised date 2033-07-01 2033-07-08` })).toBeVisible();
  const expected = await dryRun(api, [{ entity: 'purchaseOrderLine', id: first!.id, version: first!.version, set: { promisedDate: '2033-07-08' } }], 'edit');
  await expect(dialog).toContainText(expected.summary);
  await expect(dialog).toContainText(forecastLine(expected));
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Saved: 1 row changed \(change set \d+\)/ })).toBeVisible();
  expect((await linesOf(api, first!.poNumber))[0]).toMatchObject({ promisedDate: '2033-07-08', version: first!.version + 1 });
  await expect(rowOf(g, first!.key).getByRole('gridcell', { name: '2033-07-08', exact: true }).first()).toBeVisible();

  // F2 edits the quantity of the other line.
  const qty = rowOf(g, second!.key).getByRole('gridcell', { name: '16', exact: true });
  await qty.click();
  await page.keyboard.press('F2');
  const qtyEditor = page.getByLabel(`Qty of ${second!.key}`);
  await expect(qtyEditor).toBeFocused();
  await qtyEditor.fill('12.5');
  await qtyEditor.press('Enter');
  const qtyDialog = page.getByRole('dialog', { name: 'Review 1 change' });
  const qtyPreview = await dryRun(api, [{ entity: 'purchaseOrderLine', id: second!.id, version: second!.version, set: { qty: '12.5' } }], 'edit');
  const [field] = qtyPreview.diff[0]!.fields;
  expect(field).toMatchObject({ field: 'qty' });
  await expect(qtyDialog.getByRole('row', { name: `${second!.key} qty ${String(field!.before)} ${String(field!.after)}` })).toBeVisible();
  await expect(qtyDialog).toContainText(qtyPreview.summary);
  await expect(qtyDialog).toContainText(forecastLine(qtyPreview));
  await qtyDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(qtyDialog).toBeHidden();
  const after = await linesOf(api, first!.poNumber);
  expect(Number(after[1]!.qty)).toBe(12.5);
  expect(after[1]!.version).toBe(second!.version + 1);
  // The other line kept its edit and its version.
  expect(after[0]).toMatchObject({ promisedDate: '2033-07-08', version: first!.version + 1 });
});

test('a bad quantity is named in the editor; Esc leaves the line as it was', async ({ signIn }) => {
  const page = await signIn('procurement');
  const [line] = await seedPurchaseOrder(page.request, 'grid-bad', [{ promisedDate: '2033-08-01', qty: '8' }]);
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  await rowOf(grid(page, 'Purchase-order lines'), line!.key).getByRole('gridcell', { name: '8', exact: true }).click();
  await page.keyboard.press('F2');
  const editor = page.getByLabel(`Qty of ${line!.key}`);
  await editor.fill('-3');
  await editor.press('Enter');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: /non-negative/ })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  expect((await linesOf(page.request, line!.poNumber))[0]).toMatchObject({ qty: line!.qty, version: line!.version });
});
