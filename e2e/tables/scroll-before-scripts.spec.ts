import { expect, signInThroughApi, test } from '../fixtures/auth';

test('a scroll made before the page’s scripts have run is kept when they do: the grid draws the rows scrolled to', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ baseURL });
  try {
    await signInThroughApi(context.request, baseURL!, 'procurement');
    // The app's scripts held back until the person has scrolled the rows the server drew.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await context.route(
      (url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const page = await context.newPage();
    await page.goto('/purchase-orders', { waitUntil: 'commit' });
    const grid = page.getByRole('grid', { name: 'Purchase-order lines' });
    await expect(grid).toHaveAttribute('aria-rowcount', /^\d+$/);
    const total = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(100);
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const scrolled = await grid.evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);

    // The scripts arrive, the grid takes over its scroller: the view stays at the end and its rows are drawn.
    release();
    await expect(grid.locator(`[role="row"][aria-rowindex="${total + 1}"]`).getByRole('gridcell').nth(1)).toHaveText(/\S/, { timeout: 60_000 });
    expect(await grid.evaluate((el) => el.scrollTop)).toBe(scrolled);
  } finally {
    await context.close();
  }
});
