import { classify, skuIds } from '../classify';
import { decimalText } from '../diff-fields';
import type { KindWriter, RowProblem } from '../types';

export interface RecipeRow {
  outputSku: string;
  outputQty: string;
  leadTimeDays: number;
  maxStartsPerWeek: number | null;
}

export const recipesWriter: KindWriter<RecipeRow> = {
  entity: 'Recipe',
  async write({ tx, dryRun }, rows) {
    const ids = await skuIds(tx, rows.map((r) => r.value.outputSku));
    const problems: RowProblem[] = rows
      .filter((r) => !ids.has(r.value.outputSku))
      .map((r) => ({ row: r.row, column: 'output_sku', message: `unknown SKU "${r.value.outputSku}": import it in items first` }));
    if (problems.length > 0) return { problems, changes: [] };

    const existing = await tx.recipe.findMany({
      where: { outputItemId: { in: [...ids.values()] } },
      include: { outputItem: { select: { sku: true } } },
    });
    const stored = new Map(
      existing.map((r) => [
        r.outputItem.sku,
        { outputQty: decimalText(r.outputQty), leadTimeDays: r.leadTimeDays, maxStartsPerWeek: r.maxStartsPerWeek },
      ]),
    );
    const changes = classify(
      stored,
      rows.map(({ value: v }) => ({
        key: v.outputSku,
        fields: { outputQty: v.outputQty, leadTimeDays: v.leadTimeDays, maxStartsPerWeek: v.maxStartsPerWeek },
      })),
    );
    if (dryRun) return { problems, changes };

    const byKey = new Map(rows.map((r) => [r.value.outputSku, r.value]));
    for (const c of changes) {
      if (c.action === 'unchanged') continue;
      const v = byKey.get(c.key)!;
      const data = { outputQty: v.outputQty, leadTimeDays: v.leadTimeDays, maxStartsPerWeek: v.maxStartsPerWeek };
      await tx.recipe.upsert({ where: { outputItemId: ids.get(c.key)! }, create: { outputItemId: ids.get(c.key)!, ...data }, update: data });
    }
    return { problems, changes };
  },
};
