import type { Adjustment, CapacityModel } from '@/lib/capacity';

/** The seeded what-ifs of bench:whatif (also read by lib/capacity/neighbourhood.test.ts). */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

/** One random what-if of the kinds the issue names. */
export function randomWhatIf(base: CapacityModel, pick: (n: number) => number): Adjustment {
  const weeks = [-4, -2, -1, 1, 2, 4, 6, 8];
  const days = () => 7 * weeks[pick(weeks.length)]!;
  const lines = base.poLines;
  const l = lines[pick(lines.length)]!;
  const key = { supplier: l.supplier, poNumber: l.poNumber, lineNo: l.lineNo };
  const suppliers = [...new Set(lines.map((x) => x.supplier))].sort();
  const limited = base.recipes.filter((r) => r.maxStartsPerWeek !== null);
  switch (pick(6)) {
    case 0:
      return { kind: 'delaySupplier', supplier: suppliers[pick(suppliers.length)]!, days: days() };
    case 1:
      return { kind: 'delayLine', ...key, days: days() };
    case 2:
      return { kind: 'cancelLine', ...key };
    case 3:
      return { kind: 'scaleLine', ...key, factor: ['0.5', '1.5', '2'][pick(3)]! };
    case 4: {
      const r = limited[pick(limited.length)]!;
      return { kind: 'setWeeklyLimit', outputSku: r.outputSku, maxStartsPerWeek: Math.max(0, Math.round(r.maxStartsPerWeek! * [0.5, 0.75, 1.25, 1.5][pick(4)]!)) };
    }
    default: {
      const r = base.recipes[pick(base.recipes.length)]!;
      return { kind: 'setLeadTime', outputSku: r.outputSku, leadTimeDays: Math.max(0, r.leadTimeDays + [-7, -3, -1, 1, 3, 7][pick(6)]!) };
    }
  }
}

/** The benchmark's what-ifs: `count` of them from `seed`, as bench:whatif draws them. */
export function benchWhatIfs(base: CapacityModel, count = 200, seed = 1): Adjustment[] {
  const pick = rng(seed);
  return Array.from({ length: count }, () => randomWhatIf(base, pick));
}
