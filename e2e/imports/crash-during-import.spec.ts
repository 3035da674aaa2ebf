import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { request as playwrightRequest } from '@playwright/test';
import { openDatabase } from '../../lib/db/open';
import type { DatabaseTarget } from '../../lib/db/config';
import { expect, test } from '../fixtures/auth';
import { signInThroughApi } from '../fixtures/auth';
import { snapshotData } from '../fixtures/db-snapshot';
import { killHard, seed, startServer, waitForPage } from '../fixtures/spawn-server';

// A 1,000,000-line purchase-order import is killed (kill -9, whole server) while its
// transaction is writing: every row has been streamed into the staging table and the
// statement that writes the lines and their audit events is running (the server logs
// when it starts; on PostgreSQL that statement is also seen running in pg_stat_activity). After a restart the data must be exactly what it was
// before, and the batch must show as failed — on the embedded PGlite, and on
// PostgreSQL when DATABASE_URL names a server.

const LINES = 1_000_000;
const PORT = 3120; // its own: the e2e servers listen on 3100 and 3110
const WRITING = /import batch #\d+ \(purchase-orders\): 1000000 rows staged, writing/;

function millionLineCsv(): Buffer {
  const rows = ['supplier,po_number,line,sku,qty,promised_date,status'];
  for (let i = 0; i < LINES; i++) rows.push(`NVIDIA,PO-CRASH-${Math.floor(i / 1000)},${(i % 1000) + 1},A100-SXM4-80G,8,2027-03-${String((i % 28) + 1).padStart(2, '0')},open`);
  return Buffer.from(`${rows.join('\n')}\n`);
}

interface Kind {
  name: string;
  setUp(): Promise<{ target: DatabaseTarget; env: Record<string, string>; importIsWriting: (serverOutput: string) => Promise<boolean>; tearDown(): Promise<void> }>;
}

const pglite: Kind = {
  name: 'PGlite',
  async setUp() {
    const dataDir = path.resolve('.data/e2e-crash');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const env = { CLEARBUILD_DATA_DIR: dataDir };
    seed(env);
    return {
      target: { kind: 'embedded', dataDir, display: dataDir },
      env,
      // PGlite runs inside the server process, so nothing outside shows progress: the
      // server says when the import has staged every row and starts writing them.
      importIsWriting: async (serverOutput) => WRITING.test(serverOutput),
      tearDown: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

function postgres(serverUrl: string): Kind {
  return {
    name: 'PostgreSQL',
    async setUp() {
      const name = `clearbuild_crash_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString(), BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') };
      seed(env);
      return {
        target: { kind: 'postgres', url: url.toString(), display: name },
        env,
        // The server said it is writing, and PostgreSQL shows the statement that writes the lines and their
        // audit events running (named by its leading comment: pg_stat_activity keeps only a query's first 1 kB).
        importIsWriting: async (serverOutput) => {
          if (!WRITING.test(serverOutput)) return false;
          const { rows } = await admin.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE '/* clearbuild: import writes PurchaseOrderLine */%'`,
            [name],
          );
          return rows.length > 0;
        },
        tearDown: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  };
}

const KINDS = process.env.DATABASE_URL ? [pglite, postgres(process.env.DATABASE_URL)] : [pglite];

for (const kind of KINDS) {
  test(`killing the server mid-way through a 1,000,000-line import leaves the ${kind.name} data as before and the batch failed`, async () => {
    test.setTimeout(600_000);
    const db = await kind.setUp();
    const servers: ReturnType<typeof startServer>[] = [];
    try {
      let open = await openDatabase(db.target);
      const before = await snapshotData(open.prisma);
      const batchesBefore = await open.prisma.importBatch.count();
      await open.close();

      const server = startServer(PORT, db.env);
      servers.push(server);
      await waitForPage(PORT, server.child, server.output);
      const base = `http://127.0.0.1:${PORT}`;
      const client = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
      await signInThroughApi(client, base, 'procurement');
      const upload = client
        .post('/api/imports/purchase-orders?filename=crash.csv', { headers: { 'content-type': 'text/csv' }, data: millionLineCsv(), timeout: 0 })
        .then(
          (r) => `answered ${r.status()}`,
          () => 'cut off',
        );
      await expect.poll(() => db.importIsWriting(server.output()), { timeout: 400_000, intervals: [250] }).toBe(true);
      await killHard(server.child);
      expect(await upload).toBe('cut off');
      await client.dispose();

      // Restart: opening the database recovers it and marks the orphaned batch failed.
      open = await openDatabase(db.target);
      expect(await snapshotData(open.prisma)).toEqual(before);
      const batches = await open.prisma.importBatch.findMany({ orderBy: { id: 'asc' }, skip: batchesBefore });
      expect(batches).toEqual([expect.objectContaining({ filename: 'crash.csv', status: 'failed', createdCount: 0 })]);
      await open.close();

      // And the restarted app shows it so.
      const again = startServer(PORT, db.env);
      servers.push(again);
      await waitForPage(PORT, again.child, again.output);
      const viewer = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
      await signInThroughApi(viewer, base, 'executive');
      const html = await (await viewer.get('/imports')).text();
      expect(html).toMatch(/crash\.csv.*?failed/s);
      await viewer.dispose();
    } finally {
      for (const s of servers) await killHard(s.child);
      await db.tearDown();
    }
  });
}
