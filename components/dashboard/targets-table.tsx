import { formatInt } from '@/components/ui/format';
import type { DashboardSummary } from '@/lib/forecast/summarize';

export function TargetsTable({ targets }: { targets: DashboardSummary['targets'] }) {
  if (targets.length === 0) return <div className="panel muted">No targets. Import a targets CSV.</div>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption style={{ position: 'absolute', left: -9999 }}>Targets against the forecast</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="num">Target</th>
            <th scope="col" className="num">Forecast</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.date}>
              <td>{t.date}</td>
              <td className="num">{formatInt(t.target)}</td>
              <td className="num">{t.forecast === null ? <span className="muted">beyond horizon</span> : formatInt(t.forecast)}</td>
              <td>
                {t.met === true && <span className="badge committed">met</span>}
                {t.met === false && (
                  <>
                    <span className="badge failed">missed</span>
                    <div className="muted small">{t.reachedOn ? `reached ${t.reachedOn}` : 'not within the horizon'}</div>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
