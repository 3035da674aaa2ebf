import type { ImportKind } from '@/lib/validation/import-kinds';

/**
 * How a supplier's cell must be converted before the kind's schema sees it. The schema
 * knows only canonical text; the date format, separators and unit factors of a mapping
 * apply by column type, so every canonical column has one.
 *   date     — converted from the mapping's date format to YYYY-MM-DD
 *   decimal  — separators normalised; quantities also scaled by a unit factor
 *   count    — separators normalised (a count written "1.000" in a German file is 1000)
 *   text     — passed through
 */
export type ColumnType = 'date' | 'decimal' | 'count' | 'text';

export const COLUMN_TYPES = {
  items: { sku: 'text', name: 'text', category: 'text', unit: 'text', site: 'text', gpus_online_per_unit: 'count' },
  recipes: { output_sku: 'text', output_qty: 'decimal', lead_time_days: 'count', max_starts_per_week: 'count' },
  bom: { output_sku: 'text', component_sku: 'text', qty_per_build: 'decimal' },
  inventory: { sku: 'text', location: 'text', on_hand: 'decimal' },
  'purchase-orders': {
    supplier: 'text',
    po_number: 'text',
    line: 'count',
    sku: 'text',
    qty: 'decimal',
    promised_date: 'date',
    status: 'text',
    received_date: 'date',
  },
  targets: { date: 'date', gpus_online: 'count' },
} as const satisfies Record<ImportKind, Record<string, ColumnType>>;

/**
 * Columns measured in a unit a supplier may count differently (feet vs metres, boxes vs
 * pieces): the only ones a unit factor may scale. Recipe output quantities are builds,
 * not a supplier's unit.
 */
export const QUANTITY_COLUMNS = {
  items: [],
  recipes: [],
  bom: ['qty_per_build'],
  inventory: ['on_hand'],
  'purchase-orders': ['qty'],
  targets: [],
} as const satisfies Record<ImportKind, readonly string[]>;

export function columnTypeOf(kind: ImportKind, column: string): ColumnType | undefined {
  const types: Record<string, ColumnType> = COLUMN_TYPES[kind];
  // Column names come from people and JSON: "__proto__" must not find Object.prototype.
  return Object.hasOwn(types, column) ? types[column] : undefined;
}

export function isQuantityColumn(kind: ImportKind, column: string): boolean {
  return (QUANTITY_COLUMNS[kind] as readonly string[]).includes(column);
}
