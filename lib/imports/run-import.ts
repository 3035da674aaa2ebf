import os from 'node:os';
import { CsvImportError } from '@/lib/csv';
import type { BulkConnection } from '@/lib/db/bulk';
import type { DatabaseHandle } from '@/lib/db/open';
import { isProcessAlive } from '@/lib/db/process-alive';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ImportMapping } from '@/lib/mapping';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { loadModelRows, type ModelRows } from '@/lib/forecast/load-model';
import { fetchBatchEventRows, jsonRecord } from './batch-events';
import { recordImportChangeSet } from './change-set';
import { FileTooLargeError, HashingByteSource } from './byte-source';
import { committedQuickForecastPoint, hypotheticalForecastPoint, loadModelRowsThrough, type ForecastDelta } from './forecast-delta';
import { columnLabeller, openRowSource } from './row-source';
import { STAGED_KINDS } from './staged';
import { applyChanges, CHANGES_SAMPLED, diffCounts, sampleChanges, stageRows, type ChangeSample } from './staged/run-staged';

export interface ImportRequest {
  kind: ImportKind;
  /** The file as sent: a stream of bytes (never held whole), the bytes themselves, or a HashingByteSource the caller keeps (to drain an HTTP body). */
  source: AsyncIterable<Uint8Array> | Uint8Array | HashingByteSource;
  filename: string;
  actor: string;
  supplierCode?: string | null;
  dryRun?: boolean;
  /** A supplier's column mapping (lib/mapping's ImportMapping); null or absent: canonical format. */
  mapping?: ImportMapping | null;
  /** The saved mapping's name, recorded on the batch. */
  mappingName?: string | null;
  /** On a dry run, also forecast the data as if the file were committed. */
  forecast?: boolean;
  /** Bytes past this refuse the file (FileTooLargeError). */
  byteLimit?: number;
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
  /** The first changed rows (updates first), with the values before and after. */
  changes: ChangeSample[];
  changesTruncated: boolean;
  /** Kind-specific counts for the preview's headline (promised dates moved, later). */
  headline: Record<string, number>;
  /** Dry runs with `forecast`: the forecast now and as if this file were committed. */
  forecast: ForecastDelta | null;
}

/** Advisory-lock key spaces: one lock per running batch (crash detection), one per kind (imports of a kind take turns). */
const IMPORT_LOCK_SPACE = 4_201;
const KIND_LOCK_SPACE = 4_202;

/** Rolls a dry run's transaction back once it has read what committing would do. */
class DryRunDone<T> {
  constructor(readonly result: T) {}
}

/**
 * One CSV file in, all or nothing. The bytes stream through hashing, parsing and
 * validation into the database (COPY into a staging table for the bulk kinds),
 * references are checked and the rows diffed against what is stored, then rows,
 * audit events and the batch record are written in one transaction. Any bad row
 * throws CsvImportError (row and column named) and writes nothing.
 */
export async function runImport(db: DatabaseHandle, req: ImportRequest): Promise<ImportSummary> {
  const { prisma } = db;
  const supplierCode = req.supplierCode?.trim().toUpperCase() || null;
  const dryRun = req.dryRun ?? false;
  const supplier = supplierCode ? await prisma.supplier.findUnique({ where: { code: supplierCode } }) : null;
  if (supplierCode && !supplier) {
    throw new CsvImportError(req.filename, [{ row: 1, column: null, message: `unknown supplier "${supplierCode}"` }]);
  }
  const bytes = req.source instanceof HashingByteSource ? req.source : new HashingByteSource(req.source, req.byteLimit);

  // The batch is recorded as running in its own short transaction first, so that an
  // import cut off by a crash still shows, as failed, once the database reopens.
  const batchId = dryRun
    ? null
    : (
        await prisma.importBatch.create({
          data: {
            kind: req.kind,
            supplierId: supplier?.id ?? null,
            filename: req.filename,
            sha256: '',
            status: 'running',
            actor: req.actor,
            mappingName: req.mappingName ?? null,
            runnerHost: os.hostname(),
            runnerPid: process.pid,
          },
          select: { id: true },
        })
      ).id;

  try {
    const ctx: ImportContext = { req, supplierCode, dryRun, batchId, bytes };
    try {
      return await stagedImport(db, ctx);
    } finally {
      // A source we wrapped is ours to release; a caller's own (an HTTP body to drain) is the caller's.
      if (bytes !== req.source) await bytes.close().catch(() => undefined);
    }
  } catch (err) {
    if (batchId !== null) {
      // A refused file (bad rows, too big) was never an import: it leaves no batch.
      // Anything else that stopped a running import leaves it failed, with why.
      const settle =
        err instanceof CsvImportError || err instanceof FileTooLargeError
          ? prisma.importBatch.delete({ where: { id: batchId } })
          : prisma.importBatch.update({
              where: { id: batchId },
              // The batch page is read by people: it says what happened, never the database's own words.
              data: { status: 'failed', error: failureMessage(err, batchId), finishedAt: new Date() },
            });
      await settle.catch(() => undefined); // the database itself may be what failed; the reopen sweep catches it then
    }
    throw err;
  }
}

