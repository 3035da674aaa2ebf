import type { Route } from '@playwright/test';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { grid } from '../fixtures/tables';

// A bulk shift of the selected rows and a block pasted from a spreadsheet, each one
// change set previewed before anything is saved. /api/changes answers as the contract
// says (played by the browser until the change-set server is merged); the spec checks
// what the grid sends and shows.

interface Sent {
  changes: { entity: string; id: number; version: number; set: Record<string, string> }[];
  dryRun: boolean;
  source: string;
}

async function previewOnly(page: import('@playwright/test').Page, sent: Sent[]) {
  await page.route('**/api/changes', (route: Route) => {
    const body = route.request().postDataJSON() as Sent;
    sent.push(body);
    const diff = body.changes.map((c, index) => ({
      index,
      entity: c.entity,
      id: c.id,
      label: `line ${c.id}`,
      op: 'update',
      fields: Object.entries(c.set).map(([field, after]) => ({ field, before: 'was', after })),
    }));
    return route.fulfill({ json: { errors: [], diff, conflicts: [], forecast: null, summary: `Moving ${body.changes.length} lines.` } });
  });
}

test('a bulk shift of the selected rows by 7 days is one previewed change set', async ({ signIn }) => {
  const page = await signIn('procurement');
  const lines = await seedPurchaseOrder(page.request, 'grid-bulk', [{ promisedDate: '2033-09-01' }, { promisedDate: '2033-09-28' }, { promisedDate: '2033-09-30' }]);
  const sent: Sent[] = [];
  await previewOnly(page, sent);
  await page.goto(`/purchase-orders?poNumber=${lines[0]!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  await g.getByRole('checkbox', { name: `Select ${lines[0]!.key}` }).check();
  await g.getByRole('checkbox', { name: `Select ${lines[2]!.key}` }).check();
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 rows selected');
  await bulk.getByLabel('Shift promised by').fill('7');
  await bulk.getByRole('button', { name: 'Shift' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review 2 changes' });
  await expect(dialog).toContainText('Moving 2 lines.');
  expect(sent).toEqual([
    {
      dryRun: true,
      source: 'bulk',
      changes: [
        { entity: 'purchaseOrderLine', id: lines[0]!.id, version: lines[0]!.version, set: { promisedDate: '2033-09-08' } },
        { entity: 'purchaseOrderLine', id: lines[2]!.id, version: lines[2]!.version, set: { promisedDate: '2033-10-07' } },
      ],
    },
  ]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a block pasted from a spreadsheet fills the cells from the active one down, as one previewed change set', async ({ signIn }) => {
  const page = await signIn('procurement');
  const lines = await seedPurchaseOrder(page.request, 'grid-paste', [
    { promisedDate: '2033-10-01', qty: '1' },
    { promisedDate: '2033-10-02', qty: '2' },
  ]);
  const sent: Sent[] = [];
  await previewOnly(page, sent);
  await page.goto(`/purchase-orders?poNumber=${lines[0]!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  const qty = g.getByRole('gridcell', { name: '1', exact: true }).last();
  await qty.click();
  // Qty, Unit, Promised: two rows of three cells (the unit is read-only and named as such).
  await qty.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', '10\tea\t2033-11-01\n20\tea\t2033-11-02\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const dialog = page.getByRole('dialog', { name: 'Review 2 changes' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Values refused' })).toContainText('Unit: cannot be edited here');
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  // Refused values are named and nothing is sent until they are fixed.
  expect(sent).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Without the read-only column, the block goes through to its preview.
  await qty.click();
  await qty.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', '10\n20\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('dialog', { name: 'Review 2 changes' })).toContainText('Moving 2 lines.');
  expect(sent.map((s) => [s.source, s.changes.map((c) => [c.id, c.set])])).toEqual([
    [
      'paste',
      [
        [lines[0]!.id, { qty: '10' }],
        [lines[1]!.id, { qty: '20' }],
      ],
    ],
  ]);
});
