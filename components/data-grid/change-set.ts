// Building change sets from what a person does in a grid: one cell typed in, a block
// pasted, a bulk action on the selected rows. Each value is checked here with the
// shared field rules first, so a typo is named at once, by row and field, before any
// request; the server checks again and previews the rest.
import {
  parseCode,
  parseCount,
  parseDecimal,
  parseEnum,
  parseIsoDate,
  parseText,
  SITE_CODE,
  type Parsed,
} from '@/lib/validation/fields';
import { rowLabel, type ColumnDef, type EditDef, type ListRow, type TableDef } from '@/lib/tables/types';
import type { CellValue, Change } from './contract';

const TEXT_MAX = 200;

/** A typed-in value as the change set carries it (decimals and dates as strings, counts as numbers, blank as null where allowed). */
export function parseCellInput(edit: EditDef, options: readonly string[] | undefined, raw: string): Parsed<CellValue> {
  if (raw.trim() === '' && edit.nullable) return { ok: true, value: null };
  switch (edit.input) {
    case 'date':
      return parseIsoDate(raw);
    case 'decimal':
      return parseDecimal(raw);
    case 'positiveDecimal':
      return parseDecimal(raw, { positive: true });
    case 'count':
      return parseCount(raw, { min: edit.min ?? 0 });
    case 'enum':
      return parseEnum(raw, options ?? []);
    case 'siteCode':
      return parseCode(raw, SITE_CODE);
    case 'text':
      return parseText(raw, { max: TEXT_MAX });
  }
}

export interface CellEdit {
  row: ListRow;
  column: ColumnDef;
  raw: string;
}

export interface EditProblem {
  label: string;
  field: string;
  message: string;
}

/** The id and version of the entity a cell writes: the row's own, or (a BOM line's recipe) the one its edit names. */
function target(row: ListRow, edit: EditDef): { id: number; version: number | undefined } {
  const id = edit.idKey ? Number(row[edit.idKey]) : row.id;
  const v = edit.versionKey ? row[edit.versionKey] : row.version;
  return { id, version: typeof v === 'number' ? v : undefined };
}

function sameValue(a: unknown, b: CellValue): boolean {
  return (a ?? null) === b || (a !== null && a !== undefined && b !== null && String(a) === String(b));
}

/** Merges changes to the same row into one (a paste over several columns of a row is one row changed). */
export function mergeChanges(changes: readonly Change[]): Change[] {
  const byKey = new Map<string, Change>();
  const out: Change[] = [];
  for (const c of changes) {
    const key = `${c.entity}#${c.id}#${c.op ?? 'update'}`;
    const seen = byKey.get(key);
    if (seen && (c.op ?? 'update') === 'update') {
      seen.set = { ...seen.set, ...c.set };
      continue;
    }
    const copy: Change = { ...c, ...(c.set ? { set: { ...c.set } } : {}) };
    byKey.set(key, copy);
    out.push(copy);
  }
  return out;
}

/**
 * The change set for cells typed or pasted in: values that do not parse are problems
 * named by row and field (and send nothing); values equal to what the row shows are
 * left out; columns that cannot be edited are problems too.
 */
export function buildCellChanges(def: TableDef, edits: readonly CellEdit[]): { changes: Change[]; problems: EditProblem[] } {
  const changes: Change[] = [];
  const problems: EditProblem[] = [];
  for (const { row, column, raw } of edits) {
    const label = rowLabel(def, row);
    if (!column.edit) {
      problems.push({ label, field: column.label, message: 'cannot be edited here' });
      continue;
    }
    const parsed = parseCellInput(column.edit, column.options, raw);
    if (!parsed.ok) {
      problems.push({ label, field: column.label, message: parsed.message });
      continue;
    }
    if (sameValue(row[column.key], parsed.value)) continue;
    const { id, version } = target(row, column.edit);
    changes.push({ entity: column.edit.entity, id, ...(version !== undefined ? { version } : {}), set: { [column.edit.field]: parsed.value } });
  }
  return { changes: mergeChanges(changes), problems };
}

/** `2027-03-01` + n days, in UTC calendar days. */
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type BulkAction =
  | { kind: 'setField'; field: string; value: string }
  | { kind: 'shiftDays'; field: string; days: number }
  | { kind: 'delete' }
  /** Receive the selected open lines into stock at `location` on `date`; `qty` blank receives each line's own quantity. */
  | { kind: 'receive'; qty: string; date: string; location: string };

