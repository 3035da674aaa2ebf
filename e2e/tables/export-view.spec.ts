import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';

// "Download CSV" gives the rows of the view on screen (its filters and sort), exactly
// as the API's CSV export of the same query does.

test('Download CSV exports the current view, the same file the API gives', async ({ signIn }) => {
  const page = await signIn('procurement');
  const lines = await seedPurchaseOrder(page.request, 'grid-csv', [
    { promisedDate: '2033-06-01', qty: '5' },
    { promisedDate: '2033-06-02', qty: '50' },
    { promisedDate: '2033-06-03', qty: '500', status: 'cancelled' },
  ]);
  const po = lines[0]!.poNumber;
  await page.goto(`/purchase-orders?poNumber=${po}&status=open&sort=qty:desc`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('purchase-order-lines.csv');
  const fs = await import('node:fs/promises');
  const file = await fs.readFile((await download.path())!, 'utf8');
  const api = await page.request.get(`/api/purchase-order-lines?poNumber=${po}&status=open&sort=qty:desc&format=csv`);
  expect(file).toBe(await api.text());
  expect(file.trim().split('\r\n').map((l) => l.split(',')[6])).toEqual(['qty', '50', '5']);
});
