'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartSummary, ItemNames } from '@/lib/forecast/summarize';
import { WHATIF_PARAMS } from '@/lib/forecast/dashboard-options';
import { parseAdjustments } from '@/lib/scenarios/scenario-schema';
import type { ScenarioRow } from '@/lib/scenarios/store';
import { dashboardQuery, DRAFT_LABEL, RANGES, safeJson, type DashboardRange, type DashboardUrlState } from '@/lib/scenarios/url-state';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { formatInt, signed } from '@/components/ui/format';
import { downloadPng, downloadSvg } from './chart-export';
import { DashboardLink, showDashboardState, useDashboardUrl } from './dashboard-link';
import { describeAdjustment } from './describe-adjustment';
import { milestonesOf, SKETCH_HEIGHT } from './ramp-sketch-geometry';
import { rampData, startWhatIf, useWhatIfs, type WhatIfState } from './use-whatif';
import { WhatIfBuilder, type BuilderChoices } from './whatif-builder';
import { WhatIfDeltas } from './whatif-deltas';

// The chart (Recharts and its dependencies, most of the page's JavaScript) loads after the page is interactive:
// until it has drawn, the ramp the server drew (ramp-sketch.tsx) is in its place.
const RampChart = dynamic(() => import('./ramp-chart').then((m) => m.RampChart), { ssr: false });

export interface Viewer {
  email: string;
  isAdmin: boolean;
}

function chartSummary(base: ChartSummary, sides: { name: string; summary: ChartSummary }[]): string {
  const met = base.targets.filter((t) => t.met === true).length;
  const reached = base.levels.filter((l) => l.date !== null).map((l) => `${formatInt(l.gpus)} on ${l.date}`);
  let text =
    `The plan has ${formatInt(base.today.gpus ?? 0)} GPUs online on ${base.today.date} and ${formatInt(base.gpusAtEnd)} by ${base.endDate}` +
    `${reached.length > 0 ? `, reaching ${reached.join(', ')}` : ''}; it meets ${met} of ${base.targets.length} targets.`;
  for (const s of sides) {
    const d = s.summary.gpuDays - base.gpuDays;
    text += ` What-if “${s.name}”: ${formatInt(s.summary.gpusAtEnd)} GPUs by ${s.summary.endDate}, ${signed(d)} GPU-days, meets ${s.summary.targets.filter((t) => t.met === true).length} of ${s.summary.targets.length} targets.`;
  }
  return text;
}

function WhatIfStatus({ state, role }: { state: WhatIfState; role: string }) {
  if (state.status === 'none') return null;
  if (state.status === 'loading')
    return (
      <p className="muted small" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Computing {role} “{state.name}”…
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="alert error" role="alert">
        {role} “{state.name}” could not be computed: {state.message}
      </p>
    );
  return (
    <p className="muted small" role="status" aria-live="polite">
      {role} “{state.name}” drawn ({state.ms === null ? 'answered already' : `answered in ${formatInt(state.ms)} ms`}, {state.summary.optimality.status === 'optimal' ? 'the best plan possible' : `within ${(state.summary.optimality.gapPercent ?? 0).toFixed(2)} % of the best possible`}).
    </p>
  );
}

/** The what-if answers the server read for the state it rendered that still belong to the state shown now. */
function stillAnswered(answered: Record<string, ChartSummary>, rendered: DashboardUrlState, url: DashboardUrlState): Record<string, ChartSummary> {
  const keep: Record<string, ChartSummary> = {};
  const first = rendered.scenario ?? (rendered.adjustments ? DRAFT_LABEL : null);
  const firstAnswer = first ? answered[first] : undefined;
  if (first && firstAnswer && url.scenario === rendered.scenario && url.adjustments === rendered.adjustments) keep[first] = firstAnswer;
  const compareAnswer = rendered.compare ? answered[rendered.compare] : undefined;
  if (rendered.compare && compareAnswer && url.compare === rendered.compare) keep[rendered.compare] = compareAnswer;
  return keep;
}

/**
 * The interactive half of the dashboard: the ramp (baseline, what-if and a second
 * what-if to compare, on the same axes), its text summary and table alternative,
 * exports, the what-if builder and the saved what-ifs. Every choice lives in the URL;
 * choices of this half (what-ifs, comparison, range, grouping) change the address
 * only (no server render), and the chart asks the engine for what it lacks.
 */
