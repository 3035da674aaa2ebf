import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { ComputingNotice, RefreshWhile } from '@/components/dashboard/computing-notice';
import { DashboardWorkspace } from '@/components/dashboard/dashboard-workspace';
import { GatesOverTime } from '@/components/dashboard/gates-over-time';
import { Headline } from '@/components/dashboard/headline';
import { LineValues, NextDeliveries } from '@/components/dashboard/next-deliveries';
import { RampSketch } from '@/components/dashboard/ramp-sketch';
import { milestonesOf, SKETCH_HEIGHT } from '@/components/dashboard/ramp-sketch-geometry';
import { ShortagesList } from '@/components/dashboard/shortages-list';
import { TargetsTable } from '@/components/dashboard/targets-table';
import { nonceOf } from '@/lib/auth/csp';
import { requireRole } from '@/lib/auth/guard';
import { todayIso } from '@/lib/forecast/params';
import { fetchDashboardContext, fetchDashboardState, fetchPromiseSlips } from '@/lib/forecast/queries';
import { chartSummariesOf, chartSummaryOf, gatesByPeriod } from '@/lib/forecast/summarize';
import { dashboardQuery, expediteAsWhatIf, parseDashboardUrl, rangeEnd, whatIfSpecs } from '@/lib/scenarios/url-state';
import './dashboard.css';

export const metadata: Metadata = { title: 'Dashboard' };

const GATES_PER_PERIOD = 5;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireRole('/dashboard');
  const params = await searchParams;
  const url = parseDashboardUrl(params);
  const specs = whatIfSpecs(url);
  const [context, state] = await Promise.all([fetchDashboardContext(todayIso()), fetchDashboardState({}, specs, { lineValues: true })]);
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
  // "Apply as a what-if" (expediteHref): the target's expedite plan becomes the draft in the URL.
  const expedite = typeof params.expedite === 'string' ? d.shortages.find((s) => s.targetDate === params.expedite) : undefined;
  if (expedite && expediteAsWhatIf(expedite).length > 0) {
    redirect(`/dashboard${dashboardQuery({ ...url, scenario: null, compare: null, adjustments: JSON.stringify(expediteAsWhatIf(expedite)) })}`);
  }
  const periods = gatesByPeriod({ bottlenecks: state.bottlenecks }, url.period, state.items);
  const slips = await fetchPromiseSlips(
    periods.flatMap((p) => p.gates.slice(0, GATES_PER_PERIOD)).flatMap((g) => (g.kind === 'poLine' ? [{ supplier: g.supplier!, poNumber: g.poNumber!, lineNo: g.lineNo! }] : [])),
  );
  const lineValues = state.lineValues;
  const base = chartSummaryOf(d);
  const answered = chartSummariesOf(state.whatIfs);
  const first = specs[0];
  const drawnWhatIf = first && answered[first.label] ? { name: first.label, points: answered[first.label]!.chart } : null;
  // After this response: the engine's workers solve this data's base now, not at the executive's first what-if
  // (a few seconds); then the PO lines' values (many engine re-runs), shown once stored.
  after(state.primeWhatIfs);
  if (lineValues?.status === 'computing') after(lineValues.start);
  return (
    <div className="dashboard">
      <h1>Dashboard</h1>
      <Headline d={d} dataAsOf={state.dataAsOf} computedAt={state.computedAt} />
      <DashboardWorkspace
        base={base}
        rendered={url}
        items={state.items}
        answered={answered}
        sketch={
          <RampSketch
            points={base.chart}
            whatIf={drawnWhatIf}
            until={rangeEnd(base.planStart, url.range)}
            group={url.group}
            sites={base.sites}
            milestones={milestonesOf(base)}
            height={SKETCH_HEIGHT}
            markAs={drawnWhatIf ? 'dashboard:whatif-drawn' : 'dashboard:chart-drawn'}
            nonce={nonceOf((await headers()).get('content-security-policy'))}
          />
        }
        choices={{ suppliers: context.suppliers, recipeOutputs: context.recipeOutputs, skus: Object.keys(state.items) }}
        scenarios={context.scenarios}
        viewer={{ email: viewer.email, isAdmin: viewer.role === 'admin' }}
      />
      <div className="two-col">
        <section aria-labelledby="gates-heading">
          <h2 id="gates-heading">What gates the ramp, over time</h2>
          <GatesOverTime periods={periods} url={url} slips={slips} perPeriod={GATES_PER_PERIOD} />
        </section>
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">Targets</h2>
          <TargetsTable targets={d.targets} />
        </section>
      </div>
      <section aria-labelledby="expedite-heading">
        <h2 id="expedite-heading">To hit the target: what to expedite</h2>
        <ShortagesList shortages={d.shortages} whatIfFrom={url} />
      </section>
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">What the next deliveries unlock</h2>
        <NextDeliveries deliveries={context.nextDeliveries} gates={d.gates} worth={lineValues?.status === 'ready' ? lineValues.byLine : null} />
      </section>
      <section aria-labelledby="line-values-heading">
        <h2 id="line-values-heading">PO lines with the most at stake</h2>
        {lineValues?.status === 'ready' ? (
          <LineValues rows={lineValues.top} exact={lineValues.exactCount} slipExact={lineValues.slipExactCount} total={lineValues.total} note={lineValues.note} />
        ) : (
          <RefreshWhile label="Valuing each open PO line (the plan re-computed with lines a week late and a week early) in the background; this part of the page fills in when it is done." />
        )}
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
    </div>
  );
}
