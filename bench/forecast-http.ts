// npm run bench:forecast:http — issue 3 (c): on the large synthetic model stored in
// PostgreSQL, the end-to-end GET /api/forecast of a production build against its
// baseline, a bare SELECT of the input rows (the same SQL, on a bare driver) plus the
// engine alone on the model those rows make. The glue (loading through Prisma,
// mapping, serialising, HTTP) should add at most 50%.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { computeForecast } from '@/lib/capacity';
import { seedDemoUsers } from '@/lib/auth/seed-users';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { buildCapacityModel } from '@/lib/forecast/build-model';
import { MODEL_QUERIES, type ModelRows } from '@/lib/forecast/load-model';
import { generateModel } from './generate-model';
import { writeModel } from './write-model';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function bareSelect(client: pg.Client): Promise<ModelRows> {
  const run = async (sql: string) => (await client.query(sql)).rows;
  // One connection runs them one after another; Prisma's pool may overlap them, which only favours the glue.
  return {
    items: await run(MODEL_QUERIES.items),
    recipes: await run(MODEL_QUERIES.recipes),
    components: await run(MODEL_QUERIES.components),
    inventory: await run(MODEL_QUERIES.inventory),
    poLines: await run(MODEL_QUERIES.poLines),
    targets: await run(MODEL_QUERIES.targets),
  } as ModelRows;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

async function main() {
  const dbName = `clearbuild_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  let server: ChildProcess | null = null;
  try {
    const model = generateModel('large');
    console.error(`large model: ${model.items.length} items, ${model.recipes.length} recipes, ${model.poLines.length} PO lines, ${model.horizonDays} days`);
    const db = await openDatabase(resolveDatabaseTarget({ ...process.env, DATABASE_URL: dbUrl }));
    await seedDemoUsers(db.prisma);
    await db.close();
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const t0 = performance.now();
    await writeModel(client, model);
    await client.query('ANALYZE');
    console.error(`loaded into PostgreSQL in ${ms(performance.now() - t0)}`);

    if (!process.env.BENCH_SKIP_BUILD) {
      console.error('building the production app (next build)…');
      const b = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
      if (b.status !== 0) throw new Error('next build failed');
    }
    server = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        BETTER_AUTH_SECRET: randomUUID() + randomUUID(),
        CLEARBUILD_FORECAST_CACHE: 'off',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    await waitForServer(`http://127.0.0.1:${PORT}/api/health`, server);

    const base = `http://127.0.0.1:${PORT}`;
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'executive@clearbuild.demo', password: 'clearbuild-demo' }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const headers = { cookie: signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
    const query = `planStart=${model.planStart}&horizonDays=${model.horizonDays}`;
    const selectMs: number[] = [];
    const engineMs: number[] = [];
    const httpMs: number[] = [];
    let engineGpuDays = 0;
    let httpGpuDays = 0;
    let bytes = 0;
    // A warm-up request compiles the route and opens the pool; it is not counted.
    await (await fetch(`${base}/api/forecast?${query}`, { headers })).arrayBuffer();
    for (let run = 0; run < RUNS; run++) {
      let t = performance.now();
      const rows = await bareSelect(client);
      selectMs.push(performance.now() - t);
      const m = buildCapacityModel(rows, { planStart: model.planStart, horizonDays: model.horizonDays, adjustments: [] });
      t = performance.now();
      const f = await computeForecast(m);
      engineMs.push(performance.now() - t);
      engineGpuDays = f.gpuDays;

      t = performance.now();
      const res = await fetch(`${base}/api/forecast?${query}`, { headers });
      const body = await res.text();
      httpMs.push(performance.now() - t);
      if (!res.ok) throw new Error(`GET /api/forecast: ${res.status} ${body.slice(0, 300)}`);
      bytes = body.length;
      httpGpuDays = (JSON.parse(body) as { gpuDays: number }).gpuDays;
    }
    await client.end();

    const baseline = median(selectMs) + median(engineMs);
    const glue = median(httpMs) - baseline;
    console.log('\n## GET /api/forecast on the large model (median of %d runs)\n', RUNS);
    console.log('| measure | time |');
    console.log('| --- | --- |');
    console.log(`| bare SELECT of the input rows (pg driver) | ${ms(median(selectMs))} |`);
    console.log(`| engine alone on those rows | ${ms(median(engineMs))} |`);
    console.log(`| baseline = SELECT + engine | ${ms(baseline)} |`);
    console.log(`| end-to-end GET /api/forecast (${(bytes / 1e6).toFixed(1)} MB JSON) | ${ms(median(httpMs))} |`);
    console.log(`| glue (loading via Prisma, mapping, serialising, HTTP) | ${ms(glue)} = ${((100 * glue) / baseline).toFixed(0)}% of baseline (target ≤ 50%) |`);
    console.log(`\nGPU-days: engine ${engineGpuDays}, API ${httpGpuDays} (${engineGpuDays === httpGpuDays ? 'equal' : 'DIFFERENT'})`);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

await main();
process.exit(0);
