import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { diffSchemaAgainstMigrations, readMigrationList } from './migrations';
import { testDatabaseKinds } from './test-support';

describe('committed migrations', () => {
  it('match prisma/schema.prisma exactly (db:migration:new would write nothing)', async () => {
    const pglite = await PGlite.create();
    try {
      const sql = await diffSchemaAgainstMigrations(new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory);
      expect(sql).toBe('');
    } finally {
      await pglite.close();
    }
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`migrations on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
    });
    afterAll(async () => env?.dispose());

    it('a fresh database gets every migration recorded in _prisma_migrations', async () => {
      expect(env.db.appliedMigrations).toHaveLength(readMigrationList().migrationDirectories.length);
      const rows = await env.db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
        SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(
        readMigrationList().migrationDirectories.map((d) => d.path),
      );
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    });

    it('applying migrations again applies nothing', async () => {
      const { openDatabase } = await import('./open');
      await env.db.close();
      const again = await openDatabase(env.target);
      expect(again.appliedMigrations).toEqual([]);
      env.db = again;
      expect(await again.prisma.item.count()).toBe(0);
    });
  });
}
