import type { ImportKind } from '@/lib/validation/import-kinds';
import { inventoryStaged } from './inventory';
import { purchaseOrdersStaged } from './purchase-orders';
import type { StagedKind } from './types';

/** The kinds suppliers send, any size: streamed through a staging table. */
export const STAGED_KINDS: Partial<Record<ImportKind, StagedKind<never>>> = {
  'purchase-orders': purchaseOrdersStaged as StagedKind<never>,
  inventory: inventoryStaged as StagedKind<never>,
};
