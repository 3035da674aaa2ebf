import type { Metadata } from 'next';
import { after } from 'next/server';
import { DataGrid } from '@/components/data-grid/data-grid';
import { GridProblem } from '@/components/data-grid/grid-problem';
import { formatInt } from '@/components/ui/format';
import { PageHeading } from '@/components/ui/page-heading';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { fetchLineValueState } from '@/lib/forecast/line-values-store';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { fetchPoLineCounts } from '@/lib/purchase-orders/queries';
import { loadGridData } from '@/lib/tables/grid-data';
import { LineValuesNote } from './line-values-note';

export const metadata: Metadata = { title: 'Purchase orders' };

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireRole('/purchase-orders');
  const [grid, counts, lineValues] = await Promise.all([
    loadGridData('purchase-order-lines', me.userId, await searchParams),
    fetchPoLineCounts(),
    fetchLineValueState(await getPrisma()),
  ]);
  // Not of the data as it is: the background refresher computes it after this response (a no-op when it runs already).
  if (lineValues.status !== 'current') after(() => refreshDashboardForecast());
  return (
    <>
      <PageHeading title="Purchase orders" action={can(me.role, 'edit:data') ? { href: '/purchase-orders/new', label: 'New purchase order' } : null} />
      <p className="lede">
        {formatInt(counts.total)} lines, {formatInt(counts.open)} open. Sort by several columns (Shift+click), filter, search; {can(me.role, 'edit:data') ? 'edit a cell with Enter, paste a block from a spreadsheet, select rows with Space for bulk changes.' : 'read only for your role.'}
      </p>
      <LineValuesNote state={lineValues} />
      <GridProblem problem={grid.problem} />
      <DataGrid {...grid} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
