import { expect, test } from '../fixtures/auth';

// At 390 px the BOM tree's nodes wrap to two lines (name and quantity, then lead time and
// limit) and the create forms stack their fields: nothing but the page scrolls, down.

test.use({ viewport: { width: 390, height: 844 } });

test('at phone width the BOM tree and the PO form fit the screen', async ({ signIn }, testInfo) => {
  const page = await signIn('procurement');
  await page.goto('/bom');
  const root = page.getByRole('treeitem', { name: /^NODE-ONLINE-PHX1 — / });
  await root.getByRole('treeitem', { name: /^DGX-A100 — / }).click();
  await expect(page.getByRole('region', { name: 'DGX-A100' }).getByRole('textbox', { name: 'Lead time (days)' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('bom-tree-390.png'), fullPage: false });

  await page.goto('/purchase-orders/new');
  const form = page.getByRole('form', { name: 'New purchase order' });
  await form.getByRole('button', { name: 'Add line' }).click();
  await expect(form.getByRole('combobox', { name: 'Line 2 SKU' })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('po-form-390.png'), fullPage: true });
});
