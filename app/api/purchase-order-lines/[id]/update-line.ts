import { z } from 'zod';
import { decimalField, isoDateField } from '@/lib/validation/fields';
import { PO_STATUSES } from '@/lib/validation/purchase-order-line';
import { dateText, decimalText, toDate } from '@/lib/db/value-text';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/** An edit names the version it was read at; a stale version conflicts instead of overwriting. */
export const poLineEditSchema = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    promisedDate: isoDateField.optional(),
    // Decimal(18,6) in the database: at most 12 digits before the point.
    qty: decimalField.refine((q) => q.split('.')[0]!.length <= 12, 'must be below 1,000,000,000,000').optional(),
    status: z.enum(PO_STATUSES).optional(),
  })
  .strict()
  .refine((e) => e.promisedDate !== undefined || e.qty !== undefined || e.status !== undefined, 'change at least one of promisedDate, qty, status');
export type PoLineEdit = z.output<typeof poLineEditSchema>;

export type EditResult =
  | { outcome: 'updated'; key: string; version: number; line: { promisedDate: string; qty: string; status: string } }
  | { outcome: 'conflict'; currentVersion: number }
  | { outcome: 'not-found' };

const snapshot = (l: { promisedDate: Date; qty: { toString(): string }; status: string }) => ({
  promisedDate: dateText(l.promisedDate),
  qty: decimalText(l.qty),
  status: l.status,
});

/**
 * Optimistic concurrency: update only where the version is still the one read,
 * bump it, and write the audit event in the same transaction.
 */
export async function updatePoLine(prisma: PrismaClient, id: number, edit: PoLineEdit, actor: string): Promise<EditResult> {
  return prisma.$transaction(async (tx) => {
    // Lock the row first so the "before" in the audit is exactly what this edit replaced.
    await tx.$queryRaw`SELECT id FROM "PurchaseOrderLine" WHERE id = ${id} FOR UPDATE`;
    const before = await tx.purchaseOrderLine.findUnique({
      where: { id },
      include: { purchaseOrder: { include: { supplier: { select: { code: true } } } } },
    });
    if (!before) return { outcome: 'not-found' };
    const { count } = await tx.purchaseOrderLine.updateMany({
      where: { id, version: edit.version },
      data: {
        ...(edit.promisedDate !== undefined && { promisedDate: toDate(edit.promisedDate) }),
        ...(edit.qty !== undefined && { qty: edit.qty }),
        ...(edit.status !== undefined && { status: edit.status }),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.purchaseOrderLine.findUnique({ where: { id }, select: { version: true } });
      return current ? { outcome: 'conflict', currentVersion: current.version } : { outcome: 'not-found' };
    }
    const after = await tx.purchaseOrderLine.findUniqueOrThrow({ where: { id } });
    const key = `${before.purchaseOrder.supplier.code}/${before.purchaseOrder.poNumber}/${before.lineNo}`;
    await tx.auditEvent.create({
      data: {
        entity: 'PurchaseOrderLine',
        entityId: key,
        action: 'update',
        before: { ...snapshot(before), version: edit.version },
        after: { ...snapshot(after), version: after.version },
        actor,
      },
    });
    return { outcome: 'updated', key, version: after.version, line: snapshot(after) };
  });
}
