import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { columnTexts, dataRows, grid, header } from '../fixtures/tables';

// The PO-line grid sorted on several columns (shift-click), filtered and searched; all
// of it kept in the URL, so a reload (or a shared link) shows the same view.

test('PO lines sort on two columns, filter by status, and the view survives a reload', async ({ signIn }) => {
  const page = await signIn('procurement');
  const lines = await seedPurchaseOrder(page.request, 'grid-sort', [
    { promisedDate: '2033-03-08', qty: '24' },
    { promisedDate: '2033-03-01', qty: '8' },
    { promisedDate: '2033-03-08', qty: '16', status: 'received' },
    { promisedDate: '2033-03-15', qty: '8' },
  ]);
  const po = lines[0]!.poNumber;
  await page.goto(`/purchase-orders?poNumber=${po}`);
  const g = grid(page, 'Purchase-order lines');
  await expect(dataRows(g)).toHaveCount(4);
  // By promised date until told otherwise.
  await expect(header(g, 'Promised')).toHaveAttribute('aria-sort', 'ascending');
  expect(await columnTexts(g, 'Line')).toEqual(['2', '1', '3', '4']);

  await header(g, 'Qty').getByRole('button').click();
  await expect(header(g, 'Qty')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(g, 'Promised')).not.toHaveAttribute('aria-sort');
  await header(g, 'Promised').getByRole('button').click({ modifiers: ['Shift'] });
  await header(g, 'Promised').getByRole('button').click({ modifiers: ['Shift'] });
  await expect(header(g, 'Promised')).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=qty%3Aasc%2CpromisedDate%3Adesc/);
  await expect.poll(() => columnTexts(g, 'Line')).toEqual(['4', '2', '3', '1']);

  await page.getByText(/^Filters( \(\d\))?$/).click();
  await page.getByRole('form', { name: 'Filters' }).getByLabel('Status').selectOption('open');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=open/);
  await expect(dataRows(g)).toHaveCount(3);

  await page.reload();
  await expect(header(g, 'Qty')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(g, 'Promised')).toHaveAttribute('aria-sort', 'descending');
  expect(await columnTexts(g, 'Line')).toEqual(['4', '2', '1']);
  await expect(page.getByText('Filters (2)', { exact: true })).toBeVisible();
});

test('the global search finds lines by PO number, and the API gives the same rows for the same URL', async ({ signIn }) => {
  const page = await signIn('executive');
  const api = await signIn('procurement').then((p) => p.request);
  const lines = await seedPurchaseOrder(api, 'grid-search', [{ promisedDate: '2033-04-01' }, { promisedDate: '2033-04-02' }]);
  const po = lines[0]!.poNumber;
  await page.goto('/purchase-orders');
  await page.getByRole('searchbox', { name: /Search/ }).fill(po.toLowerCase());
  const g = grid(page, 'Purchase-order lines');
  await expect(dataRows(g)).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`q=${po.toLowerCase()}`));
  const search = new URL(page.url()).search;
  const body = (await (await page.request.get(`/api/purchase-order-lines${search}`)).json()) as { rows: { lineNo: number }[] };
  expect(body.rows.map((r) => String(r.lineNo))).toEqual(await columnTexts(g, 'Line'));
});
