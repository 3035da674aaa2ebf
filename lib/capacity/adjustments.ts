import { multiplyDecimal } from './decimal';
import { lineKeyString } from './validate';
import type { CapacityModel, CapacityRecipe, PoLineStatus } from './types';

/** A PO line after the scenario's adjustments. */
export interface EffectiveLine {
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  qty: string;
  promisedDate: string;
  status: PoLineStatus;
  /** Days the scenario moves the line by, counted from when it is expected now (past-due lines: the plan start). */
  delayDays: number;
  hypothetical: boolean;
}

export interface ScenarioData {
  lines: EffectiveLine[];
  recipes: CapacityRecipe[];
}

/**
 * Applies a scenario's adjustments in order. A delay moves a line from the day
 * it is expected now, so a past-due line (expected on day 0) delayed by 42 days
 * arrives on day 42: "the pipe supplier slips six weeks" means six weeks from
 * whatever we expect today. The baseline is the scenario with no adjustments.
 */
export function applyAdjustments(model: CapacityModel): ScenarioData {
  const lines: EffectiveLine[] = model.poLines.map((l) => ({ ...l, delayDays: 0, hypothetical: false }));
  const byKey = new Map(lines.map((l) => [lineKeyString(l), l]));
  const recipes: CapacityRecipe[] = model.recipes.map((r) => ({ ...r, components: [...r.components] }));
  const recipeByOutput = new Map(recipes.map((r) => [r.outputSku, r]));

  for (const a of model.adjustments ?? []) {
    switch (a.kind) {
      case 'delaySupplier':
        for (const l of lines) if (l.supplier === a.supplier) l.delayDays += a.days;
        break;
      case 'delayLine': {
        const l = byKey.get(lineKeyString(a));
        if (l) l.delayDays += a.days;
        break;
      }
      case 'scaleLine': {
        const l = byKey.get(lineKeyString(a));
        if (l) l.qty = multiplyDecimal(l.qty, a.factor);
        break;
      }
      case 'cancelLine': {
        const l = byKey.get(lineKeyString(a));
        if (l) l.status = 'cancelled';
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
        byKey.set(lineKeyString(l), l);
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
    }
  }
  return { lines, recipes };
}
