import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { decimalText } from '@/lib/db/value-text';

export interface InventoryListRow {
  id: number;
  sku: string;
  name: string;
  location: string;
  onHand: string;
  unit: string;
}

export async function fetchInventory(): Promise<InventoryListRow[]> {
  const prisma = await getPrisma();
  const rows = await prisma.inventoryBalance.findMany({
    include: { item: { select: { sku: true, name: true, unit: true } } },
    orderBy: [{ location: 'asc' }],
  });
  return rows
    .map((b) => ({ id: b.id, sku: b.item.sku, name: b.item.name, unit: b.item.unit, location: b.location, onHand: decimalText(b.onHand) }))
    .sort((a, b) => a.location.localeCompare(b.location) || a.sku.localeCompare(b.sku));
}
