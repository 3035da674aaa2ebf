import type { Metadata } from 'next';
import { after } from 'next/server';
import { CapacityChart } from '@/components/dashboard/capacity-chart';
import { GatesTable } from '@/components/dashboard/gates-table';
import { ComputingNotice } from '@/components/dashboard/computing-notice';
import { DataAsOf } from '@/components/dashboard/data-as-of';
import { ShortagesList } from '@/components/dashboard/shortages-list';
import { TargetsTable } from '@/components/dashboard/targets-table';
import { formatInt } from '@/components/ui/format';
import { fetchDashboardState } from '@/lib/forecast/queries';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  await requireRole('/dashboard');
  const state = await fetchDashboardState();
  if (state.status === 'empty') {
    return (
      <>
        <h1>Dashboard</h1>
        <div className="alert info">No data yet. Seed the demo with <code>npm run db:seed</code> or import your items, BOM and purchase orders.</div>
      </>
    );
  }
  if (state.status === 'computing') {
    // The engine runs after this response is sent; the notice refreshes the page until the forecast is stored.
    after(state.start);
    return (
      <>
        <h1>Dashboard</h1>
        <ComputingNotice what={state.what} dataAsOf={state.dataAsOf} />
      </>
    );
  }
  const d = state.summary;
  const missed = d.targets.filter((t) => t.met === false).length;
  const level10k = d.levels.find((l) => l.gpus === 10_000);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lede">
        Forecast from {d.planStart} over {d.horizonDays} days across {d.sites.join(' and ')}.{' '}
        {d.optimality.status === 'optimal' ? (
          <span className="badge committed" title={d.optimality.method}>optimal schedule</span>
        ) : (
          <span className="badge warn" title={d.optimality.method}>
            best schedule found; at most {formatInt(d.optimality.gapBound ?? 0)} GPU-days from optimal
          </span>
        )}
      </p>
      <DataAsOf change={state.dataAsOf} computedAt={state.computedAt} />
      <section className="cards" aria-label="Headline figures">
        <div className="card" role="group" aria-label="GPUs online at the end of the horizon">
          <div className="label">GPUs online by {d.endDate}</div>
          <div className="value">{formatInt(d.gpusAtEnd)}</div>
          <div className="sub">end of the horizon</div>
        </div>
        {d.nextTarget && (
          <div className="card" role="group" aria-label="Next target">
            <div className="label">Next target · {d.nextTarget.date}</div>
            <div className="value">
              {formatInt(d.nextTarget.forecast)} <span className="sub">/ {formatInt(d.nextTarget.target)}</span>
            </div>
            <div className="sub">{d.nextTarget.forecast >= d.nextTarget.target ? 'on track' : `${formatInt(d.nextTarget.target - d.nextTarget.forecast)} GPUs short`}</div>
          </div>
        )}
        <div className="card" role="group" aria-label="Targets missed">
          <div className="label">Targets missed</div>
          <div className="value">
            {missed} <span className="sub">of {d.targets.length}</span>
          </div>
          <div className="sub">{level10k?.date ? `10,000 GPUs on ${level10k.date}` : '10,000 GPUs not reached'}</div>
        </div>
        <div className="card" role="group" aria-label="GPU-days">
          <div className="label">GPU-days</div>
          <div className="value">{formatInt(d.gpuDays)}</div>
          <div className="sub">what the schedule maximises</div>
        </div>
      </section>
      <section className="panel" aria-labelledby="ramp-heading">
        <h2 id="ramp-heading" style={{ marginTop: 0 }}>GPUs online against the target</h2>
        <CapacityChart points={d.chart} />
      </section>
      <div className="two-col">
        <section aria-labelledby="gates-heading">
          <h2 id="gates-heading">What gates the ramp</h2>
          <GatesTable gates={d.gates.slice(0, 12)} />
        </section>
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">Targets</h2>
          <TargetsTable targets={d.targets} />
        </section>
      </div>
      <section aria-labelledby="expedite-heading">
        <h2 id="expedite-heading">What to expedite to meet each missed target</h2>
        <ShortagesList shortages={d.shortages} />
      </section>
      {d.warnings.length > 0 && (
        <details className="panel" style={{ marginTop: '1.5rem' }}>
          <summary>
            {d.warnings.length} warning{d.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {d.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