interface ImportContext {
  req: ImportRequest;
  supplierCode: string | null;
  dryRun: boolean;
  batchId: number | null;
  bytes: HashingByteSource;
}

async function stagedImport(db: DatabaseHandle, { req, supplierCode, dryRun, batchId, bytes }: ImportContext): Promise<ImportSummary> {
  const kind = STAGED_KINDS[req.kind];
  const source = openRowSource(req.kind, bytes, { file: req.filename, mapping: req.mapping ?? null });
  const run = async (conn: BulkConnection): Promise<ImportSummary> => {
    await lockImport(conn, req.kind, batchId);
    const rows = await stageRows(conn, kind, source, { supplierCode, columnLabel: columnLabeller(req.mapping) });
    const sha256 = bytes.sha256();
    const base = { batchId, kind: req.kind, filename: req.filename, sha256, dryRun, forecast: null };
    if (dryRun) {
      const counts = await diffCounts(conn, kind, rows);
      const changes = await sampleChanges(conn, kind);
      // The rows the forecast would read were the file committed, read here and forecast once the transaction
      // is over: on the embedded database nothing else can query while it is open, and the engine may be busy.
      let afterRows: ModelRows | null = null;
      if (req.forecast) {
        await applyChanges(conn, kind, null);
        afterRows = await loadModelRowsThrough(conn);
      }
      const alreadyImported = counts.created + counts.updated === 0 && (await committedBefore(conn, req.kind, sha256, null));
      throw new DryRunDone<ImportSummary & { afterRows: ModelRows | null }>({
        ...base,
        ...counts,
        alreadyImported,
        changes,
        changesTruncated: counts.created + counts.updated > changes.length,
        forecast: null,
        afterRows,
      });
    }
    // Big imports take a while: say when one starts writing (stderr, never the CLI's --json output).
    if (rows >= 10_000) console.error(`ClearBuild: import batch #${batchId} (${req.kind}): ${rows} rows staged, writing`);
    // One diff: the write statement counts what it created and updated.
    const written = await applyChanges(conn, kind, { actor: req.actor, batchId: batchId! });
    const counts = { rows, ...written, unchanged: rows - written.created - written.updated, headline: {} };
    await finishBatch(conn, batchId!, sha256, counts);
    await recordImportChangeSet(conn, { id: batchId!, actor: req.actor, filename: req.filename, kind: req.kind }, counts);
    const alreadyImported = counts.created + counts.updated === 0 && (await committedBefore(conn, req.kind, sha256, batchId));
    const changes = await batchChanges(conn, batchId!);
    return { ...base, ...counts, alreadyImported, changes, changesTruncated: counts.created + counts.updated > changes.length };
  };
  try {
    return await db.bulk.transaction(run);
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err;
    const { afterRows, ...summary } = err.result as ImportSummary & { afterRows: ModelRows | null };
    if (!afterRows) return summary;
    // The quick tier on both sides, as a change set's preview: a person waits for it, and the delta is the file's alone.
    const [before, after] = await Promise.all([
      committedQuickForecastPoint(db, await loadModelRows(db.prisma)),
      hypotheticalForecastPoint(db.locals, afterRows, 'quick'),
    ]);
    return { ...summary, forecast: { before, after } };
  }
}

