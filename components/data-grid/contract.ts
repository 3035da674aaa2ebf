// The change-set HTTP contract (POST /api/changes, undo/redo, history) as the grid
// speaks it: types only. The server side is lib/changes (built apart, same contract).
import type { ChangeEntity } from '@/lib/tables/types';

export type CellValue = string | number | null;

export interface Change {
  entity: ChangeEntity;
  id?: number;
  version?: number;
  op?: 'update' | 'create' | 'delete' | 'receive';
  set?: Record<string, CellValue>;
}

export type ChangeSource = 'edit' | 'bulk' | 'paste' | 'form';

export interface ChangeRequest {
  changes: Change[];
  dryRun: boolean;
  source: ChangeSource;
}

export interface ChangeError {
  index: number;
  entity: ChangeEntity;
  id?: number;
  label: string;
  field?: string;
  message: string;
}

export interface FieldDiff {
  field: string;
  before: CellValue;
  after: CellValue;
}

export interface DiffEntry {
  index: number;
  entity: ChangeEntity;
  id?: number;
  label: string;
  op: string;
  fields: FieldDiff[];
}

export interface Conflict {
  index: number;
  entity: ChangeEntity;
  id: number;
  label: string;
  baseVersion: number;
  /** null: the row was deleted meanwhile. */
  currentVersion: number | null;
  fields: { field: string; yours: CellValue; theirs: CellValue }[];
  changedBy?: string;
  changedAt?: string;
}

export interface ForecastPoint {
  gpuDays: number;
  nextTarget?: { date: string; target: number; gpus: number } | null;
}

export interface Preview {
  errors: ChangeError[];
  diff: DiffEntry[];
  conflicts: Conflict[];
  forecast?: { before: ForecastPoint | null; after: ForecastPoint | null; tier?: string } | null;
  summary?: string;
}

export interface Committed {
  changeSetId: number;
  applied: number;
  rows?: { index: number; entity: ChangeEntity; id: number; version: number }[];
}

export interface HistoryEvent {
  at: string;
  actor: string;
  source: string;
  changeSetId?: number | null;
  batchId?: number | null;
  action: string;
  fields: FieldDiff[];
}
