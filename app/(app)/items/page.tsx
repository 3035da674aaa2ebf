import type { Metadata } from 'next';
import { SimpleTable } from '@/components/ui/simple-table';
import { fetchItems } from '@/lib/catalog/queries';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Items' };

export default async function ItemsPage() {
  await requireRole('/items');
  const items = await fetchItems();
  return (
    <>
      <h1>Items</h1>
      <p className="lede">{items.length} items: parts, assemblies, site resources and capacity.</p>
      <SimpleTable
        caption="Items"
        rows={items}
        rowKey={(r) => r.id}
        empty="No items yet. Import an items CSV on the Imports page or with `npx clearbuild import items <file>`."
        columns={[
          { header: 'SKU', cell: (r) => <code>{r.sku}</code> },
          { header: 'Name', wrap: true, cell: (r) => r.name },
          { header: 'Category', cell: (r) => <span className="badge">{r.category}</span> },
          { header: 'Unit', cell: (r) => r.unit },
          { header: 'Site', cell: (r) => r.site ?? <span className="muted">pooled</span> },
          { header: 'GPUs online per unit', numeric: true, wrap: true, cell: (r) => (r.gpusOnlinePerUnit > 0 ? r.gpusOnlinePerUnit : '') },
          { header: 'Built by recipe', cell: (r) => (r.hasRecipe ? 'yes' : '') },
        ]}
      />
    </>
  );
}