async function lockImport(conn: BulkConnection, kind: ImportKind, batchId: number | null): Promise<void> {
  // Held until the transaction ends: a reopening process can tell a live import from a dead one.
  if (batchId !== null) await conn.query(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_SPACE}, $1::int)::text`, [batchId]);
  // Two files of one kind take turns, so each diffs against what the other committed.
  await conn.query(`SELECT pg_advisory_xact_lock(${KIND_LOCK_SPACE}, $1::int)::text`, [Object.keys(STAGED_KINDS).indexOf(kind) + 1]);
}

async function finishBatch(conn: BulkConnection, batchId: number, sha256: string, counts: { rows: number; created: number; updated: number; unchanged: number }) {
  await conn.query(
    `UPDATE "ImportBatch" SET sha256 = $2, "rowCount" = $3, "createdCount" = $4, "updatedCount" = $5, "unchangedCount" = $6,
       status = 'committed', error = NULL, "finishedAt" = now() WHERE id = $1`,
    [batchId, sha256, counts.rows, counts.created, counts.updated, counts.unchanged],
  );
}

async function committedBefore(conn: BulkConnection, kind: string, sha256: string, except: number | null): Promise<boolean> {
  const rows = await conn.query(`SELECT 1 FROM "ImportBatch" WHERE sha256 = $1 AND kind = $2 AND status = 'committed' AND id <> $3 LIMIT 1`, [sha256, kind, except ?? -1]);
  return rows.length > 0;
}

async function batchChanges(conn: BulkConnection, batchId: number): Promise<ChangeSample[]> {
  // Updates first (their events come first): a moved date is the news.
  const { rows } = await fetchBatchEventRows((sql, params) => conn.query(sql, params), batchId, 0, CHANGES_SAMPLED);
  return rows.map((r) => ({ row: null, key: r.entityId, action: r.action === 'create' ? 'create' : 'update', before: jsonRecord(r.before), after: jsonRecord(r.after) ?? {} }));
}

/**
 * Marks as failed every batch still `running` whose import is gone (its process was
 * killed). The import's transaction holds an advisory lock on the batch, so a lock we
 * can take belongs to nobody. A process killed mid-statement leaves PostgreSQL running
 * that statement, lock held, until it next writes to the dead client: when the batch's
 * process was on this host and is gone, its backend is ended first. Safe with several
 * processes on one PostgreSQL; called whenever a process opens the database.
 */
export async function failInterruptedImports(prisma: PrismaClient): Promise<number[]> {
  const running = await prisma.importBatch.findMany({ where: { status: 'running' }, select: { id: true, runnerHost: true, runnerPid: true } });
  const failed: number[] = [];
  for (const batch of running) {
    const orphaned = batch.runnerHost === os.hostname() && batch.runnerPid !== null && batch.runnerPid !== process.pid && !isProcessAlive(batch.runnerPid);
    if (orphaned) {
      await prisma.$queryRawUnsafe(
        `SELECT pg_terminate_backend(pid)::text FROM pg_locks WHERE locktype = 'advisory' AND classid = ${IMPORT_LOCK_SPACE} AND objid = $1 AND granted AND pid <> pg_backend_pid()`,
        batch.id,
      );
    }
    // A timeout above the lock wait: with Prisma's default of 5 s the transaction expired while waitForLock still
    // polled (up to 5 s), and the database failed to open (seen in CI: a killed server's backend let go late).
    const marked = await prisma.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_SPACE}::int, ${batch.id}::int) AS free`;
      // A terminated backend lets go of its lock within moments: wait a little for it, never long.
      const free = lock?.free || (orphaned && (await waitForLock(tx, batch.id)));
      if (!free) return false;
      const { count } = await tx.importBatch.updateMany({
        where: { id: batch.id, status: 'running' },
        data: { status: 'failed', error: 'interrupted: the process running this import stopped before it committed; nothing was written', finishedAt: new Date() },
      });
      return count > 0;
    }, { timeout: LOCK_POLLS * LOCK_POLL_MS + 10_000 });
    if (marked) failed.push(batch.id);
  }
  return failed;
}

const LOCK_POLLS = 20;
const LOCK_POLL_MS = 250;

/** Polls for a batch's lock for a few seconds (a terminated backend is releasing it). */
async function waitForLock(tx: { $queryRaw: PrismaClient['$queryRaw'] }, id: number): Promise<boolean> {
  for (let i = 0; i < LOCK_POLLS; i++) {
    await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    const [lock] = await tx.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_SPACE}::int, ${id}::int) AS free`;
    if (lock?.free) return true;
  }
  return false;
}

/** What a failed batch records: a plain sentence; the error itself goes to the server log. */
function failureMessage(err: unknown, batchId: number): string {
  console.error(`ClearBuild: import batch #${batchId} failed:`, err);
  if (err instanceof Error && err.name === 'UploadIdleError') return 'The upload stalled before the file was complete; nothing was imported.';
  return 'The import could not be written and nothing was imported. The server log has the details; try again, or ask an admin.';
}
