import type { Metadata } from 'next';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatQuantity } from '@/components/ui/format';
import { fetchInventory } from '@/lib/inventory/queries';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Inventory' };

export default async function InventoryPage() {
  await requireRole('/inventory');
  const rows = await fetchInventory();
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
          { header: 'Name', cell: (r) => r.name },
          { header: 'On hand', numeric: true, cell: (r) => formatQuantity(r.onHand) },
          { header: 'Unit', cell: (r) => r.unit },
        ]}
      />
    </>
  );
}
