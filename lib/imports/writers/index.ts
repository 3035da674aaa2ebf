import type { ImportKind } from '@/lib/validation/import-kinds';
import type { KindWriter } from '../types';
import { bomWriter } from './bom';
import { inventoryWriter } from './inventory';
import { itemsWriter } from './items';
import { purchaseOrdersWriter } from './purchase-orders';
import { recipesWriter } from './recipes';
import { targetsWriter } from './targets';

export const WRITERS: Record<ImportKind, KindWriter<never>> = {
  items: itemsWriter,
  recipes: recipesWriter,
  bom: bomWriter,
  inventory: inventoryWriter,
  'purchase-orders': purchaseOrdersWriter,
  targets: targetsWriter,
} as Record<ImportKind, KindWriter<never>>;
