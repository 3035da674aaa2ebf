import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { dateText, decimalText } from '@/lib/db/value-text';

export interface PoLineListRow {
  id: number;
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  itemName: string;
  qty: string;
  unit: string;
  promisedDate: string;
  status: string;
  version: number;
}

export async function fetchPoLines(): Promise<PoLineListRow[]> {
  const prisma = await getPrisma();
  const lines = await prisma.purchaseOrderLine.findMany({
    include: {
      item: { select: { sku: true, name: true, unit: true } },
      purchaseOrder: { select: { poNumber: true, supplier: { select: { code: true } } } },
    },
    orderBy: [{ promisedDate: 'asc' }, { id: 'asc' }],
  });
  return lines.map((l) => ({
    id: l.id,
    supplier: l.purchaseOrder.supplier.code,
    poNumber: l.purchaseOrder.poNumber,
    lineNo: l.lineNo,
    sku: l.item.sku,
    itemName: l.item.name,
    qty: decimalText(l.qty),
    unit: l.item.unit,
    promisedDate: dateText(l.promisedDate),
    status: l.status,
    version: l.version,
  }));
}
