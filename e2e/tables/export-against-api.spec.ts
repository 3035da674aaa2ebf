import fs from 'node:fs/promises';
import { TABLES } from '../../lib/tables/definitions';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder, uniquePoNumber } from '../fixtures/seed';

// "Download CSV" of a filtered and sorted view holds exactly the rows the JSON API lists
// for the same query, in the same order, value for value; a PO number that a spreadsheet
// would run as a formula ("=…") is escaped in the file with a leading apostrophe.

/** One CSV line's cells (quoted cells unquoted). */
function cellsOf(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      out.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell);
  return out;
}

test('the CSV of a filtered, sorted view equals the rows the API lists for the same query, formula cells escaped', async ({ signIn }) => {
  const page = await signIn('procurement');
  const poNumber = `=${uniquePoNumber('grid-formula')}`;
  await seedPurchaseOrder(
    page.request,
    'grid-formula',
    [
      { promisedDate: '2034-02-01', qty: '5' },
      { promisedDate: '2034-02-02', qty: '50' },
      { promisedDate: '2034-02-03', qty: '500', status: 'cancelled' },
      { promisedDate: '2034-02-04', qty: '50' },
    ],
    { poNumber },
  );
  const query = new URLSearchParams({ poNumber, status: 'open', sort: 'qty:desc,promisedDate:desc' });
  await page.goto(`/purchase-orders?${query}`);
  await expect(page.getByText('Filters (2)', { exact: true })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const file = await fs.readFile((await download.path())!, 'utf8');

  const res = await page.request.get(`/api/purchase-order-lines?${query}&limit=500`);
  expect(res.status()).toBe(200);
  const { rows } = (await res.json()) as { rows: Record<string, unknown>[] };
  expect(rows.map((r) => r.lineNo)).toEqual([4, 2, 1]);

  const [header, ...lines] = file.replace(/\r\n$/, '').split('\r\n').map(cellsOf);
  const columns = TABLES['purchase-order-lines'].columns;
  expect(header).toEqual(['id', ...columns.map((c) => c.csv)]);
  const escaped = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /^[=+\-@]/.test(text) ? `'${text}` : text;
  };
  expect(lines).toEqual(rows.map((r) => [String(r.id), ...columns.map((c) => escaped(r[c.key]))]));
  // The formula-looking PO number is text in the file, never a formula.
  expect(lines.map((l) => l[header!.indexOf('po_number')])).toEqual([`'${poNumber}`, `'${poNumber}`, `'${poNumber}`]);
});
