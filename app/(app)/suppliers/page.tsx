import type { Metadata } from 'next';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { PageHeading } from '@/components/ui/page-heading';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { fetchSupplierCount } from '@/lib/suppliers/queries';
import { loadGridData } from '@/lib/tables/grid-data';

export const metadata: Metadata = { title: 'Suppliers' };

export default async function SuppliersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/suppliers');
  const [grid, count] = await Promise.all([loadGridData('suppliers', me.userId, await searchParams), fetchSupplierCount()]);
  return (
    <>
      <PageHeading title="Suppliers" action={can(me.role, 'edit:data') ? { href: '/suppliers/new', label: 'New supplier' } : null} />
      <p className="lede">{count} suppliers, with their open purchase-order lines and the next date one is promised.</p>
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
