// npm run bench:load — autocannon on loopback against a production build:
// the dashboard, the purchase-order table page and the forecast API, 50
// connections for 30 s each, signed in as the demo executive; then the same
// again while procurement imports purchase-order files beside it. Prints p50/p99
// and errors per target. Uses DATABASE_URL when set (BETTER_AUTH_SECRET is then
// generated for the run), else a fresh embedded database in .data/bench.
// Options (env): BENCH_DURATION (s, default 30), BENCH_CONNECTIONS (50),
// BENCH_SKIP_BUILD=1 (reuse .next), BENCH_IMPORT_LINES (20000), BENCH_PATHS (comma-separated
// subset of the targets' paths, e.g. /purchase-orders).
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { killHard, seed, startServer, waitForPage } from '../e2e/fixtures/spawn-server';
import { benchDatabase, signInAs } from './bench-server';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const IMPORT_LINES = Number(process.env.BENCH_IMPORT_LINES ?? 20_000);
const ONLY = process.env.BENCH_PATHS?.split(',').map((p) => p.trim());
const TARGETS = [
  { name: 'dashboard page', path: '/dashboard' },
  { name: 'PO table page', path: '/purchase-orders' },
  { name: 'forecast API', path: '/api/forecast' },
].filter((t) => !ONLY || ONLY.includes(t.path));


function poCsv(round: number): string {
  const rows = ['supplier,po_number,line,sku,qty,promised_date,status'];
  for (let i = 0; i < IMPORT_LINES; i++) {
    rows.push(`NVIDIA,PO-BENCH-${Math.floor(i / 1000)},${(i % 1000) + 1},A100-SXM4-80G,8,2027-0${1 + (round % 9)}-${String((i % 28) + 1).padStart(2, '0')},open`);
  }
  return `${rows.join('\n')}\n`;
}

interface Row {
  target: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function hammer(cookie: string, label: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const t of TARGETS) {
    const r = await autocannon({ url: `${BASE}${t.path}`, connections: CONNECTIONS, duration: DURATION, headers: { cookie }, timeout: 60 });
    rows.push({
      target: `${t.name}${label}`,
      requests: r.requests.total,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
    });
    console.error(`  ${rows.at(-1)!.target}: ${rows.at(-1)!.requests} requests, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
  }
  return rows;
}

const db = await benchDatabase('.data/bench');
if (!process.env.BENCH_SKIP_BUILD) {
  const b = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
seed(db.env);
const server = startServer(PORT, { ...db.env, CLEARBUILD_SIGNIN_LIMIT_PER_ADDRESS_PER_MINUTE: '10000' });
let failed = false;
try {
  await waitForPage(PORT, server.child, server.output);
  const viewer = await signInAs(BASE, 'executive@clearbuild.demo');
  const importer = await signInAs(BASE, 'procurement@clearbuild.demo');
  // Warm up: the first render of each page compiles nothing in production, but fills caches.
  for (const t of TARGETS) await fetch(`${BASE}${t.path}`, { headers: { cookie: viewer } });

  console.error(`Load: ${CONNECTIONS} connections × ${DURATION} s per target on ${db.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`);
  const quiet = await hammer(viewer, '');

  let importing = true;
  const imports: { ms: number; status: number }[] = [];
  const beside = (async () => {
    for (let round = 0; importing; round++) {
      const t0 = Date.now();
      const res = await fetch(`${BASE}/api/imports/purchase-orders?filename=bench-${round}.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', cookie: importer },
        body: poCsv(round),
      });
      await res.text();
      imports.push({ ms: Date.now() - t0, status: res.status });
    }
  })();
  const busy = await hammer(viewer, ' + import');
  importing = false;
  await beside;

  console.log(`\nbench:load — ${CONNECTIONS} connections, ${DURATION} s per target, ${db.env.DATABASE_URL ? 'PostgreSQL 15' : 'embedded PGlite'}`);
  console.log('| target | requests | req/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of [...quiet, ...busy]) console.log(`| ${r.target} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  console.log(`\nImports beside the load: ${imports.length} × ${IMPORT_LINES} lines, statuses ${[...new Set(imports.map((i) => i.status))].join(',')}, ` +
    `${imports.map((i) => (i.ms / 1000).toFixed(1)).join(' s, ')} s each.`);
  failed = [...quiet, ...busy].some((r) => r.errors > 0 || r.non2xx > 0) || imports.some((i) => i.status !== 200);
  if (failed) console.log('FAILED: some requests errored or were not 2xx.');
} finally {
  await killHard(server.child);
  await db.drop();
}
process.exit(failed ? 1 : 0);
