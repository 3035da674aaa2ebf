import { expect, test } from '../fixtures/auth';

// Each workspace page lists the demo build-out's real rows (seeded by the e2e server).
const PAGES = [
  { nav: 'Items', heading: 'Items', row: 'A100-SXM4-80G' },
  { nav: 'Bill of materials', heading: 'Bill of materials', row: 'DGX-A100' },
  { nav: 'Inventory', heading: 'Inventory', row: 'A100-SXM4-80G' },
  { nav: 'Purchase orders', heading: 'Purchase orders', row: 'NVIDIA' },
  { nav: 'Imports', heading: 'Imports', row: 'demo-purchase-orders.csv' },
] as const;

test('the navigation reaches every workspace page and each shows demo rows', async ({ signIn }) => {
  const page = await signIn('executive');
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const p of PAGES) {
    await nav.getByRole('link', { name: p.nav, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: p.heading })).toBeVisible();
    await expect(nav.getByRole('link', { name: p.nav, exact: true })).toHaveAttribute('aria-current', 'page');
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: p.row }).first()).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  }
  expect(consoleErrors).toEqual([]);
});

test('the purchase-order page lists every demo PO line', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/purchase-orders');
  const lede = await page.getByText(/\d+ lines, \d+ open/).textContent();
  const total = Number(/(\d+) lines/.exec(lede ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(150);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(total + 1);
});

test('an unknown address shows a not-found page that leads back', async ({ page }) => {
  // Public: no sign-in needed to be told a page does not exist.
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
