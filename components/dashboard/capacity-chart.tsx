'use client';

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '@/lib/forecast/summarize';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const full = new Intl.NumberFormat('en-US');

/** GPUs online per day (area) against the committed targets (points joined by a dashed line). */
export function CapacityChart({ points }: { points: ChartPoint[] }) {
  return (
    <figure className="chart-panel" aria-label="GPUs online over time against the target" style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 10, right: 24, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e6ebe9" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(0, 7)} minTickGap={48} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => compact.format(v)} tick={{ fontSize: 12 }} width={48} />
          <Tooltip
            formatter={(value, name) => [typeof value === 'number' ? full.format(value) : String(value), name]}
            labelFormatter={(label) => String(label)}
          />
          <Legend verticalAlign="top" height={28} />
          <Area
            type="stepAfter"
            dataKey="gpusOnline"
            name="GPUs online (forecast)"
            stroke="#1f8a70"
            fill="#1f8a70"
            fillOpacity={0.18}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="target"
            name="Target"
            stroke="#b45309"
            strokeDasharray="5 4"
            strokeWidth={2}
            dot={{ r: 4, fill: '#b45309' }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
