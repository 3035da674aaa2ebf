import type { z } from 'zod';

/**
 * How one entity appears as a canonical CSV file: its columns (snake_case, in export
 * order), which may be left out, and which identify a row so a re-import updates it.
 * Every list is derived from one column → field map so they cannot drift apart.
 */
export interface ImportSpec<Row extends object = object, Col extends string = string> {
  readonly schema: z.ZodType<Row>;
  /** Every canonical column, in the order exports and templates write them. */
  readonly columns: readonly Col[];
  readonly required: readonly Col[];
  readonly optional: readonly Col[];
  readonly keyColumns: readonly Col[];
  /** Canonical column → field of the schema (camelCase). */
  readonly fieldOf: Readonly<Record<Col, keyof Row & string>>;
  /** Identity of a row within its kind: the key value itself, or a JSON array for composite keys. */
  rowKey(row: Row): string;
  /** The key for people: `supplier=NVIDIA, po_number=PO-7731, line=4`. */
  describeKey(row: Row): string;
}

export function defineImportSpec<Row extends object, const Col extends string>(def: {
  schema: z.ZodType<Row>;
  fields: Record<Col, keyof Row & string>;
  optional?: readonly NoInfer<Col>[];
  key: readonly NoInfer<Col>[];
}): ImportSpec<Row, Col> {
  const columns = Object.keys(def.fields) as Col[];
  const optional = def.optional ?? [];
  const keyValues = (row: Row) => def.key.map((col) => row[def.fields[col]]);
  return {
    schema: def.schema,
    columns,
    required: columns.filter((col) => !optional.includes(col)),
    optional,
    keyColumns: def.key,
    fieldOf: def.fields,
    rowKey(row) {
      const values = keyValues(row);
      return values.length === 1 ? String(values[0]) : JSON.stringify(values);
    },
    describeKey(row) {
      const values = keyValues(row);
      return def.key.map((col, i) => `${col}=${String(values[i])}`).join(', ');
    },
  };
}
