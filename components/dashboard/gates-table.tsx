import { formatInt } from '@/components/ui/format';
import type { GateSummary } from '@/lib/forecast/summarize';

export function GatesTable({ gates }: { gates: GateSummary[] }) {
  if (gates.length === 0) return <div className="panel muted">Nothing gates the ramp within the horizon.</div>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption style={{ position: 'absolute', left: -9999 }}>Gates, by GPUs held back</caption>
        <thead>
          <tr>
            <th scope="col">Gate</th>
            <th scope="col" className="num">GPUs gated</th>
            <th scope="col">Weeks</th>
          </tr>
        </thead>
        <tbody>
          {gates.map((g) => (
            <tr key={g.key}>
              <td style={{ whiteSpace: 'normal' }}>
                {g.kind === 'poLine' ? <span className="badge open">PO line</span> : <span className="badge">{g.kind === 'weeklyLimit' ? 'throughput' : g.kind}</span>}{' '}
                {g.label}
              </td>
              <td className="num">{formatInt(g.gpus)}</td>
              <td className="muted small">
                {g.weeks.length === 1 ? g.weeks[0] : `${g.weeks[0]} … ${g.weeks[g.weeks.length - 1]} (${g.weeks.length})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
