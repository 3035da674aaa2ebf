import type { Forecast, Gate } from '@/lib/capacity';

export interface ChartPoint {
  date: string;
  gpusOnline: number;
  /** The committed target on this date, where there is one. */
  target: number | null;
}

export interface GateSummary {
  key: string;
  label: string;
  kind: Gate['kind'];
  sku: string;
  supplier: string | null;
  /** GPUs whose arrival this gate held back, over the horizon. */
  gpus: number;
  weeks: string[];
}

export interface DashboardSummary {
  planStart: string;
  horizonDays: number;
  gpuDays: number;
  optimality: Forecast['optimality'];
  gpusAtEnd: number;
  endDate: string;
  sites: string[];
  chart: ChartPoint[];
  nextTarget: { date: string; target: number; forecast: number } | null;
  targets: { date: string; target: number; forecast: number | null; met: boolean | null; reachedOn: string | null }[];
  levels: { gpus: number; date: string | null }[];
  gates: GateSummary[];
  shortages: Forecast['shortages'];
  warnings: { kind: string; message: string }[];
}

export function gateLabel(g: Gate): string {
  switch (g.kind) {
    case 'poLine':
      return `${g.supplier} ${g.poNumber} line ${g.lineNo} (${g.sku}, promised ${g.promisedDate})`;
    case 'weeklyLimit':
      return `${g.sku}: weekly build limit`;
    case 'onHand':
      return `${g.sku}: stock on hand ran out`;
    case 'schedule':
      return g.heldFor.length > 0 ? `${g.sku}: parts held for ${g.heldFor.join(', ')}` : `${g.sku}: waited with its parts in hand`;
  }
}

function gateKeyOf(g: Gate): string {
  return g.kind === 'poLine' ? `po:${g.supplier}/${g.poNumber}/${g.lineNo}` : `${g.kind}:${g.sku}`;
}

/** Distils a forecast into what the executive dashboard shows: small and serialisable. */
export function summarizeForecast(f: Forecast, today: string): DashboardSummary {
  const targetByDate = new Map(f.milestones.filter((m) => m.kind === 'target' && m.targetDate).map((m) => [m.targetDate!, m.gpusOnline]));
  const seriesByDate = new Map(f.series.map((p) => [p.date, p.gpusOnline]));
  const last = f.series[f.series.length - 1];

  const gates = new Map<string, GateSummary>();
  for (const week of f.bottlenecks) {
    for (const { gate, gpus } of week.gates) {
      const key = gateKeyOf(gate);
      let s = gates.get(key);
      if (!s) {
        s = { key, label: gateLabel(gate), kind: gate.kind, sku: gate.sku, supplier: gate.kind === 'poLine' ? gate.supplier : null, gpus: 0, weeks: [] };
        gates.set(key, s);
      }
      s.gpus += gpus;
      s.weeks.push(week.week);
    }
  }

  const targets = f.milestones
    .filter((m) => m.kind === 'target')
    .map((m) => ({
      date: m.targetDate!,
      target: m.gpusOnline,
      forecast: seriesByDate.get(m.targetDate!) ?? null,
      met: m.met,
      reachedOn: m.date,
    }));
  const next = targets.find((t) => t.date >= today && t.forecast !== null);

  return {
    planStart: f.planStart,
    horizonDays: f.horizonDays,
    gpuDays: f.gpuDays,
    optimality: f.optimality,
    gpusAtEnd: last?.gpusOnline ?? 0,
    endDate: last?.date ?? f.planStart,
    sites: [...new Set(f.series.flatMap((p) => Object.keys(p.bySite)))].sort(),
    chart: f.series.map((p) => ({ date: p.date, gpusOnline: p.gpusOnline, target: targetByDate.get(p.date) ?? null })),
    nextTarget: next ? { date: next.date, target: next.target, forecast: next.forecast! } : null,
    targets,
    levels: f.milestones.filter((m) => m.kind === 'level').map((m) => ({ gpus: m.gpusOnline, date: m.date })),
    gates: [...gates.values()].filter((g) => g.gpus > 0).sort((a, b) => b.gpus - a.gpus || a.key.localeCompare(b.key)),
    shortages: f.shortages,
    warnings: f.warnings.map((w) => ({ kind: w.kind, message: w.message })),
  };
}
