import { whatIfDeltas } from '@/lib/scenarios/deltas';
import type { ChartSummary } from '@/lib/forecast/summarize';
import { formatInt, signed } from '@/components/ui/format';

const moved = (days: number | null, base: string | null, whatIf: string | null) => {
  if (days === null) return whatIf === null ? 'not reached' : `reached ${whatIf}`;
  if (days === 0) return `same day (${whatIf})`;
  return `${whatIf} (${Math.abs(days)} days ${days > 0 ? 'later' : 'earlier'})`;
};

/** What each what-if changes against the plan: GPUs at each target date, GPU-days, milestone dates moved. */
export function WhatIfDeltas({ base, sides }: { base: ChartSummary; sides: { name: string; summary: ChartSummary }[] }) {
  const deltas = sides.map((s) => ({ name: s.name, d: whatIfDeltas(base, s.summary) }));
  const first = deltas[0]!.d;
  const moves = deltas.map(({ name, d }) => ({ name, moves: d.milestones.filter((m) => m.days !== 0) }));
  return (
    <div className="deltas">
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">What the what-if changes against the plan</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Plan
              </th>
              {deltas.map(({ name }) => (
                <th key={name} scope="col" className="num wrap">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">GPU-days</th>
              <td className="num">{formatInt(first.gpuDays.base)}</td>
              {deltas.map(({ name, d }) => (
                <td key={name} className="num">
                  {formatInt(d.gpuDays.whatIf)} <span className={d.gpuDays.delta < 0 ? 'delta-down' : 'delta-up'}>({signed(d.gpuDays.delta)})</span>
                </td>
              ))}
            </tr>
            {first.targets.map((t, i) => (
              <tr key={t.date}>
                <th scope="row">
                  GPUs on {t.date} <span className="muted small">target {formatInt(t.target)}</span>
                </th>
                <td className="num">{t.base === null ? '—' : formatInt(t.base)}</td>
                {deltas.map(({ name, d }) => {
                  const x = d.targets[i]!;
                  return (
                    <td key={name} className="num">
                      {x.whatIf === null ? '—' : formatInt(x.whatIf)}{' '}
                      {x.delta !== null && <span className={x.delta < 0 ? 'delta-down' : 'delta-up'}>({signed(x.delta)})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">GPUs at the end ({base.endDate})</th>
              <td className="num">{formatInt(first.atEnd.base)}</td>
              {deltas.map(({ name, d }) => (
                <td key={name} className="num">
                  {formatInt(d.atEnd.whatIf)} <span className={d.atEnd.delta < 0 ? 'delta-down' : 'delta-up'}>({signed(d.atEnd.delta)})</span>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {moves.map(({ name, moves: m }) => (
        <div key={name} className="small" aria-label={`Milestones moved by ${name}`} role="group">
          <strong>Milestones moved by {name}:</strong>{' '}
          {m.length === 0 ? (
            'none'
          ) : (
            <ul className="moves">
              {m.map((x) => (
                <li key={x.label}>
                  {x.label}: {x.base ?? 'not reached'} → {moved(x.days, x.base, x.whatIf)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
