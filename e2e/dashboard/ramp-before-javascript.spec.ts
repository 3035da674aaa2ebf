import { expect, signInThroughApi, test } from '../fixtures/auth';
import { chart, engineForecast, openDashboard } from '../fixtures/dashboard';

test('the ramp is on screen from the page’s HTML, before the app’s JavaScript has loaded, and the chart takes its place once it has', async ({ browser, baseURL, signIn }) => {
  test.setTimeout(150_000);
  // Signed in first with everything loaded (the dashboard's forecast is then computed and stored).
  const page = await signIn('executive');
  await openDashboard(page);
  const f = await engineForecast(page.request);

  // The same person in a browser whose download of the app's JavaScript never finishes: what the HTML alone shows.
  const context = await browser.newContext({ baseURL });
  try {
    await signInThroughApi(context.request, baseURL!, 'executive');
    // Its scripts only (the styles are chunks too, and arrive).
    await context.route((url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'), (route) => route.abort());
    const bare = await context.newPage();
    await bare.goto('/dashboard');
    await expect(bare.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const sketch = bare.locator('[data-sketch="ramp"]');
    await expect(sketch).toBeVisible();
    await expect(sketch).toContainText('Plan (today’s data)');
    await expect(sketch).toContainText('Target');
    // Drawn, not an empty box: the plan's area and line and the target's steps, with the first month on its axis.
    await expect(sketch.locator('svg path')).toHaveCount(3);
    await expect(sketch).toContainText(f.planStart.slice(0, 7));
    const box = await sketch.locator('.ramp-sketch-plot').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
    // Marked once, when shown (what bench:dashboard reads); no interactive chart without the JavaScript.
    await expect.poll(() => bare.evaluate(() => performance.getEntriesByName('dashboard:chart-drawn').length)).toBe(1);
    await expect(bare.locator('.recharts-wrapper svg')).toHaveCount(0);
    // The text summary is there for anyone without the picture, with the engine's numbers.
    await expect(bare.locator('#ramp-summary')).toContainText(`${f.series[f.series.length - 1]!.gpusOnline.toLocaleString('en-US')} by`);
  } finally {
    await context.close();
  }

  // With the JavaScript, the interactive chart replaces it once it has drawn.
  await expect(chart(page).locator('.recharts-wrapper > svg .recharts-area').first()).toBeVisible();
  await expect(chart(page).locator('[data-sketch="ramp"]')).toHaveCount(0);
});