export function DashboardWorkspace({
  base,
  rendered,
  items,
  answered,
  choices,
  scenarios,
  viewer,
  sketch,
}: {
  base: ChartSummary;
  /** The state the server rendered the page for (the address bar may have moved on since). */
  rendered: DashboardUrlState;
  items: ItemNames;
  /** What-if answers the page read along with the plan (for `rendered`), by label. */
  answered: Record<string, ChartSummary>;
  choices: BuilderChoices;
  scenarios: ScenarioRow[];
  viewer: Viewer;
  /** The ramp as the server drew it (ramp-sketch.tsx), shown until the chart has drawn. */
  sketch?: ReactNode;
}) {
  const router = useRouter();
  const url = useDashboardUrl();
  const chartRef = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chartDrawn, setChartDrawn] = useState(false);
  const go = (next: Partial<DashboardUrlState>) => showDashboardState({ ...url, ...next });

  const draft = url.adjustments ? parseAdjustments(safeJson(url.adjustments)) : null;
  const draftList: StoredAdjustment[] = draft?.ok ? draft.adjustments : [];
  const savedA = url.scenario ? scenarios.find((s) => s.name === url.scenario) : undefined;
  const dates = { planStart: base.planStart, horizonDays: base.horizonDays, today: base.today.date };
  const current = useMemo(() => stillAnswered(answered, rendered, url), [answered, rendered, url]);
  const [whatIf, compare] = useWhatIfs(url, dates, items, current);
  const sides = [whatIf, compare].flatMap((s) => (s.status === 'ready' ? [{ name: s.name, summary: s.summary }] : []));

  // Short labels; the summary under the chart spells them out.
  const milestones = milestonesOf(base);
  const apiQuery = new URLSearchParams({ planStart: base.planStart, horizonDays: String(base.horizonDays) });
  if (url.scenario) apiQuery.set('scenario', url.scenario);
  else if (url.adjustments) apiQuery.set('adjustments', url.adjustments);
  const title = `GPUs online against the target${whatIf.status === 'ready' ? `, what-if “${whatIf.name}”` : ''}`;
  const tableRows = base.chart.filter((_, i) => i % 7 === 0 || i === base.chart.length - 1);
  const whatIfByDate = whatIf.status === 'ready' ? new Map(whatIf.summary.chart.map((p) => [p.date, p.gpusOnline])) : null;
  const compareByDate = compare.status === 'ready' ? new Map(compare.summary.chart.map((p) => [p.date, p.gpusOnline])) : null;

  async function save(name: string, adjustments: StoredAdjustment[]): Promise<string | null> {
    setBusy(true);
    try {
      const res = await fetch('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, adjustments }) });
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (res.status === 201) {
        go({ scenario: name.trim(), adjustments: null });
        router.refresh(); // the list of saved what-ifs
        return `Saved “${name.trim()}”.`;
      }
      return body.error ?? `Not saved (${res.status}).`;
    } finally {
      setBusy(false);
    }
  }

  async function remove(name: string) {
    const res = await fetch(`/api/scenarios/${encodeURIComponent(name)}`, { method: 'DELETE' });
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) return setNote(body.error ?? `Not deleted (${res.status}).`);
    setNote(`Deleted “${name}”.`);
    if (url.scenario === name || url.compare === name) go({ scenario: url.scenario === name ? null : url.scenario, compare: url.compare === name ? null : url.compare });
    router.refresh();
  }

  return (
    <>
      <section className="panel" aria-labelledby="ramp-heading">
        <div className="chart-head">
          <h2 id="ramp-heading" style={{ margin: 0 }}>
            GPUs online against the target
          </h2>
          <div className="toolbar" role="toolbar" aria-label="Chart options">
            <label>
              Range{' '}
              <select value={url.range} onChange={(e) => go({ range: e.target.value as DashboardRange })}>
                {(Object.keys(RANGES) as DashboardRange[]).map((r) => (
                  <option key={r} value={r}>
                    {RANGES[r]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="secondary" aria-pressed={url.group === 'site'} onClick={() => go({ group: url.group === 'site' ? 'total' : 'site' })}>
              Stack by site
            </button>
            <button type="button" className="secondary" onClick={() => chartRef.current && downloadPng(chartRef.current, title, 'gpu-ramp.png')}>
              Download PNG
            </button>
            <button type="button" className="secondary" onClick={() => chartRef.current && downloadSvg(chartRef.current, title, 'gpu-ramp.svg')}>
              Download SVG
            </button>
            <a className="button secondary" href={`/api/forecast?${apiQuery}&format=csv${url.scenario || url.adjustments ? `&${new URLSearchParams(WHATIF_PARAMS)}` : ''}`} download>
              Download CSV
            </a>
            <Link className="button secondary" href={`/dashboard/print${dashboardQuery(url)}`}>
              Print view
            </Link>
          </div>
        </div>
        <figure ref={chartRef} aria-label="GPUs online over time against the target" aria-describedby="ramp-summary" style={{ margin: 0 }}>
          <div className="ramp-slot" style={{ height: SKETCH_HEIGHT }}>
            {!chartDrawn && sketch}
            <RampChart
              {...rampData(base, url, whatIf, compare)}
              milestones={milestones}
              markAs={whatIf.status === 'ready' ? 'dashboard:whatif-drawn' : 'dashboard:chart-drawn'}
              height={SKETCH_HEIGHT}
              onDrawn={() => setChartDrawn(true)}
            />
          </div>
          <figcaption id="ramp-summary" className="small">
            {chartSummary(base, sides)}
          </figcaption>
        </figure>
        <WhatIfStatus state={whatIf} role="What-if" />
        <WhatIfStatus state={compare} role="Comparison" />
        <details className="chart-table">
          <summary>The chart as a table (weekly)</summary>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">GPUs online per week against the target</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">
                    Plan
                  </th>
                  {whatIfByDate && (
                    <th scope="col" className="num">
                      What-if
                    </th>
                  )}
                  {compareByDate && (
                    <th scope="col" className="num">
                      Compared with
                    </th>
                  )}
                  <th scope="col" className="num">
                    Target
                  </th>
                  {base.sites.map((s) => (
                    <th key={s} scope="col" className="num">
                      {s}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tableRows.map((p) => (
                  <tr key={p.date}>
                    <td>{p.date}</td>
                    <td className="num">{formatInt(p.gpusOnline)}</td>
                    {whatIfByDate && <td className="num">{formatInt(whatIfByDate.get(p.date) ?? 0)}</td>}
                    {compareByDate && <td className="num">{formatInt(compareByDate.get(p.date) ?? 0)}</td>}
                    <td className="num">{p.target === null ? '—' : formatInt(p.target)}</td>
                    {base.sites.map((s) => (
                      <td key={s} className="num">
                        {formatInt(p.bySite[s] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      {sides.length > 0 && (
        <section aria-labelledby="deltas-heading">
          <h2 id="deltas-heading">What the what-if changes</h2>
          <WhatIfDeltas base={base} sides={sides} />
        </section>
      )}

      <section className="panel whatif-panel" aria-labelledby="whatif-heading">
        <h2 id="whatif-heading" style={{ marginTop: 0 }}>
          What if…
        </h2>
        <p className="muted small">A what-if is computed over today’s data and never changes it. Build one, see it beside the plan, save it to share its link.</p>
        {savedA && (
          <p className="small">
            Showing saved what-if <strong>{savedA.name}</strong>
            {savedA.createdBy ? ` by ${savedA.createdBy}` : ''}: {savedA.adjustments.map(describeAdjustment).join('; ') || 'no changes'}.
          </p>
        )}
        {draft && !draft.ok && (
          <p className="alert error" role="alert">
            The what-if in this link is not valid: {draft.issues.map((i) => `${i.index === undefined ? '' : `change ${i.index + 1} `}${i.field}: ${i.message}`).join('; ')}
          </p>
        )}
        <WhatIfBuilder
          key={url.scenario ?? url.adjustments ?? ''}
          choices={choices}
          draft={savedA ? savedA.adjustments : draftList}
          busy={busy}
          onRun={(list) => {
            const adjustments = JSON.stringify(list);
            startWhatIf({ scenario: null, adjustments }, dates);
            go({ scenario: null, adjustments });
          }}
          onSave={save}
        />
        <h3>Saved what-ifs</h3>
        <p className="muted small" aria-live="polite">
          {note}
        </p>
        {scenarios.length === 0 ? (
          <p className="muted small">None saved yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Saved what-ifs</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="wrap">
                    Changes
                  </th>
                  <th scope="col">Saved by</th>
                  <th scope="col">Open</th>
                </tr>
              </thead>
              <tbody>
                {scenarios.map((s) => (
                  <tr key={s.name}>
                    <td>{s.name}</td>
                    <td className="wrap small">{s.adjustments.map(describeAdjustment).join('; ') || 'none'}</td>
                    <td className="small">{s.createdBy ?? '—'}</td>
                    <td className="actions">
                      <DashboardLink shallow set={{ scenario: s.name, adjustments: null, compare: url.compare === s.name ? null : url.compare }}>
                        Show
                      </DashboardLink>
                      {url.scenario && url.scenario !== s.name && (
                        <>
                          {' · '}
                          <DashboardLink shallow set={{ compare: s.name }} aria-label={`Compare ${url.scenario} with ${s.name}`}>
                            Compare
                          </DashboardLink>
                        </>
                      )}
                      {(viewer.isAdmin || s.createdBy === viewer.email) && (
                        <>
                          {' · '}
                          <button type="button" className="link-button" onClick={() => remove(s.name)} aria-label={`Delete ${s.name}`}>
                            Delete
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(url.scenario || url.adjustments || url.compare) && (
          <p>
            <DashboardLink shallow set={{ scenario: null, adjustments: null, compare: null }}>
              Back to the plan alone
            </DashboardLink>
          </p>
        )}
      </section>
    </>
  );
}
