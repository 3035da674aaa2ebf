import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * A line's slip in days: its receipt (or, while open, its current promise) against its first
 * promise; positive is late. SQL over a PurchaseOrderLine aliased `l`, for list queries too.
 * (A line written around ClearBuild's write paths may lack a first promise: its current one stands in.)
 */
export const LINE_SLIP_DAYS_SQL = `(coalesce(l."receivedDate", l."promisedDate") - coalesce(l."firstPromisedDate", l."promisedDate"))`;

export interface SupplierPerformance {
  supplier: string;
  /** Lines received with a receipt date (the delivery record). */
  receivedLines: number;
  /** Of those, received on or before their first promise. */
  onTimeLines: number;
  /** onTimeLines / receivedLines; null before anything was received. */
  onTimeRate: number | null;
  /** Mean slip of the received lines, in days (one decimal); null before anything was received. */
  meanSlipDays: number | null;
  openLines: number;
  /** Mean slip of the open lines so far: current promise against first, in days (one decimal). */
  meanOpenSlipDays: number | null;
}

/**
 * Per supplier, from each line's delivery record: how often it delivers by its first promise
 * and how late on average, and how far its open lines have slipped so far. One aggregate
 * query; `suppliers` narrows it to some codes.
 */
export async function fetchSupplierPerformance(prisma: PrismaClient, opts: { suppliers?: string[] } = {}): Promise<SupplierPerformance[]> {
  const received = `l.status = 'received' AND l."receivedDate" IS NOT NULL`;
  const rows = await prisma.$queryRawUnsafe<
    { supplier: string; received: number; on_time: number; mean_slip: string | null; open: number; mean_open_slip: string | null }[]
  >(
    `SELECT s.code AS supplier,
        count(*) FILTER (WHERE ${received})::int AS received,
        count(*) FILTER (WHERE ${received} AND ${LINE_SLIP_DAYS_SQL} <= 0)::int AS on_time,
        round(avg(${LINE_SLIP_DAYS_SQL}) FILTER (WHERE ${received}), 1)::text AS mean_slip,
        count(*) FILTER (WHERE l.status = 'open')::int AS open,
        round(avg(${LINE_SLIP_DAYS_SQL}) FILTER (WHERE l.status = 'open'), 1)::text AS mean_open_slip
       FROM "Supplier" s
       JOIN "PurchaseOrder" p ON p."supplierId" = s.id
       JOIN "PurchaseOrderLine" l ON l."purchaseOrderId" = p.id
      ${opts.suppliers ? 'WHERE s.code = ANY($1::text[])' : ''}
      GROUP BY s.code ORDER BY s.code`,
    ...(opts.suppliers ? [opts.suppliers] : []),
  );
  return rows.map((r) => ({
    supplier: r.supplier,
    receivedLines: r.received,
    onTimeLines: r.on_time,
    onTimeRate: r.received > 0 ? r.on_time / r.received : null,
    meanSlipDays: r.mean_slip === null ? null : Number(r.mean_slip),
    openLines: r.open,
    meanOpenSlipDays: r.mean_open_slip === null ? null : Number(r.mean_open_slip),
  }));
}
