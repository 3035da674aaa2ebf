// A person's layout of a table (what TanStack Table's column state holds) from the
// saved preferences, falling back to the table's defaults column by column.
import type { TableSettings } from '@/lib/tables/preferences';
import type { TableDef } from '@/lib/tables/types';

export function initialLayout(def: TableDef, saved: TableSettings | null): TableSettings {
  const keys = def.columns.map((c) => c.key);
  const known = (k: string) => keys.includes(k);
  const savedOrder = (saved?.columnOrder ?? []).filter(known);
  return {
    columnVisibility: { ...Object.fromEntries(def.columns.filter((c) => c.hiddenByDefault).map((c) => [c.key, false])), ...(saved?.columnVisibility ?? {}) },
    // Columns added since the layout was saved go after the saved ones.
    columnOrder: [...savedOrder, ...keys.filter((k) => !savedOrder.includes(k))],
    columnSizing: Object.fromEntries(Object.entries(saved?.columnSizing ?? {}).filter(([k]) => known(k))),
    columnPinning: saved ? { start: saved.columnPinning.start.filter(known), end: saved.columnPinning.end.filter(known) } : { start: [...(def.pinnedByDefault ?? [def.keyColumn])], end: [] },
  };
}
