import type { PrismaClient } from '@/lib/generated/prisma/client';

export type AcceptResult = { outcome: 'accepted'; sku: string; location: string; onHand: string } | { outcome: 'not-pending' };

/**
 * Procurement accepts a supplier's stock report: its quantity becomes the on-hand
 * balance of that item at that location, in one transaction with both changes
 * audited. Only a report still waiting can be accepted (a second click, or a report
 * the supplier replaced since, changes nothing).
 */
export async function acceptSupplierStock(prisma: PrismaClient, reportId: number, expectedOnHand: string | null, actor: string): Promise<AcceptResult> {
  return prisma.$transaction(async (tx) => {
    const report = await tx.supplierStockReport.findUnique({ where: { id: reportId }, include: { item: true, supplier: true } });
    if (!report || report.status !== 'reported') return { outcome: 'not-pending' };
    // The person accepted the quantity they saw: a newer report in between is not theirs to accept.
    if (expectedOnHand !== null && !report.onHand.equals(expectedOnHand)) return { outcome: 'not-pending' };
    const key = { itemId: report.itemId, location: report.location };
    const before = await tx.inventoryBalance.findUnique({ where: { itemId_location: key } });
    await tx.inventoryBalance.upsert({ where: { itemId_location: key }, create: { ...key, onHand: report.onHand }, update: { onHand: report.onHand, version: { increment: 1 } } });
    const decided = await tx.supplierStockReport.updateMany({ where: { id: reportId, status: 'reported' }, data: { status: 'accepted', decidedBy: actor, decidedAt: new Date() } });
    if (decided.count !== 1) throw new Error('the report changed while it was being accepted');
    const entityId = `${report.item.sku}/${report.location}`;
    await tx.auditEvent.createMany({
      data: [
        { entity: 'SupplierStockReport', entityId: `${report.supplier.code}/${entityId}`, action: 'accept', after: { onHand: report.onHand.toString() }, actor },
        {
          entity: 'InventoryBalance',
          entityId,
          action: before ? 'update' : 'create',
          before: before ? { onHand: before.onHand.toString() } : undefined,
          after: { onHand: report.onHand.toString(), source: `stock report of ${report.supplier.code}` },
          actor,
        },
      ],
    });
    return { outcome: 'accepted', sku: report.item.sku, location: report.location, onHand: report.onHand.toString() };
  });
}
