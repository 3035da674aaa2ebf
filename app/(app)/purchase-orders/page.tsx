import type { Metadata } from 'next';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatQuantity } from '@/components/ui/format';
import { fetchPoLines } from '@/lib/purchase-orders/queries';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { PromisedDateEditor } from './promised-date-editor';

export const metadata: Metadata = { title: 'Purchase orders' };

export default async function PurchaseOrdersPage() {
  const me = await requireRole('/purchase-orders');
  const canEdit = can(me.role, 'edit:data');
  const lines = await fetchPoLines();
  const open = lines.filter((l) => l.status === 'open').length;
  return (
    <>
      <h1>Purchase orders</h1>
      <p className="lede">
        {lines.length} lines, {open} open, by promised date.
      </p>
      <SimpleTable
        caption="Purchase-order lines"
        rows={lines}
        rowKey={(r) => r.id}
        empty="No purchase orders yet. Import a purchase-orders CSV."
        columns={[
          { header: 'Supplier', cell: (r) => r.supplier },
          { header: 'PO', cell: (r) => r.poNumber },
          { header: 'Line', numeric: true, cell: (r) => r.lineNo },
          { header: 'SKU', cell: (r) => <code>{r.sku}</code> },
          { header: 'Qty', numeric: true, cell: (r) => formatQuantity(r.qty) },
          { header: 'Unit', cell: (r) => r.unit },
          {
            header: 'Promised',
            cell: (r) =>
              canEdit ? (
                <PromisedDateEditor id={r.id} label={`${r.supplier}/${r.poNumber}/${r.lineNo}`} promisedDate={r.promisedDate} version={r.version} />
              ) : (
                r.promisedDate
              ),
          },
          { header: 'Status', cell: (r) => <span className={`badge ${r.status}`}>{r.status}</span> },
        ]}
      />
    </>
  );
}
