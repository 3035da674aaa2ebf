import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';

/**
 * A bare driver connection for bulk work (imports): COPY and big set-based
 * statements that Prisma's query API cannot express or would slow down by
 * turning a million rows into objects. Schema and migrations stay Prisma's.
 */
export interface BulkConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Streams CSV text (no header) into `table (columns)`; returns when every chunk is in. */
  copyCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<void>;
}

export interface BulkSession {
  /** One transaction on one connection: committed when `fn` resolves, rolled back when it throws. */
  transaction<T>(fn: (conn: BulkConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const copyTarget = (table: string, columns: readonly string[]) => `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;

/** PostgreSQL server: its own small pool, so a long import never starves the app's Prisma pool. */
export function postgresBulkSession(connectionString: string): BulkSession {
  let pool: Pool | null = null;
  let lz4: boolean | null = null;
  async function getPool(): Promise<Pool> {
    if (!pool) {
      const pg = await import('pg');
      pool = new pg.default.Pool({ connectionString, max: Number(process.env.CLEARBUILD_BULK_POOL ?? 4) });
      // An idle connection the server drops (restart, DROP DATABASE) is replaced on next use, not a crash.
      pool.on('error', () => undefined);
    }
    return pool;
  }
  return {
    async transaction(fn) {
      const client = await (await getPool()).connect();
      const { from } = await import('pg-copy-streams');
      // One connection runs one statement at a time. Callers may ask for several at once (reading the model's
      // tables in parallel): they wait their turn here, in the order asked, instead of in pg's own queue
      // (deprecated, and gone in pg 9).
      let turn: Promise<unknown> = Promise.resolve();
      const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
        const next = turn.then(run);
        turn = next.catch(() => undefined);
        return next;
      };
      const conn: BulkConnection = {
        query: (sql, params) => inTurn(async () => (await client.query(sql, params as unknown[])).rows),
        copyCsv: (table, columns, chunks) =>
          inTurn(() => pipeline(Readable.from(chunks), client.query(from(`COPY ${copyTarget(table, columns)} FROM STDIN (FORMAT csv)`)))),
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        // A big import's audit documents compress about a second faster per million rows with lz4 than the
        // default pglz (PostgreSQL 14+, when built with it); reading them back needs nothing.
        lz4 ??= (await client.query(`SELECT 'lz4' = ANY(enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'`)).rows[0]?.ok === true;
        if (lz4) await client.query(`SET LOCAL default_toast_compression = 'lz4'`);
        const result = await fn(conn);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool?.end();
      pool = null;
    },
  };
}

// PGlite reads COPY input from a Blob: feed it in slices so a big file is never one string.
const PGLITE_COPY_SLICE = 8 * 1024 * 1024;

/** The embedded database: PGlite runs one transaction at a time, Prisma's queries wait for it. */
export function pgliteBulkSession(db: PGlite): BulkSession {
  return {
    transaction(fn) {
      return db.transaction(async (tx) => {
        const conn: BulkConnection = {
          query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as never,
          async copyCsv(table, columns, chunks) {
            const sql = `COPY ${copyTarget(table, columns)} FROM '/dev/blob' (FORMAT csv)`;
            let parts: string[] = [];
            let size = 0;
            const flush = async () => {
              if (size === 0) return;
              await tx.query(sql, [], { blob: new Blob(parts) });
              parts = [];
              size = 0;
            };
            for await (const chunk of chunks) {
              parts.push(chunk);
              size += chunk.length;
              if (size >= PGLITE_COPY_SLICE) await flush();
            }
            await flush();
          },
        };
        return fn(conn);
      }) as Promise<never>;
    },
    async close() {
      // The PGlite instance belongs to openDatabase, which closes it.
    },
  };
}
