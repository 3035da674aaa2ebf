import { createHash } from 'node:crypto';
import { CsvImportError, parseNumberedCanonicalCsv, type RowError } from '@/lib/csv';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { toAuditRows } from './audit';
import type { RowChange } from './types';
import { WRITERS } from './writers';

export interface ImportRequest {
  kind: ImportKind;
  /** The file's bytes as received: hashed as they are, decoded strictly as UTF-8. */
  content: Uint8Array;
  filename: string;
  actor: string;
  supplierCode?: string | null;
  dryRun?: boolean;
}

export interface ImportSummary {
  batchId: number | null;
  kind: ImportKind;
  filename: string;
  sha256: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  /** The same content was committed before and this import changed nothing. */
  alreadyImported: boolean;
  changes: RowChange[];
}

const TX_TIMEOUT_MS = 15 * 60_000;

/**
 * One CSV file in, all or nothing: validate every row, resolve references and
 * diff against the database, then write rows, audit events and the batch record
 * in one transaction. Any bad row throws CsvImportError and writes nothing.
 */
export async function runImport(prisma: PrismaClient, req: ImportRequest): Promise<ImportSummary> {
  const sha256 = createHash('sha256').update(req.content).digest('hex');
  const parsed = parseNumberedCanonicalCsv(req.kind, req.content, { file: req.filename });
  if (parsed.errors.length > 0) throw new CsvImportError(req.filename, parsed.errors, parsed.errorCount);

  const supplierCode = req.supplierCode?.trim().toUpperCase() || null;
  const dryRun = req.dryRun ?? false;
  const writer = WRITERS[req.kind];
  const supplier = supplierCode ? await prisma.supplier.findUnique({ where: { code: supplierCode } }) : null;
  if (supplierCode && !supplier) {
    throw new CsvImportError(req.filename, [{ row: 1, column: null, message: `unknown supplier "${supplierCode}" (--supplier)` }]);
  }

  // The batch is recorded as running in its own short transaction first, so that an
  // import cut off by a crash still shows — as failed — once the database reopens.
  const batchId = dryRun
    ? null
    : (
        await prisma.importBatch.create({
          data: { kind: req.kind, supplierId: supplier?.id ?? null, filename: req.filename, sha256, rowCount: parsed.rows.length, status: 'running', actor: req.actor },
          select: { id: true },
        })
      ).id;

  try {
    return await prisma.$transaction(
      async (tx) => {
        // Held until this transaction ends, so a reopening process can tell a live import from a dead one.
        if (batchId !== null) {
          await tx.$queryRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_SPACE}::int, ${batchId}::int)::text AS locked`;
          // Big imports take a while: say when one starts writing (stderr, never the CLI's --json output).
          if (parsed.rows.length >= 10_000) console.error(`ClearBuild: import batch #${batchId} (${req.kind}, ${parsed.rows.length} rows) is writing`);
        }
        const { problems, changes } = await writer.write({ tx, supplierCode, dryRun }, parsed.rows as never);
        if (problems.length > 0) {
          const sorted: RowError[] = [...problems].sort((a, b) => a.row - b.row);
          throw new CsvImportError(req.filename, sorted, sorted.length);
        }
        const counts = countChanges(changes);
        const summary: ImportSummary = {
          batchId,
          kind: req.kind,
          filename: req.filename,
          sha256,
          rows: parsed.rows.length,
          ...counts,
          dryRun,
          alreadyImported: false,
          changes,
        };
        if (batchId === null) return summary;

        const previous = await tx.importBatch.findFirst({ where: { sha256, kind: req.kind, status: 'committed' }, select: { id: true } });
        summary.alreadyImported = previous !== null && counts.created + counts.updated === 0;
        await tx.importBatch.update({
          where: { id: batchId },
          data: {
            createdCount: counts.created,
            updatedCount: counts.updated,
            unchangedCount: counts.unchanged,
            status: 'committed',
            error: null,
            finishedAt: new Date(),
          },
        });
        const audit = toAuditRows(writer.entity, changes, req.actor, batchId);
        for (let i = 0; i < audit.length; i += 1_000) {
          await tx.auditEvent.createMany({ data: audit.slice(i, i + 1_000) });
        }
        return summary;
      },
      { timeout: TX_TIMEOUT_MS, maxWait: 60_000 },
    );
  } catch (err) {
    if (batchId !== null) {
      // A refused file (bad rows) was never an import: it leaves no batch, as before.
      // Anything else that stopped a running import leaves it failed, with why.
      const settle =
        err instanceof CsvImportError
          ? prisma.importBatch.delete({ where: { id: batchId } })
          : prisma.importBatch.update({
              where: { id: batchId },
              data: { status: 'failed', error: (err instanceof Error ? err.message : String(err)).slice(0, 2_000), finishedAt: new Date() },
            });
      await settle.catch(() => undefined); // the database itself may be what failed; the reopen sweep catches it then
    }
    throw err;
  }
}

/** One pass over what may be a million changes. */
function countChanges(changes: RowChange[]): { created: number; updated: number; unchanged: number } {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const c of changes) {
    if (c.action === 'create') counts.created++;
    else if (c.action === 'update') counts.updated++;
    else counts.unchanged++;
  }
  return counts;
}

/** Advisory-lock key space of running imports (any fixed number unique to this purpose). */
const IMPORT_LOCK_SPACE = 4_201;

/**
 * Marks as failed every batch still `running` whose import transaction is gone
 * (its process was killed): the transaction holds an advisory lock on the batch,
 * so a lock we can take belongs to nobody. Safe with several processes on one
 * PostgreSQL; called whenever a process opens the database.
 */
export async function failInterruptedImports(prisma: PrismaClient): Promise<number[]> {
  const running = await prisma.importBatch.findMany({ where: { status: 'running' }, select: { id: true } });
  const failed: number[] = [];
  for (const { id } of running) {
    const marked = await prisma.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_SPACE}::int, ${id}::int) AS free`;
      if (!lock?.free) return false;
      const { count } = await tx.importBatch.updateMany({
        where: { id, status: 'running' },
        data: { status: 'failed', error: 'interrupted: the process running this import stopped before it committed; nothing was written', finishedAt: new Date() },
      });
      return count > 0;
    });
    if (marked) failed.push(id);
  }
  return failed;
}
