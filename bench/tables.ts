// npm run bench:tables — the procurement tables over 200,000 PO lines, on a production
// build and a throwaway PostgreSQL database (created on the server DATABASE_URL names,
// default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end).
// (a) GET /api/purchase-order-lines for 10 typical views (filters, sorts, a page of 200)
//     under 10 concurrent clients with autocannon on loopback, p50/p95, against the same
//     SQL (lib/tables/sql.ts, the very statements the endpoint runs) through `pg` directly
//     with 10 concurrent clients, the same number of requests per view on both sides (so both
//     pool the same mix of views): the p95 ratio over all views, and each view's own.
// (b) In Chromium (Playwright library): navigation to the grid's first rows drawn (the
//     page's `grid:first-rows` performance mark) and scrolling the whole virtualised list
//     top to bottom: frames per second and the longest task.
// (c) A bulk shift of 10,000 open lines by a week, previewed (dry run) and committed through
//     POST /api/changes as one change set (version check, audit and promise history per row),
//     against the bare UPDATE of another 10,000 lines in SQL: bulk-ratio = commit / UPDATE.
// Options (env): BENCH_LINES (200000), BENCH_REQUESTS (per view and side, default 100),
// BENCH_SKIP_BUILD=1 (reuse .next), BENCH_SCROLL_MS (8000), BENCH_PORT (3220),
// BENCH_ONLY=api (part (a) alone, ending with its ratio line; for iterating on the endpoint),
// BENCH_ONLY=scroll (part (b) alone, for working on the grid: its own last line),
// BENCH_CPU_PROFILE=<file> (the scroll's Chromium CPU profile, a .cpuprofile DevTools opens),
// BENCH_TRACE=<file> (the scroll's Chromium trace, and the page's main-thread CPU time per frame: a
// figure that other load on the machine changes far less than frames per second).
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium } from '@playwright/test';
import { insertBenchLines } from '../e2e/fixtures/many-lines';
import { killHard, seed, startServer, waitForPage } from '../e2e/fixtures/spawn-server';
import { TABLES } from '../lib/tables/definitions';
import { parseListQuery } from '../lib/tables/query';
import { SOURCES } from '../lib/tables/sources';
import { countStatement, pageStatement } from '../lib/tables/sql';
import { benchDatabase, signInAs } from './bench-server';

const PORT = Number(process.env.BENCH_PORT ?? 3220);
const BASE = `http://127.0.0.1:${PORT}`;
const LINES = Number(process.env.BENCH_LINES ?? 200_000);
// A fixed count, not a fixed time: in a fixed time each side's mix of views would follow its own speed on each.
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 8_000);
const CLIENTS = 10;
const ONLY_API = process.env.BENCH_ONLY === 'api';
const PO_DEF = TABLES['purchase-order-lines'];
const ONLY_SCROLL = process.env.BENCH_ONLY === 'scroll';
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const TRACE = process.env.BENCH_TRACE;

// Ten views procurement opens every day: the default, filtered, sorted on one or two columns, searched, a deep page.
const VIEWS = [
  'limit=200',
  'status=open&sort=promisedDate:asc&limit=200',
  'supplier=NVIDIA&limit=200',
  'sort=qty:desc&limit=200',
  'sort=supplier:asc,promisedDate:asc&limit=200',
  'promisedFrom=2027-01-01&promisedTo=2027-03-31&status=open&limit=200',
  'q=PO-BENCH-0042&limit=200',
  'sku=A100-SXM4-80G&sort=promisedDate:desc&limit=200',
  'status=open&limit=200&cursor=100000',
  'qtyMin=250&sort=qty:asc,promisedDate:asc&limit=200',
];

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

