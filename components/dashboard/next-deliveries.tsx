import Link from 'next/link';
import { type GateSummary, type NextDelivery, type PoLineValue } from '@/lib/forecast/summarize';
import { formatInt, formatQuantity } from '@/components/ui/format';
import { procurementHref } from './gates-over-time';

/** `supplier/poNumber/lineNo`: how line values are looked up. */
export const lineKey = (l: { supplier: string | null; poNumber: string | null; lineNo: number | null }) => `${l.supplier}/${l.poNumber}/${l.lineNo}`;

/** A line's worth in words: exact (re-planned with the line moved a week) or an estimate. */
function Worth({ gpuDays, exact }: { gpuDays: number; exact: boolean }) {
  return (
    <>
      {formatInt(gpuDays)} <span className="muted small">{exact ? 'exact' : 'estimate'}</span>
    </>
  );
}

/**
 * The next open PO lines due, with the GPUs each was found gating over the plan (0
 * when it gates none) and, once the engine has valued the lines, the GPU-days a week
 * of slip would cost.
 */
export function NextDeliveries({ deliveries, gates, worth }: { deliveries: NextDelivery[]; gates: GateSummary[]; worth?: ReadonlyMap<string, PoLineValue> | null }) {
  if (deliveries.length === 0) return <div className="panel muted">No open PO lines are due.</div>;
  const gating = new Map(gates.filter((g) => g.kind === 'poLine').map((g) => [lineKey(g), g.gpus]));
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">The next deliveries and what they unlock</caption>
        <thead>
          <tr>
            <th scope="col">Promised</th>
            <th scope="col">Supplier · PO · line</th>
            <th scope="col" className="wrap">
              Item
            </th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num wrap">
              GPUs it gates
            </th>
            {worth && (
              <th scope="col" className="num wrap">
                GPU-days lost per week late
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const gpus = gating.get(lineKey(d)) ?? 0;
            const v = worth?.get(lineKey(d));
            return (
              <tr key={lineKey(d)}>
                <td>{d.promisedDate}</td>
                <td>
                  <Link href={procurementHref(d)}>
                    {d.supplier} · {d.poNumber} · {d.lineNo}
                  </Link>
                </td>
                <td className="wrap">
                  {d.itemName} <span className="muted small">{d.sku}</span>
                </td>
                <td className="num">{formatQuantity(d.qty)}</td>
                <td className="num">{gpus > 0 ? formatInt(gpus) : <span className="muted">none</span>}</td>
                {worth && <td className="num">{v ? <Worth gpuDays={v.gpuDaysLostPerWeekSlip} exact={v.slipExact} /> : <span className="muted">—</span>}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The PO lines with the most GPU-days at stake per week of slip (the engine's line
 * values), each saying whether its figures are exact (the plan re-computed with the
 * line a week later and a week earlier) or estimates, with the engine's own note.
 */
export function LineValues({ rows, exact, slipExact, total, note }: { rows: PoLineValue[]; exact: number; slipExact: number; total: number; note?: string }) {
  if (rows.length === 0)
    // Nothing at stake as far as the engine could tell: say how far that is (exact re-runs, estimates), not more.
    return (
      <div className="panel muted" data-line-values="none-at-stake">
        <p style={{ margin: 0 }}>
          No open PO line changes the ramp by a week&rsquo;s slip or pull-in as far as the engine tells: the slip of {formatInt(slipExact)} of{' '}
          {formatInt(total)} open lines exact, both ways {formatInt(exact)}, the others estimated.
        </p>
        {note ? <p className="small">{note}</p> : null}
      </div>
    );
  return (
    <>
      <p className="small">
        GPU-days lost if the line arrives a week late, gained if a week early. <strong>Exact</strong>: the plan re-computed with the line moved a
        week, or nothing lost where the plan needs none of the line until a week after it arrives (the slip of {formatInt(slipExact)} of{' '}
        {formatInt(total)} open lines, both ways {formatInt(exact)}). <strong>Estimate</strong>: a first-order figure from the plan’s prices of
        stock, which can understate a large line.
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">PO lines by GPU-days at stake per week of slip</caption>
          <thead>
            <tr>
              <th scope="col">Supplier · PO · line</th>
              <th scope="col">Item</th>
              <th scope="col">Promised</th>
              <th scope="col" className="num wrap">
                GPUs it gates
              </th>
              <th scope="col" className="num wrap">
                GPU-days lost per week late
              </th>
              <th scope="col" className="num wrap">
                GPU-days gained per week early
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={lineKey(v)}>
                <td>
                  <Link href={procurementHref(v)}>
                    {v.supplier} · {v.poNumber} · {v.lineNo}
                  </Link>
                </td>
                <td>
                  {formatQuantity(v.qty)} {v.sku}
                </td>
                <td>{v.promisedDate}</td>
                <td className="num">{formatInt(v.gatesGpus)}</td>
                <td className="num">
                  <Worth gpuDays={v.gpuDaysLostPerWeekSlip} exact={v.slipExact} />
                </td>
                <td className="num">
                  <Worth gpuDays={v.gpuDaysGainedPerWeekPullIn} exact={v.exact} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {note && (
        <details className="small">
          <summary>How these were computed</summary>
          <p>{note}</p>
        </details>
      )}
    </>
  );
}
