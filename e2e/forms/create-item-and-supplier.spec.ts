import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { uniqueCode } from '../fixtures/catalog-seed';
import { grid } from '../fixtures/tables';

// The create forms write one change set each (source "form"): a dry run shown in the
// preview dialog, then the commit, then the table filtered to the new row.

test('procurement creates an item through the form: preview, save, then the Items table shows just that item', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('procurement');
  const sku = uniqueCode('form-item');
  await page.goto('/items/new');
  const form = page.getByRole('form', { name: 'New item' });
  await form.getByRole('textbox', { name: 'SKU' }).fill(sku);
  await form.getByRole('textbox', { name: 'Name' }).fill('Form-made patch panel');
  await form.getByRole('combobox', { name: 'Category' }).selectOption('network');
  await form.getByRole('button', { name: 'Preview and save' }).click();

  const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
  // The dry run forecasts the change (the quick tier, on a shared machine: give it time).
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeEnabled({ timeout: 60_000 });
  await expect(dialog.getByRole('table', { name: 'Changes' }).getByRole('cell', { name: sku }).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(`/items?sku=${sku}`, { timeout: 60_000 });
  const items = grid(page, 'Items');
  await expect(items.getByRole('gridcell', { name: sku, exact: true })).toBeVisible();
  await expect(items).toHaveAttribute('aria-rowcount', '2');

  const api = await apiClient('executive');
  const listed = (await (await api.get(`/api/items?sku=${sku}`)).json()) as { rows: { sku: string; name: string; category: string; unit: string; gpusOnlinePerUnit: number }[] };
  expect(listed.rows).toEqual([expect.objectContaining({ sku, name: 'Form-made patch panel', category: 'network', unit: 'ea', gpusOnlinePerUnit: 0 })]);
  const history = (await (await api.get('/api/changes?limit=5')).json()) as { changeSets: { source: string; rowCount: number; summary: string }[] };
  expect(history.changeSets.some((c) => c.source === 'form')).toBe(true);
  await api.dispose();
});

test('procurement creates a supplier through the form, its code stored upper-case, and lands on it in Suppliers', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('procurement');
  const code = uniqueCode('form-sup');
  await page.goto('/suppliers/new');
  const form = page.getByRole('form', { name: 'New supplier' });
  await form.getByRole('textbox', { name: 'Code' }).fill(code.toLowerCase());
  await form.getByRole('textbox', { name: 'Name' }).fill('Form-made Cables Ltd');
  await form.getByRole('button', { name: 'Preview and save' }).click();
  const save = page.getByRole('dialog', { name: 'Review 1 change' }).getByRole('button', { name: 'Save changes' });
  await expect(save).toBeEnabled({ timeout: 60_000 });
  await save.click();

  await expect(page).toHaveURL(`/suppliers?code=${code}`, { timeout: 60_000 });
  await expect(grid(page, 'Suppliers').getByRole('gridcell', { name: code, exact: true })).toBeVisible();
  const api = await apiClient('executive');
  const listed = (await (await api.get(`/api/suppliers?code=${code}`)).json()) as { rows: { code: string; name: string }[] };
  expect(listed.rows).toEqual([expect.objectContaining({ code, name: 'Form-made Cables Ltd' })]);
  await api.dispose();
});
