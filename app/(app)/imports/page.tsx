import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportWorkbench, type KindOption } from '@/components/imports/import-workbench';
import { StatusBadge } from '@/components/imports/status-badge';
import { SimpleTable } from '@/components/ui/simple-table';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { fetchImportBatches, fetchSupplierOptions } from '@/lib/imports/batch-queries';
import { getImportSpec, IMPORT_KINDS, type ImportKind } from '@/lib/validation/import-kinds';

export const metadata: Metadata = { title: 'Imports' };

const KIND_LABELS: Record<ImportKind, string> = {
  items: 'Items',
  recipes: 'Recipes',
  bom: 'Bill of materials',
  inventory: 'Inventory (stock report)',
  'purchase-orders': 'Purchase orders',
  targets: 'Targets',
};

// Plain data for the client: the specs themselves carry zod schemas.
const KINDS: KindOption[] = IMPORT_KINDS.map((kind) => {
  const spec = getImportSpec(kind);
  return { kind, label: KIND_LABELS[kind], columns: [...spec.columns], required: [...spec.required] };
});

export default async function ImportsPage() {
  const me = await requireRole('/imports');
  const canImport = can(me.role, 'import:data');
  const [batches, suppliers] = await Promise.all([fetchImportBatches(), canImport ? fetchSupplierOptions() : Promise.resolve([])]);
  return (
    <>
      <h1>Imports</h1>
      <p className="lede">
        {canImport
          ? "Bring in a supplier's file in its own format: map its columns once, preview exactly what changes, then commit it all or nothing."
          : 'Every file imported, by whom and what it changed. Importing needs the procurement or admin role.'}{' '}
        Scripts use <code>npx clearbuild import &lt;kind&gt; &lt;file.csv&gt;</code>.
      </p>
      {canImport && (
        <section aria-label="Import a file">
          <ImportWorkbench kinds={KINDS} suppliers={suppliers} />
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <SimpleTable
          caption="Import batches"
          rows={batches}
          rowKey={(r) => r.id}
          empty="No imports yet."
          columns={[
            { header: 'Batch', numeric: true, cell: (r) => <Link href={`/imports/${r.id}`}>#{r.id}</Link> },
            { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
            {
              header: 'When',
              cell: (r) => (
                <>
                  {r.createdAt.slice(0, 16).replace('T', ' ')}
                  <div className="muted small">by {r.actor}</div>
                </>
              ),
            },
            {
              header: 'Kind',
              cell: (r) => (
                <>
                  {r.kind}
                  {r.supplier && <div className="muted small">{r.supplier}</div>}
                </>
              ),
            },
            {
              header: 'File',
              cell: (r) => (
                <>
                  <Link href={`/imports/${r.id}`}>{r.filename}</Link>
                  <div className="muted small">
                    SHA-256 <code title={r.sha256}>{r.sha256.slice(0, 12)}…</code>
                  </div>
                </>
              ),
            },
            { header: 'Rows', numeric: true, cell: (r) => r.rowCount.toLocaleString('en-US') },
            {
              header: 'New / changed / unchanged',
              numeric: true,
              cell: (r) => [r.createdCount, r.updatedCount, r.unchangedCount].map((n) => n.toLocaleString('en-US')).join(' / '),
            },
          ]}
        />
      </section>
    </>
  );
}
