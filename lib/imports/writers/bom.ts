import { classify, skuIds } from '../classify';
import { decimalText } from '../diff-fields';
import type { KindWriter, RowProblem } from '../types';

export interface BomRow {
  outputSku: string;
  componentSku: string;
  qtyPerBuild: string;
}

const keyOf = (output: string, component: string) => `${output}/${component}`;

export const bomWriter: KindWriter<BomRow> = {
  entity: 'RecipeLine',
  async write({ tx, dryRun }, rows) {
    const ids = await skuIds(tx, rows.flatMap((r) => [r.value.outputSku, r.value.componentSku]));
    const recipes = await tx.recipe.findMany({
      where: { outputItemId: { in: [...ids.values()] } },
      select: { id: true, outputItemId: true },
    });
    const recipeByItem = new Map(recipes.map((r) => [r.outputItemId, r.id]));
    const problems: RowProblem[] = [];
    for (const { row, value: v } of rows) {
      const outputId = ids.get(v.outputSku);
      if (outputId === undefined) problems.push({ row, column: 'output_sku', message: `unknown SKU "${v.outputSku}": import it in items first` });
      else if (!recipeByItem.has(outputId)) {
        problems.push({ row, column: 'output_sku', message: `"${v.outputSku}" has no recipe: import it in recipes first` });
      }
      if (!ids.has(v.componentSku)) problems.push({ row, column: 'component_sku', message: `unknown SKU "${v.componentSku}": import it in items first` });
    }
    if (problems.length > 0) return { problems, changes: [] };

    const existing = await tx.recipeLine.findMany({
      where: { recipeId: { in: recipes.map((r) => r.id) } },
      include: { recipe: { select: { outputItem: { select: { sku: true } } } }, componentItem: { select: { sku: true } } },
    });
    const stored = new Map(
      existing.map((l) => [keyOf(l.recipe.outputItem.sku, l.componentItem.sku), { qtyPerBuild: decimalText(l.qtyPerBuild) }]),
    );
    const changes = classify(
      stored,
      rows.map(({ value: v }) => ({ key: keyOf(v.outputSku, v.componentSku), fields: { qtyPerBuild: v.qtyPerBuild } })),
    );
    if (dryRun) return { problems, changes };

    const byKey = new Map(rows.map((r) => [keyOf(r.value.outputSku, r.value.componentSku), r.value]));
    for (const c of changes) {
      if (c.action === 'unchanged') continue;
      const v = byKey.get(c.key)!;
      const recipeId = recipeByItem.get(ids.get(v.outputSku)!)!;
      const componentItemId = ids.get(v.componentSku)!;
      await tx.recipeLine.upsert({
        where: { recipeId_componentItemId: { recipeId, componentItemId } },
        create: { recipeId, componentItemId, qtyPerBuild: v.qtyPerBuild },
        update: { qtyPerBuild: v.qtyPerBuild },
      });
    }
    return { problems, changes };
  },
};
