import type { NumberedRow, RowError } from '@/lib/csv';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { InventoryBalance } from '@/lib/validation/inventory-balance';

export type RecordResult = { outcome: 'refused'; errors: RowError[] } | { outcome: 'recorded'; reported: number };

/**
 * A supplier's stock report, as its API token sends it (an inventory file): recorded
 * as that supplier's stock, never as on-hand inventory (procurement accepts it, see
 * accept-report.ts). The rule: a supplier reports stock only of what it supplies, an
 * item it has an open or received PO line for. Any row outside that, or naming an
 * unknown SKU, refuses the whole file by row and column; nothing is written.
 */
export async function recordSupplierStockReport(
  prisma: PrismaClient,
  report: { supplierId: number; supplierCode: string; rows: NumberedRow<InventoryBalance>[]; actor: string },
): Promise<RecordResult> {
  const skus = [...new Set(report.rows.map((r) => r.value.sku))];
  const items = await prisma.item.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true } });
  const itemIds = new Map(items.map((i) => [i.sku, i.id]));
  const supplied = new Set(
    (
      await prisma.purchaseOrderLine.findMany({
        where: { itemId: { in: items.map((i) => i.id) }, status: { in: ['open', 'received'] }, purchaseOrder: { supplierId: report.supplierId } },
        select: { itemId: true },
        distinct: ['itemId'],
      })
    ).map((l) => l.itemId),
  );
  const errors: RowError[] = [];
  for (const { row, value } of report.rows) {
    const id = itemIds.get(value.sku);
    if (id === undefined) errors.push({ row, column: 'sku', message: `unknown SKU "${value.sku}"` });
    else if (!supplied.has(id)) {
      errors.push({ row, column: 'sku', message: `${report.supplierCode} does not supply ${value.sku} (no open or received PO line): it cannot report stock of it` });
    }
  }
  if (errors.length > 0) return { outcome: 'refused', errors };
  await prisma.$transaction(async (tx) => {
    for (const { value } of report.rows) {
      const itemId = itemIds.get(value.sku)!;
      const key = { supplierId: report.supplierId, itemId, location: value.location };
      const before = await tx.supplierStockReport.findUnique({ where: { supplierId_itemId_location: key } });
      const after = await tx.supplierStockReport.upsert({
        where: { supplierId_itemId_location: key },
        create: { ...key, onHand: value.onHand, reportedBy: report.actor },
        update: { onHand: value.onHand, status: 'reported', reportedBy: report.actor, reportedAt: new Date(), decidedBy: null, decidedAt: null },
      });
      await tx.auditEvent.create({
        data: {
          entity: 'SupplierStockReport',
          entityId: `${report.supplierCode}/${value.sku}/${value.location}`,
          action: 'report',
          before: before ? { onHand: before.onHand.toString(), status: before.status } : undefined,
          after: { onHand: after.onHand.toString(), status: after.status },
          actor: report.actor,
        },
      });
    }
  });
  return { outcome: 'recorded', reported: report.rows.length };
}
