// The grid's filters, search and sort as URL parameters, named exactly as the list
// endpoints name them: the page's query string is the API's query (plus a page), so a
// view is shareable, survives a reload and exports the same rows.
import { filterParams, MAX_SORT_KEYS, stateParams } from '@/lib/tables/query';
import type { SortKey, TableDef } from '@/lib/tables/types';

export interface GridQueryState {
  /** Filter values by parameter name (`supplier`, `promisedFrom`, `qtyMin`, …). */
  filters: Record<string, string>;
  q: string;
  /** Empty means the table's default sort. */
  sort: SortKey[];
}

export const EMPTY_STATE: GridQueryState = { filters: {}, q: '', sort: [] };

export function parseSortParam(def: TableDef, raw: string | null): SortKey[] {
  if (!raw) return [];
  const sortable = new Set(def.columns.filter((c) => c.sortable).map((c) => c.key));
  const keys: SortKey[] = [];
  for (const part of raw.split(',')) {
    const [field = '', dir = 'asc'] = part.trim().split(':');
    // A hand-edited URL with a bad key keeps what it can rather than failing the page.
    if (!sortable.has(field) || (dir !== 'asc' && dir !== 'desc') || keys.some((k) => k.field === field)) continue;
    keys.push({ field, dir });
  }
  return keys.slice(0, MAX_SORT_KEYS);
}

export function formatSortParam(sort: readonly SortKey[]): string {
  return sort.map((k) => `${k.field}:${k.dir}`).join(',');
}

/** The grid state a URL's query string describes (unknown parameters are ignored). */
export function parseGridState(def: TableDef, search: string | URLSearchParams): GridQueryState {
  const params = typeof search === 'string' ? new URLSearchParams(search.startsWith('?') ? search.slice(1) : search) : search;
  const filters: Record<string, string> = {};
  for (const col of def.columns) {
    if (!col.filter) continue;
    for (const p of filterParams(col.filter)) {
      const v = params.get(p)?.trim();
      if (v) filters[p] = v;
    }
  }
  return { filters, q: params.get('q')?.trim() ?? '', sort: parseSortParam(def, params.get('sort')) };
}

/** The query string of a grid state, parameters in the table's order, blanks left out. */
export function gridStateToParams(def: TableDef, state: GridQueryState): URLSearchParams {
  const out = new URLSearchParams();
  for (const p of stateParams(def)) {
    const v = p === 'q' ? state.q.trim() : p === 'sort' ? formatSortParam(state.sort) : (state.filters[p]?.trim() ?? '');
    if (v) out.set(p, v);
  }
  return out;
}

/** The list endpoint's URL for one page of this state. */
export function pageUrl(def: TableDef, state: GridQueryState, cursor: number, limit: number): string {
  const params = gridStateToParams(def, state);
  params.set('limit', String(limit));
  if (cursor > 0) params.set('cursor', String(cursor));
  return `${def.endpoint}?${params}`;
}

/** The export's URL: the same filters and sort as CSV. */
export function csvUrl(def: TableDef, state: GridQueryState): string {
  const params = gridStateToParams(def, state);
  params.set('format', 'csv');
  return `${def.endpoint}?${params}`;
}

/** How many filters (by column) a state applies, for the Filters button. */
export function activeFilterCount(def: TableDef, state: GridQueryState): number {
  return def.columns.filter((c) => c.filter && filterParams(c.filter).some((p) => state.filters[p])).length;
}
