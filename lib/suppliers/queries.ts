import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** How many suppliers there are: the Suppliers page's headline. */
export async function fetchSupplierCount(): Promise<number> {
  return (await getPrisma()).supplier.count();
}
