import type { Metadata } from 'next';
import Link from 'next/link';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatQuantity } from '@/components/ui/format';
import { fetchPoLines, parsePageParam, PO_PAGE_SIZE } from '@/lib/purchase-orders/queries';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { PromisedDateEditor } from './promised-date-editor';

export const metadata: Metadata = { title: 'Purchase orders' };

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  const me = await requireRole('/purchase-orders');
  const canEdit = can(me.role, 'edit:data');
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const { rows, total, open, page, pages } = await fetchPoLines(parsePageParam(params.page), q);
  const href = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  const pager =
    pages > 1 && page <= pages ? (
      <nav className="pager" aria-label="Pages of purchase-order lines">
        {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : null}
        <span>
          Page {page} of {pages} (lines {(page - 1) * PO_PAGE_SIZE + 1}–{(page - 1) * PO_PAGE_SIZE + rows.length})
        </span>
        {page < pages ? <Link href={href(page + 1)}>Next →</Link> : null}
      </nav>
    ) : null;
  return (
    <>
      <h1>Purchase orders</h1>
      <p className="lede">
        {total} lines{q ? ` matching “${q}”` : ''}, {open} open, by promised date.
      </p>
      <form className="toolbar" role="search" action="/purchase-orders">
        <label>
          Search <input name="q" type="search" defaultValue={q} placeholder="supplier, PO number or SKU" maxLength={100} />
        </label>
        <button type="submit" className="secondary">
          Search
        </button>
        {q ? <Link href="/purchase-orders">Clear</Link> : null}
      </form>
      {pager}
      {page > pages ? (
        <div className="alert info" role="status">
          There is no page {page}: the {total} lines fit on {pages} page{pages === 1 ? '' : 's'}. <Link href={href(pages)}>Go to page {pages}</Link>
        </div>
      ) : (
      <SimpleTable
        caption="Purchase-order lines"
        rows={rows}
        rowKey={(r) => r.id}
        empty="No purchase orders yet. Import a purchase-orders CSV."
        columns={[
          { header: 'Supplier', cell: (r) => r.supplier },
          { header: 'PO', cell: (r) => r.poNumber },
          { header: 'Line', numeric: true, cell: (r) => r.lineNo },
          { header: 'SKU', cell: (r) => <code>{r.sku}</code> },
          { header: 'Qty', numeric: true, cell: (r) => formatQuantity(r.qty) },
          { header: 'Unit', cell: (r) => r.unit },
          {
            header: 'Promised',
            cell: (r) =>
              canEdit ? (
                <PromisedDateEditor id={r.id} label={`${r.supplier}/${r.poNumber}/${r.lineNo}`} promisedDate={r.promisedDate} version={r.version} />
              ) : (
                r.promisedDate
              ),
          },
          { header: 'Status', cell: (r) => <span className={`badge ${r.status}`}>{r.status}</span> },
        ]}
      />
      )}
      {pager}
    </>
  );
}
