import { apiClient, BASE_URL, issueToken } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { uniquePoNumber } from '../fixtures/seed';

// Attacks on the served app by people who may use it (issue 12), each reproduced
// against the real server. "Stays responsive" is asserted by order, never by time:
// what must answer does so while the slow work is provably still running.

test('eight slow forecasts at once leave the server answering: health, a page and the icon come back before the first forecast', async () => {
  test.setTimeout(600_000);
  const executive = await apiClient('executive');
  const finished: number[] = [];
  // Eight horizons never asked for before: each is a new computation for the engine.
  const horizons = Array.from({ length: 8 }, (_, i) => 400 + i);
  const forecasts = horizons.map((h) =>
    executive.get(`/api/forecast?horizonDays=${h}`, { timeout: 590_000 }).then((res) => {
      finished.push(h);
      return res;
    }),
  );

  // The server has taken all eight (some running in the engine's workers, the rest queued), and says so.
  const anon = await apiClient('signed-out');
  const engineLoad = async () => ((await (await anon.get('/api/health')).json()) as { engine: { queued: number; running: number } | null }).engine;
  await expect.poll(async () => { const load = await engineLoad(); return !!load && load.running >= 1 && load.running + load.queued >= 8; }, { timeout: 60_000 }).toBe(true);
  // While they run, everything else answers.
  expect((await anon.get('/api/health')).status()).toBe(200);
  expect((await anon.get('/icon.svg')).status()).toBe(200);
  expect((await executive.get('/items')).status()).toBe(200);
  expect(finished).toEqual([]);

  // A ninth new forecast from the same person is over the limit (8 a minute in the e2e server): 429, not a queue.
  const ninth = await executive.get('/api/forecast?horizonDays=420');
  expect(ninth.status()).toBe(429);
  expect(Number(ninth.headers()['retry-after'])).toBeGreaterThan(0);

  const responses = await Promise.all(forecasts);
  expect(responses.map((r) => r.status())).toEqual(horizons.map(() => 200));
  await Promise.all([executive.dispose(), anon.dispose()]);
});

test('a supplier token trickling its upload holds no lock: a page, the data and a forecast answer before the upload ends', async ({ signIn }) => {
  test.setTimeout(180_000);
  const admin = await signIn('admin');
  const token = await issueToken(admin, 'FERGUSON', `trickle-${Date.now()}`);
  const po = uniquePoNumber('trickle');

  // The body is a stream this test controls: the header and one row, then nothing until released.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`supplier,po_number,line,sku,qty,promised_date,status\nFERGUSON,${po},1,PIPE-DN100-M,10,2031-01-06,open\n`));
      await released;
      controller.enqueue(encoder.encode(`FERGUSON,${po},2,PIPE-DN100-M,10,2031-01-13,open\n`));
      controller.close();
    },
  });
  const order: string[] = [];
  const upload = fetch(`${BASE_URL}/api/imports/purchase-orders?filename=trickle.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body,
    duplex: 'half',
  } as RequestInit).then(async (res) => {
    order.push('upload');
    return { status: res.status, json: (await res.json()) as { created?: number } };
  });

  // While the upload is open, everything else answers.
  const procurement = await apiClient('procurement');
  for (const path of ['/purchase-orders', '/api/purchase-order-lines?limit=1', '/api/health', '/api/forecast']) {
    const res = await procurement.get(path, { timeout: 120_000 });
    expect(res.status(), path).toBe(200);
    order.push(path);
  }
  expect(order).not.toContain('upload');

  release();
  const done = await upload;
  expect(done.status).toBe(200);
  expect(done.json.created).toBe(2);
  expect(order.at(-1)).toBe('upload');
  await procurement.dispose();
});
