// The JSON the import endpoints answer with, as the upload page reads it. Plain
// types only: this file is shared by client components and the server page.

import type { ImportSummary as PipelineSummary } from '@/lib/imports/run-import';
import type { FileEncoding, ImportMapping } from '@/lib/mapping/mapping';

export type { DateFormat, ImportMapping } from '@/lib/mapping/mapping';
export type DecimalSeparator = ImportMapping['decimalSeparator'];
export type ThousandsSeparator = ImportMapping['thousandsSeparator'];
export type Encoding = FileEncoding;
export type Delimiter = NonNullable<ImportMapping['delimiter']>;

export interface InspectResult {
  encoding: Encoding;
  delimiter: Delimiter;
  headerRow: number;
  headers: string[];
  rowCount: number;
  /** The first data rows, as cells. */
  sample: string[][];
  canonical: boolean;
  suggested: ImportMapping;
  saved: { name: string; mapping: ImportMapping } | null;
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export type FieldValue = string | number | null;

export interface PreviewChange {
  row: number | null;
  key: string;
  action: 'create' | 'update';
  before: Record<string, FieldValue> | null;
  after: Record<string, FieldValue>;
}

export type { ForecastPoint } from '@/lib/imports/forecast-delta';

/** The import endpoint's JSON (lib/imports/run-import.ts), with the changes as the preview reads them. */
export type ImportSummary = Omit<PipelineSummary, 'kind' | 'changes' | 'headline'> & {
  kind: string;
  changes: PreviewChange[];
  /** The name the mapping was saved under (commit with save=1), else null. */
  mappingSaved?: string | null;
};

/** Canonical columns of one import kind, handed down from the server page. */
export interface KindColumns {
  columns: string[];
  required: string[];
}

/** Kinds whose file belongs to one supplier (its PO lines, its stock report). */
export const SUPPLIER_KINDS: readonly string[] = ['purchase-orders', 'inventory'];
