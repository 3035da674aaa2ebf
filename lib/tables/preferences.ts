// What each person keeps of a table: its layout (column visibility, order, widths and
// pinning) and named views (filters, sort and search as a query string). Personal
// settings, not data: they change nothing anyone else sees, so they are not audited.
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parseText } from '@/lib/validation/fields';
import { TABLES } from './definitions';
import { parseListQuery, stateParams } from './query';
import type { TableName } from './types';

type Db = Pick<PrismaClient, 'tablePreference' | 'savedView'>;

const columnKey = z.string().min(1).max(64);
export const tableSettingsSchema = z.object({
  columnVisibility: z.record(columnKey, z.boolean()).default({}),
  columnOrder: z.array(columnKey).max(64).default([]),
  columnSizing: z.record(columnKey, z.number().int().min(40).max(1200)).default({}),
  columnPinning: z.object({ start: z.array(columnKey).max(64).default([]), end: z.array(columnKey).max(64).default([]) }).default({ start: [], end: [] }),
});
export type TableSettings = z.output<typeof tableSettingsSchema>;

export async function fetchTableSettings(db: Db, userId: string, table: TableName): Promise<TableSettings | null> {
  const row = await db.tablePreference.findUnique({ where: { userId_table: { userId, table } } });
  if (!row) return null;
  // Stored by an older grid? Whatever no longer parses falls back to the defaults.
  const parsed = tableSettingsSchema.safeParse(row.settings);
  return parsed.success ? parsed.data : null;
}

export async function saveTableSettings(db: Db, userId: string, table: TableName, settings: TableSettings): Promise<void> {
  await db.tablePreference.upsert({ where: { userId_table: { userId, table } }, create: { userId, table, settings }, update: { settings } });
}

export interface SavedViewRow {
  id: number;
  name: string;
  /** The view's filters, sort and search, as the table's URL carries them (`status=open&sort=qty:desc`). */
  query: string;
  updatedAt: string;
}

const VIEW_NAME_MAX = 80;
const VIEW_QUERY_MAX = 2_000;

export const savedViewInputSchema = z.object({
  table: z.string().refine((t): t is TableName => Object.hasOwn(TABLES, t), { message: 'is not a table' }),
  name: z.string().transform((raw, ctx) => {
    const r = parseText(raw, { max: VIEW_NAME_MAX });
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    return r.ok ? r.value : z.NEVER;
  }),
  query: z.string().max(VIEW_QUERY_MAX, `must be at most ${VIEW_QUERY_MAX} characters`),
});

/**
 * A view's query string as stored: only the table's own state parameters (never a
 * page or format), in a fixed order, and only if the table's endpoint accepts it.
 */
export function normalizeViewQuery(table: TableName, raw: string): { ok: true; query: string } | { ok: false; message: string } {
  const def = TABLES[table];
  const given = new URLSearchParams(raw.startsWith('?') ? raw.slice(1) : raw);
  const kept = new URLSearchParams();
  for (const p of stateParams(def)) {
    const v = given.get(p);
    if (v !== null && v !== '') kept.set(p, v);
  }
  const parsed = parseListQuery(def, kept);
  if (!parsed.ok) return { ok: false, message: parsed.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') };
  return { ok: true, query: kept.toString() };
}

export async function fetchSavedViews(db: Db, userId: string, table: TableName): Promise<SavedViewRow[]> {
  const rows = await db.savedView.findMany({ where: { userId, table }, orderBy: [{ name: 'asc' }] });
  return rows.map((v) => ({ id: v.id, name: v.name, query: v.query, updatedAt: v.updatedAt.toISOString() }));
}

/** Saves a view under its name (saving again under the same name replaces it). */
export async function saveView(db: Db, userId: string, table: TableName, name: string, query: string): Promise<SavedViewRow> {
  const v = await db.savedView.upsert({ where: { userId_table_name: { userId, table, name } }, create: { userId, table, name, query }, update: { query } });
  return { id: v.id, name: v.name, query: v.query, updatedAt: v.updatedAt.toISOString() };
}

/** Deletes one of the person's own views; false when there is no such view of theirs. */
export async function deleteView(db: Db, userId: string, id: number): Promise<boolean> {
  const { count } = await db.savedView.deleteMany({ where: { id, userId } });
  return count > 0;
}
