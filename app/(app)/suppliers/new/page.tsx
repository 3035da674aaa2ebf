import type { Metadata } from 'next';
import Link from 'next/link';
import { SupplierForm } from '@/components/forms/supplier-form';
import { requireRole } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'New supplier' };

export default async function NewSupplierPage() {
  await requireRole('/suppliers/new');
  return (
    <>
      <h1>New supplier</h1>
      <p className="lede">
        Saved as one change set after its preview; back to <Link href="/suppliers">Suppliers</Link>.
      </p>
      <SupplierForm />
    </>
  );
}
