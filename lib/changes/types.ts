import type { ChangeEntity, ChangeOp } from '@/lib/validation/change-set';

export type { ChangeEntity, ChangeOp };

/** A field's value as the API and the audit log spell it: decimals and dates are strings, counts numbers. */
export type FieldValue = string | number | null;
export type Values = Record<string, FieldValue>;

/** A stored row as change sets see it: its id, version and every field people read (keys by code, not ids). */
export interface RowState {
  entity: ChangeEntity;
  id: number;
  version: number;
  values: Values;
}

/** One change, validated as an envelope (lib/validation/change-set.ts), with its place in the request. */
export interface ChangeRow {
  index: number;
  entity: ChangeEntity;
  op: ChangeOp;
  id?: number;
  version?: number;
  set?: Record<string, FieldValue>;
  /**
   * Written by the server (undo, redo): `set` may hold any stored field (received date, first promise…)
   * and a create may name the id it restores. Never from a request.
   */
  internal?: boolean;
}

export interface ChangeError {
  index: number;
  /** The entity as sent (a change naming an unknown one is an error of that row too). */
  entity: string;
  id: number | null;
  label: string | null;
  field: string | null;
  message: string;
}

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface DiffEntry {
  index: number;
  entity: ChangeEntity;
  /** null for a row this change set creates (it has no id until committed). */
  id: number | null;
  label: string;
  op: 'create' | 'update' | 'delete' | 'receive';
  fields: FieldChange[];
}

export interface Conflict {
  index: number;
  entity: ChangeEntity;
  id: number;
  label: string;
  baseVersion: number;
  /** null: the row was deleted since. */
  currentVersion: number | null;
  fields: { field: string; yours: FieldValue; theirs: FieldValue }[];
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * What a change set does to one stored row, start to end (several changes may touch one row:
 * a receive adds to a balance another change edits). `before` null: created; `after` null: deleted.
 */
export interface RowEvent {
  entity: ChangeEntity;
  /** The row's id; negative for a row created here until the write assigns one. */
  id: number;
  /** A create that restores a deleted row keeps its id. */
  restoreId: boolean;
  before: Values | null;
  after: Values | null;
  beforeVersion: number | null;
  afterVersion: number | null;
  /** The first change (request index) that touched it. */
  index: number;
}
