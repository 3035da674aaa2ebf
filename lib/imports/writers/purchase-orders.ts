import { classify, skuIds } from '../classify';
import { dateText, decimalText, toDate } from '../diff-fields';
import type { KindWriter, RowProblem } from '../types';

export interface PurchaseOrderRow {
  supplier: string;
  poNumber: string;
  lineNo: number;
  sku: string;
  qty: string;
  promisedDate: string;
  status: 'open' | 'received' | 'cancelled';
}

export const poLineKey = (supplier: string, poNumber: string, lineNo: number) => `${supplier}/${poNumber}/${lineNo}`;

export const purchaseOrdersWriter: KindWriter<PurchaseOrderRow> = {
  entity: 'PurchaseOrderLine',
  async write({ tx, dryRun, supplierCode }, rows) {
    const ids = await skuIds(tx, rows.map((r) => r.value.sku));
    const problems: RowProblem[] = [];
    for (const { row, value: v } of rows) {
      if (supplierCode && v.supplier !== supplierCode) {
        problems.push({ row, column: 'supplier', message: `row is for supplier "${v.supplier}", but this file is ${supplierCode}'s` });
      }
      if (!ids.has(v.sku)) problems.push({ row, column: 'sku', message: `unknown SKU "${v.sku}": import it in items first` });
    }
    if (problems.length > 0) return { problems, changes: [] };

    // An unknown supplier code creates the supplier, and an unknown PO number the PO (DESIGN.md).
    const codes = [...new Set(rows.map((r) => r.value.supplier))];
    if (!dryRun) await tx.supplier.createMany({ data: codes.map((code) => ({ code, name: code })), skipDuplicates: true });
    const suppliers = await tx.supplier.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
    const supplierId = new Map(suppliers.map((s) => [s.code, s.id]));
    const poKey = (supplier: string, po: string) => `${supplier}/${po}`;
    if (!dryRun) {
      const wanted = new Map(rows.map((r) => [poKey(r.value.supplier, r.value.poNumber), r.value]));
      await tx.purchaseOrder.createMany({
        data: [...wanted.values()].map((v) => ({ supplierId: supplierId.get(v.supplier)!, poNumber: v.poNumber })),
        skipDuplicates: true,
      });
    }
    const pos = await tx.purchaseOrder.findMany({
      where: { supplierId: { in: [...supplierId.values()] }, poNumber: { in: [...new Set(rows.map((r) => r.value.poNumber))] } },
      include: { supplier: { select: { code: true } } },
    });
    const poId = new Map(pos.map((p) => [poKey(p.supplier.code, p.poNumber), p.id]));

    const existing = await tx.purchaseOrderLine.findMany({
      where: { purchaseOrderId: { in: pos.map((p) => p.id) } },
      include: { item: { select: { sku: true } }, purchaseOrder: { include: { supplier: { select: { code: true } } } } },
    });
    const stored = new Map(
      existing.map((l) => [
        poLineKey(l.purchaseOrder.supplier.code, l.purchaseOrder.poNumber, l.lineNo),
        { sku: l.item.sku, qty: decimalText(l.qty), promisedDate: dateText(l.promisedDate), status: l.status },
      ]),
    );
    const changes = classify(
      stored,
      rows.map(({ value: v }) => ({
        key: poLineKey(v.supplier, v.poNumber, v.lineNo),
        fields: { sku: v.sku, qty: v.qty, promisedDate: v.promisedDate, status: v.status },
      })),
    );
    if (dryRun) return { problems, changes };

    const byKey = new Map(rows.map((r) => [poLineKey(r.value.supplier, r.value.poNumber, r.value.lineNo), r.value]));
    const data = (v: PurchaseOrderRow) => ({ itemId: ids.get(v.sku)!, qty: v.qty, promisedDate: toDate(v.promisedDate), status: v.status });
    const creates = changes
      .filter((c) => c.action === 'create')
      .map((c) => {
        const v = byKey.get(c.key)!;
        return { purchaseOrderId: poId.get(poKey(v.supplier, v.poNumber))!, lineNo: v.lineNo, ...data(v) };
      });
    if (creates.length > 0) await tx.purchaseOrderLine.createMany({ data: creates });
    for (const c of changes.filter((c) => c.action === 'update')) {
      const v = byKey.get(c.key)!;
      await tx.purchaseOrderLine.update({
        where: { purchaseOrderId_lineNo: { purchaseOrderId: poId.get(poKey(v.supplier, v.poNumber))!, lineNo: v.lineNo } },
        // An import is an edit too: bump the version so a person's stale edit conflicts.
        data: { ...data(v), version: { increment: 1 } },
      });
    }
    return { problems, changes };
  },
};
