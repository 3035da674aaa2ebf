import type { ChartPoint } from '@/lib/forecast/summarize';
import { formatCompact } from '@/components/ui/format';
import { SERIES_STYLE, SITE_COLOURS } from './palette';
import { PLOT_HEIGHT, PLOT_WIDTH, sketchGeometry } from './ramp-sketch-geometry';

/** Marks `name` in the first animation frame in which the script's parent is laid out (stops if it leaves the page). */
export function markScript(name: string): string {
  return `(function(){var s=document.currentScript;function f(){if(!s||!s.isConnected)return;if(s.parentElement.getClientRects().length>0)performance.mark(${JSON.stringify(name)});else requestAnimationFrame(f)}requestAnimationFrame(f)})()`;
}


export interface RampSketchProps {
  points: ChartPoint[];
  /** A what-if the server read with the page, drawn beside the plan. */
  whatIf?: { name: string; points: ChartPoint[] } | null;
  group: 'total' | 'site';
  sites: string[];
  milestones: { date: string; label: string }[];
  /** The last date shown (a range), or null for the whole horizon. */
  until: string | null;
  height: number;
  /** `performance.mark(name)` in the frame the sketch is painted in (the benchmark reads it). */
  markAs: string;
  /** The page's CSP nonce: the mark is an inline script. */
  nonce: string | null;
}

/**
 * The ramp drawn by the server, in the page's HTML: what a person sees from the first paint, before the
 * JavaScript that draws the interactive chart (Recharts, which draws in the browser only) has loaded. Same
 * data, colours and dashes as the chart; no hover. The chart takes its place once it has drawn (ramp-chart.tsx).
 * The plot stretches with the page (an SVG without fixed aspect, strokes not scaled); labels are HTML placed
 * by percentage, so nothing needs measuring.
 */
export function RampSketch({ points, whatIf, group, sites, milestones, until, height, markAs, nonce }: RampSketchProps) {
  const shown = until === null ? points : points.filter((p) => p.date <= until);
  const g = sketchGeometry(shown, { group, sites, whatIf: whatIf?.points ?? null, milestones });
  const legend = [
    ...(group === 'site' ? sites.map((s, i) => ({ name: `${s} (plan)`, color: SITE_COLOURS[i % SITE_COLOURS.length]!, dash: undefined as string | undefined })) : []),
    { name: group === 'site' ? 'Plan, all sites' : SERIES_STYLE.base.name, color: SERIES_STYLE.base.color, dash: undefined },
    ...(whatIf ? [{ name: `${SERIES_STYLE.whatIf.name}: ${whatIf.name}`, color: SERIES_STYLE.whatIf.color, dash: SERIES_STYLE.whatIf.dash as string }] : []),
    { name: SERIES_STYLE.target.name, color: SERIES_STYLE.target.color, dash: SERIES_STYLE.target.dash as string },
  ];
  const line = { fill: 'none', vectorEffect: 'non-scaling-stroke' } as const;
  return (
    <div className="ramp-sketch" style={{ height }} aria-hidden="true" data-sketch="ramp">
      <ul className="ramp-sketch-legend">
        {legend.map((l) => (
          <li key={l.name}>
            <svg width="18" height="10" viewBox="0 0 18 10">
              <line x1="0" y1="5" x2="18" y2="5" stroke={l.color} strokeWidth="2.5" strokeDasharray={l.dash} />
            </svg>
            {l.name}
          </li>
        ))}
      </ul>
      <div className="ramp-sketch-plot">
        <svg width="100%" height="100%" viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`} preserveAspectRatio="none">
          {g.yTicks.map((t) => (
            <line key={t.value} x1="0" x2={PLOT_WIDTH} y1={(t.top * PLOT_HEIGHT) / 100} y2={(t.top * PLOT_HEIGHT) / 100} stroke="#e6ebe9" {...line} />
          ))}
          {g.areas.map((a, i) =>
            group === 'site' ? (
              <path key={a.key} d={a.d} fill={SITE_COLOURS[i % SITE_COLOURS.length]} fillOpacity={0.35 + (0.4 * i) / Math.max(1, sites.length)} stroke="none" />
            ) : (
              <path key={a.key} d={a.d} fill={SERIES_STYLE.base.color} fillOpacity={0.15} stroke="none" />
            ),
          )}
          <path d={g.plan} stroke={SERIES_STYLE.base.color} strokeWidth={2} {...line} />
          {g.whatIf && <path d={g.whatIf} stroke={SERIES_STYLE.whatIf.color} strokeWidth={2.5} strokeDasharray={SERIES_STYLE.whatIf.dash} {...line} />}
          <path d={g.target} stroke={SERIES_STYLE.target.color} strokeWidth={1.5} strokeDasharray={SERIES_STYLE.target.dash} {...line} />
          {g.milestones.map((m) => (
            <line key={`${m.label}@${m.left}`} x1={(m.left * PLOT_WIDTH) / 100} x2={(m.left * PLOT_WIDTH) / 100} y1="0" y2={PLOT_HEIGHT} stroke="#8a8f8e" strokeDasharray="2 4" {...line} />
          ))}
        </svg>
        {g.yTicks.map((t) => (
          <span key={t.value} className="ramp-sketch-y" style={{ top: `${t.top}%` }}>
            {formatCompact(t.value)}
          </span>
        ))}
        {g.xTicks.map((t, i) => (
          // On a phone every third label only (dashboard.css): months a year apart would overlap.
          <span key={t.label} className={i % 3 === 0 ? 'ramp-sketch-x every-third' : 'ramp-sketch-x'} style={{ left: `${t.left}%` }}>
            {t.label}
          </span>
        ))}
        {g.milestones.map((m) => (
          <span key={`${m.label}@${m.left}`} className="ramp-sketch-milestone" style={{ left: `${m.left}%` }}>
            {m.label}
          </span>
        ))}
      </div>
      {/* Marked in the first frame that shows it, with none of the app's JavaScript loaded yet (it may arrive in a
          hidden streamed chunk that Next's inline script swaps in: shown means laid out). */}
      <script nonce={nonce ?? undefined} dangerouslySetInnerHTML={{ __html: markScript(markAs) }} />
    </div>
  );
}
