import { expect, test } from '../fixtures/auth';
import { apiClient } from '../fixtures/api';
import { DEMO_EMAILS, signInThroughApi } from '../fixtures/auth';
import { WHATIF_PARAMS } from '../../lib/forecast/dashboard-options';
import { chart, engineForecast, fmt, mainGpuSupplier, openDashboard, uniqueScenarioName } from '../fixtures/dashboard';

test('an executive delays the main GPU supplier by 8 weeks, sees the ramp and deltas fall, saves it and opens its link in a fresh session', async ({ signIn, browser, baseURL }) => {
  test.setTimeout(420_000);
  const page = await signIn('executive');
  const supplier = await mainGpuSupplier(page.request);
  await openDashboard(page);
  const base = await engineForecast(page.request);

  const builder = page.getByRole('form', { name: 'Add a change to the what-if' });
  await builder.getByLabel('Change').selectOption({ label: 'Delay or pull in a supplier' });
  await builder.getByLabel('Supplier').selectOption(supplier);
  await builder.getByLabel('Direction').selectOption({ label: 'delay by' });
  await builder.getByLabel('Weeks').fill('8');
  await builder.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByRole('list', { name: 'Changes in this what-if' })).toContainText(`${supplier}: every open line delayed 8 weeks`);
  await page.getByRole('button', { name: 'Show the what-if' }).click();

  // The draft travels in the URL, and is drawn beside the plan on the same chart.
  await expect(page).toHaveURL(/adjustments=/);
  await expect(page.getByText(/What-if “draft \(not saved\)” drawn/)).toBeVisible({ timeout: 180_000 });
  await expect(chart(page).locator('[data-drawn="dashboard:whatif-drawn"]')).toBeAttached();
  await expect(chart(page).locator('.recharts-legend-wrapper')).toContainText('What-if: draft (not saved)');

  // The same what-if through the API as the page asks for it (quick tier, no expedite plans, the plan's dates):
  // the page's deltas are its numbers.
  const adjustments = JSON.stringify([{ kind: 'delaySupplier', supplier, days: 56 }]);
  const whatIf = await engineForecast(page.request, `?${new URLSearchParams({ ...WHATIF_PARAMS, planStart: base.planStart, horizonDays: String(base.horizonDays), adjustments })}`);
  expect(whatIf.gpuDays).toBeLessThan(base.gpuDays);
  const deltas = page.getByRole('table', { name: 'What the what-if changes against the plan' });
  const gpuDaysRow = deltas.getByRole('row', { name: /^GPU-days/ });
  await expect(gpuDaysRow).toContainText(`${fmt(whatIf.gpuDays)} (−${fmt(base.gpuDays - whatIf.gpuDays)})`);
  // The ramp never rises with the GPUs late: the table alternative's what-if column stays at or under the plan.
  await page.getByText('The chart as a table (weekly)').click();
  const rows = await page.getByRole('table', { name: 'GPUs online per week against the target' }).getByRole('row').all();
  let lower = 0;
  for (const row of rows.slice(1)) {
    const [plan, late] = (await row.getByRole('cell').allTextContents()).slice(1, 3).map((t) => Number(t.replace(/,/g, '')));
    expect(late!).toBeLessThanOrEqual(plan!);
    if (late! < plan!) lower += 1;
  }
  expect(lower).toBeGreaterThan(0);
  await expect(page.getByRole('group', { name: 'Milestones moved by draft (not saved)' })).toContainText('later');

  // Saved under a name: the page moves to its shareable URL.
  const name = uniqueScenarioName('gpu slip');
  await page.getByRole('form', { name: 'Save the what-if' }).getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save what-if' }).click();
  await expect(page).toHaveURL(new RegExp(`scenario=${encodeURIComponent(name).replace(/%20/g, '(\\+|%20)')}`));
  // The row whose Name cell is this name: another row's "Compare … with …" link names it too.
  const savedRow = page.getByRole('table', { name: 'Saved what-ifs' }).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(savedRow).toContainText(DEMO_EMAILS.executive);
  const shared = page.url();

  // A fresh session (another browser context, signed in anew) opens the link and sees the same what-if.
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await signInThroughApi(other.request, baseURL!, 'executive');
  await other.goto(shared);
  await expect(other.getByText(new RegExp(`What-if “${name}” drawn`))).toBeVisible({ timeout: 180_000 });
  await expect(other.getByRole('table', { name: 'What the what-if changes against the plan' }).getByRole('row', { name: /^GPU-days/ })).toContainText(
    `(−${fmt(base.gpuDays - whatIf.gpuDays)})`,
  );
  await fresh.close();

  // The data did not change: the plan is the same document.
  expect((await engineForecast(page.request)).inputVersion).toBe(base.inputVersion);
  // Clean up this spec's own scenario (its creator may delete it).
  const api = await apiClient('executive');
  expect((await api.delete(`/api/scenarios/${encodeURIComponent(name)}`)).status()).toBe(200);
  await api.dispose();
});