// Runs in the page: scrolls the grid from top to bottom in `ms`, one step a frame, counting frames
// and watching for long tasks. A plain string: tsx's helpers must not leak into the page.
const SCROLL_SCRIPT = `async (ms) => {
  const el = document.querySelector('[role="grid"]');
  let longest = 0;
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  const max = el.scrollHeight - el.clientHeight;
  let frames = 0;
  const t0 = performance.now();
  await new Promise((done) => {
    function step(now) {
      const f = Math.min(1, (now - t0) / ms);
      el.scrollTop = f * max;
      frames += 1;
      if (f < 1) requestAnimationFrame(step); else done();
    }
    requestAnimationFrame(step);
  });
  const elapsed = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  obs.disconnect();
  return { fps: (frames / elapsed) * 1000, longest, frames };
}`;

/** Waits until the start-up forecast (of the demo) is on the dashboard: its worker is done and the cores are free. */
async function forecastSettled(cookie: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const html = await (await fetch(`${BASE}/dashboard`, { headers: { cookie } })).text();
    if (html.includes('aria-label="Headline figures"')) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the start-up forecast did not finish in 5 minutes');
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function seedLines(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await insertBenchLines((sql) => c.query(sql), LINES);
  await c.end();
}

interface Lat {
  p50: number;
  p95: number;
  n: number;
  all: number[];
}

function summarize(all: number[]): Lat {
  return { p50: percentile(all, 50), p95: percentile(all, 95), n: all.length, all };
}

/** autocannon against the endpoint: every response's latency (ms), 2xx only. */
async function viaApi(view: string, cookie: string): Promise<Lat> {
  const all: number[] = [];
  let bad = 0;
  await new Promise<void>((resolve, reject) => {
    const inst = autocannon({ url: `${BASE}/api/purchase-order-lines?${view}`, connections: CLIENTS, amount: REQUESTS, headers: { cookie }, timeout: 60 }, (err) => (err ? reject(err) : resolve()));
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => (status === 200 ? all.push(ms) : (bad += 1)));
  });
  if (bad > 0) throw new Error(`${view}: ${bad} responses were not 200`);
  if (all.length !== REQUESTS) throw new Error(`${view}: ${all.length} of ${REQUESTS} requests answered`);
  return summarize(all);
}

/** The same two statements the endpoint runs (the page and its count, side by side), through pg with the same concurrency. */
async function viaPg(view: string, pool: pg.Pool): Promise<Lat> {
  const parsed = parseListQuery(PO_DEF, new URLSearchParams(view));
  if (!parsed.ok) throw new Error(`${view}: ${JSON.stringify(parsed.issues)}`);
  const source = SOURCES['purchase-order-lines'];
  const page = pageStatement(PO_DEF, source, parsed.query, parsed.query.cursor, parsed.query.limit);
  const count = countStatement(PO_DEF, source, parsed.query);
  const all: number[] = [];
  let issued = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (issued < REQUESTS) {
        issued += 1;
        const t = performance.now();
        await Promise.all([pool.query(page.text, page.values), pool.query(count.text, count.values)]);
        all.push(performance.now() - t);
      }
    }),
  );
  return summarize(all);
}

/** The CPU time (thread time, not wall clock) of the tasks on the busiest renderer main thread of a Chromium trace, in ms. */
function mainThreadCpuMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const cpu = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(key)) cpu.set(key, (cpu.get(key) ?? 0) + (e.tdur ?? 0));
  }
  return Math.max(0, ...cpu.values()) / 1000;
}

