import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/auth/admin.module.css';
import { SimpleTable } from '@/components/ui/simple-table';
import { AUDIT_PAGE_SIZE, fetchAuditEvents, fetchAuditFacets, type AuditFilter } from '@/lib/auth/admin-queries';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function readFilter(sp: Search): AuditFilter {
  const text = (k: string) => {
    const v = sp[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s.slice(0, 200) : undefined;
  };
  const date = (k: string) => {
    const v = text(k);
    return v && DATE_RE.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
  };
  return { entity: text('entity'), action: text('action'), actor: text('actor'), entityId: text('entityId'), from: date('from'), to: date('to') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('/admin/audit');
  const filter = readFilter(await searchParams);
  const [{ total, rows }, facets] = await Promise.all([fetchAuditEvents(filter), fetchAuditFacets()]);
  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">
        Every sign-in (and failed attempt), role change, token use and data change. {total} matching event{total === 1 ? '' : 's'}
        {total > AUDIT_PAGE_SIZE ? `, newest ${AUDIT_PAGE_SIZE} shown` : ''}.
      </p>
      <form className={styles.filters} method="get" aria-label="Filter the audit log">
        <label>
          Entity
          <select name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">Any</option>
            {facets.entities.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select name="action" defaultValue={filter.action ?? ''}>
            <option value="">Any</option>
            {facets.actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Actor
          <input name="actor" defaultValue={filter.actor ?? ''} maxLength={200} />
        </label>
        <label>
          Record
          <input name="entityId" defaultValue={filter.entityId ?? ''} maxLength={200} />
        </label>
        <label>
          From
          <input name="from" type="date" defaultValue={filter.from ?? ''} />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={filter.to ?? ''} />
        </label>
        <button type="submit">Filter</button>
        <Link href="/admin/audit" className="button secondary">
          Clear
        </Link>
      </form>
      <SimpleTable
        caption="Audit events"
        rows={rows}
        rowKey={(e) => e.id}
        empty="No audit events match."
        columns={[
          { header: 'When', cell: (e) => e.createdAt.slice(0, 19).replace('T', ' ') },
          { header: 'Actor', cell: (e) => e.actor },
          { header: 'Action', cell: (e) => <span className="badge">{e.action}</span> },
          { header: 'Entity', cell: (e) => e.entity },
          { header: 'Record', cell: (e) => e.entityId },
          { header: 'Batch', cell: (e) => (e.batchId === null ? '' : `#${e.batchId}`) },
          { header: 'Before', cell: (e) => <span className={styles.json} title={e.before}>{e.before}</span> },
          { header: 'After', cell: (e) => <span className={styles.json} title={e.after}>{e.after}</span> },
        ]}
      />
    </>
  );
}