test('two saved what-ifs are compared on one chart, with a column of deltas each', async ({ signIn, baseURL }) => {
  test.setTimeout(420_000);
  const page = await signIn('procurement');
  const supplier = await mainGpuSupplier(page.request);
  const [a, b] = [uniqueScenarioName('late'), uniqueScenarioName('early')];
  for (const [name, days] of [
    [a, 56],
    [b, -28],
  ] as const) {
    const res = await page.request.post('/api/scenarios', { data: { name, adjustments: [{ kind: 'delaySupplier', supplier, days }] }, headers: { origin: baseURL! } });
    expect(res.status(), await res.text()).toBe(201);
  }
  await openDashboard(page, `?scenario=${encodeURIComponent(a)}&compare=${encodeURIComponent(b)}`);
  await expect(page.getByText(new RegExp(`What-if “${a}” drawn`))).toBeVisible({ timeout: 180_000 });
  await expect(page.getByText(new RegExp(`Comparison “${b}” drawn`))).toBeVisible({ timeout: 180_000 });
  const legend = chart(page).locator('.recharts-legend-wrapper');
  await expect(legend).toContainText(`What-if: ${a}`);
  await expect(legend).toContainText(`Compared with: ${b}`);
  const header = page.getByRole('table', { name: 'What the what-if changes against the plan' }).getByRole('row').first();
  await expect(header).toContainText(a);
  await expect(header).toContainText(b);
  await page.screenshot({ path: 'test-results/dashboard-comparison.png', fullPage: true });
  for (const name of [a, b]) expect((await page.request.delete(`/api/scenarios/${encodeURIComponent(name)}`, { headers: { origin: baseURL! } })).status()).toBe(200);
});

test("picking a PO line: while the supplier's lines load the list says so, and the change waits for a line", async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('executive');
  const supplier = await mainGpuSupplier(page.request);
  // The supplier's open lines held back until the check below has looked at the builder.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await openDashboard(page);
  await page.route('**/api/purchase-order-lines?*', async (route) => {
    await held;
    await route.continue();
  });
  const builder = page.getByRole('form', { name: 'Add a change to the what-if' });
  await builder.getByLabel('Change').selectOption({ label: 'Cancel a PO line' });
  await builder.getByLabel('Supplier').selectOption(supplier);
  const lineList = builder.getByLabel('PO line');
  await expect(lineList).toHaveAttribute('aria-busy', 'true');
  await expect(lineList.locator('option')).toHaveText(['loading the open lines…']);
  await builder.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByText("The supplier's open PO lines are still loading: pick one in a moment.")).toBeVisible();
  await expect(page.getByRole('list', { name: 'Changes in this what-if' })).toHaveCount(0);

  release();
  await expect(lineList).toHaveAttribute('aria-busy', 'false');
  const first = lineList.locator('option').first();
  await expect(first).toHaveText(new RegExp(`^PO-\\S+ line \\d+: `));
  const [poNumber, lineNo] = (await first.getAttribute('value'))!.split('/');
  await builder.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByRole('list', { name: 'Changes in this what-if' })).toContainText(`${supplier} ${poNumber} line ${lineNo} cancelled`);
  await expect(page.getByText("The supplier's open PO lines are still loading: pick one in a moment.")).toHaveCount(0);
});
