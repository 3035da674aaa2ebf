import { buildDemoData } from '../../lib/demo';
import { expect, test } from '../fixtures/auth';
import { demoAnchor } from '../../lib/demo';

// What the e2e server seeded, from the demo builder itself: the pages must show these.
const DEMO = buildDemoData(demoAnchor());

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

test('the items and bill-of-materials pages list every demo item and recipe', async ({ signIn }) => {
  // No spec creates items or recipes: the counts are the demo's own.
  const page = await signIn('executive');
  await page.goto('/items');
  await expect(page.getByText(`${DEMO.items.length} items:`)).toBeVisible();
  const items = page.getByRole('table', { name: 'Items' });
  await expect(items.getByRole('row')).toHaveCount(DEMO.items.length + 1);
  for (const item of DEMO.items) await expect(items.getByRole('cell', { name: item.sku!, exact: true })).toBeVisible();
  await page.goto('/bom');
  await expect(page.getByText(`${DEMO.recipes.length} recipes:`)).toBeVisible();
});

test('the purchase-order pages list every demo PO line, a hundred to a page', async ({ signIn }) => {
  // Other specs add lines of their own, so the page may list more than the demo: every demo line must be there.
  const page = await signIn('executive');
  await page.goto('/purchase-orders');
  const lede = await page.getByText(/\d+ lines, \d+ open/).textContent();
  const total = Number(/(\d+) lines/.exec(lede ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(DEMO['purchase-orders'].length);
  const pages = Math.ceil(total / 100);
  const listed = new Set<string>();
  for (let n = 1; n <= pages; n++) {
    await page.goto(`/purchase-orders?page=${n}`);
    const pager = page.getByRole('navigation', { name: 'Pages of purchase-order lines' }).first();
    await expect(pager).toContainText(`Page ${n} of ${pages}`);
    const rows = page.getByRole('table', { name: 'Purchase-order lines' }).getByRole('row');
    await expect(rows).toHaveCount(Math.min(100, total - (n - 1) * 100) + 1);
    for (const cells of await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim() ?? '')))) {
      listed.add(cells.join('/'));
    }
  }
  expect(listed.size).toBe(total);
  const missing = DEMO['purchase-orders'].map((l) => `${l.supplier}/${l.po_number}/${l.line}`).filter((key) => !listed.has(key));
  expect(missing).toEqual([]);
  // Past the last page, the page says so instead of showing page 1 again.
  await page.goto(`/purchase-orders?page=${pages + 1}`);
  await expect(page.getByText(`There is no page ${pages + 1}`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Purchase-order lines' })).toHaveCount(0);
});

test('an unknown address shows a not-found page that leads back', async ({ page }) => {
  // Public: no sign-in needed to be told a page does not exist.
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
