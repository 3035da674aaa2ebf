// npm run bench:import — issue 5: one purchase-order file of BENCH_IMPORT_LINES lines
// (default 1,000,000) imported against one PostgreSQL three ways:
//   (a) ingest floor: COPY … FROM STDIN into a bare table of the file's columns;
//   (b) upsert floor: COPY into a staging table, then INSERT … ON CONFLICT on the
//       natural key into the real tables — first on empty tables, then with every row unchanged;
//   (b′) the same floor read literally: one table keyed on the file's natural key, with
//       PurchaseOrderLine's indexes but no parents to resolve and no foreign keys;
//   (c) ClearBuild's pipeline (runImport: parse, map, validate, diff, upsert, audit,
//       batch record) for the same two imports, each in its own process for its peak RSS.
// (b) and (c) run in turns, BENCH_IMPORT_ROUNDS times (default 3); the ratios are per round
// and their median is held to the target. (a) and (b′) run once.
// Targets (printed, never asserted): (c) ≤ 1.3 × (b) for both imports, peak RSS ≤ 500 MB.
// Env: BENCH_IMPORT_LINES, BENCH_IMPORT_ROUNDS, BENCH_ADMIN_URL (a server where we may create and drop a
// database; default postgres://postgres@127.0.0.1:5432/postgres), BENCH_IMPORT_SEED.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { clearImportedData, count, createBenchDatabase, seedItems, settle, type BenchDatabase } from './database';
import { createNaturalKeyTable, ingestFloor, naturalKeyFloor, upsertFloor } from './floors';
import { benchItems, writePurchaseOrderCsv } from './generate-csv';
import { runPipelineImport } from './pipeline';
import { printReport, type Machine, type Results } from './report';

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000);
const SEED = Number(process.env.BENCH_IMPORT_SEED ?? 5);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!Number.isInteger(LINES) || LINES < 1) throw new Error(`BENCH_IMPORT_LINES must be a positive whole number, not ${process.env.BENCH_IMPORT_LINES}`);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`BENCH_IMPORT_ROUNDS must be a positive whole number, not ${process.env.BENCH_IMPORT_ROUNDS}`);

const log = (s: string) => console.error(s);

async function machine(client: pg.Client): Promise<Machine> {
  const setting = async (name: string) => (await client.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0]!.v;
  const settings: Record<string, string> = {};
  for (const name of ['shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_wal_size', 'synchronous_commit', 'fsync']) settings[name] = await setting(name);
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    loadAtStart: os.loadavg()[0]!,
    postgres: (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!,
    settings,
  };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearbuild-bench-import-'));
let db: BenchDatabase | null = null;
let client: pg.Client | null = null;
let cleaning: Promise<void> | null = null;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await client?.end().catch(() => undefined);
    await db?.drop().catch((err) => log(`could not drop ${db?.name}: ${err}`));
    fs.rmSync(tmp, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

let failed = false;
try {
  const file = path.join(tmp, 'purchase-orders.csv');
  log(`generating ${LINES.toLocaleString('en-US')} PO lines…`);
  const t = performance.now();
  const csv = { ...(await writePurchaseOrderCsv(file, LINES, SEED)), ms: 0 };
  csv.ms = performance.now() - t;

  db = await createBenchDatabase(ADMIN_URL);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await seedItems(client, benchItems());
  const info = await machine(client);
  const checks: Results['checks'] = [];
  const check = (ok: boolean, what: string) => checks.push({ ok, what });

  log('(a) ingest floor…');
  await settle(client);
  const ingest = await ingestFloor(client, file);
  check(ingest.rows === csv.lines, `(a) COPY loaded ${ingest.rows} of ${csv.lines} lines`);

  // (b′) once: reported beside (b), not the target's baseline.
  log('(b′) natural-key floor, first import and unchanged re-import…');
  await createNaturalKeyTable(client);
  await settle(client);
  const n1 = await naturalKeyFloor(client, file);
  await settle(client);
  const n2 = await naturalKeyFloor(client, file);
  check(n1.created === csv.lines && n2.created + n2.updated === 0, `(b′) ${n1.created} created, then ${n2.created} created and ${n2.updated} updated`);
  await client.query('DROP TABLE bench_natural_floor');

  // (b) and (c) take turns, ROUNDS times: each round's ratio compares runs minutes apart,
  // and the median over rounds is what a shared machine's noise moves least.
  const results: Results = { csv, ingest, natural: { first: n1, again: n2 }, rounds: [], checks };
  for (let round = 1; round <= ROUNDS && !results.error; round++) {
    const tag = `round ${round}/${ROUNDS}`;
    await clearImportedData(client);
    log(`(b) upsert floor, first import (${tag})…`);
    await settle(client);
    const b1 = await upsertFloor(client, file);
    check(b1.created === csv.lines && b1.updated === 0, `(b) ${tag} first import: ${b1.created} created, ${b1.updated} updated`);
    log(`(b) upsert floor, unchanged re-import (${tag})…`);
    await settle(client);
    const b2 = await upsertFloor(client, file);
    check(b2.created === 0 && b2.updated === 0, `(b) ${tag} re-import: ${b2.created} created, ${b2.updated} updated`);

    await clearImportedData(client);
    try {
      log(`(c) ClearBuild pipeline, first import (${tag})…`);
      await settle(client);
      const c1 = await runPipelineImport(db.url, file);
      check(c1.created === csv.lines && c1.updated === 0, `(c) ${tag} first import: ${c1.created} created, ${c1.updated} updated`);
      const stored = await count(client, 'PurchaseOrderLine');
      check(stored === csv.lines, `(c) ${tag} PurchaseOrderLine holds ${stored} lines after the first import (want ${csv.lines})`);
      log(`(c) ClearBuild pipeline, unchanged re-import (${tag})…`);
      await settle(client);
      const c2 = await runPipelineImport(db.url, file);
      check(c2.created === 0 && c2.updated === 0 && c2.unchanged === csv.lines, `(c) ${tag} re-import: ${c2.created} created, ${c2.updated} updated, ${c2.unchanged} unchanged`);
      check(c2.alreadyImported, `(c) ${tag} re-import reports alreadyImported = ${c2.alreadyImported}`);
      // Creations are audited 200 rows to an event (lib/imports/batch-events.ts): count the rows they hold.
      const { rows: audited } = await client.query<{ n: number }>(
        `SELECT coalesce(sum(CASE WHEN action = 'create-rows' THEN jsonb_array_length(after->'entityId') ELSE 1 END), 0)::int AS n FROM "AuditEvent"`,
      );
      check(audited[0]!.n === csv.lines, `(c) ${tag} ${audited[0]!.n} rows audited after both imports (every created line)`);
      results.rounds.push({ b1, b2, c1, c2 });
    } catch (err) {
      results.error = err instanceof Error ? err.message : String(err);
    }
  }
  printReport(info, results);
  failed = results.error !== undefined || checks.some((c) => !c.ok);
} catch (err) {
  failed = true;
  // An interrupt closes the connection under a running step; that error is ours, not news.
  if (!cleaning) log(err instanceof Error ? (err.stack ?? err.message) : String(err));
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
