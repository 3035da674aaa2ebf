import { formatQuantity } from '@/components/ui/format';
import type { ColumnDef } from '@/lib/tables/types';

/** A cell's value as the grid shows it: decimals grouped, booleans as yes/blank, nothing as blank. */
export function cellText(column: ColumnDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.value === 'decimal') return formatQuantity(String(value));
  if (column.value === 'bool') return value ? 'yes' : '';
  return String(value);
}

/** A cell's value as an editor starts from it (exact, ungrouped). */
export function cellInputText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
