import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FieldDiff } from '@/components/imports/field-diff';
import { RevertBatch } from '@/components/imports/revert-batch';
import { StatusBadge } from '@/components/imports/status-badge';
import styles from '@/components/imports/imports.module.css';
import { SimpleTable } from '@/components/ui/simple-table';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { BATCH_CHANGES_PAGE_SIZE, fetchBatchChanges, fetchImportBatch } from '@/lib/imports/batch-queries';

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

function batchId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: batchId(id) === null ? 'Import batch' : `Import batch #${id}` };
}

function when(iso: string | null): string {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '—';
}

export default async function ImportBatchPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const me = await requireRole('/imports');
  const id = batchId((await params).id);
  if (id === null) notFound();
  const batch = await fetchImportBatch(id);
  if (!batch) notFound();

  const rawPage = (await searchParams).page;
  const requested = Number(Array.isArray(rawPage) ? rawPage[0] : rawPage);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const { total, rows } = await fetchBatchChanges(id, page);
  const pages = Math.max(1, Math.ceil(total / BATCH_CHANGES_PAGE_SIZE));
  const first = (page - 1) * BATCH_CHANGES_PAGE_SIZE + 1;
  const count = (n: number) => n.toLocaleString('en-US');
  // Term, value, and whether it spans the whole row.
  const facts: [string, ReactNode, boolean?][] = [
    ['Kind', batch.kind],
    ['Supplier', batch.supplier ? `${batch.supplier.code} · ${batch.supplier.name}` : '—'],
    ['File', batch.filename],
    ['Saved mapping', batch.mappingName ?? '—'],
    ['Status', <StatusBadge key="status" status={batch.status} />],
    ['By', batch.actor],
    ['Started', when(batch.createdAt)],
    ['Finished', when(batch.finishedAt)],
    ...(batch.revertedAt ? [['Reverted', `${when(batch.revertedAt)} by ${batch.revertedBy ?? 'unknown'}`] as [string, ReactNode]] : []),
    ['Rows in the file', count(batch.rowCount)],
    ['New', count(batch.createdCount)],
    ['Changed', count(batch.updatedCount)],
    ['Unchanged', count(batch.unchangedCount)],
    ['SHA-256', <code key="sha">{batch.sha256}</code>, true],
  ];

  return (
    <>
      <Link href="/imports" className={styles.back}>
        ← Imports
      </Link>
      <div className={styles.titleRow}>
        <h1>Import batch #{batch.id}</h1>
        <StatusBadge status={batch.status} />
      </div>
      <p className="lede">
        {batch.kind} from <strong>{batch.filename}</strong>
        {batch.supplier ? ` for ${batch.supplier.code}` : ''}, by {batch.actor} on {when(batch.createdAt)} (UTC).
      </p>

      <section className="panel" aria-label="Batch details">
        <dl className={styles.facts}>
          {facts.map(([term, value, wide]) => (
            <div key={term} style={wide ? { gridColumn: '1 / -1' } : undefined}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {batch.error && (
          <p className="alert error" style={{ marginBottom: 0 }}>
            {batch.error}
          </p>
        )}
      </section>

      {/* Kept mounted once reverted, so the person still sees what their revert did after the page refreshes. */}
      {(batch.status === 'committed' || batch.status === 'reverted') && can(me.role, 'import:data') && (
        <RevertBatch batchId={batch.id} updated={batch.updatedCount} created={batch.createdCount} reverted={batch.status === 'reverted'} />
      )}

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes</h2>
        <p className="muted small">
          {total === 0
            ? 'This batch changed no rows.'
            : `${total.toLocaleString('en-US')} audited change${total === 1 ? '' : 's'}${pages > 1 ? `, ${first.toLocaleString('en-US')}–${Math.min(total, first + rows.length - 1).toLocaleString('en-US')} shown` : ''}.`}
        </p>
        {total > 0 && (
          <SimpleTable
            caption={`Changes made by batch #${batch.id}`}
            rows={rows}
            rowKey={(r) => r.id}
            empty="No changes on this page."
            columns={[
              {
                header: 'Record',
                cell: (r) => (
                  <>
                    <code>{r.entityId}</code>
                    <div className="muted small">{r.entity}</div>
                  </>
                ),
              },
              {
                header: 'Action',
                cell: (r) => <span className={`badge ${r.action === 'create' ? 'open' : r.action === 'update' ? '' : 'warn'}`}>{r.action}</span>,
              },
              { header: 'Fields', cell: (r) => <FieldDiff recordKey={r.entityId} before={r.before} after={r.after} /> },
              {
                header: 'When',
                cell: (r) => (
                  <>
                    {when(r.createdAt)}
                    <div className="muted small">by {r.actor}</div>
                  </>
                ),
              },
            ]}
          />
        )}
        {pages > 1 && (
          <nav className={styles.pager} aria-label="Pages of changes">
            {page > 1 ? <Link href={`/imports/${batch.id}?page=${page - 1}`}>← Previous</Link> : <span className="muted">← Previous</span>}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? <Link href={`/imports/${batch.id}?page=${page + 1}`}>Next →</Link> : <span className="muted">Next →</span>}
          </nav>
        )}
      </section>
    </>
  );
}
