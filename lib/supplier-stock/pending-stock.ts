import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { PendingStock } from './stock-what-if';

/** The stock reports still waiting for procurement from these suppliers (by code), quantities as exact text. */
export async function loadPendingStock(prisma: PrismaClient, suppliers: readonly string[]): Promise<PendingStock[]> {
  if (suppliers.length === 0) return [];
  const rows = await prisma.supplierStockReport.findMany({
    where: { status: 'reported', supplier: { code: { in: [...suppliers] } } },
    select: { location: true, onHand: true, item: { select: { sku: true } }, supplier: { select: { code: true } } },
  });
  return rows.map((r) => ({ supplier: r.supplier.code, sku: r.item.sku, location: r.location, onHand: r.onHand.toString() }));
}
