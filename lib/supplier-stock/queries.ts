import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { decimalText } from '@/lib/db/value-text';

export interface SupplierStockRow {
  id: number;
  supplier: string;
  sku: string;
  name: string;
  location: string;
  onHand: string;
  unit: string;
  reportedAt: string;
  reportedBy: string;
}

/** Stock reports waiting for procurement, newest first. */
export async function fetchPendingSupplierStock(): Promise<SupplierStockRow[]> {
  const prisma = await getPrisma();
  const rows = await prisma.supplierStockReport.findMany({
    where: { status: 'reported' },
    include: { item: { select: { sku: true, name: true, unit: true } }, supplier: { select: { code: true } } },
    orderBy: [{ reportedAt: 'desc' }, { id: 'asc' }],
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    supplier: r.supplier.code,
    sku: r.item.sku,
    name: r.item.name,
    location: r.location,
    onHand: decimalText(r.onHand),
    unit: r.item.unit,
    reportedAt: r.reportedAt.toISOString(),
    reportedBy: r.reportedBy,
  }));
}
