import Link from 'next/link';
import type { PeriodGates, PromiseSlip } from '@/lib/forecast/summarize';
import type { DashboardUrlState } from '@/lib/scenarios/url-state';
import { DashboardLink } from './dashboard-link';
import { formatInt } from '@/components/ui/format';

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** The procurement table filtered to a gate's PO lines (the same parameter names as GET /api/purchase-order-lines). */
export function procurementHref(g: { sku: string; supplier: string | null }): string {
  const q = new URLSearchParams({ sku: g.sku });
  if (g.supplier) q.set('supplier', g.supplier);
  q.set('status', 'open');
  return `/purchase-orders?${q}`;
}

/** "12 days late", "3 days earlier", "on its first date". */
export function slipWords(days: number): string {
  if (days === 0) return 'none';
  const n = Math.abs(days);
  return `${formatInt(n)} day${n === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
}

function SlipCells({ slip }: { slip: PromiseSlip | undefined }) {
  if (!slip) return <td colSpan={2} className="muted">—</td>;
  return (
    <>
      <td>{slip.firstPromisedDate}</td>
      <td className={slip.slipDays > 0 ? 'num bad' : 'num'}>{slipWords(slip.slipDays)}</td>
    </>
  );
}

const KIND_WORDS = { poLine: 'PO line', weeklyLimit: 'build limit', onHand: 'stock on hand', schedule: 'schedule' } as const;

/**
 * What gates the ramp, period by period, each gate with its share of that period
 * and a drill-down to its PO line and on to the procurement table filtered to it.
 */
export function GatesOverTime({
  periods,
  url,
  slips = {},
  perPeriod = 5,
}: {
  periods: PeriodGates[];
  url: DashboardUrlState;
  /** Slip since first promised of the gates' PO lines, by `supplier/poNumber/lineNo`. */
  slips?: Record<string, PromiseSlip>;
  perPeriod?: number;
}) {
  if (periods.length === 0) return <div className="panel muted">Nothing gates the ramp within the horizon.</div>;
  return (
    <div>
      <nav className="toolbar small" aria-label="Gates per">
        Per{' '}
        <DashboardLink set={{ period: 'month' }} aria-current={url.period === 'month' ? 'true' : undefined}>
          month
        </DashboardLink>
        <DashboardLink set={{ period: 'week' }} aria-current={url.period === 'week' ? 'true' : undefined}>
          week
        </DashboardLink>
      </nav>
      <ol className="gates-over-time" aria-label={`Gates per ${url.period}`}>
        {periods.map((p) => {
          const top = p.gates[0]!;
          return (
            <li key={p.period}>
              <p className="gate-sentence">
                <strong>{p.label}:</strong> {top.label} gates {formatInt(top.gpus)} GPUs ({pct(top.share)} of what was held back)
                {p.gates.length > 1 ? `, then ${p.gates.length - 1} more` : ''}.
              </p>
              <ul className="gate-list">
                {p.gates.slice(0, perPeriod).map((g) => (
                  <li key={g.key}>
                    <details>
                      <summary>
                        <span className="badge">{KIND_WORDS[g.kind]}</span> {g.label}: {formatInt(g.gpus)} GPUs ({pct(g.share)})
                      </summary>
                      <div className="drill">
                        {g.kind === 'poLine' ? (
                          <table className="data">
                            <caption className="visually-hidden">PO line behind this gate</caption>
                            <thead>
                              <tr>
                                <th scope="col">Supplier</th>
                                <th scope="col">PO</th>
                                <th scope="col" className="num">
                                  Line
                                </th>
                                <th scope="col">Item</th>
                                <th scope="col">Promised</th>
                                <th scope="col">First promised</th>
                                <th scope="col" className="num">
                                  Slip since first promised
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              <tr>
                                <td>{g.supplier}</td>
                                <td>{g.poNumber}</td>
                                <td className="num">{g.lineNo}</td>
                                <td>{g.sku}</td>
                                <td>{g.promisedDate}</td>
                                <SlipCells slip={slips[`${g.supplier}/${g.poNumber}/${g.lineNo}`]} />
                              </tr>
                            </tbody>
                          </table>
                        ) : (
                          <p className="small muted">Not a single PO line: the open lines of {g.sku} are what can move it.</p>
                        )}
                        <Link href={procurementHref(g)}>
                          Open {g.supplier ? `${g.supplier}’s` : 'the'} open PO lines of {g.sku} in the procurement table
                        </Link>
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
