import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from './test-support';

// A bulk transaction holds one connection. Callers ask it for several statements at once (an import reads the
// model's six tables in parallel): they run one after another, in the order asked, each with its own rows,
// and never through pg's own queue of a busy client (deprecated, gone in pg 9, and warned of at run time).
for (const kind of testDatabaseKinds()) {
  describe(`bulk transaction on ${kind.name}`, () => {
    let handle: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      handle = await kind.create();
    }, 120_000);
    afterAll(async () => {
      await handle?.dispose();
    });

    it('answers statements asked for at once, each with its own rows, in the order asked, with no busy-client warning', async () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        const finished: number[] = [];
        const rows = await handle.db.bulk.transaction((conn) =>
          Promise.all(
            // The first sleeps longest: had they run side by side, it would finish last.
            [5, 4, 3, 2, 1, 0].map(async (n) => {
              const r = await conn.query<{ n: number }>(`SELECT ${n}::int AS n, pg_sleep(${n / 100})`);
              finished.push(n);
              return r;
            }),
          ),
        );
        expect(rows.map((r) => r.map((x) => x.n))).toEqual([[5], [4], [3], [2], [1], [0]]);
        expect(finished).toEqual([5, 4, 3, 2, 1, 0]);
        await new Promise((r) => setImmediate(r));
        expect(warnings.filter((m) => m.includes('already executing'))).toEqual([]);
      } finally {
        process.off('warning', onWarning);
      }
    });

    it('a statement that fails rejects its own call, the rest still run in turn, and the transaction is rolled back', async () => {
      await handle.db.bulk.transaction((conn) => conn.query('CREATE TABLE IF NOT EXISTS bulk_turns (n int)'));
      const outcome = await handle.db.bulk
        .transaction(async (conn) => {
          const asked = [conn.query('INSERT INTO bulk_turns VALUES (1)'), conn.query('SELECT * FROM no_such_table'), conn.query('SELECT 1 AS one')];
          const settled = await Promise.allSettled(asked);
          // PostgreSQL refuses every statement after a failed one until the rollback: the third is refused too, not lost.
          expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
          throw new Error('roll back');
        })
        .catch((e: Error) => e.message);
      expect(outcome).toBe('roll back');
      const left = await handle.db.bulk.transaction((conn) => conn.query<{ c: string }>('SELECT count(*)::text AS c FROM bulk_turns'));
      expect(left[0]!.c).toBe('0');
    });
  });
}
