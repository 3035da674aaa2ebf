import type { Metadata } from 'next';
import { AcceptStockButton } from '@/components/inventory/accept-stock-button';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatDateTime, formatQuantity } from '@/components/ui/format';
import { fetchInventory } from '@/lib/inventory/queries';
import { fetchPendingSupplierStock } from '@/lib/supplier-stock/queries';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { acceptSupplierStockAction } from './accept-supplier-stock';

export const metadata: Metadata = { title: 'Inventory' };

export default async function InventoryPage() {
  const me = await requireRole('/inventory');
  const [rows, reports] = await Promise.all([fetchInventory(), fetchPendingSupplierStock()]);
  const canAccept = can(me.role, 'edit:data');
  return (
    <>
      <h1>Inventory</h1>
      <p className="lede">Quantity on hand at the plan start, by location.</p>
      <SimpleTable
        caption="Inventory balances"
        rows={rows}
        rowKey={(r) => r.id}
        empty="No inventory yet. Import an inventory CSV."
        columns={[
          { header: 'Location', cell: (r) => r.location },
          { header: 'SKU', cell: (r) => <code>{r.sku}</code> },
          { header: 'Name', wrap: true, cell: (r) => r.name },
          { header: 'On hand', numeric: true, cell: (r) => formatQuantity(r.onHand) },
          { header: 'Unit', cell: (r) => r.unit },
        ]}
      />
      <section aria-labelledby="supplier-stock-heading">
        <h2 id="supplier-stock-heading">Stock reported by suppliers</h2>
        <p className="muted">
          What suppliers say they hold for us, sent with their API tokens. It counts as on hand only once procurement accepts it.
          To see what it would change first, forecast a what-if with the adjustment{' '}
          <code>{'{"kind":"acceptSupplierStock","supplier":"CODE"}'}</code>.
        </p>
        <SimpleTable
          caption="Supplier stock reports waiting for acceptance"
          rows={reports}
          rowKey={(r) => r.id}
          empty="No stock reports waiting."
          columns={[
            { header: 'Supplier', cell: (r) => r.supplier },
            { header: 'Location', cell: (r) => r.location },
            { header: 'SKU', cell: (r) => <code>{r.sku}</code> },
            { header: 'Reported', numeric: true, cell: (r) => `${formatQuantity(r.onHand)} ${r.unit}` },
            { header: 'When', cell: (r) => formatDateTime(r.reportedAt) },
            ...(canAccept
              ? [
                  {
                    header: 'Accept',
                    cell: (r: (typeof reports)[number]) => (
                      <AcceptStockButton reportId={r.id} onHand={r.onHand} label={`${r.supplier}/${r.sku}/${r.location}`} action={acceptSupplierStockAction} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
    </>
  );
}
