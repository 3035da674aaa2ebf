// npm run bench:dashboard — the dashboard as a person meets it on a production build:
// right after the server starts, and right after an edit. For each: how long the
// page takes to answer, whether it answered with the forecast or with "Computing the
// forecast…", and how long until the forecast itself is on the page (polling as the
// page's own refresh does). The second figure is what the page used to block on
// behind a bare skeleton before the forecast moved to the background; it is the
// baseline, measured in the same run. Uses DATABASE_URL when set, else a fresh
// embedded database in .data/bench-dashboard. BENCH_SKIP_BUILD=1 reuses the build.
import { spawnSync } from 'node:child_process';
import { killHard, seed, startServer, waitForPage } from '../e2e/fixtures/spawn-server';
import { benchDatabase, signInAs } from './bench-server';

const PORT = 3210;
const BASE = `http://127.0.0.1:${PORT}`;
const POLL_MS = 250;


type Shown = 'forecast' | 'computing';

async function openDashboard(cookie: string): Promise<{ ms: number; shown: Shown }> {
  const t0 = performance.now();
  const res = await fetch(`${BASE}/dashboard`, { headers: { cookie } });
  const html = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`/dashboard answered ${res.status}`);
  if (html.includes('aria-label="Headline figures"')) return { ms, shown: 'forecast' };
  if (html.includes('Computing the forecast')) return { ms, shown: 'computing' };
  throw new Error('/dashboard showed neither the forecast nor the computing notice');
}

/** Opens the dashboard, then asks again until it shows the forecast: the page's answer time and the forecast's. */
async function measure(cookie: string, since: number): Promise<{ firstMs: number; shown: Shown; forecastMs: number }> {
  const first = await openDashboard(cookie);
  let shown = first.shown;
  while (shown !== 'forecast') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    shown = (await openDashboard(cookie)).shown;
  }
  return { firstMs: first.ms, shown: first.shown, forecastMs: performance.now() - since };
}

const db = await benchDatabase('.data/bench-dashboard');
if (!process.env.BENCH_SKIP_BUILD) {
  const b = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
seed(db.env);
const started = performance.now();
const server = startServer(PORT, db.env);
let failed = false;
try {
  await waitForPage(PORT, server.child, server.output);
  const readyMs = performance.now() - started;
  const executive = await signInAs(BASE, 'executive@clearbuild.demo');
  const procurement = await signInAs(BASE, 'procurement@clearbuild.demo');
  const afterStart = await measure(executive, started);

  // An edit by procurement: an open line promised a week later.
  const list = (await (await fetch(`${BASE}/api/purchase-order-lines?status=open&limit=1`, { headers: { cookie: procurement } })).json()) as {
    rows: { id: number; version: number; promisedDate: string }[];
  };
  const line = list.rows[0]!;
  const later = new Date(`${line.promisedDate}T00:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 7);
  const edited = performance.now();
  const res = await fetch(`${BASE}/api/purchase-order-lines/${line.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: procurement, origin: BASE },
    body: JSON.stringify({ version: line.version, promisedDate: later.toISOString().slice(0, 10) }),
  });
  if (res.status !== 200) throw new Error(`edit answered ${res.status}: ${await res.text()}`);
  const afterEdit = await measure(executive, edited);

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nbench:dashboard — ${db.env.DATABASE_URL ? 'PostgreSQL 15' : 'embedded PGlite'}, demo build-out, production build`);
  console.log(`server answering pages ${s(readyMs)} after start`);
  console.log('| moment | dashboard answered in | it showed | forecast on the page after (baseline: what the page used to block on) |');
  console.log('| --- | ---: | --- | ---: |');
  console.log(`| first dashboard after start | ${s(afterStart.firstMs)} | ${afterStart.shown} | ${s(afterStart.forecastMs)} after start |`);
  console.log(`| first dashboard after an edit | ${s(afterEdit.firstMs)} | ${afterEdit.shown} | ${s(afterEdit.forecastMs)} after the edit |`);
  console.log(`first dashboard: ${s(afterStart.firstMs)} after start, ${s(afterEdit.firstMs)} after an edit (forecast behind them: ${s(afterStart.forecastMs)}, ${s(afterEdit.forecastMs)})`);
} catch (err) {
  failed = true;
  console.error(err);
  console.error(server.output().slice(-4000));
} finally {
  await killHard(server.child);
  await db.drop();
}
process.exit(failed ? 1 : 0);
