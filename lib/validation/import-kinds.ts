import { bomLineImport } from './bom-line';
import type { ImportSpec } from './import-spec';
import { inventoryBalanceImport } from './inventory-balance';
import { itemImport } from './item';
import { purchaseOrderLineImport } from './purchase-order-line';
import { recipeImport } from './recipe';
import { targetImport } from './target';

export const IMPORT_KINDS = ['items', 'recipes', 'bom', 'inventory', 'purchase-orders', 'targets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_SPECS = {
  items: itemImport,
  recipes: recipeImport,
  bom: bomLineImport,
  inventory: inventoryBalanceImport,
  'purchase-orders': purchaseOrderLineImport,
  targets: targetImport,
} as const satisfies Record<ImportKind, unknown>;

type RowOf<S> = S extends ImportSpec<infer Row, string> ? Row : never;
/** The validated, normalised row of one import kind (camelCase, as stored). */
export type CanonicalRow<K extends ImportKind> = RowOf<(typeof IMPORT_SPECS)[K]>;

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export function getImportSpec<K extends ImportKind>(kind: K): ImportSpec<CanonicalRow<K>> {
  // Indexing with a generic key yields a union TypeScript cannot narrow back to K.
  return IMPORT_SPECS[kind] as unknown as ImportSpec<CanonicalRow<K>>;
}
