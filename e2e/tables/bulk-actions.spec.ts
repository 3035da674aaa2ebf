import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder, type SeededPoLine } from '../fixtures/seed';
import { dryRun, grid, linesOf, myChangeSets, rowOf } from '../fixtures/tables';

// Bulk actions on the selected PO lines, on the real change-set server: each is one
// change set, previewed (the diff row by row and the GPU-days sentence the server's own
// dry run gives) before it is committed; the API then shows every line changed by it.

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function select(page: import('@playwright/test').Page, lines: SeededPoLine[]) {
  const g = grid(page, 'Purchase-order lines');
  for (const l of lines) await g.getByRole('checkbox', { name: `Select ${l.key}`, exact: true }).check();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText(`${lines.length} rows selected`);
}

/**
 * The selection outlives a saved change set, but the bar leaves the page while the grid reloads the rows
 * (it counts the loaded selected rows), so `isVisible()` right after a save can miss it and leave the rows
 * selected for the next step. Wait for the bar to count them again, then clear it.
 */
async function clearSelection(page: import('@playwright/test').Page, count: number) {
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulk).toContainText(`${count} rows selected`);
  await bulk.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bulk).toBeHidden();
}

const diffRows = (dialog: import('@playwright/test').Locator) => dialog.getByRole('table', { name: 'Changes' }).locator('tbody tr');

test('a bulk shift by N days, a bulk status and a bulk delete: each one previewed change set', async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const lines = await seedPurchaseOrder(api, 'grid-bulk', [
    { promisedDate: '2033-09-01' },
    { promisedDate: '2033-09-10' },
    { promisedDate: '2033-09-20' },
    { promisedDate: '2033-09-30' },
  ]);
  const po = lines[0]!.poNumber;
  await page.goto(`/purchase-orders?poNumber=${po}`);
  const g = grid(page, 'Purchase-order lines');
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });

  // Shift three of the four lines by 12 days.
  const shifted = [lines[0]!, lines[1]!, lines[3]!];
  await select(page, shifted);
  await bulk.getByLabel('Shift promised by').fill('12');
  await bulk.getByRole('button', { name: 'Shift' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review 3 changes' });
  await expect(diffRows(dialog)).toHaveCount(3);
  for (const l of shifted) await expect(dialog.getByRole('row', { name: `${l.key} promised date ${l.promisedDate} ${addDays(l.promisedDate, 12)}` })).toBeVisible();
  const expected = await dryRun(
    api,
    shifted.map((l) => ({ entity: 'purchaseOrderLine', id: l.id, version: l.version, set: { promisedDate: addDays(l.promisedDate, 12) } })),
    'bulk',
  );
  expect(expected.summary).toMatch(/^Moving 3 lines' promised dates (costs [\d,]+ GPU-days|gains [\d,]+ GPU-days|leaves GPU-days unchanged)\.$/);
  await expect(dialog).toContainText(expected.summary);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const saved = page.getByRole('status').filter({ hasText: /^Saved: 3 rows changed \(change set (\d+)\)/ });
  await expect(saved).toBeVisible();
  const changeSetId = Number(/change set (\d+)/.exec((await saved.textContent())!)![1]);
  expect((await myChangeSets(api, 1))[0]).toMatchObject({ id: changeSetId, source: 'bulk', rowCount: 3 });
  let now = await linesOf(api, po);
  expect(now.map((l) => [l.lineNo, l.promisedDate, l.version])).toEqual(
    lines.map((l) => (shifted.includes(l) ? [l.lineNo, addDays(l.promisedDate, 12), l.version + 1] : [l.lineNo, l.promisedDate, l.version])),
  );
  await expect(rowOf(g, lines[3]!.key).getByRole('gridcell', { name: addDays(lines[3]!.promisedDate, 12), exact: true })).toBeVisible();
  await clearSelection(page, shifted.length);

  // Set the status of two lines.
  await select(page, [lines[1]!, lines[2]!]);
  await bulk.getByLabel('Set status').selectOption('cancelled');
  await bulk.getByRole('button', { name: 'Apply' }).click();
  const statusDialog = page.getByRole('dialog', { name: 'Review 2 changes' });
  await expect(diffRows(statusDialog)).toHaveCount(2);
  await expect(statusDialog.getByRole('row', { name: `${lines[1]!.key} status open cancelled` })).toBeVisible();
  await expect(statusDialog.getByRole('row', { name: `${lines[2]!.key} status open cancelled` })).toBeVisible();
  await statusDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(statusDialog).toBeHidden();
  now = await linesOf(api, po);
  expect(now.map((l) => l.status)).toEqual(['open', 'cancelled', 'cancelled', 'open']);
  await clearSelection(page, 2);

  // Delete two lines, after its preview.
  await select(page, [lines[0]!, lines[2]!]);
  await bulk.getByRole('button', { name: 'Delete selected' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Review 2 changes' });
  const deleted = [lines[0]!, lines[2]!];
  const deletion = await dryRun(api, deleted.map((l) => ({ entity: 'purchaseOrderLine', id: l.id, version: now.find((n) => n.id === l.id)!.version, op: 'delete' as const })), 'bulk');
  expect(deletion.summary).toMatch(/^Deleting 2 lines/);
  await expect(deleteDialog).toContainText(deletion.summary);
  // Every field of the two lines, from its value to nothing.
  await expect(diffRows(deleteDialog)).toHaveCount(deletion.diff.length);
  const shown = await diffRows(deleteDialog).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect([...new Set(shown.map((cells) => cells[0]))]).toEqual(deleted.map((l) => l.key));
  expect(shown.every((cells) => cells[1] === 'delete')).toBe(true);
  await deleteDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(deleteDialog).toBeHidden();
  expect((await linesOf(api, po)).map((l) => l.lineNo)).toEqual([2, 4]);
  await expect(rowOf(g, lines[0]!.key)).toHaveCount(0);
  await expect(rowOf(g, lines[1]!.key)).toBeVisible();
});
