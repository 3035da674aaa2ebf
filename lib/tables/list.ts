// Runs a table's list query on the database: one page with the total, or the whole
// answer as a CSV stream in the same sort. Every list endpoint and the export use
// these two, so the screen, the API and the file always show the same rows.
import { formatCsvLine } from '@/lib/csv/write';
import type { DatabaseHandle } from '@/lib/db/open';
import type { ListQuery } from './query';
import { SOURCES } from './sources';
import { countStatement, pageStatement, type Statement } from './sql';
import type { ListPage, ListRow, TableDef } from './types';

/** The database's reader (lib/db/reader.ts): PostgreSQL's pool, or Prisma on the embedded database. */
type Db = Pick<DatabaseHandle, 'reader'>;

function run<T>(db: Db, s: Statement): Promise<T[]> {
  return db.reader.query<T>(s.text, s.values);
}

/** One page of a table (`nextCursor` is null on the last page). */
export async function fetchListPage(db: Db, def: TableDef, query: ListQuery): Promise<ListPage> {
  const source = SOURCES[def.name];
  const [counted, rows] = await Promise.all([
    run<{ total: number }>(db, countStatement(def, source, query)),
    run<ListRow>(db, pageStatement(def, source, query, query.cursor, query.limit)),
  ]);
  const total = Number(counted[0]?.total ?? 0);
  const next = query.cursor + rows.length;
  return { rows, total, nextCursor: next < total && rows.length > 0 ? String(next) : null };
}

/** The export's header: the id, then every column of the table. */
export function csvHeader(def: TableDef): string[] {
  return ['id', ...def.columns.map((c) => c.csv)];
}

export function csvCells(def: TableDef, row: ListRow): string[] {
  return [String(row.id), ...def.columns.map((c) => (row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key])))];
}

const CSV_PAGE = 5_000;

/**
 * Every row matching the query, in its sort, as CSV (formula-looking cells escaped).
 * Read a few thousand rows at a time as the client takes them, so a 200,000-line
 * export holds neither the server's memory nor one long query.
 */
export function listCsvStream(db: () => Promise<Db>, def: TableDef, query: ListQuery): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const source = SOURCES[def.name];
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(formatCsvLine(csvHeader(def))));
    },
    async pull(controller) {
      const rows = await run<ListRow>(await db(), pageStatement(def, source, query, offset, CSV_PAGE));
      offset += rows.length;
      const text = rows.map((r) => formatCsvLine(csvCells(def, r))).join('');
      if (text) controller.enqueue(enc.encode(text));
      if (rows.length < CSV_PAGE) controller.close();
    },
  });
}

/** `attachment; filename="<table>.csv"` for a table's export. */
export function csvHeaders(def: TableDef): HeadersInit {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${def.name}.csv"`,
    'Cache-Control': 'no-store',
  };
}
