// Test-only: runs integration suites on every database this machine has — the
// embedded PGlite always, real PostgreSQL when DATABASE_URL is set — each test file
// on a database of its own so runs never see each other's rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from './config';
import { openDatabase, type OpenDatabase } from './open';

export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  /** A brand-new, migrated database; `dispose` removes it. */
  create(): Promise<{ db: OpenDatabase; target: DatabaseTarget; env: Record<string, string>; dispose(): Promise<void> }>;
}

const embedded: TestDatabaseKind = {
  name: 'pglite',
  async create() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearbuild-test-'));
    const target: DatabaseTarget = { kind: 'embedded', dataDir, display: `embedded PostgreSQL in ${dataDir}` };
    const handle = {
      db: await openDatabase(target),
      target,
      env: { CLEARBUILD_DATA_DIR: dataDir },
      async dispose() {
        await handle.db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return handle;
  },
};

function postgres(serverUrl: string): TestDatabaseKind {
  return {
    name: 'postgres',
    async create() {
      const name = `clearbuild_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const target: DatabaseTarget = { kind: 'postgres', url: url.toString(), display: url.toString() };
      const handle = {
        db: await openDatabase(target),
        target,
        env: { DATABASE_URL: url.toString() },
        async dispose() {
          await handle.db.close();
          const c = new pg.Client({ connectionString: serverUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
      return handle;
    },
  };
}

/** The databases integration tests run on here: PGlite, plus PostgreSQL when DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const url = process.env.DATABASE_URL?.trim();
  return url ? [embedded, postgres(url)] : [embedded];
}
