import type { ImportKind } from '@/lib/validation/import-kinds';
import { bomStaged } from './bom';
import { inventoryStaged } from './inventory';
import { itemsStaged } from './items';
import { purchaseOrdersStaged } from './purchase-orders';
import { recipesStaged } from './recipes';
import { targetsStaged } from './targets';
import type { StagedKind } from './types';

/** Every kind, any size: streamed through a staging table, diffed and written set-based. */
export const STAGED_KINDS: Record<ImportKind, StagedKind<never>> = {
  items: itemsStaged as StagedKind<never>,
  recipes: recipesStaged as StagedKind<never>,
  bom: bomStaged as StagedKind<never>,
  inventory: inventoryStaged as StagedKind<never>,
  'purchase-orders': purchaseOrdersStaged as StagedKind<never>,
  targets: targetsStaged as StagedKind<never>,
};