/** The receive op for each selected open line (others are left out; none open is a problem). */
function buildReceiveChanges(def: TableDef, rows: readonly ListRow[], action: Extract<BulkAction, { kind: 'receive' }>): { changes: Change[]; problems: EditProblem[] } {
  const problems: EditProblem[] = [];
  if (!def.receivable) return { changes: [], problems: [{ label: def.title, field: '', message: 'rows of this table cannot be received' }] };
  const date = parseIsoDate(action.date);
  if (!date.ok) problems.push({ label: def.title, field: 'Received date', message: date.message });
  const location = parseText(action.location, { max: 64 });
  if (!location.ok) problems.push({ label: def.title, field: 'Location', message: location.message });
  const qty = action.qty.trim() === '' ? null : parseDecimal(action.qty, { positive: true });
  if (qty && !qty.ok) problems.push({ label: def.title, field: 'Received qty', message: qty.message });
  const open = rows.filter((r) => r.status === 'open');
  if (open.length === 0) problems.push({ label: def.title, field: 'Status', message: 'none of the selected lines is open: only an open line can be received' });
  if (problems.length > 0 || !date.ok || !location.ok || (qty && !qty.ok)) return { changes: [], problems };
  const changes = open.map(
    (r): Change => ({
      entity: def.entity,
      id: r.id,
      ...(r.version !== undefined ? { version: r.version } : {}),
      op: 'receive',
      set: { receivedDate: date.value, location: location.value, ...(qty?.ok ? { receivedQty: qty.value } : {}) },
    }),
  );
  return { changes, problems };
}

/** A bulk action on the selected rows as one change set (rows it would not change are left out). */
export function buildBulkChanges(def: TableDef, rows: readonly ListRow[], action: BulkAction): { changes: Change[]; problems: EditProblem[] } {
  if (action.kind === 'receive') return buildReceiveChanges(def, rows, action);
  if (action.kind === 'delete') {
    if (!def.deletable) return { changes: [], problems: [{ label: def.title, field: '', message: 'rows of this table cannot be deleted here' }] };
    return { changes: rows.map((r) => ({ entity: def.entity, id: r.id, ...(r.version !== undefined ? { version: r.version } : {}), op: 'delete' as const })), problems: [] };
  }
  const column = def.columns.find((c) => c.key === action.field);
  if (!column?.edit) return { changes: [], problems: [{ label: def.title, field: action.field, message: 'cannot be edited here' }] };
  if (action.kind === 'shiftDays') {
    if (column.value !== 'date' || !Number.isInteger(action.days)) return { changes: [], problems: [{ label: def.title, field: column.label, message: 'shift needs a date column and a whole number of days' }] };
    return buildCellChanges(
      def,
      rows.filter((r) => typeof r[column.key] === 'string').map((row) => ({ row, column, raw: addDaysIso(String(row[column.key]), action.days) })),
    );
  }
  return buildCellChanges(def, rows.map((row) => ({ row, column, raw: action.value })));
}

export type ConflictChoice = 'yours' | 'theirs';

/**
 * The change set to re-send after a conflict: each conflicting row at its current
 * version, keeping only the fields where the person chose their own value (a row
 * where they kept every one of the other person's values is dropped). Rows deleted
 * meanwhile are dropped too: there is nothing left to edit.
 */
export function resolveConflicts(
  changes: readonly Change[],
  conflicts: readonly { index: number; currentVersion: number | null; fields: { field: string }[] }[],
  choices: Record<string, ConflictChoice>,
): Change[] {
  const byIndex = new Map(conflicts.map((c) => [c.index, c]));
  const out: Change[] = [];
  changes.forEach((change, index) => {
    const conflict = byIndex.get(index);
    if (!conflict) return void out.push(change);
    if (conflict.currentVersion === null) return;
    const set: Record<string, CellValue> = { ...change.set };
    for (const f of conflict.fields) if ((choices[`${index}:${f.field}`] ?? 'yours') === 'theirs') delete set[f.field];
    if (change.op !== 'delete' && Object.keys(set).length === 0) return;
    out.push({ ...change, version: conflict.currentVersion, ...(change.set ? { set } : {}) });
  });
  return out;
}
