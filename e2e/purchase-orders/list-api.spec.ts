import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';

// The PO-line list as scripts use it: filters, a date range, a sort on several
// columns, paging by cursor, and the CSV export of the same query. The spec's own
// PO, far past any forecast horizon, so no other spec's rows are in its answers.

interface Row {
  id: number;
  poNumber: string;
  lineNo: number;
  qty: string;
  promisedDate: string;
}

test('PO lines filter by promised-date range, sort by several columns, page by cursor and export the same rows as CSV', async () => {
  const api = await apiClient('procurement');
  const seeded = await seedPurchaseOrder(api, 'list', [
    { promisedDate: '2032-03-01', qty: '8' },
    { promisedDate: '2032-03-08', qty: '24' },
    { promisedDate: '2032-03-08', qty: '16' },
    { promisedDate: '2032-03-15', qty: '40' },
    { promisedDate: '2032-04-01', qty: '4' },
  ]);
  const poNumber = seeded[0]!.poNumber;
  const query = (extra: Record<string, string>) => `/api/purchase-order-lines?${new URLSearchParams({ poNumber, ...extra })}`;

  const res = await api.get(query({ promisedFrom: '2032-03-08', promisedTo: '2032-03-15', sort: 'promisedDate:desc,qty:asc' }));
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { rows: Row[]; total: number; nextCursor: string | null };
  expect(body.total).toBe(3);
  expect(body.rows.map((r) => [r.promisedDate, r.qty])).toEqual([
    ['2032-03-15', '40'],
    ['2032-03-08', '16'],
    ['2032-03-08', '24'],
  ]);

  // Two at a time, the same order: the cursor walks it with nothing skipped or repeated.
  const pages: Row[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (await api.get(query({ sort: 'qty:desc', limit: '2', ...(cursor ? { cursor } : {}) }))).json()) as { rows: Row[]; nextCursor: string | null };
    pages.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  expect(pages.map((r) => r.qty)).toEqual(['40', '24', '16', '8', '4']);

  const csv = await api.get(query({ sort: 'qty:desc', format: 'csv' }));
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe(
    'id,supplier,po_number,line,sku,name,qty,unit,promised_date,status,version,first_promised_date,slip_days,received_date,received_qty,gpus_gated,gpu_days_per_week_slip,gpu_days_per_week_pull_in,value_method',
  );
  expect(lines.slice(1).map((l) => l.split(',')[6])).toEqual(['40', '24', '16', '8', '4']);
  expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(pages.map((r) => r.id));

  // Bad parameters are named, not ignored.
  const bad = await api.get(query({ sort: 'price:up' }));
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain('is not field:asc or field:desc');
  const backwards = await api.get(query({ promisedFrom: '2032-04-01', promisedTo: '2032-03-01' }));
  expect(backwards.status()).toBe(400);
});
