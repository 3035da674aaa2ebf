import type { Prisma } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient;

/** One validated row of a file with its spreadsheet row number (header = row 1). */
export interface NumberedRow<R> {
  row: number;
  value: R;
}

export interface RowProblem {
  row: number;
  column: string | null;
  message: string;
}

/** What one keyed row turns into: a create, an update (with the fields before) or nothing. */
export interface RowChange {
  key: string;
  action: 'create' | 'update' | 'unchanged';
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface WriterContext {
  tx: Tx;
  /** When set (a supplier's own file), every row must belong to this supplier code. */
  supplierCode: string | null;
  dryRun: boolean;
}

/** Writes one canonical kind: resolves references, diffs against the database, upserts. */
export interface KindWriter<R> {
  entity: string;
  /** Reference problems (unknown SKU, missing recipe…) found before anything is written. */
  write(ctx: WriterContext, rows: NumberedRow<R>[]): Promise<{ problems: RowProblem[]; changes: RowChange[] }>;
}
