import { expect, test } from '../fixtures/auth';
import { chart, engineForecast, fmt, openDashboard } from '../fixtures/dashboard';

test('the dashboard’s headline, targets and GPU-days equal the engine’s JSON for the same data', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page);
  // The same data, read back as the engine's document (the dashboard serves the stored proven forecast).
  const f = await engineForecast(page.request);
  const cards = page.getByRole('region', { name: 'Headline figures' });
  await expect(cards.getByRole('group', { name: 'GPU-days' }).locator('.value')).toHaveText(fmt(f.gpuDays));
  const today = f.series[0]!;
  await expect(cards.getByRole('group', { name: 'GPUs online today' })).toContainText(today.date);
  await expect(cards.getByRole('group', { name: 'GPUs online today' }).locator('.value')).toHaveText(fmt(today.gpusOnline));

  const byDate = new Map(f.series.map((p) => [p.date, p.gpusOnline]));
  const next = f.milestones.find((m) => m.kind === 'target' && m.targetDate! >= today.date && byDate.has(m.targetDate!));
  expect(next, 'the demo has a target inside the horizon').toBeDefined();
  const nextCard = cards.getByRole('group', { name: 'Next target' });
  await expect(nextCard).toContainText(next!.targetDate!);
  await expect(nextCard.locator('.value')).toContainText(`${fmt(byDate.get(next!.targetDate!)!)} of ${fmt(next!.gpusOnline)} GPUs`);
  const gap = byDate.get(next!.targetDate!)! - next!.gpusOnline;
  await expect(nextCard).toContainText(gap >= 0 ? `on track (${fmt(gap)} GPUs ahead)` : `${fmt(-gap)} GPUs short`);

  // Each target row: the forecast on its date, from the same document.
  const targets = page.getByRole('table', { name: 'Targets against the forecast' });
  for (const m of f.milestones.filter((x) => x.kind === 'target' && byDate.has(x.targetDate!))) {
    await expect(targets.getByRole('row', { name: new RegExp(`^${m.targetDate}`) })).toContainText(fmt(byDate.get(m.targetDate!)!));
  }
  // The levels reached, in words.
  for (const l of f.milestones.filter((x) => x.kind === 'level' && x.date !== null && x.gpusOnline >= 1000)) {
    await expect(page.getByLabel('Levels reached')).toContainText(`${fmt(l.gpusOnline)} GPUs on ${l.date}`);
  }
  // The optimality badge in board words, and GPU-days explained.
  await expect(page.getByText(f.optimality.status === 'optimal' ? 'the best plan possible with today’s supply' : /within [\d.]+ % of the best possible/)).toBeVisible();
  await expect(page.getByText(/^GPU-days add up the GPUs online on every day of the plan/)).toBeVisible();

  // The chart's table alternative holds the same numbers, week by week.
  await page.getByText('The chart as a table (weekly)').click();
  const table = page.getByRole('table', { name: 'GPUs online per week against the target' });
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow).toContainText(today.date);
  await expect(firstRow.getByRole('cell').nth(1)).toHaveText(fmt(today.gpusOnline));
  const last = f.series[f.series.length - 1]!;
  await expect(table.getByRole('row').last().getByRole('cell').nth(1)).toHaveText(fmt(last.gpusOnline));
  await expect(chart(page).locator('figcaption')).toContainText(`${fmt(last.gpusOnline)} by ${last.date}`);
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
});

test('hovering the ramp shows the date, GPUs online, the target and what gates that week', async ({ signIn }) => {
  test.setTimeout(120_000);
  const page = await signIn('executive');
  await openDashboard(page);
  const f = await engineForecast(page.request);
  const surface = chart(page).locator('.recharts-wrapper > svg');
  const box = (await surface.boundingBox())!;
  // Move across the plot until the tooltip names a gate (most weeks of the demo have one).
  const tooltip = page.locator('.ramp-tooltip');
  let gated = false;
  for (let x = box.x + box.width * 0.3; x < box.x + box.width - 20 && !gated; x += box.width / 12) {
    await page.mouse.move(x, box.y + box.height / 2);
    await expect(tooltip).toBeVisible();
    gated = (await tooltip.textContent())!.includes('Gated that week by');
  }
  expect(gated).toBe(true);
  const text = (await tooltip.textContent())!;
  const date = /\d{4}-\d{2}-\d{2}/.exec(text)![0];
  const point = f.series.find((p) => p.date === date)!;
  expect(text).toContain(`GPUs online: ${fmt(point.gpusOnline)}`);
  expect(text).toMatch(/Target: ([\d,]+|none yet)/);
  const week = f.bottlenecks.find((w) => w.weekStart <= date && date < new Date(Date.parse(`${w.weekStart}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
  expect(week, `a bottleneck week holds ${date}`).toBeDefined();
  // The gates named are that week's, from the engine's bottlenecks.
  const gatesText = text.slice(text.indexOf('Gated that week by'));
  expect(week!.gates.some((g) => gatesText.includes(g.gate.sku))).toBe(true);
});

test('on a 390 px phone the chart is drawn at full height, the page never scrolls sideways and the what-if builder fits', async ({ signIn }) => {
  test.setTimeout(120_000);
  const page = await signIn('executive');
  await page.setViewportSize({ width: 390, height: 844 });
  await openDashboard(page);
  const box = (await chart(page).locator('.recharts-wrapper > svg').boundingBox())!;
  expect(box.height).toBeGreaterThan(250);
  expect(box.width).toBeGreaterThan(250);
  // Wide tables scroll inside their own boxes; the page itself is no wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const builder = page.getByRole('form', { name: 'Add a change to the what-if' });
  for (const control of [builder.getByLabel('Change'), builder.getByRole('button', { name: 'Add change' }), page.getByRole('button', { name: 'Show the what-if' })]) {
    await control.scrollIntoViewIfNeeded();
    const b = (await control.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
  }
  await chart(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/dashboard-phone.png', fullPage: false });
});
