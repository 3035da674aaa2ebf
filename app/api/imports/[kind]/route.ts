import { after, NextResponse, type NextRequest } from 'next/server';
import { CsvImportError } from '@/lib/csv';
import { getDatabase } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { can, SUPPLIER_TOKEN_KINDS } from '@/lib/auth/permissions';
import { actorOf } from '@/lib/auth/principal';
import { rateLimits } from '@/lib/auth/rate-limit';
import { checkUploadFilename, importByteLimit } from '@/lib/auth/upload';
import { FileTooLargeError, formatBytes, HashingByteSource } from '@/lib/imports/byte-source';
import { defaultMappingName, findMappingByName, saveMapping } from '@/lib/imports/mappings';
import { runImport } from '@/lib/imports/run-import';
import { spoolUpload, uploadIdleMs, UploadIdleError, type SpooledUpload } from '@/lib/imports/spool-upload';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { ForeignRowsError } from '@/lib/imports/staged/run-staged';
import { checkMapping, parseMappingParam } from '@/lib/imports/mapping-param';
import type { ImportMapping } from '@/lib/mapping';
import { isImportKind } from '@/lib/validation/import-kinds';
import fs from 'node:fs';
import { parseNumberedCanonicalCsv } from '@/lib/csv';
import type { Principal } from '@/lib/auth/principal';
import { foreignRows } from '@/lib/auth/supplier-scope';
import { recordSupplierStockReport } from '@/lib/supplier-stock/record-report';

export const dynamic = 'force-dynamic';

const ERRORS_RETURNED = 1_000;

/**
 * POST /api/imports/<kind>?supplier=CODE&dryRun=1&filename=NAME&mapping=JSON|mappingName=NAME&save=1
 * with the file as a text/csv body, received into a temporary file first (never held whole in
 * memory, never while a transaction is open), then streamed through the pipeline. All or nothing:
 * 422 lists bad rows by row and column; a supplier token's file with another
 * supplier's rows is refused whole (403); past the size limit, 413.
 */
