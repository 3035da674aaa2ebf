import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { columnTexts, grid } from '../fixtures/tables';

// The forecast in context: each PO line's GPUs gated and GPU-days at stake per week of slip
// come from the baseline forecast with line values, the very document
// `GET /api/forecast?include=lineValues` serves (read from it, never written down here).

interface LineValue {
  supplier: string;
  poNumber: string;
  lineNo: number;
  gatesGpus: number;
  gpuDaysLostPerWeekSlip: number;
  gpuDaysGainedPerWeekPullIn: number;
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const num = (text: string) => Number(text.replace(/,/g, ''));

test('a seeded line shows the GPUs it gates and its GPU-days per week of slip and pull-in as the forecast API values it', async ({ signIn }) => {
  test.setTimeout(240_000);
  const page = await signIn('procurement');
  const [line] = await seedPurchaseOrder(page.request, 'line-values', [{ promisedDate: inDays(45), qty: '64' }]);
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  const note = page.locator('[data-line-values]');

  // Until the background forecast is stored for the data as it is now, the page says so; then the grid's
  // values are that forecast's, the same one the API serves for these inputs.
  await expect(async () => {
    await page.reload();
    await expect(note).toHaveAttribute('data-line-values', 'current', { timeout: 1_000 });
    const res = await page.request.get('/api/forecast?include=lineValues');
    expect(res.status()).toBe(200);
    const forecast = (await res.json()) as { inputVersion: string; poLineValues: LineValue[] };
    expect(await note.getAttribute('data-input-version')).toBe(forecast.inputVersion);
    const value = forecast.poLineValues.find((v) => v.supplier === line!.supplier && v.poNumber === line!.poNumber && v.lineNo === line!.lineNo);
    expect(value, 'the seeded open line is valued').toBeDefined();
    await expect(g.getByRole('row')).toHaveCount(2);
    expect((await columnTexts(g, 'GPUs gated')).map(num)).toEqual([value!.gatesGpus]);
    expect((await columnTexts(g, 'GPU-days / week slip')).map(num)).toEqual([value!.gpuDaysLostPerWeekSlip]);
    expect((await columnTexts(g, 'GPU-days / week pulled in')).map(num)).toEqual([value!.gpuDaysGainedPerWeekPullIn]);
  }).toPass({ timeout: 200_000, intervals: [2_000, 5_000] });
});

test('sorting by GPU-days per week of slip puts the lines that matter first, unvalued lines last', async ({ signIn }) => {
  const page = await signIn('procurement');
  const lines = await seedPurchaseOrder(page.request, 'line-values-sort', [
    { promisedDate: inDays(40), qty: '8' },
    { promisedDate: inDays(50), qty: '8', status: 'cancelled' },
  ]);
  await page.goto(`/purchase-orders?sort=gpuDaysPerWeekSlip:desc`);
  const g = grid(page, 'Purchase-order lines');
  await expect(g.getByRole('columnheader', { name: 'GPU-days / week slip' })).toHaveAttribute('aria-sort', 'descending');
  const cancelled = await page.request.get(`/api/purchase-order-lines?poNumber=${lines[1]!.poNumber}&status=cancelled`);
  expect(((await cancelled.json()) as { rows: { gpuDaysPerWeekSlip: string | null }[] }).rows).toEqual([expect.objectContaining({ gpuDaysPerWeekSlip: null })]);
  // The API's order is the grid's: descending, blanks (the cancelled line, or every line while computing) last.
  // The background forecast may store new values meanwhile: read both again until they are of the same values.
  await expect(async () => {
    await page.reload();
    const res = await page.request.get(`/api/purchase-order-lines?sort=gpuDaysPerWeekSlip:desc&limit=1000`);
    const { rows } = (await res.json()) as { rows: { gpuDaysPerWeekSlip: string | null }[] };
    const values = rows.map((r) => r.gpuDaysPerWeekSlip);
    const firstBlank = values.indexOf(null);
    const valued = (firstBlank < 0 ? values : values.slice(0, firstBlank)).map(Number);
    expect(valued).toEqual([...valued].sort((a, b) => b - a));
    if (firstBlank >= 0) expect(values.slice(firstBlank).every((v) => v === null)).toBe(true);
    await expect(g.getByRole('row').nth(5)).toBeVisible({ timeout: 2_000 });
    const shown = (await columnTexts(g, 'GPU-days / week slip')).slice(0, 5);
    expect(shown.map((t) => (t === '' ? null : num(t)))).toEqual(values.slice(0, 5).map((v) => (v === null ? null : Number(v))));
  }).toPass({ timeout: 60_000, intervals: [1_000, 3_000] });
});

test('"Lines that matter first" sorts the grid already on screen by GPU-days per week of slip', async ({ signIn }) => {
  test.setTimeout(240_000);
  const page = await signIn('procurement');
  await seedPurchaseOrder(page.request, 'line-values-link', [{ promisedDate: inDays(30), qty: '16' }]);
  const g = grid(page, 'Purchase-order lines');
  const slip = g.getByRole('columnheader', { name: 'GPU-days / week slip' });
  const link = page.getByRole('link', { name: 'Lines that matter first' });
  // The link is offered once the line values are stored (the background forecast may still be computing them).
  await expect(async () => {
    await page.goto('/purchase-orders');
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 200_000, intervals: [2_000, 5_000] });
  const promised = g.getByRole('columnheader', { name: 'Promised', exact: true });
  await expect(promised).toHaveAttribute('aria-sort', 'ascending');
  await expect(slip).not.toHaveAttribute('aria-sort', /ascending|descending/);

  // Followed within the page (no reload): the grid on screen takes the link's sort, and the URL keeps it.
  // The sorted column sits far to the right: before the link it is scrolled out of the grid's view, after it
  // the grid has brought it into view, so its arrow is on screen.
  await expect(slip).not.toBeInViewport();
  await link.click();
  await expect(slip).toHaveAttribute('aria-sort', 'descending');
  await expect(slip).toBeInViewport({ ratio: 0.9 });
  await expect(promised).not.toHaveAttribute('aria-sort', /ascending|descending/);
  await expect(page).toHaveURL(/[?&]sort=gpuDaysPerWeekSlip(:|%3A)desc/);
  await expect(async () => {
    const res = await page.request.get('/api/purchase-order-lines?sort=gpuDaysPerWeekSlip:desc&limit=5');
    const { rows } = (await res.json()) as { rows: { supplier: string; poNumber: string; lineNo: number }[] };
    const firstRows = await g.getByRole('row').evaluateAll((els) => els.slice(1, 6).map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ')));
    expect(firstRows).toHaveLength(rows.length);
    rows.forEach((r, i) => expect(firstRows[i]).toContain(`${r.supplier} ${r.poNumber} ${r.lineNo}`));
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
});
