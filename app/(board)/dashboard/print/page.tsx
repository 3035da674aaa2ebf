import type { Metadata } from 'next';
import Link from 'next/link';
import { after } from 'next/server';
import { ComputingNotice } from '@/components/dashboard/computing-notice';
import { optimalityWords } from '@/components/dashboard/headline';
import { PrintChart } from '@/components/dashboard/print-chart';
import { formatInt, formatQuantity } from '@/components/ui/format';
import { requireRole } from '@/lib/auth/guard';
import { fetchDashboardState } from '@/lib/forecast/queries';
import { chartSummariesOf, chartSummaryOf, gatesByPeriod } from '@/lib/forecast/summarize';
import { dashboardQuery, parseDashboardUrl, whatIfSpecs } from '@/lib/scenarios/url-state';
import '../dashboard.css';

export const metadata: Metadata = { title: 'Dashboard (print)' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * One landscape page for a board deck: the headline, the ramp (with the page's
 * what-if and comparison), what gates it month by month, and the expedite plan.
 * Same query parameters as the dashboard.
 */
export default async function DashboardPrintPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole('/dashboard');
  const url = parseDashboardUrl(await searchParams);
  const state = await fetchDashboardState({}, whatIfSpecs(url));
  if (state.status === 'empty') return <div className="alert info">No data yet.</div>;
  if (state.status === 'computing') {
    after(state.start);
    return <ComputingNotice what={state.what} dataAsOf={state.dataAsOf} />;
  }
  const d = state.summary;
  const months = gatesByPeriod({ bottlenecks: state.bottlenecks }, 'month', state.items).slice(0, 8);
  const plan = d.shortages[d.shortages.length - 1];
  const gap = d.nextTarget ? d.nextTarget.forecast - d.nextTarget.target : 0;
  return (
    <>
      <div className="print-actions">
        <Link className="button secondary" href={`/dashboard${dashboardQuery(url)}`}>
          Back to the dashboard
        </Link>
        <span className="muted small">Print this page (Ctrl+P or ⌘P): it fits one landscape page, A4 or Letter.</span>
      </div>
      <article className="print-sheet" aria-label="Dashboard for print">
        <div className="print-head">
          <h1>GPUs online: plan against target</h1>
          <span className="small">
            {d.planStart} + {formatInt(d.horizonDays)} days · {optimalityWords(d.optimality)} · computed {state.computedAt.slice(0, 16).replace('T', ' ')} UTC
            {state.dataAsOf ? ` from ${state.dataAsOf.what} by ${state.dataAsOf.actor}` : ''}
          </span>
        </div>
        <div className="print-figures" aria-label="Headline figures">
          <span>
            Today <strong>{formatInt(d.today.gpus ?? 0)}</strong>
          </span>
          {d.nextTarget && (
            <span>
              Next target {d.nextTarget.date}: <strong>{formatInt(d.nextTarget.forecast)}</strong> of {formatInt(d.nextTarget.target)} (
              {gap >= 0 ? 'on track' : `${formatInt(-gap)} short`})
            </span>
          )}
          <span>
            Quarter end <strong>{d.quarterEnd.gpus === null ? '—' : formatInt(d.quarterEnd.gpus)}</strong>
          </span>
          <span>
            Year end <strong>{d.yearEnd.gpus === null ? '—' : formatInt(d.yearEnd.gpus)}</strong>
          </span>
          <span>
            GPU-days <strong>{formatInt(d.gpuDays)}</strong>
          </span>
          <span className="small">
            {d.levels
              .filter((l) => l.gpus >= 1_000)
              .map((l) => `${formatInt(l.gpus)} on ${l.date ?? '—'}`)
              .join(' · ')}
          </span>
        </div>
        <PrintChart base={chartSummaryOf(d)} url={url} items={state.items} answered={chartSummariesOf(state.whatIfs)} />
        <div className="print-cols">
          <section>
            <h2>What gates the ramp</h2>
            <ul className="small">
              {months.map((m) => (
                <li key={m.period}>
                  <strong>{m.label}:</strong> {m.gates[0]!.label} gates {formatInt(m.gates[0]!.gpus)} GPUs ({Math.round(m.gates[0]!.share * 100)} %)
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>To hit the target{plan ? ` of ${plan.targetDate} (${formatInt(plan.targetGpus)} GPUs)` : ''}</h2>
            {plan ? (
              <ul className="small">
                {plan.lines.slice(0, 8).map((l) => (
                  <li key={`${l.sku}@${l.needByDate}`}>
                    {formatQuantity(l.quantity)} {l.sku} by {l.needByDate}:{' '}
                    {[
                      ...l.pullIn.slice(0, 2).map((p) => `pull in ${p.supplier} ${p.poNumber}/${p.lineNo} (${p.promisedDate} → ${p.neededByDate})`),
                      ...(l.pullIn.length > 2 ? [`${l.pullIn.length - 2} more lines`] : []),
                      ...(l.newOrderQuantity ? [`new order ${formatQuantity(l.newOrderQuantity)}`] : []),
                    ].join('; ')}
                  </li>
                ))}
                {plan.lines.length > 8 && <li>… and {plan.lines.length - 8} more items (see the dashboard)</li>}
              </ul>
            ) : (
              <p className="small">Every target is met: nothing to expedite.</p>
            )}
          </section>
        </div>
      </article>
    </>
  );
}