export const POST = withAuth('POST /api/imports/[kind]', async (request: NextRequest, { params }: { params: Promise<{ kind: string }> }, principal) => {
  const { kind } = await params;
  if (!isImportKind(kind)) return jsonError(404, `Unknown import kind "${kind.slice(0, 40)}".`);
  const q = request.nextUrl.searchParams;
  let supplierCode = q.get('supplier')?.trim().toUpperCase() || null;

  if (principal?.kind === 'token') {
    if (!SUPPLIER_TOKEN_KINDS.includes(kind)) return jsonError(403, `A supplier token may import only ${SUPPLIER_TOKEN_KINDS.join(' and ')}.`);
    if (supplierCode && supplierCode !== principal.supplierCode) return jsonError(403, `This token is for supplier ${principal.supplierCode} only.`);
    supplierCode = principal.supplierCode;
    const limit = await rateLimits((await getDatabase()).prisma).tokenImports.hit(`token:${principal.tokenId}`);
    if (!limit.allowed) {
      const res = jsonError(429, 'Too many imports with this token. Try again shortly.');
      res.headers.set('Retry-After', String(limit.retryAfterSeconds));
      return res;
    }
  }

  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'text/csv') return jsonError(415, 'Send the file as the request body with Content-Type: text/csv.');
  const limit = importByteLimit();
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge(limit);
  const filename = checkUploadFilename(q.get('filename') ?? `${kind}.csv`);
  if (!filename) return jsonError(400, 'Bad filename: up to 200 characters, no folders, "..", or control characters.');
  if (!request.body) return jsonError(400, 'The request body is empty: send the CSV file.');

  // The whole file is received (size-capped, cut off when the client stalls) before any
  // transaction opens: a slow client holds no lock and no database connection while it sends.
  let upload: SpooledUpload;
  try {
    upload = await spoolUpload(request.body, { limit, idleMs: uploadIdleMs() });
  } catch (err) {
    if (err instanceof FileTooLargeError) return tooLarge(limit);
    if (err instanceof UploadIdleError) return jsonError(408, `The upload stalled: nothing arrived for ${Math.round(err.idleMs / 1000)} s. Send the file again.`);
    throw err;
  }
  try {
    // A supplier's stock report is the supplier's stock, not on-hand inventory: recorded apart, accepted by procurement.
    if (principal?.kind === 'token' && kind === 'inventory') return await supplierStockReport(upload, principal, filename);
    const db = await getDatabase();
    const { prisma } = db;
    let mapping: ImportMapping | null = null;
    let mappingName: string | null = null;
    const named = q.get('mappingName');
    if (q.get('mapping')) {
      const parsed = parseMappingParam(kind, q.get('mapping')!);
      if (!parsed.ok) return jsonError(400, parsed.error);
      mapping = parsed.mapping;
    } else if (named) {
      const saved = await findMappingByName(prisma, named);
      if (!saved) return jsonError(400, `Unknown mapping "${named.slice(0, 80)}".`);
      if (saved.kind !== kind) return jsonError(400, `Mapping "${saved.name}" is for ${saved.kind} files, not ${kind}.`);
      const checked = checkMapping(kind, saved.mapping);
      if (!checked.ok) return jsonError(400, `Saved mapping "${saved.name}": ${checked.error}`);
      mapping = checked.mapping;
      mappingName = saved.name;
    }
    const dryRun = ['1', 'true'].includes(q.get('dryRun') ?? q.get('dry-run') ?? '');
    const save = mapping !== null && mappingName === null && ['1', 'true'].includes(q.get('save') ?? '');
    if (save) mappingName = defaultMappingName(supplierCode, kind);

    const body = new HashingByteSource(upload.open(), limit);
    try {
      const summary = await runImport(db, {
        kind,
        source: body,
        filename,
        actor: principal ? actorOf(principal) : 'unknown',
        supplierCode,
        dryRun,
        mapping,
        mappingName,
        // The forecast's change is for people who may read forecasts, not for suppliers' tokens.
        forecast: dryRun && principal?.kind === 'user' && can(principal.role, 'read:forecast'),
      });
      let mappingSaved: string | null = null;
      if (save && !dryRun && principal) {
        await saveMapping(prisma, { name: mappingName!, kind, supplierCode, mapping, actor: actorOf(principal) });
        mappingSaved = mappingName;
      }
      // The data changed: the dashboard's forecast is computed again once this answer is sent.
      if (!dryRun && summary.created + summary.updated > 0) after(() => refreshDashboardForecast(db));
      return NextResponse.json({ ...summary, mappingSaved });
    } catch (err) {
      if (err instanceof FileTooLargeError) return tooLarge(limit);
      if (err instanceof ForeignRowsError && principal?.kind === 'token') {
        return jsonError(403, `The file has rows that are not ${principal.supplierCode}'s; nothing was imported.`, {
          rows: err.errors.slice(0, ERRORS_RETURNED),
          rowCount: err.errorCount,
        });
      }
      if (err instanceof CsvImportError) {
        return jsonError(422, err.message, { errors: err.errors.slice(0, ERRORS_RETURNED), errorCount: err.errorCount });
      }
      throw err;
    } finally {
      await body.close().catch(() => undefined);
    }
  } finally {
    await upload.remove();
  }
});

const STOCK_REPORT_MAX_BYTES = 5 * 1024 * 1024;

async function supplierStockReport(upload: SpooledUpload, principal: Extract<Principal, { kind: 'token' }>, filename: string): Promise<Response> {
  if (upload.bytes > STOCK_REPORT_MAX_BYTES) return tooLarge(STOCK_REPORT_MAX_BYTES);
  const parsed = parseNumberedCanonicalCsv('inventory', await fs.promises.readFile(upload.path), { file: filename });
  if (parsed.errorCount > 0) return jsonError(422, parsed.message ?? 'The file has errors.', { errors: parsed.errors.slice(0, ERRORS_RETURNED), errorCount: parsed.errorCount });
  const foreign = foreignRows('inventory', parsed.rows, principal.supplierCode);
  const { prisma } = await getDatabase();
  const recorded =
    foreign.length > 0
      ? ({ outcome: 'refused', errors: foreign } as const)
      : await recordSupplierStockReport(prisma, { supplierId: principal.supplierId, supplierCode: principal.supplierCode, rows: parsed.rows, actor: `token:${principal.supplierCode}` });
  if (recorded.outcome === 'refused') {
    return jsonError(403, `The file has rows that are not ${principal.supplierCode}'s to report; nothing was recorded.`, {
      rows: recorded.errors.slice(0, ERRORS_RETURNED),
      rowCount: recorded.errors.length,
    });
  }
  return NextResponse.json({
    kind: 'inventory',
    filename,
    rows: parsed.rows.length,
    reported: recorded.reported,
    status: 'reported',
    message: `Recorded as ${principal.supplierCode}'s stock report; it becomes on-hand inventory when procurement accepts it.`,
  });
}

function tooLarge(limit: number) {
  return jsonError(413, `The file is over the ${formatBytes(limit)} upload limit; split it, or raise CLEARBUILD_IMPORT_MAX_BYTES.`);
}
