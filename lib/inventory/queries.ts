import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** How many balances there are and at how many locations: the Inventory page's headline. */
export async function fetchInventoryCounts(): Promise<{ balances: number; locations: number }> {
  const prisma = await getPrisma();
  const [balances, locations] = await Promise.all([prisma.inventoryBalance.count(), prisma.inventoryBalance.groupBy({ by: ['location'] })]);
  return { balances, locations: locations.length };
}
