import Link from 'next/link';
import { topLineValues, type GateSummary, type NextDelivery, type PoLineValue } from '@/lib/forecast/summarize';
import { formatInt, formatQuantity } from '@/components/ui/format';
import { procurementHref } from './gates-over-time';

/** The next open PO lines due, with the GPUs each was found gating over the plan (0 when it gates none). */
export function NextDeliveries({ deliveries, gates }: { deliveries: NextDelivery[]; gates: GateSummary[] }) {
  if (deliveries.length === 0) return <div className="panel muted">No open PO lines are due.</div>;
  const gating = new Map(gates.filter((g) => g.kind === 'poLine').map((g) => [`${g.supplier}/${g.poNumber}/${g.lineNo}`, g.gpus]));
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
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const gpus = gating.get(`${d.supplier}/${d.poNumber}/${d.lineNo}`) ?? 0;
            return (
              <tr key={`${d.supplier}/${d.poNumber}/${d.lineNo}`}>
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The PO lines with the most GPU-days at stake per week of slip (the engine's line values). */
export function LineValues({ values, top = 10 }: { values: PoLineValue[]; top?: number }) {
  const rows = topLineValues(values, top);
  if (rows.length === 0) return <div className="panel muted">No open PO line moves the ramp.</div>;
  return (
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
            <tr key={`${v.supplier}/${v.poNumber}/${v.lineNo}`}>
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
                {formatInt(v.gpuDaysLostPerWeekSlip)}
                {!v.exact && <span className="muted small"> (estimate)</span>}
              </td>
              <td className="num">{formatInt(v.gpuDaysGainedPerWeekPullIn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
