import type { Forecast } from '@/lib/capacity';
import { formatCsvLine } from '@/lib/csv/write';
import { targetSteps } from './summarize';

/**
 * The daily series as CSV (`GET /api/forecast?format=csv`): `date,gpus_online,target`
 * and a column per site (sites sorted), one row a day. `target` is the target in force
 * that day (the latest committed target on or before it; blank before the first), the
 * same step the dashboard draws. Cells go through the export's formula guard.
 */
export function seriesCsv(f: Pick<Forecast, 'series' | 'milestones'>): string {
  const sites = [...new Set(f.series.flatMap((p) => Object.keys(p.bySite)))].sort();
  const targets = f.milestones.filter((m) => m.kind === 'target' && m.targetDate).map((m) => ({ date: m.targetDate!, gpus: m.gpusOnline }));
  const steps = targetSteps(
    f.series.map((p) => p.date),
    targets,
  );
  const lines = [formatCsvLine(['date', 'gpus_online', 'target', ...sites])];
  f.series.forEach((p, i) => {
    const t = steps[i];
    lines.push(formatCsvLine([p.date, String(p.gpusOnline), t === null || t === undefined ? '' : String(t), ...sites.map((s) => String(p.bySite[s] ?? 0))]));
  });
  return lines.join('');
}

/** `format` of `GET /api/forecast`: JSON (default) or the series as CSV. */
export function parseForecastFormat(raw: string | null): 'json' | 'csv' | null {
  if (raw === null || raw === '' || raw === 'json') return 'json';
  return raw === 'csv' ? 'csv' : null;
}
