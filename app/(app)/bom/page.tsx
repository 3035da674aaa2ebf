import type { Metadata } from 'next';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { fetchCatalogCounts } from '@/lib/catalog/queries';
import { loadGridData } from '@/lib/tables/grid-data';

export const metadata: Metadata = { title: 'Bill of materials' };

export default async function BomPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/bom');
  const [grid, counts] = await Promise.all([loadGridData('bom-lines', me.userId, await searchParams), fetchCatalogCounts()]);
  return (
    <>
      <h1>Bill of materials</h1>
      <p className="lede">
        {counts.recipes} recipes: what each build consumes ({counts.recipeLines} component lines), how long it takes and how many can start per week.
      </p>
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
