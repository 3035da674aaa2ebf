import { buildDemoData } from '../../lib/demo';
import { expect, test } from '../fixtures/auth';
import { demoAnchor } from '../../lib/demo';

// What the e2e server seeded, from the demo builder itself: the pages must show these.
const DEMO = buildDemoData(demoAnchor());

// Each workspace page lists the demo build-out's real rows (seeded by the e2e server).
const PAGES = [
  { nav: 'Items', heading: 'Items', row: 'A100-SXM4-80G' },
  // The BOM opens on its tree; its lines grid is the "Lines" tab.
  { nav: 'Bill of materials', heading: 'Bill of materials', row: 'DGX-A100', tab: 'Lines' },
  { nav: 'Inventory', heading: 'Inventory', row: 'A100-SXM4-80G' },
  { nav: 'Purchase orders', heading: 'Purchase orders', row: 'NVIDIA' },
  { nav: 'Imports', heading: 'Imports', row: 'demo-purchase-orders.csv' },
] as const satisfies readonly { nav: string; heading: string; row: string; tab?: string }[];

test('the navigation reaches every workspace page and each shows demo rows', async ({ signIn }) => {
  const page = await signIn('executive');
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  // The console names no address for a failed load: the responses do, so a failure says which one.
  page.on('response', (res) => {
    if (res.status() >= 400) consoleErrors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const p of PAGES) {
    await nav.getByRole('link', { name: p.nav, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: p.heading })).toBeVisible();
    await expect(nav.getByRole('link', { name: p.nav, exact: true })).toHaveAttribute('aria-current', 'page');
    if ('tab' in p) await page.getByRole('link', { name: p.tab, exact: true }).click();
    // The procurement tables are grids (components/data-grid); Imports is a plain table.
    const table = page.getByRole('grid').or(page.getByRole('table')).first();
    await expect(table.getByRole('gridcell', { name: p.row }).or(table.getByRole('cell', { name: p.row })).first()).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  }
  expect(consoleErrors).toEqual([]);
});

test('the items and bill-of-materials pages count every item and recipe, and the items list holds every demo SKU', async ({ signIn }) => {
  // Other specs create items and recipes of their own (the create forms, the BOM tree): the counts are the API's, at least the demo's.
  const page = await signIn('executive');
  const listed = (await (await page.request.get('/api/items?limit=1000')).json()) as { rows: { sku: string }[]; total: number };
  expect(listed.total).toBeGreaterThanOrEqual(DEMO.items.length);
  await page.goto('/items');
  await expect(page.getByText(`${listed.total} items:`)).toBeVisible();
  const items = page.getByRole('grid', { name: 'Items' });
  await expect(items).toHaveAttribute('aria-rowcount', String(listed.total + 1));
  const skus = new Set(listed.rows.map((r) => r.sku));
  expect(DEMO.items.map((i) => i.sku!).filter((sku) => !skus.has(sku))).toEqual([]);
  const recipes = new Set(((await (await page.request.get('/api/bom-lines?limit=1000')).json()) as { rows: { outputSku: string }[] }).rows.map((r) => r.outputSku));
  expect(recipes.size).toBeGreaterThanOrEqual(DEMO.recipes.length);
  await page.goto('/bom');
  await expect(page.getByText(`${recipes.size} recipes:`)).toBeVisible();
});

test('the purchase-order grid counts every PO line, draws the last one when scrolled to, and the list holds every demo line', async ({ signIn }) => {
  // Other specs add lines of their own, so the list may hold more than the demo: every demo line must be there.
  const page = await signIn('executive');
  await page.goto('/purchase-orders');
  const lede = await page.getByText(/[\d,]+ lines, [\d,]+ open/).textContent();
  const total = Number(/([\d,]+) lines/.exec(lede ?? '')?.[1]?.replaceAll(',', ''));
  expect(total).toBeGreaterThanOrEqual(DEMO['purchase-orders'].length);
  const grid = page.getByRole('grid', { name: 'Purchase-order lines' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(grid.locator(`[role="row"][aria-rowindex="${total + 1}"]`).getByRole('gridcell').nth(1)).toHaveText(/\S/);
  const listed = new Set<string>();
  let cursor: string | null = null;
  do {
    const page_ = (await (await page.request.get(`/api/purchase-order-lines?limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
      rows: { supplier: string; poNumber: string; lineNo: number }[];
      nextCursor: string | null;
    };
    for (const r of page_.rows) listed.add(`${r.supplier}/${r.poNumber}/${r.lineNo}`);
    cursor = page_.nextCursor;
  } while (cursor);
  expect(listed.size).toBe(total);
  const missing = DEMO['purchase-orders'].map((l) => `${l.supplier}/${l.po_number}/${l.line}`).filter((key) => !listed.has(key));
  expect(missing).toEqual([]);
});

test('an unknown address shows a not-found page that leads back', async ({ page }) => {
  // Public: no sign-in needed to be told a page does not exist.
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
