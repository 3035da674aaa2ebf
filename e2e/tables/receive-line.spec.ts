import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { grid } from '../fixtures/tables';

// Receiving a PO line in the grid: the selected open line, its quantity (defaulting to
// the line's own) and a date, through the same preview as every change set; on commit
// the line is received and the quantity is in stock at the location, in one change set.

test('receiving a selected line in the grid marks it received and moves the quantity into stock, and its history shows the receipt', async ({ signIn }) => {
  const page = await signIn('procurement');
  const [line] = await seedPurchaseOrder(page.request, 'grid-receive', [{ promisedDate: '2033-05-01', qty: '8' }]);
  const location = `WH-RCV-${Date.now().toString(36).toUpperCase()}`;
  const stockAt = async () => {
    const res = await page.request.get(`/api/inventory?${new URLSearchParams({ sku: line!.sku, location })}`);
    expect(res.status()).toBe(200);
    const { rows } = (await res.json()) as { rows: { onHand: string }[] };
    return rows.reduce((sum, r) => sum + Number(r.onHand), 0);
  };
  const before = await stockAt();

  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  await g.getByRole('checkbox', { name: `Select ${line!.key}` }).check();
  const receive = page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('form', { name: 'Receive' });
  // The quantity defaults to the line's own; a partial receipt is typed over it.
  await expect(receive.getByLabel('Received qty')).toHaveValue(line!.qty);
  await receive.getByLabel('Received qty').fill('3');
  await receive.getByLabel('Received on').fill('2033-05-04');
  await receive.getByLabel('Into location').fill(location);
  await receive.getByRole('button', { name: 'Receive' }).click();

  const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
  await expect(dialog.getByRole('table', { name: 'Changes' })).toContainText(line!.key);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const listed = await page.request.get(`/api/purchase-order-lines?${new URLSearchParams({ poNumber: line!.poNumber })}`);
  const { rows } = (await listed.json()) as { rows: { id: number; status: string; receivedDate: string | null; receivedQty: string | null; version: number }[] };
  expect(rows).toEqual([expect.objectContaining({ id: line!.id, status: 'received', receivedDate: '2033-05-04', receivedQty: '3', version: line!.version + 1 })]);
  expect(await stockAt()).toBe(before + 3);

  await g.getByRole('button', { name: `History of ${line!.key}` }).click();
  const drawer = page.getByRole('dialog', { name: `History of ${line!.key}` });
  await expect(drawer).toContainText('received 2033-05-04 (3)');
  await expect(drawer.getByRole('region', { name: 'Changes' })).toContainText('receive');
});
