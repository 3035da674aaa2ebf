import { formatCompact } from '@/components/ui/format';
import type { ChartPoint, ChartSummary } from '@/lib/forecast/summarize';

/** The levels reached (1k, 5k, …), marked on the ramp with short labels ("10K") so close ones stay legible on a phone. */
export function milestonesOf(base: Pick<ChartSummary, 'levels'>): { date: string; label: string }[] {
  return base.levels.filter((l) => l.date !== null).map((l) => ({ date: l.date!, label: formatCompact(l.gpus) }));
}

/**
 * The ramp's shapes in a 1000 × 100 plot box (x: day index, y: 0 at the top), for the server-drawn sketch
 * (ramp-sketch.tsx). Steps are drawn "after" (a value holds until the next day's), like the interactive chart.
 */
export const PLOT_WIDTH = 1000;
/** The ramp's height on the dashboard, in CSS pixels: the sketch's and the chart's, so one replaces the other in place. */
export const SKETCH_HEIGHT = 360;
export const PLOT_HEIGHT = 100;

export interface SketchGeometry {
  /** Areas under the plan: one (the total) or one per site, stacked in the order given. */
  areas: { key: string; d: string }[];
  plan: string;
  target: string;
  whatIf: string | null;
  yMax: number;
  yTicks: { value: number; top: number }[];
  xTicks: { label: string; left: number }[];
  milestones: { label: string; left: number }[];
}

/** A round axis top at or above `max`, and its four or five steps (1, 2, 2.5 or 5 × a power of ten). */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

const r = (x: number) => Math.round(x * 10) / 10;

/** A step-after line through `values` (one per day, x spread over the plot's width); null breaks it. */
export function stepPath(values: (number | null)[], y: (v: number) => number): string {
  const n = values.length;
  const x = (i: number) => r(n <= 1 ? 0 : (i * PLOT_WIDTH) / (n - 1));
  let d = '';
  let open = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      open = false;
      continue;
    }
    if (!open) d += `M${x(i)} ${r(y(v))}`;
    else d += `V${r(y(v))}`;
    // Holds until the next day (the last day holds to the right edge).
    d += `H${i + 1 < n ? x(i + 1) : PLOT_WIDTH}`;
    open = true;
  }
  return d;
}

/** The area between two step lines (`lower` below `upper`, day by day). */
function bandPath(upper: number[], lower: number[], y: (v: number) => number): string {
  const top = stepPath(upper, y);
  if (!top) return '';
  const n = lower.length;
  const x = (i: number) => r(n <= 1 ? 0 : (i * PLOT_WIDTH) / (n - 1));
  let back = '';
  for (let i = n - 1; i >= 0; i--) back += `H${i + 1 < n ? x(i + 1) : PLOT_WIDTH}V${r(y(lower[i]!))}` + (i === 0 ? 'H0' : '');
  return `${top}${back}Z`;
}

const MONTHS_MIN_GAP = 70; // plot units between x labels (7 % of the width): a year's months fit, a phone's too

export function sketchGeometry(
  points: ChartPoint[],
  opts: { group: 'total' | 'site'; sites: string[]; whatIf?: ChartPoint[] | null; milestones: { date: string; label: string }[] },
): SketchGeometry {
  const n = points.length;
  const byDate = new Map(opts.whatIf?.map((p) => [p.date, p.gpusOnline]));
  const whatIfValues = opts.whatIf ? points.map((p) => byDate.get(p.date) ?? null) : null;
  const max = Math.max(1, ...points.map((p) => Math.max(p.gpusOnline, p.target ?? 0)), ...(whatIfValues ?? []).map((v) => v ?? 0));
  const ticks = niceTicks(max);
  const yMax = ticks[ticks.length - 1]!;
  const y = (v: number) => PLOT_HEIGHT - (v / yMax) * PLOT_HEIGHT;
  const xOf = (i: number) => (n <= 1 ? 0 : (i / (n - 1)) * 100);
  const index = new Map(points.map((p, i) => [p.date, i]));

  const areas: SketchGeometry['areas'] = [];
  if (opts.group === 'site') {
    let lower = points.map(() => 0);
    for (const s of opts.sites) {
      const upper = points.map((p, i) => lower[i]! + (p.bySite[s] ?? 0));
      areas.push({ key: s, d: bandPath(upper, lower, y) });
      lower = upper;
    }
  } else {
    areas.push({ key: 'plan', d: bandPath(points.map((p) => p.gpusOnline), points.map(() => 0), y) });
  }

  const xTicks: SketchGeometry['xTicks'] = [];
  let lastX = -Infinity;
  points.forEach((p, i) => {
    if (!p.date.endsWith('-01') && i !== 0) return;
    const at = xOf(i) * (PLOT_WIDTH / 100);
    if (at - lastX < MONTHS_MIN_GAP || PLOT_WIDTH - at < MONTHS_MIN_GAP / 2) return;
    xTicks.push({ label: p.date.slice(0, 7), left: xOf(i) });
    lastX = at;
  });

  return {
    areas,
    plan: stepPath(points.map((p) => p.gpusOnline), y),
    target: stepPath(points.map((p) => p.target), y),
    whatIf: whatIfValues ? stepPath(whatIfValues, y) : null,
    yMax,
    yTicks: ticks.map((value) => ({ value, top: (y(value) / PLOT_HEIGHT) * 100 })),
    xTicks,
    milestones: opts.milestones.flatMap((m) => (index.has(m.date) ? [{ label: m.label, left: xOf(index.get(m.date)!) }] : [])),
  };
}
