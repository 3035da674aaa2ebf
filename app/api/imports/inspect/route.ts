import { NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { importByteLimit } from '@/lib/auth/upload';
import { FileTooLargeError, formatBytes, HashingByteSource } from '@/lib/imports/byte-source';
import { inspectFile } from '@/lib/imports/inspect-file';
import { findSupplierMapping } from '@/lib/imports/mappings';
import { isImportKind } from '@/lib/validation/import-kinds';

export const dynamic = 'force-dynamic';

/**
 * POST /api/imports/inspect?kind=K&supplier=CODE with the file as the body: its
 * encoding, delimiter, header row, row count and first rows, a mapping suggested
 * from its header, and the mapping saved for this supplier's files of this kind.
 * Reads the file; writes nothing.
 */
export const POST = withAuth('POST /api/imports/inspect', async (request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const kind = q.get('kind') ?? '';
  if (!isImportKind(kind)) return jsonError(400, `Choose what the file holds: kind must be one of items, recipes, bom, inventory, purchase-orders, targets.`);
  const supplierCode = q.get('supplier')?.trim().toUpperCase() || null;
  const limit = importByteLimit();
  const tooLarge = () => jsonError(413, `The file is over the ${formatBytes(limit)} upload limit; split it, or raise CLEARBUILD_IMPORT_MAX_BYTES.`);
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge();
  if (!request.body) return jsonError(400, 'The file is empty.');
  try {
    const result = await inspectFile(kind, new HashingByteSource(request.body, limit));
    if ('error' in result) return jsonError(422, `The file cannot be read: ${result.error}.`);
    const saved = await findSupplierMapping(await getPrisma(), supplierCode, kind);
    return NextResponse.json({ ...result, saved: saved && { name: saved.name, mapping: saved.mapping } });
  } catch (err) {
    if (err instanceof FileTooLargeError) return tooLarge();
    throw err;
  }
});
