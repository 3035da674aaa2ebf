import { multiplyDecimal } from './decimal';
import { lineKeyString } from './validate';
import type { CapacityModel, CapacityRecipe, InventoryRow, PoLine } from './types';

/** A PO line after the scenario's adjustments. */
export interface EffectiveLine extends PoLine {
  /** Days the scenario moves the line by, counted from when it is expected now (past-due lines: the plan start). */
  delayDays?: number;
  hypothetical?: boolean;
}

export interface ScenarioData {
  lines: EffectiveLine[];
  recipes: CapacityRecipe[];
  inventory: InventoryRow[];
}

/**
 * Applies a scenario's adjustments in order. A delay moves a line from the day
 * it is expected now, so a past-due line (expected on day 0) delayed by 42 days
 * arrives on day 42: "the pipe supplier slips six weeks" means six weeks from
 * whatever we expect today. The baseline is the scenario with no adjustments.
 * Lines are copied only when changed: the baseline touches none of 200,000.
 */
export function applyAdjustments(model: CapacityModel): ScenarioData {
  const adjustments = model.adjustments ?? [];
  const recipes: CapacityRecipe[] = model.recipes.map((r) => ({ ...r, components: [...r.components] }));
  if (adjustments.length === 0) return { lines: model.poLines, recipes, inventory: model.inventory };

  const lines: EffectiveLine[] = [...model.poLines];
  const copied = new Set<number>();
  const writable = (i: number): EffectiveLine => {
    if (!copied.has(i)) {
      lines[i] = { ...lines[i]!, delayDays: lines[i]!.delayDays ?? 0 };
      copied.add(i);
    }
    return lines[i]!;
  };
  const byKey = new Map<string, number>();
  if (adjustments.some((a) => 'lineNo' in a)) lines.forEach((l, i) => byKey.set(lineKeyString(l), i));
  const line = (key: string) => byKey.get(key);
  const recipeByOutput = new Map(recipes.map((r) => [r.outputSku, r]));
  // Stock is keyed by item and location; a setStock replaces that balance (or adds the row).
  const stock = new Map<string, InventoryRow>(model.inventory.map((r) => [`${r.sku}@${r.location}`, r]));

  for (const a of adjustments) {
    switch (a.kind) {
      case 'delaySupplier':
        lines.forEach((l, i) => {
          if (l.supplier === a.supplier) {
            const w = writable(i);
            w.delayDays = (w.delayDays ?? 0) + a.days;
          }
        });
        break;
      case 'delayLine': {
        const i = line(lineKeyString(a));
        if (i !== undefined) {
          const w = writable(i);
          w.delayDays = (w.delayDays ?? 0) + a.days;
        }
        break;
      }
      case 'scaleLine': {
        const i = line(lineKeyString(a));
        if (i !== undefined) {
          const w = writable(i);
          w.qty = multiplyDecimal(w.qty, a.factor);
        }
        break;
      }
      case 'cancelLine': {
        const i = line(lineKeyString(a));
        if (i !== undefined) writable(i).status = 'cancelled';
        break;
      }
      case 'addLine': {
        const l: EffectiveLine = {
          supplier: a.supplier,
          poNumber: a.poNumber,
          lineNo: a.lineNo,
          sku: a.sku,
          qty: a.qty,
          promisedDate: a.promisedDate,
          status: 'open',
          delayDays: 0,
          hypothetical: true,
        };
        lines.push(l);
        copied.add(lines.length - 1);
        byKey.set(lineKeyString(l), lines.length - 1);
        break;
      }
      case 'setLeadTime': {
        const r = recipeByOutput.get(a.outputSku);
        if (r) r.leadTimeDays = a.leadTimeDays;
        break;
      }
      case 'setWeeklyLimit': {
        const r = recipeByOutput.get(a.outputSku);
        if (r) r.maxStartsPerWeek = a.maxStartsPerWeek;
        break;
      }
      case 'setStock':
        stock.set(`${a.sku}@${a.location}`, { sku: a.sku, location: a.location, onHand: a.onHand });
        break;
    }
  }
  return { lines, recipes, inventory: [...stock.values()] };
}
