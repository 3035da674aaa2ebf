import { expect, test } from '../fixtures/auth';
import { chart, engineForecast, openDashboard } from '../fixtures/dashboard';

test('the CSV export holds the same series as the JSON: date, GPUs online, the target in force and a column per site', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  const f = await engineForecast(page.request);
  const res = await page.request.get('/api/forecast?format=csv');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const lines = (await res.text()).trimEnd().split('\r\n');
  const sites = [...new Set(f.series.flatMap((p) => Object.keys(p.bySite)))].sort();
  expect(lines[0]).toBe(['date', 'gpus_online', 'target', ...sites].join(','));
  expect(lines).toHaveLength(f.series.length + 1);
  const targets = f.milestones.filter((m) => m.kind === 'target').sort((a, b) => a.targetDate!.localeCompare(b.targetDate!));
  f.series.forEach((p, i) => {
    const inForce = targets.filter((t) => t.targetDate! <= p.date).pop();
    expect(lines[i + 1]).toBe([p.date, p.gpusOnline, inForce ? inForce.gpusOnline : '', ...sites.map((s) => p.bySite[s] ?? 0)].join(','));
  });
  // The page's download link asks for the same document.
  await openDashboard(page);
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /\/api\/forecast\?.*format=csv/);
});

test('the chart downloads as SVG and PNG, drawn in the browser', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('gpu-ramp.svg');
  const text = await (await svg.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text).toContain('GPUs online against the target');
  expect(text).toContain('recharts-area');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('gpu-ramp.png');
  const bytes = await (await png.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  await expect(chart(page)).toBeVisible();
});

test('the print view prints to one landscape page with the headline, chart, gates and expedite list', async ({ signIn }) => {
  test.setTimeout(150_000);
  const page = await signIn('executive');
  await openDashboard(page);
  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveURL(/\/dashboard\/print/);
  const sheet = page.getByRole('article', { name: 'Dashboard for print' });
  await expect(sheet.locator('[data-drawn="print:chart-drawn"]')).toBeAttached({ timeout: 60_000 });
  await expect(sheet.getByRole('heading', { name: 'What gates the ramp' })).toBeVisible();
  await expect(sheet.getByRole('heading', { name: /^To hit the target/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-print.png', fullPage: true });
  for (const format of ['A4', 'Letter'] as const) {
    // Kept as artifacts (test-results/dashboard-print-A4.pdf, …-Letter.pdf) to look at.
    const pdf = await page.pdf({ format, landscape: true, printBackground: true, path: `test-results/dashboard-print-${format}.pdf` });
    // Each page of a PDF is one "/Type /Page" object (the page tree is "/Type /Pages").
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages, `${format} pages`).toHaveLength(1);
  }
});
