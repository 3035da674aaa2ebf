import type { Adjustment, CapacityModel, PoLineStatus } from '@/lib/capacity';
import type { ModelRows } from './load-model';

/** Maps flat database rows onto the engine's plain model; no arithmetic happens here. */
export function buildCapacityModel(
  rows: ModelRows,
  opts: { planStart: string; horizonDays: number; adjustments: Adjustment[] },
): CapacityModel {
  const componentsByRecipe = new Map<number, { sku: string; qtyPerBuild: string }[]>();
  for (const c of rows.components) {
    let list = componentsByRecipe.get(c.recipeId);
    if (!list) componentsByRecipe.set(c.recipeId, (list = []));
    list.push({ sku: c.sku, qtyPerBuild: c.qty });
  }
  return {
    planStart: opts.planStart,
    horizonDays: opts.horizonDays,
    items: rows.items.map((i) => ({ sku: i.sku, name: i.name, category: i.category, unit: i.unit, site: i.site, gpusOnlinePerUnit: i.gpus })),
    recipes: rows.recipes.map((r) => ({
      outputSku: r.sku,
      outputQty: r.qty,
      leadTimeDays: r.lead,
      maxStartsPerWeek: r.max,
      components: componentsByRecipe.get(r.id) ?? [],
    })),
    inventory: rows.inventory,
    poLines: rows.poLines.map((l) => ({ ...l, status: l.status as PoLineStatus })),
    targets: rows.targets,
    adjustments: opts.adjustments,
  };
}
