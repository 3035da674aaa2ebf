import 'server-only';
import { getDatabase } from '@/lib/db/client';
import { TABLES } from '@/lib/tables/definitions';
import { fetchListPage } from '@/lib/tables/list';
import type { SortKey, TableName } from '@/lib/tables/types';

// What the create forms offer to pick from (suppliers, SKUs, site codes), read through the
// tables' own list queries. Suggestions only: the server's change set checks what is sent.

const PICKER_ROWS = 5000;

async function rows(table: TableName, sort: SortKey[]) {
  const page = await fetchListPage(await getDatabase(), TABLES[table], { filters: {}, sort, format: 'json', limit: PICKER_ROWS, cursor: 0 });
  return page.rows;
}

export async function fetchSupplierOptions(): Promise<{ value: string; label: string }[]> {
  return (await rows('suppliers', [{ field: 'code', dir: 'asc' }])).map((r) => ({ value: String(r.code), label: `${String(r.code)} — ${String(r.name)}` }));
}

export async function fetchItemOptions(): Promise<{ value: string; label: string }[]> {
  return (await rows('items', [{ field: 'sku', dir: 'asc' }])).map((r) => ({ value: String(r.sku), label: String(r.name) }));
}

export async function fetchSiteCodes(): Promise<string[]> {
  const sites = new Set<string>();
  for (const r of await rows('items', [{ field: 'sku', dir: 'asc' }])) if (typeof r.site === 'string' && r.site) sites.add(r.site);
  return [...sites].sort();
}
