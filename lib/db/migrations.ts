import fs from 'node:fs';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';
import { openSchemaEngine } from './schema-engine';

// Read at run time from the app's folder (never bundled): the server applies them on start.
export const SCHEMA_PATH = path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma', 'migrations');

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The committed migrations as the schema engine expects them, oldest first. */
export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const entries = fs.existsSync(/* turbopackIgnore: true */ dir)
    ? fs.readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  return {
    baseDir: dir,
    // Paths are relative to baseDir, as Prisma's own CLI passes them: the engine records
    // `path` as the migration's name, so an absolute one would tie it to this checkout.
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: entries.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: fs.existsSync(file)
          ? { path: 'migration.sql', content: { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') } }
          : { path: 'migration.sql', content: { tag: 'error' as const, value: 'migration.sql is missing' } },
      };
    }),
  };
}

/** Applies every committed migration the database has not seen; a second run applies nothing. */
export async function applyPendingMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(SCHEMA_PATH, factory);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes a database from the committed migrations to the current
 * schema (empty string when they already match). Replays the migrations on the
 * adapter's shadow database, so it never touches real data.
 */
export async function diffSchemaAgainstMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const engine = await openSchemaEngine(SCHEMA_PATH, factory);
  try {
    const list = readMigrationList();
    const result = await engine.diff({
      from: list.migrationDirectories.length > 0 ? { tag: 'migrations', ...list } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? '').trim();
    return sql === '' || /^-- This is an empty migration\.?$/.test(sql) ? '' : `${sql}\n`;
  } finally {
    engine.free();
  }
}
