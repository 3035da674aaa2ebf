import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { grid, linesOf, myChangeSets, pasteInto, rowOf } from '../fixtures/tables';

// A block copied from a spreadsheet (several rows, two columns: Promised and Status)
// pasted on the active cell, on the real change-set server: one change set, previewed,
// committed, and listed so by the API. A block with a bad value names its row and column
// and writes nothing.

test('a pasted block of rows and columns is previewed and committed as one change set', async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const lines = await seedPurchaseOrder(api, 'grid-paste', [
    { promisedDate: '2033-10-01', qty: '1' },
    { promisedDate: '2033-10-02', qty: '2' },
    { promisedDate: '2033-10-03', qty: '3' },
  ]);
  const po = lines[0]!.poNumber;
  await page.goto(`/purchase-orders?poNumber=${po}`);
  const g = grid(page, 'Purchase-order lines');
  const start = rowOf(g, lines[0]!.key).getByRole('gridcell', { name: '2033-10-01', exact: true }).first();
  await start.click();
  await pasteInto(start, '2033-11-01\tcancelled\r\n2033-11-02\tcancelled\r\n2033-11-03\topen\r\n');

  const dialog = page.getByRole('dialog', { name: 'Review 3 changes' });
  await expect(dialog.getByRole('table', { name: 'Changes' }).locator('tbody tr')).toHaveCount(5);
  await expect(dialog.getByRole('row', { name: `${lines[0]!.key} promised date 2033-10-01 2033-11-01` })).toBeVisible();
  await expect(dialog.getByRole('row', { name: `${lines[0]!.key} status open cancelled` })).toBeVisible();
  await expect(dialog.getByRole('row', { name: `${lines[1]!.key} status open cancelled` })).toBeVisible();
  await expect(dialog.getByRole('row', { name: `${lines[2]!.key} promised date 2033-10-03 2033-11-03` })).toBeVisible();
  await expect(dialog).toContainText(/GPU-days/);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Saved: 3 rows changed/ })).toBeVisible();

  expect((await linesOf(api, po)).map((l) => [l.lineNo, l.promisedDate, l.status, l.qty, l.version])).toEqual([
    [1, '2033-11-01', 'cancelled', lines[0]!.qty, lines[0]!.version + 1],
    [2, '2033-11-02', 'cancelled', lines[1]!.qty, lines[1]!.version + 1],
    [3, '2033-11-03', 'open', lines[2]!.qty, lines[2]!.version + 1],
  ]);
  expect((await myChangeSets(api, 1))[0]).toMatchObject({ source: 'paste', rowCount: 3 });
});

test('a pasted block with a bad value names its row and column, and nothing is committed', async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const lines = await seedPurchaseOrder(api, 'grid-paste-bad', [
    { promisedDate: '2033-10-01', qty: '1' },
    { promisedDate: '2033-10-02', qty: '2' },
  ]);
  const po = lines[0]!.poNumber;
  const before = await linesOf(api, po);
  const newestBefore = (await myChangeSets(api, 1))[0]?.id ?? 0;
  await page.goto(`/purchase-orders?poNumber=${po}`);
  const g = grid(page, 'Purchase-order lines');
  const start = rowOf(g, lines[0]!.key).getByRole('gridcell', { name: '2033-10-01', exact: true }).first();
  await start.click();
  // The second row's date does not exist.
  await pasteInto(start, '2033-11-01\topen\n2033-02-30\tcancelled\n');

  const dialog = page.getByRole('dialog', { name: /^Review \d+ changes?$/ });
  const refused = dialog.getByRole('region', { name: 'Values refused' });
  await expect(refused).toContainText(`${lines[1]!.key} Promised:`);
  await expect(refused.getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  expect(await linesOf(api, po)).toEqual(before);
  expect((await myChangeSets(api, 1))[0]?.id ?? 0).toBe(newestBefore);
});
