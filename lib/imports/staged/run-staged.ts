import { CsvImportError, type RowError } from '@/lib/csv';
import type { BulkConnection } from '@/lib/db/bulk';
import { createdRowsAuditSql, jsonObjectSql, jsonRecord } from '../batch-events';
import { copyLine } from './copy-csv';
import { DuplicateKeyFilter } from './duplicate-keys';
import type { StagedKind } from './types';

export const MAX_ERRORS_REPORTED = 1_000;
export const CHANGES_SAMPLED = 500;

/** Rows of a supplier's file that belong to another supplier: the whole file is refused (403 for a token). */
export class ForeignRowsError extends CsvImportError {}

/** Validated rows, batch by batch, with their spreadsheet row numbers; errors known once iteration ends. */
export interface ValidatedRowSource<R> extends AsyncIterable<{ row: number; value: R }[]> {
  readonly file: string;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly rowCount: number;
}

export interface ChangeSample {
  row: number | null;
  key: string;
  action: 'create' | 'update';
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface StagedCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  headline: Record<string, number>;
}

/** CLEARBUILD_IMPORT_TIMINGS=1 prints each phase's time to stderr (benchmarks, tuning). */
export function phaseTimer(): (phase: string) => void {
  if (process.env.CLEARBUILD_IMPORT_TIMINGS !== '1') return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    console.error(`import phase ${phase}: ${Math.round(now - last)} ms`);
    last = now;
  };
}

export interface StagedOptions {
  supplierCode: string | null;
  /** The file's own header for a canonical column (a mapped file), for messages. */
  columnLabel(canonical: string): string;
}

/**
 * Streams validated rows into a temporary table with COPY while the parser is still
 * reading (parsing overlaps the database's work), then checks what a row-by-row parser
 * cannot: duplicate keys across the file, unknown references. Throws CsvImportError
 * naming rows and columns; leaves `st` ready for `diffCounts`/`applyChanges`.
 */
