'use client';

import type { ChartSummary, ItemNames } from '@/lib/forecast/summarize';
import type { DashboardUrlState } from '@/lib/scenarios/url-state';
import { formatInt, signed } from '@/components/ui/format';
import { RampChart } from './ramp-chart';
import { rampData, useWhatIfs } from './use-whatif';

/** The ramp for the print view: the page's what-if and comparison drawn at a fixed size that fits a landscape page. */
export function PrintChart({ base, url, items, answered }: { base: ChartSummary; url: DashboardUrlState; items: ItemNames; answered: Record<string, ChartSummary> }) {
  const dates = { planStart: base.planStart, horizonDays: base.horizonDays, today: base.today.date };
  const [whatIf, compare] = useWhatIfs(url, dates, items, answered);
  const waiting = whatIf.status === 'loading' || compare.status === 'loading';
  return (
    <figure aria-label="GPUs online over time against the target" aria-busy={waiting} style={{ margin: 0 }}>
      <RampChart
        {...rampData(base, url, whatIf, compare)}
        milestones={base.levels.filter((l) => l.date !== null).map((l) => ({ date: l.date!, label: `${formatInt(l.gpus)}` }))}
        height={270}
        markAs={waiting ? undefined : 'print:chart-drawn'}
      />
      <figcaption className="small">
        {[whatIf, compare].map((s) =>
          s.status === 'ready' ? (
            <span key={s.name}>
              What-if “{s.name}”: {formatInt(s.summary.gpusAtEnd)} GPUs by {s.summary.endDate}, {signed(s.summary.gpuDays - base.gpuDays)} GPU-days against the plan.{' '}
            </span>
          ) : s.status === 'error' ? (
            <span key={s.name}>What-if “{s.name}” could not be computed: {s.message} </span>
          ) : null,
        )}
      </figcaption>
    </figure>
  );
}
