import type { Metadata } from 'next';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { PageHeading } from '@/components/ui/page-heading';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { fetchPoLineCounts } from '@/lib/purchase-orders/queries';
import { loadGridData } from '@/lib/tables/grid-data';

export const metadata: Metadata = { title: 'Purchase orders' };

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/purchase-orders');
  const [grid, counts] = await Promise.all([loadGridData('purchase-order-lines', me.userId, await searchParams), fetchPoLineCounts()]);
  return (
    <>
      <PageHeading title="Purchase orders" action={can(me.role, 'edit:data') ? { href: '/purchase-orders/new', label: 'New purchase order' } : null} />
      <p className="lede">
        {counts.total} lines, {counts.open} open. Sort by several columns (Shift+click), filter, search; {can(me.role, 'edit:data') ? 'edit a cell with Enter, paste a block from a spreadsheet, select rows with Space for bulk changes.' : 'read only for your role.'}
      </p>
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
