import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { decimalText } from '@/lib/db/value-text';

export interface ItemListRow {
  id: number;
  sku: string;
  name: string;
  category: string;
  unit: string;
  site: string | null;
  gpusOnlinePerUnit: number;
  hasRecipe: boolean;
}

export async function fetchItems(): Promise<ItemListRow[]> {
  const prisma = await getPrisma();
  const items = await prisma.item.findMany({
    orderBy: [{ category: 'asc' }, { sku: 'asc' }],
    include: { site: { select: { code: true } }, recipe: { select: { id: true } } },
  });
  return items.map((i) => ({
    id: i.id,
    sku: i.sku,
    name: i.name,
    category: i.category,
    unit: i.unit,
    site: i.site?.code ?? null,
    gpusOnlinePerUnit: i.gpusOnlinePerUnit,
    hasRecipe: i.recipe !== null,
  }));
}

export interface RecipeListRow {
  id: number;
  outputSku: string;
  outputName: string;
  outputQty: string;
  leadTimeDays: number;
  maxStartsPerWeek: number | null;
  components: { sku: string; name: string; qtyPerBuild: string; unit: string }[];
}

export async function fetchRecipes(): Promise<RecipeListRow[]> {
  const prisma = await getPrisma();
  const recipes = await prisma.recipe.findMany({
    include: {
      outputItem: { select: { sku: true, name: true } },
      lines: { include: { componentItem: { select: { sku: true, name: true, unit: true } } } },
    },
  });
  return recipes
    .map((r) => ({
      id: r.id,
      outputSku: r.outputItem.sku,
      outputName: r.outputItem.name,
      outputQty: decimalText(r.outputQty),
      leadTimeDays: r.leadTimeDays,
      maxStartsPerWeek: r.maxStartsPerWeek,
      components: r.lines
        .map((l) => ({ sku: l.componentItem.sku, name: l.componentItem.name, unit: l.componentItem.unit, qtyPerBuild: decimalText(l.qtyPerBuild) }))
        .sort((a, b) => a.sku.localeCompare(b.sku)),
    }))
    .sort((a, b) => a.outputSku.localeCompare(b.outputSku));
}
