import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ChangeEntity } from '@/lib/validation/change-set';
import { jsonRecord } from '@/lib/imports/batch-events';
import { ENTITY_DEFS } from './entities';
import { ENTITY_SQL } from './sql';
import type { FieldChange, FieldValue, RowState, Values } from './types';

export interface ChangeSetListing {
  id: number;
  actor: string;
  createdAt: string;
  source: string;
  summary: string;
  rowCount: number;
  undoneBy: number | null;
  undoes: number | null;
}

/** Change sets newest first (a person's own with `actor`): the client's undo and redo stack. */
export async function listChangeSets(prisma: PrismaClient, opts: { actor?: string | null; limit: number }): Promise<ChangeSetListing[]> {
  const sets = await prisma.changeSet.findMany({ where: opts.actor ? { actor: opts.actor } : {}, orderBy: { id: 'desc' }, take: opts.limit });
  return sets.map((s) => ({
    id: s.id,
    actor: s.actor,
    createdAt: s.createdAt.toISOString(),
    source: s.source,
    summary: s.summary,
    rowCount: s.rowCount,
    undoneBy: s.undoneById,
    undoes: s.undoesId,
  }));
}

export interface HistoryEvent {
  at: string;
  actor: string;
  source: string;
  changeSetId: number | null;
  batchId: number | null;
  action: string;
  fields: FieldChange[];
}

