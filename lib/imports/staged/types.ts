/** A value in the COPY stream: null is SQL NULL. */
export type Cell = string | number | null;

/**
 * How one canonical kind goes through the staged (set-based) import: the staging
 * columns its rows are copied into, and the SQL that checks references, diffs the
 * staged rows against the stored ones, writes them and takes them back.
 *
 * Every statement reads the temporary table `st` (row_no, entity_id, after_json,
 * then `columns`). `diffSql` returns one row per staged row that names a known
 * reference, with at least row_no, entity_id, after_json, is_new, unchanged,
 * target_id; `beforeSql` and the write statements read those columns from `c`,
 * the changed rows of the diff.
 */
export interface StagedKind<R> {
  /** AuditEvent.entity, shared with people's edits of the same rows. */
  entity: string;
  columns: readonly { name: string; type: string }[];
  /** The staging cells of a row, in `columns` order. */
  cells(row: R): Cell[];
  /** AuditEvent.entityId: the same key a person's edit of the row is audited under. */
  entityId(row: R): string;
  /** The row as the audit keeps it (canonical text), key fields included, so a revert can find it. */
  after(row: R): Record<string, string | number | null>;
  /** For a supplier's file: why a row is not that supplier's to write, or null. */
  foreign?(row: R, supplierCode: string): { column: string; message: string } | null;
  /** Rows naming something unknown: SELECT row_no, column_name, message … ORDER BY row_no. */
  unknownRefsSql: string;
  /** What committing creates first (suppliers, purchase orders named by the file). */
  prepareSql: readonly string[];
  diffSql: string;
  /** jsonb of the stored row, for changed rows of `c`. */
  beforeSql: string;
  insertSql: string;
  updateSql: string;
  /** Extra aggregates over the diff `d` for the preview headline, as `expr AS name`. */
  headlineSql?: string;
  /** Undo a batch: $1 = batch id. Delete what it created, restore what it updated. */
  revertCreatesSql: string;
  revertUpdatesSql: string;
}

/** Canonical decimal text for the audit: 30.480000 → 30.48, 12.0 → 12. */
export function trimDecimal(text: string): string {
  if (!text.includes('.')) return text;
  const trimmed = text.replace(/0+$/, '');
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}
