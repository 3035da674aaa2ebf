// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between
// the committed migrations and prisma/schema.prisma, using Prisma's Wasm schema engine
// on a throwaway in-memory PGlite (so no server and no native engine are needed).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { MIGRATIONS_DIR, diffSchemaAgainstMigrations } from '../lib/db/migrations';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration:new -- <name>   (lowercase letters, digits and _)');
  process.exit(2);
}

const pglite = await PGlite.create();
try {
  const sql = await diffSchemaAgainstMigrations(new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory);
  if (!sql) {
    console.log('The schema already matches the committed migrations: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `-- Written by npm run db:migration:new (Prisma Wasm schema engine)\n${sql}`);
    const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await pglite.close();
}