async function browserFigures(cookie: string): Promise<{ firstRowsMs: number; fps: number; longestTaskMs: number; rows: number; cpuMsPerFrame: number | null }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies(cookie.split('; ').map((kv) => ({ name: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1), url: BASE })));
    const page = await context.newPage();
    // Warm the route once, as a person's second visit would find it.
    await page.goto(`${BASE}/purchase-orders`);
    await page.goto(`${BASE}/purchase-orders`);
    await page.waitForFunction(() => performance.getEntriesByName('grid:first-rows').length > 0);
    const firstRowsMs = await page.evaluate(() => performance.getEntriesByName('grid:first-rows')[0]!.startTime);
    const rows = Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;
    const cdp = CPU_PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (TRACE) await browser.startTracing(page, { path: TRACE, categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const scroll = (await page.evaluate(`(${SCROLL_SCRIPT})(${SCROLL_MS})`)) as { fps: number; longest: number; frames: number };
    const cpuMsPerFrame = TRACE ? mainThreadCpuMs(await browser.stopTracing()) / scroll.frames : null;
    if (cdp) fs.writeFileSync(CPU_PROFILE!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    // The last row is drawn once the scroll rests.
    await page.locator(`[role="row"][aria-rowindex="${rows + 1}"] [role="gridcell"]`).nth(1).filter({ hasText: /\S/ }).waitFor();
    return { firstRowsMs, fps: scroll.fps, longestTaskMs: scroll.longest, rows, cpuMsPerFrame };
  } finally {
    await browser.close();
  }
}

const BULK = 10_000;

/**
 * (c) 10,000 open bench lines a week later through the change-set API (dry run, then commit), and another
 * 10,000 through the bare UPDATE in SQL: what the change set's checks, audit and history cost on top.
 */
async function bulkShift(cookie: string, pool: pg.Pool): Promise<{ previewMs: number; commitMs: number; sqlMs: number; applied: number }> {
  const { rows } = await pool.query<{ id: number; version: number; shifted: string }>(
    `SELECT l.id, l.version, to_char(l."promisedDate" + 7, 'YYYY-MM-DD') AS shifted
       FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" po ON po.id = l."purchaseOrderId"
      WHERE po."poNumber" LIKE 'PO-BENCH-%' AND l.status = 'open' ORDER BY l.id LIMIT ${2 * BULK}`,
  );
  if (rows.length < 2 * BULK) throw new Error(`only ${rows.length} open bench lines for the bulk shift`);
  const changes = rows.slice(0, BULK).map((r) => ({ entity: 'purchaseOrderLine', id: r.id, version: r.version, set: { promisedDate: r.shifted } }));
  const post = async (dryRun: boolean) => {
    const t0 = performance.now();
    const res = await fetch(`${BASE}/api/changes`, {
      method: 'POST',
      headers: { cookie, origin: BASE, 'content-type': 'application/json' },
      body: JSON.stringify({ changes, dryRun, source: 'bulk' }),
    });
    const body = (await res.json()) as { applied?: number; errors?: unknown[] };
    if (res.status !== 200 || (body.errors && body.errors.length > 0)) throw new Error(`bulk ${dryRun ? 'preview' : 'commit'} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return { ms: performance.now() - t0, applied: body.applied ?? 0 };
  };
  const preview = await post(true);
  const commit = await post(false);
  if (commit.applied !== BULK) throw new Error(`the bulk commit applied ${commit.applied} of ${BULK} rows`);
  const others = rows.slice(BULK).map((r) => r.id);
  const t0 = performance.now();
  await pool.query(`UPDATE "PurchaseOrderLine" SET "promisedDate" = "promisedDate" + 7, version = version + 1 WHERE id = ANY($1::int[])`, [others]);
  const sqlMs = performance.now() - t0;
  return { previewMs: preview.ms, commitMs: commit.ms, sqlMs, applied: commit.applied };
}

/** (b) and (c), then the last line with every figure. */
async function browserAndBulk(cookie: string, pool: pg.Pool, ratio: number): Promise<void> {
  const b = await browserFigures(cookie);
  console.log(`Chromium: ${b.rows.toLocaleString('en-US')} rows; first rows drawn ${b.firstRowsMs.toFixed(0)} ms after navigation; whole list scrolled in ${SCROLL_MS / 1000} s at ${b.fps.toFixed(1)} fps, longest task ${b.longestTaskMs.toFixed(0)} ms`);
  const shift = await bulkShift(cookie, pool);
  console.log(`bulk shift of ${BULK.toLocaleString('en-US')} lines by 7 days: preview ${shift.previewMs.toFixed(0)} ms, commit ${shift.commitMs.toFixed(0)} ms (one change set, ${shift.applied.toLocaleString('en-US')} rows); the same UPDATE in SQL ${shift.sqlMs.toFixed(0)} ms`);
  const bulk = (shift.commitMs / shift.sqlMs).toFixed(1);
  console.log(`tables p95-ratio ${ratio.toFixed(2)} first-rows-ms ${b.firstRowsMs.toFixed(0)} scroll-fps ${b.fps.toFixed(1)} bulk-ratio ${bulk}`);
}

const db = await benchDatabase('.data/bench-tables');
if (!process.env.BENCH_SKIP_BUILD) {
  const b = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
seed(db.env);
const server = startServer(PORT, { ...db.env, CLEARBUILD_SIGNIN_LIMIT_PER_ADDRESS_PER_MINUTE: '10000' });
const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL, max: CLIENTS });
let failed = false;
try {
  await waitForPage(PORT, server.child, server.output);
  const cookie = await signInAs(BASE, 'procurement@clearbuild.demo');
  // The lines go in after the start-up forecast of the demo, straight into the tables (no import, no
  // forecast of them): the engine's workers stay idle and every core serves the lists being measured.
  await forecastSettled(cookie);
  console.error(`seeding ${LINES.toLocaleString('en-US')} PO lines…`);
  await seedLines(db.env.DATABASE_URL!);
  if (ONLY_SCROLL) {
    const b = await browserFigures(cookie);
    console.log(`Chromium: ${b.rows.toLocaleString('en-US')} rows; first rows drawn ${b.firstRowsMs.toFixed(0)} ms after navigation; whole list scrolled in ${SCROLL_MS / 1000} s at ${b.fps.toFixed(1)} fps, longest task ${b.longestTaskMs.toFixed(0)} ms`);
    const cpu = b.cpuMsPerFrame === null ? '' : ` main-thread-cpu-ms-per-frame ${b.cpuMsPerFrame.toFixed(1)}`;
    console.log(`tables first-rows-ms ${b.firstRowsMs.toFixed(0)} scroll-fps ${b.fps.toFixed(1)} longest-task-ms ${b.longestTaskMs.toFixed(0)}${cpu}`);
  } else {
    for (const v of VIEWS) {
      const r = await fetch(`${BASE}/api/purchase-order-lines?${v}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`${v} answered ${r.status}: ${await r.text()}`);
    }
    console.log(`\nbench:tables — PostgreSQL, ${LINES.toLocaleString('en-US')} bench lines + the demo's, production build, ${CLIENTS} concurrent clients, ${REQUESTS} requests per view and side`);
    console.log('| view | API p50 | API p95 | pg p50 | pg p95 | p95 ratio |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const api: number[] = [];
    const direct: number[] = [];
    const perView: number[] = [];
    for (const v of VIEWS) {
      const a = await viaApi(v, cookie);
      const d = await viaPg(v, pool);
      api.push(...a.all);
      direct.push(...d.all);
      perView.push(a.p95 / d.p95);
      console.log(`| \`${v}\` | ${a.p50.toFixed(1)} ms | ${a.p95.toFixed(1)} ms | ${d.p50.toFixed(1)} ms | ${d.p95.toFixed(1)} ms | ${(a.p95 / d.p95).toFixed(2)} |`);
    }
    const ratio = percentile(api, 95) / percentile(direct, 95);
    console.log(`all views: API p50 ${percentile(api, 50).toFixed(1)} ms p95 ${percentile(api, 95).toFixed(1)} ms; pg p50 ${percentile(direct, 50).toFixed(1)} ms p95 ${percentile(direct, 95).toFixed(1)} ms`);
    // The pooled ratio is the figure; the slow full sorts (seconds on both sides) set its 95th percentile, so say each view's too.
    console.log(`per-view p95 ratios: median ${percentile(perView, 50).toFixed(2)}, worst ${Math.max(...perView).toFixed(2)}; ${perView.filter((r) => r > 1.5).length} of ${perView.length} views above 1.5`);
    if (ONLY_API) console.log(`tables p95-ratio ${ratio.toFixed(2)} (part (a) only)`);
    else await browserAndBulk(cookie, pool, ratio);
  }
} catch (err) {
  failed = true;
  console.error(err);
  console.error(server.output().slice(-4000));
} finally {
  await pool.end();
  await killHard(server.child);
  await db.drop();
}
process.exit(failed ? 1 : 0);
