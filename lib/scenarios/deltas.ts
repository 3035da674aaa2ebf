import type { ChartSummary } from '@/lib/forecast/summarize';

export interface TargetDelta {
  date: string;
  target: number;
  base: number | null;
  whatIf: number | null;
  /** whatIf − base; null when either is beyond the horizon. */
  delta: number | null;
}

export interface MilestoneMove {
  /** "10,000 GPUs" or "target 2027-06-30 (10,000 GPUs)". */
  label: string;
  base: string | null;
  whatIf: string | null;
  /** Days later (positive) or earlier (negative); null when either side never reaches it. */
  days: number | null;
}

export interface WhatIfDeltas {
  gpuDays: { base: number; whatIf: number; delta: number };
  targets: TargetDelta[];
  milestones: MilestoneMove[];
  /** Deltas of the GPUs online at the end of the horizon. */
  atEnd: { base: number; whatIf: number; delta: number };
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
const fmt = new Intl.NumberFormat('en-US');

/**
 * What a what-if changes against the baseline: GPUs at each target date, GPU-days,
 * and the dates each level (1k, 5k, 10k, …) and each target is reached, moved.
 * Pure: both sides are dashboard summaries of the same horizon.
 */
export function whatIfDeltas(base: ChartSummary, whatIf: ChartSummary): WhatIfDeltas {
  const whatIfTargets = new Map(whatIf.targets.map((t) => [t.date, t]));
  const targets = base.targets.map((t) => {
    const w = whatIfTargets.get(t.date)?.forecast ?? null;
    return { date: t.date, target: t.target, base: t.forecast, whatIf: w, delta: t.forecast !== null && w !== null ? w - t.forecast : null };
  });
  const move = (label: string, b: string | null, w: string | null): MilestoneMove => ({ label, base: b, whatIf: w, days: b && w ? daysBetween(b, w) : null });
  const whatIfLevels = new Map(whatIf.levels.map((l) => [l.gpus, l.date]));
  const milestones = [
    ...base.levels.map((l) => move(`${fmt.format(l.gpus)} GPUs`, l.date, whatIfLevels.get(l.gpus) ?? null)),
    ...base.targets.map((t) => move(`target ${t.date} (${fmt.format(t.target)} GPUs)`, t.reachedOn, whatIfTargets.get(t.date)?.reachedOn ?? null)),
  ].filter((m) => m.base !== null || m.whatIf !== null);
  return {
    gpuDays: { base: base.gpuDays, whatIf: whatIf.gpuDays, delta: whatIf.gpuDays - base.gpuDays },
    targets,
    milestones,
    atEnd: { base: base.gpusAtEnd, whatIf: whatIf.gpusAtEnd, delta: whatIf.gpusAtEnd - base.gpusAtEnd },
  };
}