export async function fetchRow(prisma: PrismaClient, entity: ChangeEntity, id: number): Promise<RowState | null> {
  const e = ENTITY_SQL[entity];
  const [row] = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${e.select} FROM ${e.from} WHERE t.id = $1`, id);
  if (!row) return null;
  const { id: rowId, version, ...values } = row;
  return { entity, id: Number(rowId), version: Number(version), values: values as Values };
}

const HIDDEN = new Set(['id', 'version']);

function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((n) => !HIDDEN.has(n));
  const out: FieldChange[] = [];
  for (const field of names) {
    const b = (before?.[field] ?? null) as FieldValue;
    const a = (after?.[field] ?? null) as FieldValue;
    if (String(b) !== String(a)) out.push({ field, before: b, after: a });
  }
  return out;
}

/**
 * A row's audit events newest first, by the key imports and people's edits both file them under,
 * each with its source: a change set's (edit, bulk, paste, form, undo, redo), or the import batch
 * that wrote it (import, revert), whose change set is named too.
 */
async function rowEvents(prisma: PrismaClient, entity: ChangeEntity, values: Values, limit = 200): Promise<HistoryEvent[]> {
  const def = ENTITY_DEFS[entity];
  const rows = await prisma.$queryRawUnsafe<
    { at: Date; actor: string; action: string; before: unknown; after: unknown; changeSetId: number | null; batchId: number | null; source: string | null; batchSet: number | null; revertSet: number | null }[]
  >(
    `SELECT e."createdAt" AS at, e.actor, e.action, e.before, e.after, e."changeSetId", e."batchId", cs.source,
        (SELECT min(b.id) FROM "ChangeSet" b WHERE b."importBatchId" = e."batchId" AND b.source = 'import') AS "batchSet",
        (SELECT max(b.id) FROM "ChangeSet" b WHERE b."importBatchId" = e."batchId" AND b.source = 'revert') AS "revertSet"
       FROM "AuditEvent" e LEFT JOIN "ChangeSet" cs ON cs.id = e."changeSetId"
      WHERE e.entity = $1 AND e."entityId" = $2 ORDER BY e.id DESC LIMIT ${limit}`,
    def.auditEntity,
    def.auditKey(values),
  );
  return rows.map((r) => {
    const source = r.source ?? (r.action === 'revert' ? 'revert' : r.batchId !== null ? 'import' : 'edit');
    const changeSetId = r.changeSetId ?? (source === 'revert' ? r.revertSet : source === 'import' ? r.batchSet : null);
    return {
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      source,
      changeSetId: changeSetId === null ? null : Number(changeSetId),
      batchId: r.batchId,
      action: r.action,
      fields: fieldChanges(jsonRecord(r.before), jsonRecord(r.after)),
    };
  });
}

/** Any row's history by entity and id (GET /api/history). */
export async function fetchEntityHistory(prisma: PrismaClient, entity: ChangeEntity, id: number): Promise<{ label: string; events: HistoryEvent[] } | null> {
  const row = await fetchRow(prisma, entity, id);
  if (!row) return null;
  return { label: ENTITY_DEFS[entity].label(row.values), events: await rowEvents(prisma, entity, row.values) };
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The promise history's sources as the API names them: a redo re-applies an edit. */
const PROMISE_SOURCES: Record<string, string> = { redo: 'edit' };

export interface LineHistory {
  line: {
    id: number;
    label: string;
    promisedDate: string;
    firstPromisedDate: string;
    status: string;
    receivedDate: string | null;
    receivedQty: string | null;
    slipDays: number;
  };
  promises: { promisedDate: string; source: string; actor: string | null; at: string; changeSetId: number | null; batchId: number | null }[];
  events: HistoryEvent[];
}

/**
 * A PO line's delivery record: its first promise, every re-promise (edit, import, revert, undo)
 * newest first, its receipt, the slip (received or current promise against the first), and every
 * audited change of the line.
 */
export async function fetchLineHistory(prisma: PrismaClient, id: number): Promise<LineHistory | null> {
  const row = await fetchRow(prisma, 'purchaseOrderLine', id);
  if (!row) return null;
  const v = row.values;
  const promisedDate = String(v.promisedDate);
  const firstPromisedDate = v.firstPromisedDate == null ? promisedDate : String(v.firstPromisedDate);
  const [events, promises, created] = await Promise.all([
    rowEvents(prisma, 'purchaseOrderLine', v),
    prisma.promiseChange.findMany({ where: { lineId: id }, orderBy: { id: 'desc' } }),
    prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id }, select: { createdAt: true } }),
  ]);
  // Created by a person: its own audit event. Created by an import: its creations are audited in groups
  // (lib/imports/batch-events.ts), so the batch is the one whose transaction wrote the line (same now()).
  const creation =
    events.find((e) => e.action === 'create') ??
    (
      await prisma.$queryRawUnsafe<{ actor: string; batchId: number; changeSetId: number | null }[]>(
        `SELECT b.actor, b.id AS "batchId", (SELECT min(c.id) FROM "ChangeSet" c WHERE c."importBatchId" = b.id AND c.source = 'import') AS "changeSetId"
           FROM "ImportBatch" b WHERE b.kind = 'purchase-orders' AND b."createdAt" <= $1 AND b."finishedAt" >= $1 ORDER BY b.id DESC LIMIT 1`,
        created.createdAt,
      )
    )[0];
  return {
    line: {
      id: row.id,
      label: ENTITY_DEFS.purchaseOrderLine.label(v),
      promisedDate,
      firstPromisedDate,
      status: String(v.status),
      receivedDate: v.receivedDate == null ? null : String(v.receivedDate),
      receivedQty: v.receivedQty == null ? null : String(v.receivedQty),
      slipDays: daysBetween(firstPromisedDate, v.receivedDate == null ? promisedDate : String(v.receivedDate)),
    },
    promises: [
      ...promises.map((p) => ({
        promisedDate: p.promisedDate.toISOString().slice(0, 10),
        source: PROMISE_SOURCES[p.source] ?? p.source,
        actor: p.actor,
        at: p.at.toISOString(),
        changeSetId: p.changeSetId,
        batchId: p.batchId,
      })),
      {
        promisedDate: firstPromisedDate,
        source: 'create',
        actor: creation?.actor ?? null,
        at: created.createdAt.toISOString(),
        changeSetId: creation?.changeSetId ?? null,
        batchId: creation?.batchId ?? null,
      },
    ],
    events,
  };
}
