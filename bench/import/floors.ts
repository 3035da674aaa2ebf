import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The two floors of issue 5, done by PostgreSQL alone on one connection:
 * (a) COPY of the file into a bare table, (b) the same keyed upsert as an
 * import (suppliers and POs created on first sight, lines inserted or updated
 * on the natural key, unchanged lines not written) in one transaction.
 */

// The canonical columns, typed as the real schema stores them: COPY's parsing is the floor's validation.
const FILE_COLUMNS = `supplier text NOT NULL, po_number text NOT NULL, line integer NOT NULL, sku text NOT NULL,
  qty numeric(18,6) NOT NULL, promised_date date NOT NULL, status "PoLineStatus" NOT NULL`;

async function copyFile(client: pg.Client, table: string, file: string): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT csv, HEADER true)`));
  await pipeline(fs.createReadStream(file), stream);
  return stream.rowCount;
}

export interface IngestFloor {
  ms: number;
  rows: number;
}

export async function ingestFloor(client: pg.Client, file: string): Promise<IngestFloor> {
  await client.query(`DROP TABLE IF EXISTS bench_copy_floor`);
  await client.query(`CREATE TABLE bench_copy_floor (${FILE_COLUMNS})`);
  const t = performance.now();
  const rows = await copyFile(client, 'bench_copy_floor', file);
  const ms = performance.now() - t;
  await client.query(`DROP TABLE bench_copy_floor`);
  return { ms, rows };
}

export interface UpsertFloor {
  ms: number;
  rows: number;
  created: number;
  updated: number;
  /** Where the time went: COPY to staging (+ ANALYZE), suppliers and POs, lines. */
  phases: { copy: number; parents: number; lines: number };
}

const UPSERT_LINES = `
WITH up AS (
  INSERT INTO "PurchaseOrderLine" ("purchaseOrderId", "lineNo", "itemId", qty, "promisedDate", status, "updatedAt")
  SELECT p.id, s.line, i.id, s.qty, s.promised_date, s.status, now()
  FROM po_staging s
  JOIN "Supplier" su ON su.code = s.supplier
  JOIN "PurchaseOrder" p ON p."supplierId" = su.id AND p."poNumber" = s.po_number
  JOIN "Item" i ON i.sku = s.sku
  ON CONFLICT ("purchaseOrderId", "lineNo") DO UPDATE SET
    "itemId" = EXCLUDED."itemId", qty = EXCLUDED.qty, "promisedDate" = EXCLUDED."promisedDate", status = EXCLUDED.status,
    version = "PurchaseOrderLine".version + 1, "updatedAt" = now()
  WHERE ("PurchaseOrderLine"."itemId", "PurchaseOrderLine".qty, "PurchaseOrderLine"."promisedDate", "PurchaseOrderLine".status)
    IS DISTINCT FROM (EXCLUDED."itemId", EXCLUDED.qty, EXCLUDED."promisedDate", EXCLUDED.status)
  RETURNING (xmax = 0) AS created
)
SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated FROM up`;


/**
 * One floor run: COPY the file into a temporary staging table (analysed: temp tables never
 * are, and the joins would plan blind), then `write` — all in one transaction, timed.
 */
async function stagedFloor(
  client: pg.Client,
  file: string,
  write: () => Promise<{ created: number; updated: number; parentsMs?: number }>,
): Promise<UpsertFloor> {
  const t = performance.now();
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TEMP TABLE po_staging (${FILE_COLUMNS}) ON COMMIT DROP`);
    const rows = await copyFile(client, 'po_staging', file);
    await client.query('ANALYZE po_staging');
    const copied = performance.now();
    const { created, updated, parentsMs = 0 } = await write();
    await client.query('COMMIT');
    const end = performance.now();
    return { ms: end - t, rows, created, updated, phases: { copy: copied - t, parents: parentsMs, lines: end - copied - parentsMs } };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export function upsertFloor(client: pg.Client, file: string): Promise<UpsertFloor> {
  return stagedFloor(client, file, async () => {
    const t = performance.now();
    await client.query(`INSERT INTO "Supplier"(code, name) SELECT DISTINCT supplier, supplier FROM po_staging ON CONFLICT (code) DO NOTHING`);
    await client.query(
      `INSERT INTO "PurchaseOrder"("supplierId", "poNumber")
       SELECT DISTINCT su.id, s.po_number FROM po_staging s JOIN "Supplier" su ON su.code = s.supplier
       ON CONFLICT ("supplierId", "poNumber") DO NOTHING`,
    );
    const parentsMs = performance.now() - t;
    const { rows } = await client.query<{ created: number; updated: number }>(UPSERT_LINES);
    return { ...rows[0]!, parentsMs };
  });
}

/**
 * (b′) The floor read literally: the upsert into one table keyed on the file's own
 * natural key (supplier, po_number, line) with the real PurchaseOrderLine's secondary
 * indexes, but no parent tables to resolve and no foreign keys to check. Cheaper than (b),
 * which writes the real schema; printed beside it so both comparisons are on the record.
 */
export function naturalKeyFloor(client: pg.Client, file: string): Promise<UpsertFloor> {
  return stagedFloor(client, file, async () => (await client.query<{ created: number; updated: number }>(UPSERT_NATURAL)).rows[0]!);
}

const UPSERT_NATURAL = `
WITH up AS (
  INSERT INTO bench_natural_floor (supplier, po_number, line, sku, qty, promised_date, status, updated_at)
  SELECT supplier, po_number, line, sku, qty, promised_date, status, now() FROM po_staging
  ON CONFLICT (supplier, po_number, line) DO UPDATE SET
    sku = EXCLUDED.sku, qty = EXCLUDED.qty, promised_date = EXCLUDED.promised_date, status = EXCLUDED.status,
    version = bench_natural_floor.version + 1, updated_at = now()
  WHERE (bench_natural_floor.sku, bench_natural_floor.qty, bench_natural_floor.promised_date, bench_natural_floor.status)
    IS DISTINCT FROM (EXCLUDED.sku, EXCLUDED.qty, EXCLUDED.promised_date, EXCLUDED.status)
  RETURNING (xmax = 0) AS created
)
SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated FROM up`;

/** The natural-key table of (b′): PurchaseOrderLine's columns and indexes, keyed on the file's key. */
export async function createNaturalKeyTable(client: pg.Client): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS bench_natural_floor`);
  await client.query(`CREATE TABLE bench_natural_floor (
    id serial PRIMARY KEY, ${FILE_COLUMNS}, version integer NOT NULL DEFAULT 1,
    created_at timestamp(3) NOT NULL DEFAULT now(), updated_at timestamp(3) NOT NULL,
    UNIQUE (supplier, po_number, line))`);
  await client.query(`CREATE INDEX ON bench_natural_floor (sku)`);
  await client.query(`CREATE INDEX ON bench_natural_floor (promised_date)`);
  await client.query(`CREATE INDEX ON bench_natural_floor (status, promised_date)`);
}
