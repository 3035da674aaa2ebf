import 'server-only';
import { getDatabase } from '@/lib/db/client';
import { TABLES } from './definitions';
import { fetchListPage } from './list';
import { fetchSavedViews, fetchTableSettings, type SavedViewRow, type TableSettings } from './preferences';
import { GRID_PAGE_ROWS, parseListQuery, stateParams } from './query';
import type { ListPage, TableName } from './types';

export interface GridData {
  table: TableName;
  initialQuery: string;
  initialPage: ListPage;
  initialSettings: TableSettings | null;
  initialViews: SavedViewRow[];
  /** What was wrong with the URL's query, when it had to be dropped. */
  problem: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What a table page renders on the server: the first page of rows for the URL's
 * filters, sort and search (so rows show before any script runs), and the person's
 * layout and saved views. A URL the endpoint would refuse shows the whole table and says why.
 */
export async function loadGridData(table: TableName, userId: string, search: SearchParams): Promise<GridData> {
  const def = TABLES[table];
  let params = new URLSearchParams();
  for (const p of stateParams(def)) {
    const raw = search[p];
    const v = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (v) params.set(p, v);
  }
  let parsed = parseListQuery(def, params);
  let problem: string | null = null;
  if (!parsed.ok) {
    problem = parsed.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
    params = new URLSearchParams();
    parsed = parseListQuery(def, params);
  }
  if (!parsed.ok) throw new Error('an empty list query was refused');
  const db = await getDatabase();
  const prisma = db.prisma;
  const [initialPage, initialSettings, initialViews] = await Promise.all([
    fetchListPage(db, def, { ...parsed.query, limit: GRID_PAGE_ROWS, cursor: 0 }),
    fetchTableSettings(prisma, userId, table),
    fetchSavedViews(prisma, userId, table),
  ]);
  return { table, initialQuery: params.toString(), initialPage, initialSettings, initialViews, problem };
}
