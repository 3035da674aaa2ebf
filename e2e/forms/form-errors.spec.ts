import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { createRows, seedItems, seedSupplier, uniqueCode } from '../fixtures/catalog-seed';

// A refused value is named beside its field (aria-describedby, a polite live region), the
// preview never opens and nothing is written.

test('a bad SKU and GPU count are named beside their fields and no item is written', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('procurement');
  const name = `Refused ${uniqueCode('bad')}`;
  await page.goto('/items/new');
  const form = page.getByRole('form', { name: 'New item' });
  await form.getByRole('textbox', { name: 'SKU' }).fill('bad sku!');
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'GPUs online per unit' }).fill('eight');
  await form.getByRole('button', { name: 'Preview and save' }).click();

  // After the dry run (it forecasts too: on a shared machine, give it time).
  await expect(form.getByRole('textbox', { name: 'SKU' })).toHaveAccessibleDescription(/must start with a letter or digit/, { timeout: 60_000 });
  await expect(form.getByRole('textbox', { name: 'SKU' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'GPUs online per unit' })).toHaveAccessibleDescription(/whole number/);
  await expect(form.getByRole('textbox', { name: 'Name' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Nothing was written: 2 values need fixing (marked below).')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL('/items/new');

  const api = await apiClient('executive');
  const found = (await (await api.get(`/api/items?${new URLSearchParams({ name })}`)).json()) as { total: number };
  expect(found.total).toBe(0);
  await api.dispose();
});

test('a PO number already in use and an unknown SKU are named on their fields, and the PO keeps its one line', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('procurement');
  const api = await apiClient('procurement');
  const supplier = await seedSupplier(api, 'po-err');
  const [sku] = (await seedItems(api, 'po-err', 1)) as [string];
  const poNumber = uniqueCode('po-err');
  await createRows(api, [{ entity: 'purchaseOrderLine', set: { supplier, poNumber, lineNo: 1, sku, qty: '1', promisedDate: '2031-01-05' } }]);

  await page.goto('/purchase-orders/new');
  const form = page.getByRole('form', { name: 'New purchase order' });
  await form.getByRole('combobox', { name: 'Supplier' }).selectOption(supplier);
  await form.getByRole('textbox', { name: 'PO number' }).fill(poNumber);
  await form.getByRole('combobox', { name: 'Line 1 SKU' }).fill(sku);
  await form.getByRole('textbox', { name: 'Line 1 Quantity' }).fill('-3');
  await form.getByLabel('Line 1 Promised date').fill('2031-02-02');
  await form.getByRole('button', { name: 'Add line' }).click();
  await form.getByRole('combobox', { name: 'Line 2 SKU' }).fill(`NO-SUCH-${poNumber}`);
  await form.getByRole('textbox', { name: 'Line 2 Quantity' }).fill('4');
  await form.getByLabel('Line 2 Promised date').fill('2031-02-02');
  await form.getByRole('button', { name: 'Preview and save' }).click();

  await expect(form.getByRole('textbox', { name: 'PO number' })).toHaveAccessibleDescription(`${supplier}/${poNumber} already exists`, { timeout: 60_000 });
  await expect(form.getByRole('textbox', { name: 'Line 1 Quantity' })).toHaveAccessibleDescription(/non-negative decimal/);
  await expect(form.getByRole('combobox', { name: 'Line 2 SKU' })).toHaveAccessibleDescription(/unknown SKU/);
  await expect(form.getByRole('combobox', { name: 'Line 1 SKU' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const listed = (await (await api.get(`/api/purchase-order-lines?${new URLSearchParams({ supplier, poNumber })}`)).json()) as { rows: { lineNo: number; qty: string }[] };
  expect(listed.rows.map((r) => [r.lineNo, r.qty])).toEqual([[1, '1']]);
  await api.dispose();
});

test('a PO with no lines is refused before anything is sent', async ({ signIn }) => {
  const page = await signIn('procurement');
  await page.goto('/purchase-orders/new');
  const form = page.getByRole('form', { name: 'New purchase order' });
  await form.getByRole('button', { name: 'Remove line 1' }).click();
  await form.getByRole('button', { name: 'Preview and save' }).click();
  await expect(form.getByText('A purchase order needs at least one line: add one.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('executives get HTTP 403 on the create forms', async ({ signIn }) => {
  const page = await signIn('executive');
  for (const path of ['/items/new', '/suppliers/new', '/purchase-orders/new']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  }
});
