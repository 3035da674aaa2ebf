import { classify, skuIds } from '../classify';
import { decimalText } from '../diff-fields';
import type { KindWriter, RowProblem } from '../types';

export interface InventoryRow {
  sku: string;
  location: string;
  onHand: string;
}

const keyOf = (sku: string, location: string) => `${sku}@${location}`;

export const inventoryWriter: KindWriter<InventoryRow> = {
  entity: 'InventoryBalance',
  async write({ tx, dryRun }, rows) {
    const ids = await skuIds(tx, rows.map((r) => r.value.sku));
    const problems: RowProblem[] = rows
      .filter((r) => !ids.has(r.value.sku))
      .map((r) => ({ row: r.row, column: 'sku', message: `unknown SKU "${r.value.sku}": import it in items first` }));
    if (problems.length > 0) return { problems, changes: [] };

    const existing = await tx.inventoryBalance.findMany({
      where: { itemId: { in: [...ids.values()] } },
      include: { item: { select: { sku: true } } },
    });
    const stored = new Map(existing.map((b) => [keyOf(b.item.sku, b.location), { onHand: decimalText(b.onHand) }]));
    const changes = classify(
      stored,
      rows.map(({ value: v }) => ({ key: keyOf(v.sku, v.location), fields: { onHand: v.onHand } })),
    );
    if (dryRun) return { problems, changes };

    const byKey = new Map(rows.map((r) => [keyOf(r.value.sku, r.value.location), r.value]));
    for (const c of changes) {
      if (c.action === 'unchanged') continue;
      const v = byKey.get(c.key)!;
      const itemId = ids.get(v.sku)!;
      await tx.inventoryBalance.upsert({
        where: { itemId_location: { itemId, location: v.location } },
        create: { itemId, location: v.location, onHand: v.onHand },
        update: { onHand: v.onHand },
      });
    }
    return { problems, changes };
  },
};
