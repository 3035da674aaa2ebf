import { DashboardLink } from './dashboard-link';
import { formatInt, formatQuantity } from '@/components/ui/format';
import type { DashboardSummary } from '@/lib/forecast/summarize';
import { expediteAsWhatIf, type DashboardUrlState } from '@/lib/scenarios/url-state';

/** The expedite plan per missed target; each can be drawn as a what-if in one click (`whatIfFrom` gives the page state). */
export function ShortagesList({ shortages, whatIfFrom }: { shortages: DashboardSummary['shortages']; whatIfFrom?: DashboardUrlState }) {
  if (shortages.length === 0) return <div className="panel muted">Every target is met: nothing to expedite.</div>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption style={{ position: 'absolute', left: -9999 }}>The expedite plan per missed target</caption>
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col" className="num">Short by</th>
            <th scope="col">To meet it: PO lines to pull in, or new orders (cumulative: includes what earlier targets need)</th>
          </tr>
        </thead>
        <tbody>
          {shortages.map((s) => (
            <tr key={s.targetDate}>
              <td>
                {s.targetDate}
                <div className="muted small">{formatInt(s.targetGpus)} GPUs</div>
              </td>
              <td className="num">{formatInt(s.targetGpus - s.forecastGpus)}</td>
              <td style={{ whiteSpace: 'normal' }}>
                {!s.achievable && <div className="badge failed">not reachable by buying more: {s.note ?? 'lead times or build limits'}</div>}
                {s.includesTargets.length > 0 && <div className="muted small">Includes the plan for {s.includesTargets.join(', ')}.</div>}
                {whatIfFrom && expediteAsWhatIf(s).length > 0 && (
                  <DashboardLink
                    className="apply-whatif"
                    expedite={s.targetDate}
                    aria-label={`Apply the plan for ${s.targetDate} as a what-if`}
                  >
                    Apply as a what-if
                  </DashboardLink>
                )}
                <ul className="components">
                  {s.lines.map((l) => (
                    <li key={`${l.sku}@${l.needByDate}`}>
                      <span className="qty">{formatQuantity(l.quantity)}</span> <code>{l.sku}</code> <span className="muted">by {l.needByDate}</span>
                      {l.gpusUpTo > 0 && <span className="muted small"> (up to {formatInt(l.gpusUpTo)} GPUs)</span>}
                      <ul>
                        {l.pullIn.map((p) => (
                          <li key={`${p.supplier}/${p.poNumber}/${p.lineNo}`}>
                            pull in {p.supplier} {p.poNumber} line {p.lineNo} ({formatQuantity(p.quantity)}): promised {p.promisedDate} → needed {p.neededByDate}
                          </li>
                        ))}
                        {l.newOrderQuantity && <li>new order: {formatQuantity(l.newOrderQuantity)}</li>}
                      </ul>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
