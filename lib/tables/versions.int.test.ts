import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitChanges } from '@/lib/changes/commit';
import { parseChangeRequest } from '@/lib/changes/request';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { TABLES } from './definitions';
import { fetchListPage } from './list';
import type { ListRow, TableName } from './types';

// The version each list returns is the one a change set is checked against: an edit sent
// with it commits, the same edit sent again with it (now stale) conflicts and writes nothing.

const TODAY = '2026-12-03';

for (const kind of testDatabaseKinds()) {
  describe(`list versions and change sets on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;

    const listed = async (table: TableName, filters: Record<string, string>): Promise<ListRow> => {
      const def = TABLES[table];
      const page = await fetchListPage(env.db, def, { filters, sort: [...def.defaultSort], format: 'json', limit: 10, cursor: 0 });
      expect(page.rows).toHaveLength(1);
      return page.rows[0]!;
    };
    const commit = (changes: unknown[]) => {
      const p = parseChangeRequest({ changes, source: 'edit' });
      if (!p.ok) throw new Error(p.message);
      return commitChanges(env.db, p.changes, { actor: 'versions@test', source: p.source, envelopeErrors: p.envelopeErrors, today: TODAY });
    };

    beforeAll(async () => {
      env = await kind.create();
      const db = env.db.prisma;
      const out = await db.item.create({ data: { sku: 'VER-NODE', name: 'Version node', category: 'compute', unit: 'ea', gpusOnlinePerUnit: 8 } });
      const part = await db.item.create({ data: { sku: 'VER-GPU', name: 'Version GPU', category: 'gpu', unit: 'ea' } });
      await db.inventoryBalance.create({ data: { itemId: part.id, location: 'WH-VER', onHand: '16' } });
      await db.supplier.create({ data: { code: 'VERSUP', name: 'Version supplier' } });
      const recipe = await db.recipe.create({ data: { outputItemId: out.id, outputQty: '1', leadTimeDays: 7 } });
      await db.recipeLine.create({ data: { recipeId: recipe.id, componentItemId: part.id, qtyPerBuild: '8' } });
    });
    afterAll(async () => env?.dispose());

    const cases: { table: TableName; filters: Record<string, string>; change: (r: ListRow) => { entity: string; id: number; version: unknown; set: Record<string, unknown> }; shows: (r: ListRow) => unknown; expected: unknown }[] = [
      { table: 'items', filters: { sku: 'VER-GPU' }, change: (r) => ({ entity: 'item', id: r.id, version: r.version, set: { name: 'Version GPU v2' } }), shows: (r) => r.name, expected: 'Version GPU v2' },
      { table: 'inventory', filters: { sku: 'VER-GPU', location: 'WH-VER' }, change: (r) => ({ entity: 'inventoryBalance', id: r.id, version: r.version, set: { onHand: '20' } }), shows: (r) => r.onHand, expected: '20' },
      { table: 'suppliers', filters: { code: 'VERSUP' }, change: (r) => ({ entity: 'supplier', id: r.id, version: r.version, set: { name: 'Version supplier v2' } }), shows: (r) => r.name, expected: 'Version supplier v2' },
      { table: 'bom-lines', filters: { outputSku: 'VER-NODE' }, change: (r) => ({ entity: 'recipeLine', id: r.id, version: r.version, set: { qtyPerBuild: '4' } }), shows: (r) => r.qtyPerBuild, expected: '4' },
      {
        table: 'bom-lines',
        filters: { outputSku: 'VER-NODE' },
        change: (r) => ({ entity: 'recipe', id: Number(r.recipeId), version: r.recipeVersion, set: { leadTimeDays: 10 } }),
        shows: (r) => r.leadTimeDays,
        expected: 10,
      },
    ];

    for (const c of cases) {
      it(`${c.table}: ${c.change({ id: 0 } as ListRow).entity} commits at the listed version, and that version sent again conflicts with nothing applied`, async () => {
        const before = await listed(c.table, c.filters);
        const change = c.change(before);
        expect(typeof change.version).toBe('number');
        const first = await commit([change]);
        expect(first.outcome).toBe('committed');
        const after = await listed(c.table, c.filters);
        expect(c.shows(after)).toEqual(c.expected);
        // The list shows the new version, one past the one it was committed at.
        const nowVersion = change.entity === 'recipe' ? after.recipeVersion : after.version;
        expect(nowVersion).toBe(Number(change.version) + 1);

        const stale = await commit([{ ...change, set: Object.fromEntries(Object.keys(change.set).map((k) => [k, k === 'leadTimeDays' ? 3 : k === 'onHand' ? '1' : k === 'qtyPerBuild' ? '2' : 'stale'])) }]);
        expect(stale.outcome).toBe('conflict');
        if (stale.outcome === 'conflict') {
          expect(stale.conflicts[0]).toMatchObject({ id: change.id, baseVersion: change.version, currentVersion: Number(change.version) + 1 });
        }
        expect(c.shows(await listed(c.table, c.filters))).toEqual(c.expected);
      });
    }
  });
}
