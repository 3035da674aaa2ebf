import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { BomItem, BomRecipe } from './tree';

/** The client (or a transaction) the model is read through: the app's (lib/bom/queries.ts) or a test's. */
type Prisma = Pick<PrismaClient, 'item' | 'recipe'>;

/** Decimal columns as the API writes them: trimmed, no exponent ("0.25", "8"). */
const decimalText = (d: { toFixed(): string }): string => {
  const s = d.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};

/**
 * What the BOM tree needs: every item (names, units, which are capacity items) and every
 * recipe with its lines, each with the id and version a change set names. A few hundred
 * rows on a real build-out, so the page reads them whole and the math runs in lib/bom/tree.ts.
 */
export async function fetchBomModel(prisma: Prisma): Promise<{ items: BomItem[]; recipes: BomRecipe[] }> {
  const [items, recipes] = await Promise.all([
    prisma.item.findMany({ select: { sku: true, name: true, unit: true, gpusOnlinePerUnit: true }, orderBy: { sku: 'asc' } }),
    prisma.recipe.findMany({
      select: {
        id: true,
        version: true,
        outputQty: true,
        leadTimeDays: true,
        maxStartsPerWeek: true,
        outputItem: { select: { sku: true } },
        lines: { select: { id: true, version: true, qtyPerBuild: true, componentItem: { select: { sku: true } } } },
      },
    }),
  ]);
  return {
    items,
    recipes: recipes.map((r) => ({
      id: r.id,
      version: r.version,
      outputSku: r.outputItem.sku,
      outputQty: decimalText(r.outputQty),
      leadTimeDays: r.leadTimeDays,
      maxStartsPerWeek: r.maxStartsPerWeek,
      lines: r.lines.map((l) => ({ id: l.id, version: l.version, componentSku: l.componentItem.sku, qtyPerBuild: decimalText(l.qtyPerBuild) })),
    })),
  };
}
