import type { Metadata } from 'next';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { loadGridData } from '@/lib/tables/grid-data';
import { BomHeading } from '../bom-heading';

export const metadata: Metadata = { title: 'BOM lines' };

/** The flat grid of BOM lines (one row per output and component), under /bom's rule. */
export default async function BomLinesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/bom');
  const grid = await loadGridData('bom-lines', me.userId, await searchParams);
  return (
    <>
      <BomHeading />
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
