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

  return prisma.$transaction(
    async (tx) => {
      const supplier = supplierCode ? await tx.supplier.findUnique({ where: { code: supplierCode } }) : null;
      if (supplierCode && !supplier) {
        throw new CsvImportError(req.filename, [{ row: 1, column: null, message: `unknown supplier "${supplierCode}" (--supplier)` }]);
      }
      const { problems, changes } = await writer.write({ tx, supplierCode, dryRun }, parsed.rows as never);
      if (problems.length > 0) {
        const sorted: RowError[] = [...problems].sort((a, b) => a.row - b.row);
        throw new CsvImportError(req.filename, sorted, sorted.length);
      }
      const counts = {
        created: changes.filter((c) => c.action === 'create').length,
        updated: changes.filter((c) => c.action === 'update').length,
        unchanged: changes.filter((c) => c.action === 'unchanged').length,
      };
      const summary: ImportSummary = {
        batchId: null,
        kind: req.kind,
        filename: req.filename,
        sha256,
        rows: parsed.rows.length,
        ...counts,
        dryRun,
        alreadyImported: false,
        changes,
      };
      if (dryRun) return summary;

      const previous = await tx.importBatch.findFirst({ where: { sha256, kind: req.kind, status: 'committed' }, select: { id: true } });
      summary.alreadyImported = previous !== null && counts.created + counts.updated === 0;
      const batch = await tx.importBatch.create({
        data: {
          kind: req.kind,
          supplierId: supplier?.id ?? null,
          filename: req.filename,
          sha256,
          rowCount: parsed.rows.length,
          createdCount: counts.created,
          updatedCount: counts.updated,
          unchangedCount: counts.unchanged,
          status: 'committed',
          actor: req.actor,
          finishedAt: new Date(),
        },
      });
      summary.batchId = batch.id;
      const audit = toAuditRows(writer.entity, changes, req.actor, batch.id);
      for (let i = 0; i < audit.length; i += 1_000) {
        await tx.auditEvent.createMany({ data: audit.slice(i, i + 1_000) });
      }
      return summary;
    },
    { timeout: TX_TIMEOUT_MS, maxWait: 60_000 },
  );
}
