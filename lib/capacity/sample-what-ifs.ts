import type { Adjustment, CapacityModel } from './types';

/**
 * Seeded random what-ifs of the kinds executives ask (a supplier or a line delayed or pulled in, a line
 * cancelled or scaled, a weekly limit or a lead time changed): what bench:whatif measures, what the
 * engine's tests sweep, and what a worker rehearses before its first person (rehearse.ts).
 */

/** A xorshift generator: the same seed gives the same sequence anywhere. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

/**
 * One random what-if of the kinds the issue names; null when the model has nothing of the kind drawn
 * (no lines, no recipe with a weekly limit). Each kind makes the same draws whatever the model has,
 * in the order bench:whatif always made them, so seed 1 gives it the same 200 what-ifs as before.
 */
export function randomWhatIf(base: CapacityModel, pick: (n: number) => number): Adjustment | null {
  // pick(0) is NaN: an empty list gives undefined.
  const any = <T>(xs: readonly T[]): T | undefined => xs[pick(xs.length)];
  const weeks = [-4, -2, -1, 1, 2, 4, 6, 8];
  const days = () => 7 * weeks[pick(weeks.length)]!;
  const lines = base.poLines;
  const l = any(lines);
  const key = l ? { supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo } : null;
  const suppliers = [...new Set(lines.map((x) => x.supplier))].sort();
  const limited = base.recipes.filter((r) => r.maxStartsPerWeek !== null);
  switch (pick(6)) {
    case 0: {
      const supplier = any(suppliers);
      const d = days();
      return supplier !== undefined ? { kind: 'delaySupplier', supplier, days: d } : null;
    }
    case 1: {
      const d = days();
      return key ? { kind: 'delayLine', ...key, days: d } : null;
    }
    case 2:
      return key ? { kind: 'cancelLine', ...key } : null;
    case 3: {
      const factor = ['0.5', '1.5', '2'][pick(3)]!;
      return key ? { kind: 'scaleLine', ...key, factor } : null;
    }
    case 4: {
      const r = any(limited);
      const by = [0.5, 0.75, 1.25, 1.5][pick(4)]!;
      return r ? { kind: 'setWeeklyLimit', outputSku: r.outputSku, maxStartsPerWeek: Math.max(0, Math.round(r.maxStartsPerWeek! * by)) } : null;
    }
    default: {
      const r = any(base.recipes);
      const by = [-7, -3, -1, 1, 3, 7][pick(6)]!;
      return r ? { kind: 'setLeadTime', outputSku: r.outputSku, leadTimeDays: Math.max(0, r.leadTimeDays + by) } : null;
    }
  }
}

/** `count` draws of what-ifs on `base` from `seed`, less those the model has nothing for (bench:whatif: 200 from seed 1). */
export function sampleWhatIfs(base: CapacityModel, count = 200, seed = 1): Adjustment[] {
  const pick = rng(seed);
  return Array.from({ length: count }, () => randomWhatIf(base, pick)).filter((a): a is Adjustment => a !== null);
}
