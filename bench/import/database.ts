import pg from 'pg';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import type { BenchItem } from './generate-csv';

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database on the admin URL's server, with the real schema applied by ClearBuild's own migrations. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `clearbuild_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db: BenchDatabase = {
    url: u.toString(),
    name,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
  try {
    const opened = await openDatabase(resolveDatabaseTarget({ ...process.env, DATABASE_URL: db.url }));
    await opened.close();
  } catch (err) {
    await db.drop().catch(() => undefined);
    throw err;
  }
  return db;
}

/** The file's SKUs must exist before any PO import (an unknown SKU refuses the file); setup, not timed. */
export async function seedItems(client: pg.Client, items: BenchItem[]): Promise<void> {
  await client.query(
    `INSERT INTO "Item"(sku, name, category, unit, "updatedAt")
     SELECT x.sku, x.sku, x.category::"ItemCategory", x.unit, now()
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(sku, category, unit)`,
    [items.map((i) => i.sku), items.map((i) => i.category), items.map((i) => i.unit)],
  );
}

/** Empties what an import writes (items stay), so the pipeline starts where the SQL floor started. */
export async function clearImportedData(client: pg.Client): Promise<void> {
  await client.query(`TRUNCATE "AuditEvent", "ImportBatch", "PurchaseOrderLine", "PurchaseOrder", "Supplier" RESTART IDENTITY CASCADE`);
}

/**
 * Before every timed step: fresh statistics, and no dirty pages left by the step
 * before for this one to pay for.
 */
export async function settle(client: pg.Client): Promise<void> {
  await client.query('VACUUM ANALYZE');
  // CHECKPOINT needs superuser or pg_checkpoint; without it the figures are only noisier.
  await client.query('CHECKPOINT').catch(() => undefined);
}

export async function count(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0]!.n;
}
