import { NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { fetchLineHistory } from '@/lib/changes/history';
import { parseRowId } from '@/lib/validation/change-set';

export const dynamic = 'force-dynamic';

/** GET /api/purchase-order-lines/<id>/history → { line, promises, events }, newest first. */
export const GET = withAuth('GET /api/purchase-order-lines/[id]/history', async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseRowId((await params).id);
  const history = id === null ? null : await fetchLineHistory(await getPrisma(), id);
  if (!history) return jsonError(404, 'No such purchase-order line.');
  return NextResponse.json(history);
});
