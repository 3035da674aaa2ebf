import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../lib/db/open';
import { expect, signInThroughApi, test } from '../fixtures/auth';
import { insertBenchLines } from '../fixtures/many-lines';
import { killHard, seed, startServer, waitForPage } from '../fixtures/spawn-server';
import { artifact, columnTexts, grid, header, type ApiPoLine } from '../fixtures/tables';

// The PO-line grid over 200,000 lines, on a server of its own (its own port and data
// folder, the demo plus 200,000 lines written in SQL), so the shared e2e server's data
// and speed are untouched: filter and sort on two columns through the page, the URL
// keeps the view across a reload, the virtualised list scrolls to its last rows, and
// one of them is edited inline and committed.

const LINES = 200_000;
const PORT = Number(process.env.E2E_PORT ?? 3100) + 40; // the shared servers listen on E2E_PORT and E2E_PORT + 10
const BASE = `http://127.0.0.1:${PORT}`;

test('200,000 lines: filter and multi-column sort in the URL across a reload, scrolled to the end, one line edited inline', async ({ browser }) => {
  test.setTimeout(900_000);
  const dataDir = path.resolve(`.data/e2e-200k-${PORT}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = { CLEARBUILD_DATA_DIR: dataDir, CLEARBUILD_SIGNIN_LIMIT_PER_ADDRESS_PER_MINUTE: '10000' };
  seed(env);
  const db = await openDatabase({ kind: 'embedded', dataDir, display: dataDir });
  try {
    await insertBenchLines((sql) => db.prisma.$executeRawUnsafe(sql), LINES);
  } finally {
    await db.close();
  }
  const server = startServer(PORT, env);
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1400, height: 900 }, extraHTTPHeaders: { origin: BASE } });
  try {
    await waitForPage(PORT, server.child, server.output);
    await signInThroughApi(context.request, BASE, 'procurement');
    const api = context.request;
    const list = async (qs: string) => {
      // A GET after seconds of idling can meet a kept-alive socket the server has just closed (Node's 5 s
      // keep-alive timeout racing the client's reuse): ECONNRESET before any answer. The GET is safe to send again.
      const res = await api.get(`/api/purchase-order-lines?${qs}`).catch((err: Error) => {
        if (!/ECONNRESET|socket hang up/.test(err.message)) throw err;
        return api.get(`/api/purchase-order-lines?${qs}`);
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { rows: ApiPoLine[]; total: number };
    };
    const all = await list('limit=1');
    expect(all.total).toBeGreaterThanOrEqual(LINES);

    const page = await context.newPage();
    await page.goto('/purchase-orders');
    const g = grid(page, 'Purchase-order lines');
    await expect(g).toHaveAttribute('aria-rowcount', String(all.total + 1));

    // Filter (open lines) and sort (quantity descending, then promised date) through the page.
    await page.getByText(/^Filters( \(\d\))?$/).click();
    await page.getByRole('form', { name: 'Filters' }).getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await header(g, 'Qty').getByRole('button').click();
    await header(g, 'Qty').getByRole('button').click();
    await header(g, 'Promised').getByRole('button').click({ modifiers: ['Shift'] });
    await expect(page).toHaveURL(/status=open/);
    await expect(page).toHaveURL(/sort=qty%3Adesc%2CpromisedDate%3Aasc/);
    const query = new URL(page.url()).search.slice(1);
    const view = await list(`${query}&limit=5`);
    await expect(g).toHaveAttribute('aria-rowcount', String(view.total + 1));
    expect(view.total).toBeLessThan(all.total);
    await expect.poll(async () => (await columnTexts(g, 'PO')).slice(0, 5)).toEqual(view.rows.map((r) => r.poNumber));
    expect((await columnTexts(g, 'Line')).slice(0, 5)).toEqual(view.rows.map((r) => String(r.lineNo)));

    // The URL is the view: a reload shows it again.
    await page.reload();
    await expect(header(g, 'Qty')).toHaveAttribute('aria-sort', 'descending');
    await expect(header(g, 'Promised')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByText('Filters (1)', { exact: true })).toBeVisible();
    await expect(g).toHaveAttribute('aria-rowcount', String(view.total + 1));
    await expect.poll(async () => (await columnTexts(g, 'PO')).slice(0, 5)).toEqual(view.rows.map((r) => r.poNumber));

    // Scrolled to the end, the last rows of the view are drawn.
    await g.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = await list(`${query}&limit=3&cursor=${view.total - 3}`);
    const lastRow = g.locator(`[role="row"][aria-rowindex="${view.total + 1}"]`);
    await expect(lastRow.getByRole('checkbox', { name: `Select ${last.rows[2]!.supplier}/${last.rows[2]!.poNumber}/${last.rows[2]!.lineNo}` })).toBeVisible();
    for (const [i, r] of last.rows.entries()) {
      const row = g.locator(`[role="row"][aria-rowindex="${view.total - 1 + i}"]`);
      await expect(row.getByRole('gridcell', { name: r.poNumber, exact: true })).toBeVisible();
      await expect(row.getByRole('gridcell', { name: String(r.lineNo), exact: true }).first()).toBeVisible();
    }
    await page.screenshot({ path: artifact('grid-200k-end.png') });

    // One of those lines edited inline: its quantity, through the preview, committed.
    const target = last.rows[2]!;
    const key = `${target.supplier}/${target.poNumber}/${target.lineNo}`;
    const qtyColumn = (await g.getByRole('columnheader').allTextContents()).findIndex((h) => h.replace(/[▲▼]\d*$/, '').trim() === 'Qty');
    const cell = lastRow.getByRole('gridcell').nth(qtyColumn);
    await cell.click();
    await page.keyboard.press('F2');
    const editor = page.getByLabel(`Qty of ${key}`);
    await expect(editor).toBeFocused();
    const newQty = String(Number(target.qty) + 1000);
    await editor.fill(newQty);
    await editor.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Review 1 change' });
    // The preview forecasts before and after on the 200,000-line model, beside the background jobs that value
    // every line of it: seconds on a loaded machine, shown as "Checking with the server…" meanwhile.
    await expect(dialog.getByRole('row', { name: new RegExp(`^${key} qty `) })).toBeVisible({ timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: /^Saved: 1 row changed/ })).toBeVisible();
    const [edited] = (await list(`poNumber=${target.poNumber}&supplier=${target.supplier}&limit=200`)).rows.filter((r) => r.id === target.id);
    expect(Number(edited!.qty)).toBe(Number(newQty));
    expect(edited!.version).toBe(target.version + 1);
  } catch (err) {
    // What the server said is the first thing to read when it fails.
    console.error(server.output().slice(-6000));
    throw err;
  } finally {
    await context.close();
    await killHard(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
