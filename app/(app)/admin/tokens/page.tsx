import type { Metadata } from 'next';
import { IssueTokenForm } from '@/components/auth/issue-token-form';
import { RevokeTokenButton } from '@/components/auth/revoke-token-button';
import { SimpleTable } from '@/components/ui/simple-table';
import { fetchApiTokens, fetchSupplierCodes } from '@/lib/auth/admin-queries';
import { requireRole } from '@/lib/auth/guard';
import { issueTokenAction } from './issue-token';
import { revokeTokenAction } from './revoke-token';

export const metadata: Metadata = { title: 'API tokens' };

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export default async function TokensPage() {
  await requireRole('/admin/tokens');
  const [tokens, suppliers] = await Promise.all([fetchApiTokens(), fetchSupplierCodes()]);
  return (
    <>
      <h1>API tokens</h1>
      <p className="lede">
        A token lets one supplier send its own purchase-order lines and stock report to{' '}
        <code>POST /api/imports/purchase-orders</code> or <code>/api/imports/inventory</code> with{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. It can write nothing of another supplier&apos;s and read nothing.
      </p>
      <h2>Issue a token</h2>
      <IssueTokenForm suppliers={suppliers} action={issueTokenAction} />
      <h2>Tokens</h2>
      <SimpleTable
        caption="API tokens"
        rows={tokens}
        rowKey={(t) => t.id}
        empty="No tokens issued yet."
        columns={[
          { header: 'Name', cell: (t) => t.name },
          { header: 'Supplier', cell: (t) => t.supplier },
          { header: 'Token', cell: (t) => <code>{t.prefix}…</code> },
          { header: 'Issued', cell: (t) => `${when(t.createdAt)} by ${t.createdBy}` },
          { header: 'Expires', cell: (t) => when(t.expiresAt) },
          { header: 'Last used', cell: (t) => when(t.lastUsedAt) },
          { header: 'State', cell: (t) => <span className={`badge ${t.state === 'active' ? 'committed' : 'failed'}`}>{t.state}</span> },
          { header: '', cell: (t) => (t.state === 'active' ? <RevokeTokenButton tokenId={t.id} label={t.name} action={revokeTokenAction} /> : null) },
        ]}
      />
    </>
  );
}
