import { expect, test } from '../fixtures/auth';
import { grid } from '../fixtures/tables';

// At 390 px the navigation is a top bar and a table scrolls sideways inside its box
// with its key column pinned, so a row stays recognisable.

test.use({ viewport: { width: 390, height: 844 } });

test('at phone width the shell fits and the PO grid scrolls sideways with the supplier and PO columns pinned', async ({ signIn }) => {
  const page = await signIn('procurement');
  await page.goto('/purchase-orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Purchase orders' })).toBeVisible();
  // Nothing but the grid's own box scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const g = grid(page, 'Purchase-order lines');
  const po = g.getByRole('row').nth(1).getByRole('gridcell').nth(2);
  await expect(po).toHaveText(/^PO-/);
  const x = (await po.boundingBox())!.x;
  await g.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect.poll(() => g.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
  // The last column came into view while the pinned supplier and PO columns stayed where they were.
  const headers = await g.getByRole('columnheader').allTextContents();
  const last = headers.findIndex((h) => h.trim() === 'GPU-days / week pulled in');
  expect(last, headers.join(' | ')).toBeGreaterThan(9);
  await expect(g.getByRole('row').nth(1).getByRole('gridcell').nth(last)).toBeInViewport();
  expect(Math.round((await po.boundingBox())!.x)).toBe(Math.round(x));
});
