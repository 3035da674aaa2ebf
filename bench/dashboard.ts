// npm run bench:dashboard — the dashboard against the API it is drawn from, on the large
// synthetic model (bench/generate-model.ts: ≥ 2,000 items, 200,000 PO lines) stored in a
// fresh database, served by a production build:
//   1. navigation to the ramp drawn in Chromium (the page's `performance.mark`, read
//      relative to navigation start: its first, set in the frame that paints the ramp the
//      server drew into the HTML) against a bare `GET /api/forecast` of the same data, both
//      answered from the stored forecast; the ratio of medians (target ≤ 2×). Also shown:
//      when the interactive chart (Recharts, drawn in the browser) took its place;
//   2. the same for opening a saved what-if (`/dashboard?scenario=NAME`, mark
//      `dashboard:whatif-drawn`) against `GET /api/forecast?scenario=NAME&tier=quick`;
//   3. the route's JavaScript from the build output (first load, uncompressed and gzip).
// PostgreSQL at BENCH_DATABASE_URL / DATABASE_URL (default the local server); the same
// database for both sides. BENCH_SKIP_BUILD=1 reuses the build; BENCH_RUNS (5) runs each.
// Last line, exactly: `dashboard ratio R whatif-ratio W js-kb K` (K: gzip KB, first load).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import pg from 'pg';
import { chromium } from '@playwright/test';
import { seedDemoUsers } from '@/lib/auth/seed-users';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { WHATIF_PARAMS } from '@/lib/forecast/dashboard-options';
import { openDatabase } from '@/lib/db/open';
import { killHard, startServer, waitForPage } from '../e2e/fixtures/spawn-server';
import { signInAs } from './bench-server';
import { generateModel } from './generate-model';
import { writeModel } from './write-model';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3211);
const BASE = `http://127.0.0.1:${PORT}`;
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
const log = (s: string) => console.error(s);

/** The route's first-load JavaScript, from the build's own bundle statistics. */
function routeJs(route: string): { files: number; rawKb: number; gzipKb: number } {
  const stats = JSON.parse(fs.readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`no bundle statistics for ${route}`);
  let raw = 0;
  let gz = 0;
  for (const file of entry.firstLoadChunkPaths) {
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: entry.firstLoadChunkPaths.length, rawKb: raw / 1024, gzipKb: gz / 1024 };
}

