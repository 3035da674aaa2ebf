/** A value in the COPY stream: null is SQL NULL. */
export type Cell = string | number | null;

/**
 * How one canonical kind goes through the staged (set-based) import: the staging
 * columns its rows are copied into, and the SQL that checks references, diffs the
 * staged rows against the stored ones, writes them and takes them back.
 *
 * Every statement reads the temporary table `st` (row_no, then `columns`).
 * `diffSql` returns one row per staged row that names a known reference, with at
 * least row_no, is_new, unchanged, target_id and the staged columns; the audit
 * expressions and the write statements read those from `c`, the changed rows of
 * the diff. Audit JSON is built in SQL for changed rows only: an unchanged
 * re-import of a million rows builds none.
 */
export interface StagedKind<R> {
  /** AuditEvent.entity, shared with people's edits of the same rows. */
  entity: string;
  columns: readonly { name: string; type: string }[];
  /** The staging cells of a row, in `columns` order. */
  cells(row: R): Cell[];
  /** The row's key, to find duplicates in the file as it streams. */
  entityId(row: R): string;
  /** AuditEvent.entityId over a table alias (`st` or `c`): the same key a person's edit of the row is audited under. */
  entityIdSql(alias: string): string;
  /** The row as imported, field by field (JSON name → SQL over `c`), key fields included so a revert can find it. */
  afterFields: Readonly<Record<string, string>>;
  /** For a supplier's file: why a row is not that supplier's to write, or null. */
  foreign?(row: R, supplierCode: string): { column: string; message: string } | null;
  /** Rows naming something unknown: SELECT row_no, column_name, message … ORDER BY row_no. */
  unknownRefsSql?: string;
  /** What committing creates first (suppliers, purchase orders named by the file). */
  prepareSql: readonly string[];
  diffSql: string;
  /** jsonb of the stored row, for changed rows of `c`. */
  beforeSql: string;
  insertSql: string;
  updateSql: string;
  /** What a commit records besides the audit (a PO line's re-promises): an INSERT over `c`; $2 actor, $3 batch id. */
  historySql?: string;
  /** The same for a revert, over `batch_events e` before the rows are restored; $1 batch id, $2 actor. */
  revertHistorySql?: string;
  /** Extra aggregates over the diff `d` for the preview headline, as `expr AS name`. */
  headlineSql?: string;
  /**
   * What stops a revert besides later changes to the same rows: SELECT key, message ($1 = batch id).
   * This and the two below read `batch_events e` (revert.ts): the batch's changed rows, one
   * per row with AuditEvent's columns, grouped creations expanded.
   */
  revertBlockersSql?: string;
  /** Undo a batch: $1 = batch id. Delete what it created, restore what it updated. */
  revertCreatesSql: string;
  revertUpdatesSql: string;
}

