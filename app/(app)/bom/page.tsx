import type { Metadata } from 'next';
import { BomTree } from '@/components/bom/bom-tree';
import { requireRole } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { fetchCapacityTrees } from '@/lib/bom/queries';
import { BomHeading } from './bom-heading';

export const metadata: Metadata = { title: 'Bill of materials' };

/** Each capacity item's tree down to purchased parts: quantity per capacity unit, lead times, weekly limits. */
export default async function BomPage() {
  const me = await requireRole('/bom');
  const trees = await fetchCapacityTrees();
  return (
    <>
      <BomHeading />
      <BomTree trees={trees} canEdit={can(me.role, 'edit:data')} />
    </>
  );
}
