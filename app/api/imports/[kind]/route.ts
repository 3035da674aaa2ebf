import { NextResponse, type NextRequest } from 'next/server';
import { CsvImportError, parseNumberedCanonicalCsv } from '@/lib/csv';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { SUPPLIER_TOKEN_KINDS } from '@/lib/auth/permissions';
import { actorOf } from '@/lib/auth/principal';
import { rateLimits } from '@/lib/auth/rate-limit';
import { foreignRows } from '@/lib/auth/supplier-scope';
import { BodyTooLargeError, checkUploadFilename, importByteLimit, readBodyWithLimit } from '@/lib/auth/upload';
import { runImport } from '@/lib/imports/run-import';
import { isImportKind } from '@/lib/validation/import-kinds';

export const dynamic = 'force-dynamic';

const ERRORS_RETURNED = 1_000;
const CHANGES_RETURNED = 200;

/**
 * POST /api/imports/<kind>?supplier=CODE&dryRun=1&filename=NAME with a text/csv body:
 * all or nothing through the import pipeline. 422 lists bad rows by row and column;
 * a supplier token's file with another supplier's rows is refused whole (403).
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
    const limit = rateLimits().tokenImports.hit(`token:${principal.tokenId}`);
    if (!limit.allowed) {
      const res = jsonError(429, 'Too many imports with this token. Try again shortly.');
      res.headers.set('Retry-After', String(limit.retryAfterSeconds));
      return res;
    }
  }

  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'text/csv') return jsonError(415, 'Send the file as the request body with Content-Type: text/csv.');
  const limit = importByteLimit();
  if (Number(request.headers.get('content-length') ?? 0) > limit) return jsonError(413, `The file is over the ${limit}-byte limit.`);
  const filename = checkUploadFilename(q.get('filename') ?? `${kind}.csv`);
  if (!filename) return jsonError(400, 'Bad filename: up to 200 characters, no folders, "..", or control characters.');
  let content: Uint8Array;
  try {
    content = await readBodyWithLimit(request.body, limit);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, `The file is over the ${limit}-byte limit.`);
    throw err;
  }
  if (content.byteLength === 0) return jsonError(400, 'The request body is empty: send the CSV file.');

  try {
    if (principal?.kind === 'token') {
      // A supplier writes only its own lines: one foreign row refuses the whole file.
      const parsed = parseNumberedCanonicalCsv(kind, content, { file: filename });
      if (parsed.errors.length === 0) {
        const foreign = foreignRows(kind, parsed.rows, principal.supplierCode);
        if (foreign.length > 0) {
          return jsonError(403, `The file has rows that are not ${principal.supplierCode}'s; nothing was imported.`, {
            rows: foreign.slice(0, ERRORS_RETURNED),
            rowCount: foreign.length,
          });
        }
      }
    }
    const summary = await runImport(await getPrisma(), {
      kind,
      content,
      filename,
      actor: principal ? actorOf(principal) : 'unknown',
      supplierCode,
      dryRun: ['1', 'true'].includes(q.get('dryRun') ?? q.get('dry-run') ?? ''),
    });
    const { changes, ...rest } = summary;
    return NextResponse.json({ ...rest, changes: changes.filter((c) => c.action !== 'unchanged').slice(0, CHANGES_RETURNED) });
  } catch (err) {
    if (err instanceof CsvImportError) {
      return jsonError(422, err.message, { errors: err.errors.slice(0, ERRORS_RETURNED), errorCount: err.errorCount });
    }
    throw err;
  }
});
