import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { grid } from '../fixtures/tables';

// Spreadsheet keys on the PO-line grid: arrows move the active cell, Enter edits, Esc
// cancels, Tab moves on, Space selects a row, Shift+arrows extend the selection.

test('arrows, Tab, Enter and Esc move through and edit cells; Space and Shift+arrows select rows', async ({ signIn }) => {
  const page = await signIn('procurement');
  const lines = await seedPurchaseOrder(page.request, 'grid-keys', [{ promisedDate: '2033-05-01' }, { promisedDate: '2033-05-02' }, { promisedDate: '2033-05-03' }]);
  await page.goto(`/purchase-orders?poNumber=${lines[0]!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  const first = g.getByRole('row').nth(1);
  await first.getByRole('gridcell', { name: 'NVIDIA', exact: true }).click();
  await expect(first.getByRole('gridcell', { name: 'NVIDIA', exact: true })).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(first.getByRole('gridcell', { name: lines[0]!.poNumber, exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = g.getByRole('row').nth(2);
  await expect(second.getByRole('gridcell', { name: lines[0]!.poNumber, exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(second.getByRole('gridcell', { name: '2', exact: true })).toBeFocused();

  // To the promised date (supplier, PO, line, SKU, item, qty, unit, promised): Enter edits, Esc cancels.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // (.first(): the first-promised column further right shows the same date.)
  await expect(second.getByRole('gridcell', { name: '2033-05-02', exact: true }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.getByLabel(`Promised of ${lines[1]!.key}`);
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('2033-05-02');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(second.getByRole('gridcell', { name: '2033-05-02', exact: true }).first()).toBeFocused();

  // A read-only cell does not open an editor.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('F2');
  await expect(page.getByLabel(`Unit of ${lines[1]!.key}`)).toHaveCount(0);

  await page.keyboard.press(' ');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('1 row selected');
  await page.keyboard.press(' ');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('2 rows selected');
});

test('an executive gets a read-only grid: no editor opens and no bulk actions appear', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/purchase-orders');
  const g = grid(page, 'Purchase-order lines');
  await expect(g).toHaveAttribute('aria-readonly', 'true');
  await g.getByRole('row').nth(1).getByRole('gridcell').nth(8).click();
  await page.keyboard.press('Enter');
  await expect(g.getByRole('textbox')).toHaveCount(0);
  await page.keyboard.press(' ');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveCount(0);
});

// Drawn rows are reused for the rows scrolled to (components/data-grid/grid-body.tsx): the focus and an
// open editor must still stay with their own row.
test('the focus follows the active cell down past the first screen, and an open editor keeps its draft while the grid scrolls', async ({ signIn }) => {
  const page = await signIn('procurement');
  await page.goto('/purchase-orders');
  const g = grid(page, 'Purchase-order lines');
  const cell = (row: number, col: number) => g.locator(`[role="row"][aria-rowindex="${row + 2}"] > [role="gridcell"][aria-colindex="${col + 2}"]`);
  await cell(0, 0).click();
  await expect(cell(0, 0)).toBeFocused();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  await expect(cell(40, 0)).toBeFocused();
  await expect(cell(40, 0)).toBeInViewport();

  // The promised date (supplier, PO, line, SKU, item, qty, unit, promised) of that row, edited and not yet saved.
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(cell(40, 7)).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = g.getByLabel(/^Promised of /);
  await expect(editor).toBeFocused();
  await editor.fill('2033-01-02');
  const top = await g.evaluate((el) => el.scrollTop);
  await g.evaluate((el) => el.scrollBy(0, 3 * 34));
  await expect.poll(() => g.evaluate((el) => el.scrollTop)).toBeGreaterThan(top);
  await expect(cell(40, 7).getByLabel(/^Promised of /)).toHaveValue('2033-01-02');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(cell(40, 7)).toBeFocused();
});
