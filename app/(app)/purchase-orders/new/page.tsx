import type { Metadata } from 'next';
import Link from 'next/link';
import { PurchaseOrderForm } from '@/components/forms/purchase-order-form';
import { requireRole } from '@/lib/auth/guard';
import { fetchItemOptions, fetchSupplierOptions } from '@/lib/bom/pickers';

export const metadata: Metadata = { title: 'New purchase order' };

export default async function NewPurchaseOrderPage() {
  await requireRole('/purchase-orders/new');
  const [suppliers, items] = await Promise.all([fetchSupplierOptions(), fetchItemOptions()]);
  return (
    <>
      <h1>New purchase order</h1>
      <p className="lede">
        A supplier, a PO number and its lines, saved together as one change set after the preview shows what they do to the forecast; back to{' '}
        <Link href="/purchase-orders">Purchase orders</Link>.
      </p>
      <PurchaseOrderForm suppliers={suppliers} items={items} />
    </>
  );
}
