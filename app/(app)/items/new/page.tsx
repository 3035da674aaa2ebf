import type { Metadata } from 'next';
import Link from 'next/link';
import { ItemForm } from '@/components/forms/item-form';
import { requireRole } from '@/lib/auth/guard';
import { fetchSiteCodes } from '@/lib/bom/pickers';

export const metadata: Metadata = { title: 'New item' };

export default async function NewItemPage() {
  await requireRole('/items/new');
  const sites = await fetchSiteCodes();
  return (
    <>
      <h1>New item</h1>
      <p className="lede">
        A part, an assembly, a site resource or capacity itself. Saved as one change set after its preview; back to <Link href="/items">Items</Link>.
      </p>
      <ItemForm sites={sites} />
    </>
  );
}
