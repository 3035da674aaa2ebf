import type { Metadata } from 'next';
import { SimpleTable } from '@/components/ui/simple-table';
import { fetchImportBatches } from '@/lib/imports/queries';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Imports' };

export default async function ImportsPage() {
  await requireRole('/imports');
  const batches = await fetchImportBatches();
  return (
    <>
      <h1>Imports</h1>
      <p className="lede">
        Every CSV import is one batch, committed all or nothing. Import from the command line with{' '}
        <code>npx clearbuild import &lt;kind&gt; &lt;file.csv&gt;</code>.
      </p>
      <SimpleTable
        caption="Import batches"
        rows={batches}
        rowKey={(r) => r.id}
        empty="No imports yet."
        columns={[
          { header: 'Batch', numeric: true, cell: (r) => `#${r.id}` },
          { header: 'When', cell: (r) => r.createdAt.slice(0, 16).replace('T', ' ') },
          { header: 'Kind', cell: (r) => r.kind },
          { header: 'File', cell: (r) => r.filename },
          { header: 'Supplier', cell: (r) => r.supplier ?? '' },
          { header: 'Rows', numeric: true, cell: (r) => r.rowCount },
          { header: 'Created', numeric: true, cell: (r) => r.createdCount },
          { header: 'Updated', numeric: true, cell: (r) => r.updatedCount },
          { header: 'Unchanged', numeric: true, cell: (r) => r.unchangedCount },
          { header: 'Status', cell: (r) => <span className={`badge ${r.status}`}>{r.status}</span> },
          { header: 'By', cell: (r) => r.actor },
          { header: 'SHA-256', cell: (r) => <code title={r.sha256}>{r.sha256.slice(0, 12)}…</code> },
        ]}
      />
    </>
  );
}
