import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BulkSession } from './bulk';
import { MIGRATIONS_DIR } from './migrations';

/**
 * True when every committed migration is recorded in Prisma's `_prisma_migrations`
 * as applied, with the same checksum. Then opening the database needs no schema
 * engine: loading the Wasm engine costs about a second and a hundred megabytes,
 * on every CLI run and server start. Anything unexpected answers false, and the
 * engine decides.
 */
export async function migrationsUpToDate(bulk: BulkSession, dir = MIGRATIONS_DIR): Promise<boolean> {
  const wanted = new Map<string, string>();
  for (const entry of fs.readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sql = fs.readFileSync(/* turbopackIgnore: true */ path.join(dir, entry.name, 'migration.sql'));
    wanted.set(entry.name, createHash('sha256').update(sql).digest('hex'));
  }
  try {
    const applied = await bulk.transaction((conn) =>
      conn.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
    );
    const have = new Map(applied.map((m) => [m.migration_name, m.checksum]));
    return [...wanted].every(([name, checksum]) => have.get(name) === checksum);
  } catch {
    return false; // no table yet: a new database
  }
}
