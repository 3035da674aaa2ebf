import type { Metadata } from 'next';
import { AcceptStockButton } from '@/components/inventory/accept-stock-button';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatDateTime, formatQuantity } from '@/components/ui/format';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { fetchInventoryCounts } from '@/lib/inventory/queries';
import { loadGridData } from '@/lib/tables/grid-data';
import { fetchPendingSupplierStock } from '@/lib/supplier-stock/queries';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { acceptSupplierStockAction } from './accept-supplier-stock';

export const metadata: Metadata = { title: 'Inventory' };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/inventory');
  const [grid, counts, reports] = await Promise.all([loadGridData('inventory', me.userId, await searchParams), fetchInventoryCounts(), fetchPendingSupplierStock()]);
  const canAccept = can(me.role, 'edit:data');
  return (
    <>
      <h1>Inventory</h1>
      <p className="lede">
        Quantity on hand at the plan start: {counts.balances} balances at {counts.locations} locations.
      </p>
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={canAccept} />
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
