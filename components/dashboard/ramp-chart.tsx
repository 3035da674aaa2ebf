'use client';

import { useEffect, useMemo, useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { weekStartOf, type ChartPoint, type DashboardSummary } from '@/lib/forecast/summarize';
import { formatCompact, signed } from '@/components/ui/format';
import { SERIES_STYLE, SITE_COLOURS } from './palette';

const full = new Intl.NumberFormat('en-US');

export interface RampSeries {
  name: string;
  points: ChartPoint[];
}

export interface RampChartProps {
  base: ChartPoint[];
  whatIf?: RampSeries | null;
  compare?: RampSeries | null;
  group: 'total' | 'site';
  sites: string[];
  /** Levels reached (1k, 5k, …) and target dates, marked on the chart. */
  milestones: { date: string; label: string }[];
  weekGates: DashboardSummary['weekGates'];
  /** The last date shown (a range), or null for the whole horizon. */
  until: string | null;
  height?: number;
  /** Marks the drawing with `performance.mark(name)` once the chart's SVG is on the page (the benchmark reads it). */
  markAs?: string;
  /** Called once the chart's SVG is on the page (the workspace then takes the server-drawn sketch away). */
  onDrawn?: () => void;
}

type Row = { date: string; base: number; target: number | null; whatIf?: number; compare?: number } & Record<string, number | string | null | undefined>;

function GateTooltip({ active, payload, label, weekGates }: TooltipContentProps<number, string> & { weekGates: DashboardSummary['weekGates'] }) {
  if (!active || !payload || payload.length === 0) return null;
  const date = String(label);
  const row = payload[0]!.payload as Row;
  const gates = weekGates[weekStartOf(date)] ?? [];
  return (
    <div className="ramp-tooltip" role="status">
      <div className="ramp-tooltip-date">{date}</div>
      <div>
        GPUs online: <strong>{full.format(row.base)}</strong>
      </div>
      {row.whatIf !== undefined && <div>What-if: {full.format(row.whatIf)} ({signed(row.whatIf - row.base)})</div>}
      {row.compare !== undefined && <div>Compared with: {full.format(row.compare)}</div>}
      <div>Target: {row.target === null ? 'none yet' : full.format(row.target)}</div>
      {gates.length > 0 && (
        <div className="ramp-tooltip-gates">
          Gated that week by: {gates.map((g) => `${g.label} (${full.format(g.gpus)} GPUs)`).join('; ')}
        </div>
      )}
    </div>
  );
}


/** GPUs online per day against the target steps, with what-ifs on the same axes and the milestones marked. */
export function RampChart({ base, whatIf, compare, group, sites, milestones, weekGates, until, height = 360, markAs, onDrawn }: RampChartProps) {
  // The rows (and the drawn mark after them) depend on the series' points, which stay the same object while
  // the answer does; the { name, points } wrappers around them are new on every render.
  const whatIfPoints = whatIf?.points;
  const comparePoints = compare?.points;
  const rows = useMemo(() => {
    const w = new Map(whatIfPoints?.map((p) => [p.date, p.gpusOnline]));
    const c = new Map(comparePoints?.map((p) => [p.date, p.gpusOnline]));
    return base
      .filter((p) => until === null || p.date <= until)
      .map((p) => {
        const row: Row = { date: p.date, base: p.gpusOnline, target: p.target };
        if (whatIfPoints) row.whatIf = w.get(p.date);
        if (comparePoints) row.compare = c.get(p.date);
        if (group === 'site') for (const s of sites) row[`site:${s}`] = p.bySite[s] ?? 0;
        return row;
      });
  }, [base, whatIfPoints, comparePoints, group, sites, until]);
  const shown = milestones.filter((m) => rows.length > 0 && m.date >= rows[0]!.date && m.date <= rows[rows.length - 1]!.date);

  const ref = useRef<HTMLDivElement>(null);
  const drawnRef = useRef(onDrawn);
  useEffect(() => {
    drawnRef.current = onDrawn;
  });
  useEffect(() => {
    let frame = 0;
    const check = () => {
      if (ref.current?.querySelector('.recharts-wrapper > svg .recharts-line, .recharts-wrapper > svg .recharts-area')) {
        if (markAs) {
          performance.mark(markAs);
          ref.current.dataset.drawn = markAs;
        }
        drawnRef.current?.();
      } else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [markAs, rows]);

  return (
    <div ref={ref} className="ramp-chart" style={{ height, minWidth: 0 }}>
      <ResponsiveContainer width="100%" height={height} minWidth={0}>
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke="#e6ebe9" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(0, 7)} minTickGap={40} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatCompact(v)} tick={{ fontSize: 12 }} width={44} />
          <Tooltip content={(props) => <GateTooltip {...(props as TooltipContentProps<number, string>)} weekGates={weekGates} />} />
          <Legend verticalAlign="top" height={28} />
          {group === 'site' ? (
            sites.map((s, i) => (
              <Area
                key={s}
                type="stepAfter"
                dataKey={`site:${s}`}
                name={`${s} (plan)`}
                stackId="sites"
                stroke={SITE_COLOURS[i % SITE_COLOURS.length]}
                fill={SITE_COLOURS[i % SITE_COLOURS.length]}
                fillOpacity={0.35 + (0.4 * i) / Math.max(1, sites.length)}
                isAnimationActive={false}
              />
            ))
          ) : (
            <Area
              type="stepAfter"
              dataKey="base"
              name={SERIES_STYLE.base.name}
              stroke={SERIES_STYLE.base.color}
              fill={SERIES_STYLE.base.color}
              fillOpacity={0.15}
              strokeWidth={2}
              isAnimationActive={false}
            />
          )}
          {group === 'site' && (
            <Line type="stepAfter" dataKey="base" name="Plan, all sites" stroke={SERIES_STYLE.base.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          )}
          {whatIf && (
            <Line
              type="stepAfter"
              dataKey="whatIf"
              name={`${SERIES_STYLE.whatIf.name}: ${whatIf.name}`}
              stroke={SERIES_STYLE.whatIf.color}
              strokeDasharray={SERIES_STYLE.whatIf.dash}
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
          )}
          {compare && (
            <Line
              type="stepAfter"
              dataKey="compare"
              name={`${SERIES_STYLE.compare.name}: ${compare.name}`}
              stroke={SERIES_STYLE.compare.color}
              strokeDasharray={SERIES_STYLE.compare.dash}
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
          )}
          <Line
            type="stepAfter"
            dataKey="target"
            name={SERIES_STYLE.target.name}
            stroke={SERIES_STYLE.target.color}
            strokeDasharray={SERIES_STYLE.target.dash}
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          {shown.map((m) => (
            <ReferenceLine key={`${m.label}@${m.date}`} x={m.date} stroke="#8a8f8e" strokeDasharray="2 4" label={{ value: m.label, position: 'insideTopLeft', fontSize: 11, fill: '#3d4746' }} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
