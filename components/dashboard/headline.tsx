import type { DashboardSummary } from '@/lib/forecast/summarize';
import type { DataChange } from '@/lib/forecast/data-as-of';
import { formatInt } from '@/components/ui/format';
import { DataAsOf } from './data-as-of';

/** The optimality badge in words a board member reads. */
export function optimalityWords(o: DashboardSummary['optimality']): string {
  if (o.status === 'optimal') return 'the best plan possible with today’s supply';
  const pct = o.gapPercent ?? 0;
  return `within ${pct < 0.1 ? pct.toFixed(2) : pct.toFixed(1)} % of the best possible`;
}

export const GPU_DAYS_WORDS =
  'GPU-days add up the GPUs online on every day of the plan (1,000 GPUs for 30 days is 30,000 GPU-days); the plan brings every GPU online as early as supply allows, which is what makes this number as large as it can be.';

/** The headline in plain words: today, the next target with its gap, quarter and year end, the levels reached. */
export function Headline({ d, dataAsOf, computedAt }: { d: DashboardSummary; dataAsOf: DataChange | null; computedAt: string }) {
  const gap = d.nextTarget ? d.nextTarget.forecast - d.nextTarget.target : 0;
  const levels = d.levels.filter((l) => l.gpus >= 1_000);
  return (
    <>
      <p className="lede">
        Forecast from {d.planStart} over {formatInt(d.horizonDays)} days across {d.sites.join(' and ') || 'no sites yet'}:{' '}
        <span className={d.optimality.status === 'optimal' ? 'badge committed' : 'badge warn'} title={d.optimality.method}>
          {optimalityWords(d.optimality)}
        </span>
      </p>
      <DataAsOf change={dataAsOf} computedAt={computedAt} id="headline-as-of" />
      <section className="cards" aria-label="Headline figures">
        <div className="card" role="group" aria-describedby="headline-as-of" aria-label="GPUs online today">
          <div className="label">Online today · {d.today.date}</div>
          <div className="value">{formatInt(d.today.gpus ?? 0)}</div>
          <div className="sub">GPUs</div>
        </div>
        {d.nextTarget && (
          <div className="card" role="group" aria-describedby="headline-as-of" aria-label="Next target">
            <div className="label">Next target · {d.nextTarget.date}</div>
            <div className="value">
              {formatInt(d.nextTarget.forecast)} <span className="sub">of {formatInt(d.nextTarget.target)} GPUs</span>
            </div>
            <div className={gap >= 0 ? 'sub' : 'sub bad'}>{gap >= 0 ? `on track (${formatInt(gap)} GPUs ahead)` : `${formatInt(-gap)} GPUs short`}</div>
          </div>
        )}
        <div className="card" role="group" aria-describedby="headline-as-of" aria-label="GPUs online at quarter end">
          <div className="label">Quarter end · {d.quarterEnd.date}</div>
          <div className="value">{d.quarterEnd.gpus === null ? '—' : formatInt(d.quarterEnd.gpus)}</div>
          <div className="sub">{d.quarterEnd.gpus === null ? 'beyond the horizon' : 'GPUs'}</div>
        </div>
        <div className="card" role="group" aria-describedby="headline-as-of" aria-label="GPUs online at year end">
          <div className="label">Year end · {d.yearEnd.date}</div>
          <div className="value">{d.yearEnd.gpus === null ? '—' : formatInt(d.yearEnd.gpus)}</div>
          <div className="sub">{d.yearEnd.gpus === null ? 'beyond the horizon' : 'GPUs'}</div>
        </div>
        <div className="card" role="group" aria-describedby="headline-as-of" aria-label="GPU-days">
          <div className="label">GPU-days</div>
          <div className="value">{formatInt(d.gpuDays)}</div>
          <div className="sub">GPUs online × days, over the plan</div>
        </div>
      </section>
      <p className="small muted">{GPU_DAYS_WORDS}</p>
      <p className="small" aria-label="Levels reached">
        {levels.length === 0
          ? 'No level of 1,000 GPUs or more is defined.'
          : levels.map((l) => (l.date ? `${formatInt(l.gpus)} GPUs on ${l.date}` : `${formatInt(l.gpus)} GPUs not within the horizon`)).join(' · ')}
        .
      </p>
    </>
  );
}
