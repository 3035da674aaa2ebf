import { expect, test } from '../fixtures/auth';
import { engineForecast, fmt, openDashboard } from '../fixtures/dashboard';

test('a gate opens down to its PO line and on to the procurement table filtered to it', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page);
  const f = await engineForecast(page.request);
  // The first PO-line gate the page lists: open it down to its line.
  const summary = page.getByRole('list', { name: 'Gates per month' }).locator('summary').filter({ hasText: 'PO line' }).first();
  await summary.click();
  const details = summary.locator('xpath=..');
  const cells = await details.getByRole('table', { name: 'PO line behind this gate' }).getByRole('row').nth(1).getByRole('cell').allTextContents();
  const [supplier, poNumber, lineNo, sku, promisedDate] = cells as [string, string, string, string, string];
  // It is a gate of the engine's own document, with that promised date.
  const gates = f.bottlenecks.flatMap((w) => w.gates.map((g) => g.gate));
  expect(gates).toContainEqual(expect.objectContaining({ kind: 'poLine', supplier, poNumber, lineNo: Number(lineNo), sku, promisedDate }));
  // Its promise history, from the line's own history API: first promised, and the slip since.
  const found = await page.request.get(`/api/purchase-order-lines?${new URLSearchParams({ sku, supplier, status: 'open', limit: '1000' })}`);
  const line = ((await found.json()) as { rows: { id: number; poNumber: string; lineNo: number }[] }).rows.find((r) => r.poNumber === poNumber && r.lineNo === Number(lineNo));
  expect(line).toBeDefined();
  const history = (await (await page.request.get(`/api/purchase-order-lines/${line!.id}/history`)).json()) as { line: { firstPromisedDate: string; slipDays: number } };
  expect(cells[5]).toBe(history.line.firstPromisedDate);
  const n = Math.abs(history.line.slipDays);
  expect(cells[6]).toBe(n === 0 ? 'none' : `${fmt(n)} day${n === 1 ? '' : 's'} ${history.line.slipDays > 0 ? 'later' : 'earlier'}`);
  const link = details.getByRole('link', { name: `Open ${supplier}’s open PO lines of ${sku} in the procurement table` });
  await expect(link).toHaveAttribute('href', `/purchase-orders?${new URLSearchParams({ sku, supplier, status: 'open' })}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/purchase-orders\\?sku=${sku}&supplier=${supplier}&status=open`));
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
  // The page reads the same parameters as the PO-line API (the procurement workspace's part): through them, the line is there.
  const listed = await page.request.get(`/api/purchase-order-lines?${new URLSearchParams({ sku, supplier, status: 'open', limit: '1000' })}`);
  expect(((await listed.json()) as { rows: { poNumber: string; lineNo: number }[] }).rows).toContainEqual(expect.objectContaining({ poNumber, lineNo: Number(lineNo) }));
});

test('per week, each period names its gates with their share', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page, '?period=week');
  const f = await engineForecast(page.request);
  const weeks = page.getByRole('list', { name: 'Gates per week' });
  const first = f.bottlenecks.find((w) => w.gates.some((g) => g.gpus > 0))!;
  await expect(weeks.getByRole('listitem').first()).toContainText(`week of ${first.weekStart}:`);
  await expect(weeks.getByRole('listitem').first()).toContainText(/gates [\d,]+ GPUs \(\d+ % of what was held back\)/);
});
