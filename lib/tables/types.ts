// What a list table is, as both the server (SQL, CSV, query parsing) and the browser
// (columns, filters, editors) see it. Pure data: no database, no framework.

/** How a column's values look in a row: text and codes are strings, decimals and dates are strings too (exact). */
export type ValueKind = 'text' | 'code' | 'enum' | 'int' | 'decimal' | 'date' | 'bool';

/**
 * A column's filter and the query parameters it owns, named as the API names them:
 * text and enum take `param`; number ranges `${param}Min` / `${param}Max`; date ranges
 * `${param}From` / `${param}To` (so the PO list keeps `promisedFrom` / `promisedTo`).
 */
export type FilterDef =
  | { kind: 'text'; param: string; match: 'exact' | 'contains'; upper?: boolean }
  | { kind: 'enum'; param: string }
  | { kind: 'number'; param: string }
  | { kind: 'date'; param: string };

/** The entities of the change-set contract (CONTRACT-changes.md) a grid edits. */
export type ChangeEntity = 'purchaseOrderLine' | 'purchaseOrder' | 'item' | 'supplier' | 'inventoryBalance' | 'recipe' | 'recipeLine';

/** An editable cell: which entity and field the change set writes, and how the value is typed in. */
export interface EditDef {
  entity: ChangeEntity;
  field: string;
  input: 'date' | 'decimal' | 'positiveDecimal' | 'count' | 'enum' | 'text' | 'siteCode';
  /** Blank clears the field (sent as null). */
  nullable?: boolean;
  /** Smallest count allowed (counts only). */
  min?: number;
  /** The row keys holding the edited entity's id and version when it is not the row's own (a BOM line's recipe). */
  idKey?: string;
  versionKey?: string;
}

export interface ColumnDef {
  key: string;
  label: string;
  value: ValueKind;
  /** Default width in pixels. */
  width: number;
  sortable: boolean;
  filter?: FilterDef;
  /** The values of an enum column (for its filter and editor). */
  options?: readonly string[];
  edit?: EditDef;
  /** The CSV export's header for this column. */
  csv: string;
  /** Hidden until the person shows it. */
  hiddenByDefault?: boolean;
}

export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

export type TableName = 'purchase-order-lines' | 'items' | 'inventory' | 'suppliers' | 'bom-lines';

export interface TableDef {
  name: TableName;
  title: string;
  /** The list endpoint (same query language everywhere). */
  endpoint: string;
  /** The entity each row is (delete and history act on it). */
  entity: ChangeEntity;
  /** The column that names a row to people. */
  keyColumn: string;
  /** The columns pinned at the start until the person changes it (default: the key column). */
  pinnedByDefault?: readonly string[];
  /** The row's label as the change-set contract writes it ("SUPPLIER/PO/LINE", "SKU @ LOCATION", …). */
  labelKeys: readonly string[];
  labelJoin: string;
  columns: readonly ColumnDef[];
  defaultSort: readonly SortKey[];
  /** What the global search (`q`) looks in, for its placeholder. */
  searchHint: string;
  /** Whether rows can be deleted through the change set. */
  deletable: boolean;
  /** Whether rows can be received (PO lines: the change set's receive op moves the quantity into stock). */
  receivable?: boolean;
}

/** One listed row: always `id`; `version` once its entity has one (the changes branch adds them). */
export type ListRow = { id: number; version?: number } & Record<string, string | number | boolean | null | undefined>;

export interface ListPage {
  rows: ListRow[];
  total: number;
  nextCursor: string | null;
}

export function rowLabel(def: TableDef, row: ListRow): string {
  return def.labelKeys.map((k) => String(row[k] ?? '')).join(def.labelJoin);
}