export async function stageRows<R>(conn: BulkConnection, kind: StagedKind<R>, source: ValidatedRowSource<R>, opts: StagedOptions): Promise<number> {
  const phase = phaseTimer();
  const columns = [{ name: 'row_no', type: 'int' }, ...kind.columns];
  await conn.query(`CREATE TEMP TABLE st (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`);

  const duplicates = new DuplicateKeyFilter();
  const foreign: RowError[] = [];
  let foreignCount = 0;
  let staged = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const batch of source) {
      let text = '';
      for (const { row, value } of batch) {
        duplicates.add(kind.entityId(value));
        if (opts.supplierCode && kind.foreign) {
          const problem = kind.foreign(value, opts.supplierCode);
          if (problem) {
            foreignCount++;
            if (foreign.length < MAX_ERRORS_REPORTED) foreign.push({ row, column: opts.columnLabel(problem.column), message: problem.message });
          }
        }
        text += copyLine(row, kind.cells(value));
        staged++;
      }
      if (text) yield text;
    }
  }
  await conn.copyCsv('st', columns.map((c) => c.name), lines());
  phase('parse + COPY');

  if (source.errorCount > 0) throw new CsvImportError(source.file, [...source.errors], source.errorCount);
  if (foreignCount > 0) throw new ForeignRowsError(source.file, foreign, foreignCount);
  if (duplicates.suspects.size > 0) {
    const dups = await conn.query<{ row_no: number; first_row: number; entity_id: string }>(
      `WITH k AS (SELECT row_no, ${kind.entityIdSql('st')} AS entity_id FROM st WHERE ${kind.entityIdSql('st')} = ANY($1::text[]))
       SELECT k.row_no, f.first_row, k.entity_id FROM k
         JOIN (SELECT entity_id, min(row_no) AS first_row FROM k GROUP BY entity_id HAVING count(*) > 1) f ON f.entity_id = k.entity_id
       WHERE k.row_no <> f.first_row ORDER BY k.row_no`,
      [[...duplicates.suspects]],
    );
    if (dups.length > 0) {
      throw new CsvImportError(
        source.file,
        dups.slice(0, MAX_ERRORS_REPORTED).map((d) => ({ row: d.row_no, column: null, message: `duplicate key ${d.entity_id} (first on row ${d.first_row})` })),
        dups.length,
      );
    }
  }
  // The planner knows nothing of a fresh temporary table; without statistics it picks nested loops over a million rows.
  await conn.query('ANALYZE st');
  phase('duplicates + ANALYZE');
  if (kind.unknownRefsSql) {
    const unknown = await conn.query<{ row_no: number; column_name: string; message: string }>(`${kind.unknownRefsSql} LIMIT ${MAX_ERRORS_REPORTED + 1}`);
    if (unknown.length > 0) {
      const [count] = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${kind.unknownRefsSql}) u`);
      throw new CsvImportError(
        source.file,
        unknown.slice(0, MAX_ERRORS_REPORTED).map((u) => ({ row: u.row_no, column: opts.columnLabel(u.column_name), message: u.message })),
        count?.n ?? unknown.length,
      );
    }
  }
  phase('references');
  return staged;
}

/** Creates, updates and unchanged rows, as committing now would make them. */
export async function diffCounts<R>(conn: BulkConnection, kind: StagedKind<R>, rows: number): Promise<StagedCounts> {
  const [r] = await conn.query<Record<string, number>>(
    `WITH d AS (${kind.diffSql})
     SELECT count(*) FILTER (WHERE is_new)::int AS created, count(*) FILTER (WHERE NOT is_new AND NOT unchanged)::int AS updated
       ${kind.headlineSql ? `, ${kind.headlineSql}` : ''}
     FROM d`,
  );
  const { created = 0, updated = 0, ...headline } = r ?? {};
  return { rows, created, updated, unchanged: rows - created - updated, headline };
}

/** The first changed rows, updates first (a moved promised date is the news), for the preview. */
export async function sampleChanges<R>(conn: BulkConnection, kind: StagedKind<R>): Promise<ChangeSample[]> {
  const rows = await conn.query<{ row_no: number; entity_id: string; is_new: boolean; before: unknown; after: unknown }>(
    `WITH d AS (${kind.diffSql}), c AS (SELECT * FROM d WHERE NOT unchanged ORDER BY is_new, row_no LIMIT ${CHANGES_SAMPLED})
     SELECT c.row_no, ${kind.entityIdSql('c')} AS entity_id, c.is_new, ${kind.beforeSql} AS before, ${jsonObjectSql(kind.afterFields)} AS after FROM c ORDER BY c.is_new, c.row_no`,
  );
  return rows.map((r) => ({
    row: r.row_no,
    key: r.entity_id,
    action: r.is_new ? 'create' : 'update',
    before: jsonRecord(r.before),
    after: jsonRecord(r.after) ?? {},
  }));
}

/**
 * Writes the staged rows: what the file names but the database lacks (suppliers, POs),
 * then one statement that diffs, audits every created or updated row (updates with the
 * values before; creations in groups, see batch-events.ts) and writes them. Unchanged
 * rows are neither written nor audited.
 */
export async function applyChanges<R>(
  conn: BulkConnection,
  kind: StagedKind<R>,
  audit: { actor: string; batchId: number } | null,
): Promise<{ created: number; updated: number }> {
  const phase = phaseTimer();
  for (const sql of kind.prepareSql) await conn.query(sql);
  phase('create suppliers + POs');
  // Updated rows: an event each, as a person's edit. Created rows: grouped events (batch-events.ts).
  const auditCte = audit
    ? `, aud_upd AS (INSERT INTO "AuditEvent" (entity, "entityId", action, before, after, actor, "batchId")
         SELECT $1, ${kind.entityIdSql('c')}, 'update', ${kind.beforeSql}, ${jsonObjectSql(kind.afterFields)}, $2, $3::int FROM c WHERE NOT c.is_new
         RETURNING 1),
       aud_new AS (${createdRowsAuditSql(kind.entityIdSql('c'), kind.afterFields)} RETURNING 1)${
         kind.historySql ? `, hist AS (${kind.historySql} RETURNING 1)` : ''
       }`
    : '';
  // The leading comment names the statement where PostgreSQL shows it (pg_stat_activity keeps only a query's first
  // 1 kB, and the diff alone can be longer): an operator, or a test, can tell an import writing from one diffing.
  const [r] = await conn.query<{ created: number; updated: number }>(
    `/* clearbuild: import writes ${kind.entity} */ WITH d AS (${kind.diffSql}), c AS MATERIALIZED (SELECT * FROM d WHERE NOT unchanged)${auditCte},
       ins AS (${kind.insertSql} RETURNING 1),
       upd AS (${kind.updateSql} RETURNING 1)
     SELECT (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM upd)::int AS updated${
       audit ? ', (SELECT count(*) FROM aud_upd)::int AS audited, (SELECT count(*) FROM aud_new)::int AS audit_groups' : ''
     }`,
    audit ? [kind.entity, audit.actor, audit.batchId] : [],
  );
  phase('diff + audit + write');
  return { created: r?.created ?? 0, updated: r?.updated ?? 0 };
}
