import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { seedItems, seedSupplier, uniqueCode } from '../fixtures/catalog-seed';
import { columnTexts, grid } from '../fixtures/tables';

// A PO and its lines in one change set: lines added and removed in the form, the PO and
// both lines previewed together, saved together, then the PO-lines table filtered to them.

test('procurement creates a PO with two lines (a third added, then removed) and finds them in the table and the API', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('procurement');
  const api = await apiClient('procurement');
  const supplier = await seedSupplier(api, 'po-form');
  const [skuA, skuB] = (await seedItems(api, 'po-form', 2)) as [string, string];
  const poNumber = uniqueCode('po');

  await page.goto('/purchase-orders/new');
  const form = page.getByRole('form', { name: 'New purchase order' });
  await form.getByRole('combobox', { name: 'Supplier' }).selectOption(supplier);
  await form.getByRole('textbox', { name: 'PO number' }).fill(poNumber);
  await form.getByRole('combobox', { name: 'Line 1 SKU' }).fill(skuA);
  await form.getByRole('textbox', { name: 'Line 1 Quantity' }).fill('16');
  await form.getByLabel('Line 1 Promised date').fill('2031-05-04');
  await form.getByRole('button', { name: 'Add line' }).click();
  await form.getByRole('combobox', { name: 'Line 2 SKU' }).fill(skuB);
  await form.getByRole('textbox', { name: 'Line 2 Quantity' }).fill('12.5');
  await form.getByLabel('Line 2 Promised date').fill('2031-06-01');
  await form.getByRole('button', { name: 'Add line' }).click();
  await form.getByRole('combobox', { name: 'Line 3 SKU' }).fill(skuA);
  await form.getByRole('button', { name: 'Remove line 3' }).click();
  await expect(form.getByRole('group', { name: /^Line \d$/ })).toHaveCount(2);

  await form.getByRole('button', { name: 'Preview and save' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review 3 changes' });
  // The dry run forecasts the change (the quick tier, on a shared machine: give it time).
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeEnabled({ timeout: 60_000 });
  const changes = dialog.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('cell', { name: `${supplier}/${poNumber}/1` }).first()).toBeVisible();
  await expect(changes.getByRole('cell', { name: `${supplier}/${poNumber}/2` }).first()).toBeVisible();
  await expect(changes.getByRole('cell', { name: `${supplier}/${poNumber}/3` })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(`/purchase-orders?${new URLSearchParams({ supplier, poNumber })}`, { timeout: 60_000 });
  const lines = grid(page, 'Purchase-order lines');
  await expect(lines).toHaveAttribute('aria-rowcount', '3');
  await expect.poll(() => columnTexts(lines, 'SKU')).toEqual([skuA, skuB]);

  const listed = (await (await api.get(`/api/purchase-order-lines?${new URLSearchParams({ supplier, poNumber, sort: 'lineNo:asc' })}`)).json()) as {
    rows: { lineNo: number; sku: string; qty: string; promisedDate: string; status: string }[];
  };
  expect(listed.rows.map(({ lineNo, sku, qty, promisedDate, status }) => ({ lineNo, sku, qty, promisedDate, status }))).toEqual([
    { lineNo: 1, sku: skuA, qty: '16', promisedDate: '2031-05-04', status: 'open' },
    { lineNo: 2, sku: skuB, qty: '12.5', promisedDate: '2031-06-01', status: 'open' },
  ]);
  await api.dispose();
});
