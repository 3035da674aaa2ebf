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

export async function upsertFloor(client: pg.Client, file: string): Promise<UpsertFloor> {
  const t = performance.now();
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TEMP TABLE po_staging (${FILE_COLUMNS}) ON COMMIT DROP`);
    const rows = await copyFile(client, 'po_staging', file);
    // Temp tables are never auto-analysed; without statistics the joins below plan blind.
    await client.query('ANALYZE po_staging');
    const copied = performance.now();
    await client.query(`INSERT INTO "Supplier"(code, name) SELECT DISTINCT supplier, supplier FROM po_staging ON CONFLICT (code) DO NOTHING`);
    await client.query(
      `INSERT INTO "PurchaseOrder"("supplierId", "poNumber")
       SELECT DISTINCT su.id, s.po_number FROM po_staging s JOIN "Supplier" su ON su.code = s.supplier
       ON CONFLICT ("supplierId", "poNumber") DO NOTHING`,
    );
    const parents = performance.now();
    const { rows: counts } = await client.query<{ created: number; updated: number }>(UPSERT_LINES);
    await client.query('COMMIT');
    const end = performance.now();
    const phases = { copy: copied - t, parents: parents - copied, lines: end - parents };
    return { ms: end - t, rows, created: counts[0]!.created, updated: counts[0]!.updated, phases };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
