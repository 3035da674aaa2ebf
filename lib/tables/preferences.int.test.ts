import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { deleteView, fetchSavedViews, fetchTableSettings, normalizeViewQuery, saveTableSettings, saveView, tableSettingsSchema } from './preferences';

for (const kind of testDatabaseKinds()) {
  describe(`table layouts and saved views on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
    });
    afterAll(async () => env?.dispose());

    it("keeps each person's layout of each table apart, and a second save replaces the first", async () => {
      const db = env.db.prisma;
      const layout = tableSettingsSchema.parse({ columnVisibility: { unit: false }, columnOrder: ['sku', 'name'], columnSizing: { name: 320 }, columnPinning: { start: ['sku'] } });
      await saveTableSettings(db, 'ann', 'items', layout);
      await saveTableSettings(db, 'bob', 'items', tableSettingsSchema.parse({ columnSizing: { name: 120 } }));
      expect(await fetchTableSettings(db, 'ann', 'items')).toEqual({ ...layout, columnPinning: { start: ['sku'], end: [] } });
      expect((await fetchTableSettings(db, 'bob', 'items'))?.columnSizing).toEqual({ name: 120 });
      expect(await fetchTableSettings(db, 'ann', 'inventory')).toBeNull();
      await saveTableSettings(db, 'ann', 'items', tableSettingsSchema.parse({ columnVisibility: { unit: true } }));
      expect((await fetchTableSettings(db, 'ann', 'items'))?.columnVisibility).toEqual({ unit: true });
    });

    it("lists only a person's own views of one table, replaces a view saved again under its name, and deletes only one's own", async () => {
      const db = env.db.prisma;
      const open = await saveView(db, 'ann', 'purchase-order-lines', 'Open NVIDIA', 'supplier=NVIDIA&status=open');
      await saveView(db, 'ann', 'purchase-order-lines', 'Late', 'promisedTo=2027-01-01');
      await saveView(db, 'bob', 'purchase-order-lines', 'Open NVIDIA', 'supplier=NVIDIA');
      await saveView(db, 'ann', 'items', 'GPUs', 'category=gpu');
      await saveView(db, 'ann', 'purchase-order-lines', 'Open NVIDIA', 'supplier=NVIDIA&status=received');
      const anns = await fetchSavedViews(db, 'ann', 'purchase-order-lines');
      expect(anns.map((v) => [v.name, v.query])).toEqual([
        ['Late', 'promisedTo=2027-01-01'],
        ['Open NVIDIA', 'supplier=NVIDIA&status=received'],
      ]);
      expect(await deleteView(db, 'bob', open.id)).toBe(false);
      expect(await deleteView(db, 'ann', open.id)).toBe(true);
      expect((await fetchSavedViews(db, 'ann', 'purchase-order-lines')).map((v) => v.name)).toEqual(['Late']);
      expect((await fetchSavedViews(db, 'bob', 'purchase-order-lines')).map((v) => v.query)).toEqual(['supplier=NVIDIA']);
    });
  });
}

describe('a saved view query', () => {
  it("keeps only the table's own filters, search and sort, in the table's order, never a page or format", () => {
    expect(normalizeViewQuery('purchase-order-lines', '?cursor=200&sort=qty:desc&status=open&format=csv&evil=1&q=gpu')).toEqual({ ok: true, query: 'status=open&q=gpu&sort=qty%3Adesc' });
  });
  it('is refused when the table would refuse it, naming the parameter', () => {
    const r = normalizeViewQuery('items', 'sort=price:up');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('sort');
  });
});
