import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgliteBulkSession, postgresBulkSession, type BulkSession } from './bulk';
import type { DatabaseTarget } from './config';
import { lockDataDir } from './data-dir-lock';
import { DatabaseSetupError, describeError, isConnectionFailure } from './errors';
import { applyPendingMigrations } from './migrations';
import { migrationsUpToDate } from './migrations-applied';
import { poolReader, prismaReader, type SqlReader } from './reader';
import { failInterruptedImports } from '@/lib/imports/run-import';

/**
 * What code needs to work on the database: the Prisma client and, for bulk work
 * (imports, reverts), the bare driver session opened with it. Passed as one value
 * so nothing ever has to find one from the other.
 */
export interface DatabaseHandle {
  prisma: PrismaClient;
  bulk: BulkSession;
  /** Read statements written as SQL (the tables' lists) on the same connections as `prisma`. */
  reader: SqlReader;
  /**
   * The process's shared state that goes with this database (forecasts in flight, a
   * few parsed forecasts): one map per open database, reached through the handle, so
   * every copy of a module that Next.js bundles sees the same entries.
   */
  locals: Map<string, unknown>;
}

/**
 * One open database and everything opened with it: the Prisma client, the bulk
 * session, the data-folder lock (released by `close`) and the process's shared
 * `locals`. lib/db/client.ts keeps the server's one handle on globalThis.
 */
export interface OpenDatabase extends DatabaseHandle {
  target: DatabaseTarget;
  /** Migrations this open applied (empty when the database was up to date). */
  appliedMigrations: string[];
  close(): Promise<void>;
}

async function embeddedFactory(
  dataDir: string,
): Promise<{ factory: SqlMigrationAwareDriverAdapterFactory; bulk: BulkSession; close: () => Promise<void> }> {
  // Loaded lazily so a server on DATABASE_URL never pulls the PGlite wasm in.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  const pglite = await PGlite.create(dataDir);
  return {
    factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    bulk: pgliteBulkSession(pglite),
    close: () => pglite.close(),
  };
}

/**
 * Opens the database the environment names, applies pending migrations, and
 * returns a Prisma client. Setup problems come back as one-line DatabaseSetupErrors.
 */
export async function openDatabase(target: DatabaseTarget, opts: { migrate?: boolean } = {}): Promise<OpenDatabase> {
  let factory: SqlMigrationAwareDriverAdapterFactory;
  let bulk: BulkSession;
  let closeDriver: () => Promise<void> = async () => undefined;
  let pool: pg.Pool | null = null;
  let release: () => void = () => undefined;

  if (target.kind === 'embedded') {
    release = lockDataDir(target.dataDir);
    try {
      ({ factory, bulk, close: closeDriver } = await embeddedFactory(target.dataDir));
    } catch (err) {
      release();
      throw new DatabaseSetupError(`ClearBuild: cannot open the embedded database in ${target.dataDir}: ${describeError(err)}`);
    }
  } else {
    // Our pool, handed to the adapter, so the reader runs on these very connections (lib/db/reader.ts).
    const appPool = new pg.Pool({ connectionString: target.url, max: Number(process.env.CLEARBUILD_DB_POOL ?? 10) });
    // An idle connection the server drops is replaced on next use, not a crash (the adapter logs it once connected).
    appPool.on('error', () => undefined);
    pool = appPool;
    closeDriver = () => appPool.end();
    factory = new PrismaPg(appPool);
    bulk = postgresBulkSession(target.url);
  }

  let appliedMigrations: string[] = [];
  try {
    if (opts.migrate !== false && !(await migrationsUpToDate(bulk!))) appliedMigrations = await applyPendingMigrations(factory);
  } catch (err) {
    await closeDriver().catch(() => undefined);
    release();
    if (target.kind === 'postgres' && isConnectionFailure(err)) {
      throw new DatabaseSetupError(`ClearBuild: cannot reach the database at ${target.display}: ${describeError(err)}. Check DATABASE_URL.`);
    }
    throw new DatabaseSetupError(`ClearBuild: applying migrations to ${target.display} failed: ${describeError(err)}`);
  }

  const prisma = new PrismaClient({ adapter: factory });
  if (opts.migrate !== false) {
    // Imports cut off by a killed process show as failed, not forever running.
    const failed = await failInterruptedImports(prisma);
    if (failed.length > 0) console.error(`ClearBuild: import batch ${failed.map((id) => `#${id}`).join(', ')} was interrupted and is marked failed.`);
  }
  return {
    prisma,
    bulk,
    reader: pool ? poolReader(pool) : prismaReader(prisma),
    target,
    locals: new Map(),
    appliedMigrations,
    async close() {
      await prisma.$disconnect();
      await bulk.close();
      await closeDriver();
      release();
    },
  };
}
