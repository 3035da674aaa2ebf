import type { Metadata } from 'next';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { PageHeading } from '@/components/ui/page-heading';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { fetchCatalogCounts } from '@/lib/catalog/queries';
import { loadGridData } from '@/lib/tables/grid-data';

export const metadata: Metadata = { title: 'Items' };

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/items');
  const [grid, counts] = await Promise.all([loadGridData('items', me.userId, await searchParams), fetchCatalogCounts()]);
  return (
    <>
      <PageHeading title="Items" action={can(me.role, 'edit:data') ? { href: '/items/new', label: 'New item' } : null} />
      <p className="lede">{counts.items} items: parts, assemblies, site resources and capacity.</p>
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
