import fc from 'fast-check';
import { apiClient } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';

// Hostile input against the import endpoint and the forms: random bytes, huge
// fields, SQL and script injection, path tricks in file names. The server must
// answer 4xx (never 500), write nothing for a refused file, and show injected
// text as inert text.

const HEADER = 'supplier,po_number,line,sku,qty,promised_date,status';
const INJECTIONS = [
  "'; DROP TABLE \"PurchaseOrderLine\"; --",
  "1' OR '1'='1",
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '${7*7}{{7*7}}',
  '\u0000\u202e\ufeff',
];
const FILENAMES = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/abs/path.csv', 'a/b.csv', 'x\u0000.csv', 'x'.repeat(300), ' lead.csv', '..'];

async function fingerprint(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/imports');
  // The page streams: count the history's rows once its table is there.
  const history = page.getByRole('region', { name: 'History' }).getByRole('table');
  await expect(history.getByRole('row').nth(1)).toBeVisible();
  const batches = await history.getByRole('row').count();
  await page.goto('/purchase-orders');
  const lede = await page.getByText(/[\d,]+ lines, [\d,]+ open/).textContent();
  return `${batches} batches; ${lede}`;
}

test('the import endpoint answers random and hostile files with 4xx and writes nothing', async ({ signIn }) => {
  test.setTimeout(180_000);
  const page = await signIn('admin');
  const before = await fingerprint(page);
  const client = await apiClient('procurement');
  const post = (body: string | Buffer, filename = 'fuzz.csv', kind = 'purchase-orders') =>
    client.post(`/api/imports/${encodeURIComponent(kind)}?filename=${encodeURIComponent(filename)}`, { headers: { 'content-type': 'text/csv' }, data: body });

  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4_000 }), async (bytes) => {
      const res = await post(Buffer.from(bytes));
      expect(res.status(), (await res.text()).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.status()).toBeLessThan(500);
    }),
    { numRuns: 60, seed: 4242 },
  );
  // Valid header, then rows whose fields are random, huge, or injection strings, plus one unknown SKU so the file must be refused.
  const field = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 50 }), fc.string({ minLength: 10_000, maxLength: 20_000 }), fc.constant('9'.repeat(40)));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, field, field, field), { minLength: 1, maxLength: 20 }), async (rows) => {
      const lines = rows.map(([a, b, c, d]) => [JSON.stringify(a), b.replace(/[,\n"]/g, ''), '1', 'A100-SXM4-80G', c.replace(/[,\n"]/g, ''), d.replace(/[,\n"]/g, ''), 'open'].join(','));
      lines.push('NVIDIA,PO-FUZZ,1,NO-SUCH-SKU,1,2027-01-01,open');
      const res = await post([HEADER, ...lines].join('\n'));
      expect(res.status(), (await res.text()).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.status()).toBeLessThan(500);
    }),
    { numRuns: 40, seed: 4243 },
  );
  for (const name of FILENAMES) {
    const res = await post(`${HEADER}\nNVIDIA,PO-FN,1,A100-SXM4-80G,1,2027-01-01,open\n`, name);
    expect(res.status(), name).toBe(400);
  }
  for (const kind of ['..%2f..%2fetc', 'items;drop', 'x'.repeat(500)]) {
    const res = await post(`${HEADER}\n`, 'k.csv', kind);
    expect(res.status(), kind).toBeGreaterThanOrEqual(400);
    expect(res.status(), kind).toBeLessThan(500);
  }
  const wrongType = await client.post('/api/imports/items', { headers: { 'content-type': 'application/json' }, data: '{}' });
  expect(wrongType.status()).toBe(415);
  await client.dispose();
  expect(await fingerprint(page)).toBe(before);
});

test('injected text in an imported PO renders as inert text', async ({ signIn }) => {
  const page = await signIn('procurement');
  const poNumber = `PO-<img src=x onerror=window.__pwned=1>`;
  const csv = `${HEADER}\nNVIDIA,${poNumber},1,A100-SXM4-80G,1,2027-02-03,open\nNVIDIA,<script>window.__pwned=1</script>,1,A100-SXM4-80G,1,2027-02-03,open\n`;
  const res = await page.request.post('/api/imports/purchase-orders?filename=inject.csv', { headers: { 'content-type': 'text/csv' }, data: csv });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(`/purchase-orders?q=${encodeURIComponent('__pwned')}`);
  await expect(page.getByRole('gridcell', { name: poNumber, exact: true })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '<script>window.__pwned=1</script>', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the forms and the edit endpoint answer hostile input with validation errors, never a 500', async ({ signIn }) => {
  const page = await signIn('admin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Add a user' });
  for (const name of ['<script>window.__pwned=1</script>', "'; DROP TABLE \"user\"; --", 'n'.repeat(5_000)]) {
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(`hostile-${Math.abs(name.length)}-${Date.now()}@clearbuild.test`);
    await form.getByLabel('Password').fill('a-long-password-1');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(page.locator('#create-user-message .alert')).toBeVisible();
  }
  await expect(page.getByRole('cell', { name: '<script>window.__pwned=1</script>', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  const client = await apiClient('procurement');
  const bodies: unknown[] = [
    'not json',
    '{"version":1,"promisedDate":"2027-02-30"}',
    JSON.stringify({ version: 1, qty: '9'.repeat(40) }),
    JSON.stringify({ version: 1, qty: '-1' }),
    JSON.stringify({ version: 1, status: "open' OR 1=1 --" }),
    JSON.stringify({ version: 'x'.repeat(10_000) }),
    JSON.stringify({ version: 1, promisedDate: '2027-01-01', extra: '<script>' }),
    JSON.stringify([1, 2, 3]),
    'null',
  ];
  for (const body of bodies) {
    const res = await client.patch('/api/purchase-order-lines/1', { headers: { 'content-type': 'application/json' }, data: body as string });
    expect([400, 413, 422], String(body).slice(0, 80)).toContain(res.status());
  }
  for (const id of ['0', '-1', '1e9', '99999999999999', '..%2f1', "1' OR '1'='1"]) {
    const res = await client.patch(`/api/purchase-order-lines/${encodeURIComponent(id)}`, { data: { version: 1, qty: '1' } });
    expect([400, 404], id).toContain(res.status());
  }
  await client.dispose();
});