/** Time of a bare GET (the whole body read). */
async function timeGet(path: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return { ms: performance.now() - t, bytes: body.byteLength };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 900_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const dbName = `clearbuild_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  let server: ReturnType<typeof startServer> | null = null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const model = generateModel('large');
    log(`large model: ${model.items.length} items, ${model.recipes.length} recipes, ${model.poLines.length} PO lines`);
    const db = await openDatabase(resolveDatabaseTarget({ ...process.env, DATABASE_URL: dbUrl }));
    await seedDemoUsers(db.prisma);
    await db.close();
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await writeModel(client, model);
    await client.query('ANALYZE');
    await client.end();

    if (!process.env.BENCH_SKIP_BUILD) {
      log('building the production app (next build)…');
      const b = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
      if (b.status !== 0) throw new Error('next build failed');
    }
    const js = routeJs('/dashboard');
    server = startServer(PORT, { DATABASE_URL: dbUrl, BETTER_AUTH_SECRET: randomUUID() + randomUUID(), CLEARBUILD_FORECAST_COMPUTE_LIMIT_PER_MINUTE: '1000' });
    await waitForPage(PORT, server.child, server.output);
    const cookie = await signInAs(BASE, 'executive@clearbuild.demo');

    // The dashboard's forecast is computed in the background at start: wait until the page shows it.
    log('waiting for the dashboard forecast (computed in the background)…');
    await waitFor('the dashboard forecast', async () => ((await (await fetch(`${BASE}/dashboard`, { headers: { cookie } })).text()).includes('aria-label="Headline figures"') ? true : null));
    // The first view started the PO lines' values in the background (many engine re-runs): the page is
    // measured once they are on it too, so both sides read stored answers and nothing computes meanwhile.
    log('waiting for the PO lines’ values (computed in the background after the first view)…');
    const valuesFrom = performance.now();
    // Done when the section lists lines, or says none is at stake (the large model's values may all be 0).
    const valued = (html: string) => html.includes('PO lines by GPU-days at stake per week of slip') || html.includes('data-line-values="none-at-stake"');
    await waitFor('the PO lines’ values', async () => (valued(await (await fetch(`${BASE}/dashboard`, { headers: { cookie } })).text()) ? true : null));
    const valuesMs = performance.now() - valuesFrom;

    // A saved what-if: the supplier of the most open lines slips four weeks.
    const lines = (await (await fetch(`${BASE}/api/purchase-order-lines?status=open&limit=1000`, { headers: { cookie } })).json()) as { rows: { supplier: string }[] };
    const counts = new Map<string, number>();
    for (const r of lines.rows) counts.set(r.supplier, (counts.get(r.supplier) ?? 0) + 1);
    const supplier = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const name = `bench ${supplier} slips 4 weeks`;
    const saved = await fetch(`${BASE}/api/scenarios`, {
      method: 'POST',
      headers: { cookie, origin: BASE, 'content-type': 'application/json' },
      body: JSON.stringify({ name, adjustments: [{ kind: 'delaySupplier', supplier, days: 28 }] }),
    });
    if (saved.status !== 201) throw new Error(`saving the what-if: ${saved.status} ${await saved.text()}`);
    const plan = (await (await fetch(`${BASE}/api/forecast?tier=quick`, { headers: { cookie } })).json()) as { planStart: string; horizonDays: number };
    const whatIfApi = `/api/forecast?${new URLSearchParams({ ...WHATIF_PARAMS, planStart: plan.planStart, horizonDays: String(plan.horizonDays), scenario: name })}`;
    log('computing the what-if once (both sides then read it stored)…');
    await timeGet(whatIfApi, cookie);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookie.split('; ').map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1), url: BASE })));
    const page = await context.newPage();
    /** When the ramp was first on screen (the first mark), and when the interactive chart had drawn (its own mark, the last). */
    const interactiveMs: Record<string, number[]> = {};
    /** The page's HTML: its first byte and its last, from navigation start. */
    const htmlMs: Record<string, { firstByte: number; lastByte: number }[]> = {};
    const drawn = async (path: string, mark: string) => {
      await page.goto(`${BASE}${path}`);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 300_000, polling: 50 });
      const first = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { firstByte: n.responseStart, lastByte: n.responseEnd };
      });
      (htmlMs[path] ??= []).push(nav);
      await page.locator(`[data-drawn="${mark}"]`).waitFor({ state: 'attached', timeout: 300_000 });
      const marks = await page.evaluate((m) => performance.getEntriesByName(m).map((e) => e.startTime), mark);
      (interactiveMs[path] ??= []).push(marks[marks.length - 1]!);
      return first;
    };
    // One unmeasured round of each warms the server's route bundles and the browser's cache of the static chunks.
    await drawn('/dashboard', 'dashboard:chart-drawn');
    await drawn(`/dashboard?scenario=${encodeURIComponent(name)}`, 'dashboard:whatif-drawn');
    await timeGet('/api/forecast', cookie);

    const apiMs: number[] = [];
    const pageMs: number[] = [];
    const whatIfApiMs: number[] = [];
    const whatIfPageMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = await timeGet('/api/forecast', cookie);
      apiMs.push(a.ms);
      bytes = a.bytes;
      pageMs.push(await drawn('/dashboard', 'dashboard:chart-drawn'));
      whatIfApiMs.push((await timeGet(whatIfApi, cookie)).ms);
      whatIfPageMs.push(await drawn(`/dashboard?scenario=${encodeURIComponent(name)}`, 'dashboard:whatif-drawn'));
    }
    await context.close();

    const ratio = median(pageMs) / median(apiMs);
    const whatIfRatio = median(whatIfPageMs) / median(whatIfApiMs);
    console.log(`\nbench:dashboard — large model (${model.items.length.toLocaleString('en-US')} items, ${model.poLines.length.toLocaleString('en-US')} PO lines) in PostgreSQL, production build, Chromium; median of ${RUNS}`);
    console.log('| measure | page: navigation → chart drawn | bare GET /api/forecast | ratio (target ≤ 2×) |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| the dashboard | ${ms(median(pageMs))} | ${ms(median(apiMs))} (${(bytes / 1e6).toFixed(1)} MB) | ${ratio.toFixed(2)}× |`);
    console.log(`| a saved what-if (\`?scenario=\`) | ${ms(median(whatIfPageMs))} | ${ms(median(whatIfApiMs))} (quick tier) | ${whatIfRatio.toFixed(2)}× |`);
    console.log(`\nThe interactive chart (Recharts, drawn in the browser once its JavaScript has loaded) took the server-drawn ramp's place at ${ms(median(interactiveMs['/dashboard']!.slice(-RUNS)))} (the dashboard) and ${ms(median(interactiveMs[`/dashboard?scenario=${encodeURIComponent(name)}`]!.slice(-RUNS)))} (the saved what-if), medians.`);
    const html = (path: string) => {
      const runs = htmlMs[path]!.slice(-RUNS);
      return `first byte ${ms(median(runs.map((r) => r.firstByte)))}, last ${ms(median(runs.map((r) => r.lastByte)))}`;
    };
    console.log(`The page's HTML (server render and transfer): ${html('/dashboard')} (the dashboard); ${html(`/dashboard?scenario=${encodeURIComponent(name)}`)} (the saved what-if), medians.`);
    console.log(`\nThe PO lines' values (include=lineValues) were on the page ${(valuesMs / 1000).toFixed(0)} s after the first view started them.`);
    console.log(`/dashboard first-load JavaScript: ${js.files} files, ${js.rawKb.toFixed(0)} KB uncompressed, ${js.gzipKb.toFixed(0)} KB gzip`);
    console.log(`dashboard ratio ${ratio.toFixed(2)} whatif-ratio ${whatIfRatio.toFixed(2)} js-kb ${js.gzipKb.toFixed(0)}`);
  } finally {
    await browser.close();
    if (server) await killHard(server.child);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
