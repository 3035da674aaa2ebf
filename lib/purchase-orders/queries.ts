import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** How many PO lines there are, and how many are open: the PO page's headline. */
export async function fetchPoLineCounts(): Promise<{ total: number; open: number }> {
  const prisma = await getPrisma();
  const [total, open] = await Promise.all([prisma.purchaseOrderLine.count(), prisma.purchaseOrderLine.count({ where: { status: 'open' } })]);
  return { total, open };
}
