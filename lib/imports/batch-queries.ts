import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { ImportBatch } from '@/lib/generated/prisma/client';
import { fetchBatchEventRows } from './batch-events';

// Reads behind the import pages: the supplier list for the upload form, one
// batch's header, and the rows it changed (from its AuditEvents), a page at a time.

export interface SupplierOption {
  code: string;
  name: string;
}

export async function fetchSupplierOptions(): Promise<SupplierOption[]> {
  const prisma = await getPrisma();
  return prisma.supplier.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true } });
}

/** A batch as the history lists it. */
export interface ImportBatchRow {
  id: number;
  kind: string;
  supplier: string | null;
  filename: string;
  sha256: string;
  rowCount: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  status: string;
  actor: string;
  createdAt: string;
}

/** A batch as its own page shows it. */
export interface ImportBatchDetail extends Omit<ImportBatchRow, 'supplier'> {
  supplier: SupplierOption | null;
  error: string | null;
  finishedAt: string | null;
  /** The saved column mapping the file was read with, if any. */
  mappingName: string | null;
  revertedAt: string | null;
  revertedBy: string | null;
}

/** What the list and the page share. */
function batchFields(b: ImportBatch): Omit<ImportBatchRow, 'supplier'> {
  return {
    id: b.id,
    kind: b.kind,
    filename: b.filename,
    sha256: b.sha256,
    rowCount: b.rowCount,
    createdCount: b.createdCount,
    updatedCount: b.updatedCount,
    unchangedCount: b.unchangedCount,
    status: b.status,
    actor: b.actor,
    createdAt: b.createdAt.toISOString(),
  };
}

/** The latest batches, newest first. */
export async function fetchImportBatches(): Promise<ImportBatchRow[]> {
  const prisma = await getPrisma();
  const batches = await prisma.importBatch.findMany({ orderBy: { id: 'desc' }, take: 500, include: { supplier: { select: { code: true } } } });
  return batches.map((b) => ({ ...batchFields(b), supplier: b.supplier?.code ?? null }));
}

export async function fetchImportBatch(id: number): Promise<ImportBatchDetail | null> {
  const prisma = await getPrisma();
  const b = await prisma.importBatch.findUnique({ where: { id }, include: { supplier: { select: { code: true, name: true } } } });
  if (!b) return null;
  return {
    ...batchFields(b),
    supplier: b.supplier,
    error: b.error,
    finishedAt: b.finishedAt?.toISOString() ?? null,
    mappingName: b.mappingName,
    revertedAt: b.revertedAt?.toISOString() ?? null,
    revertedBy: b.revertedBy,
  };
}

/** A stored before/after snapshot flattened for display: nested values become JSON text. */
export type FieldValues = Record<string, string | number | boolean | null>;

export interface BatchChange {
  id: string;
  entity: string;
  entityId: string;
  action: string;
  before: FieldValues | null;
  after: FieldValues | null;
  actor: string;
  createdAt: string;
}

export const BATCH_CHANGES_PAGE_SIZE = 100;

function toFieldValues(json: unknown): FieldValues | null {
  if (json === null || json === undefined) return null;
  if (typeof json !== 'object' || Array.isArray(json)) return { value: JSON.stringify(json) };
  const out: FieldValues = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    out[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return out;
}

/** One page (1-based) of the rows a batch changed, in the order they were written (updates, then creations). */
export async function fetchBatchChanges(batchId: number, page: number): Promise<{ total: number; rows: BatchChange[] }> {
  const prisma = await getPrisma();
  const { total, rows } = await fetchBatchEventRows(
    (sql, params) => prisma.$queryRawUnsafe(sql, ...params),
    batchId,
    (page - 1) * BATCH_CHANGES_PAGE_SIZE,
    BATCH_CHANGES_PAGE_SIZE,
  );
  return {
    total,
    rows: rows.map((e) => ({
      id: e.ord === 0 ? e.id : `${e.id}.${e.ord}`,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      before: toFieldValues(e.before),
      after: toFieldValues(e.after),
      actor: e.actor,
      createdAt: new Date(e.createdAt).toISOString(),
    })),
  };
}
