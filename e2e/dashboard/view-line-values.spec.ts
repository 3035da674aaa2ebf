import type { Forecast, PoLineValue } from '../../lib/capacity';
import { expect, test } from '../fixtures/auth';
import { engineForecast, fmt, openDashboard } from '../fixtures/dashboard';

const key = (v: { supplier: string; poNumber: string; lineNo: number | string }) => `${v.supplier} · ${v.poNumber} · ${v.lineNo}`;
// The order the section promises: GPU-days lost per week late, then gained per week early, then the earlier promise.
const topByLoss = (values: PoLineValue[], n: number) =>
  [...values]
    .sort((a, b) => b.gpuDaysLostPerWeekSlip - a.gpuDaysLostPerWeekSlip || b.gpuDaysGainedPerWeekPullIn - a.gpuDaysGainedPerWeekPullIn || a.promisedDate.localeCompare(b.promisedDate))
    .slice(0, n);
const worth = (gpuDays: number, exact: boolean) => `${fmt(gpuDays)} ${exact ? 'exact' : 'estimate'}`;

test('the PO lines with the most GPU-days at stake per week of slip are the engine’s line values, each marked exact or estimate', async ({ signIn }) => {
  test.setTimeout(300_000);
  const page = await signIn('executive');
  // The plan's line values as the API serves them; the dashboard reads the same stored document.
  const f = (await engineForecast(page.request, '?include=lineValues')) as Forecast & { poLineValues: PoLineValue[]; poLineValuesNote: string };
  expect(Array.isArray(f.poLineValues)).toBe(true);
  await openDashboard(page);
  const section = page.getByRole('region', { name: 'PO lines with the most at stake' });
  const table = section.getByRole('table', { name: 'PO lines by GPU-days at stake per week of slip' });
  // A person may open the page before the values are stored: the section fills in by itself.
  await expect(table).toBeVisible({ timeout: 120_000 });
  // Only lines whose week late or early changes anything are at stake.
  const top = topByLoss(f.poLineValues.filter((v) => v.gpuDaysLostPerWeekSlip > 0 || v.gpuDaysGainedPerWeekPullIn > 0), 10);
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(top.length + 1);
  for (const [i, v] of top.entries()) {
    const cells = rows.nth(i + 1).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(key(v));
    await expect(cells.nth(2)).toHaveText(v.promisedDate);
    await expect(cells.nth(3)).toHaveText(fmt(v.gatesGpus));
    await expect(cells.nth(4)).toHaveText(worth(v.gpuDaysLostPerWeekSlip, v.slipExact));
    await expect(cells.nth(5)).toHaveText(worth(v.gpuDaysGainedPerWeekPullIn, v.exact));
  }
  const exact = f.poLineValues.filter((v) => v.exact).length;
  const slipExact = f.poLineValues.filter((v) => v.slipExact).length;
  await expect(section).toContainText(`(the slip of ${fmt(slipExact)} of ${fmt(f.poLineValues.length)} open lines, both ways ${fmt(exact)})`);
  await section.getByText('How these were computed').click();
  await expect(section).toContainText(f.poLineValuesNote);

  // The next deliveries carry the same line's worth beside what it gates.
  const byLine = new Map(f.poLineValues.map((v) => [key(v), v]));
  const deliveries = page.getByRole('table', { name: 'The next deliveries and what they unlock' });
  const delivered = deliveries.getByRole('row');
  const n = await delivered.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 1; i < n; i++) {
    const cells = delivered.nth(i).getByRole('cell');
    const v = byLine.get((await cells.nth(1).textContent())!.trim());
    await expect(cells.nth(5)).toHaveText(v ? worth(v.gpuDaysLostPerWeekSlip, v.slipExact) : '—');
  }
});

test('the page sends the browser what it draws: no pegging, schedule, shortages, line values or spelled-out expedite plans in its payload', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page);
  const html = await (await page.request.get('/dashboard')).text();
  // The React Server Components payload, as the page streams it (JSON strings pushed onto self.__next_f):
  // client components' props are serialised there; the server-rendered parts arrive as elements.
  const payload = [...html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)]
    .map((m) => JSON.parse(m[1]!) as [number, string?])
    .map((c) => c[1] ?? '')
    .join('');
  expect(payload.length).toBeGreaterThan(0);
  for (const field of ['"pegging"', '"builds"', '"shortages"', '"bottlenecks"', '"poLineValues"', '"warnings"', '"gates"']) expect(payload, field).not.toContain(`${field}:`);
  // "Apply as a what-if" links name their target, not the whole plan: no adjustments are spelled out in the page.
  expect(payload).not.toContain('%22kind%22');
  // What it draws is there: the ramp's daily points.
  const f = await engineForecast(page.request);
  expect(payload).toContain(`"gpusOnline":${f.series[f.series.length - 1]!.gpusOnline}`);
});
