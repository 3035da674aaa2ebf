import type { NextRequest } from 'next/server';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { getPrisma } from '@/lib/db/client';
import { deleteView } from '@/lib/tables/preferences';

export const dynamic = 'force-dynamic';

/** DELETE /api/saved-views/<id> → 204; 404 when it is not one of the person's own views. */
export const DELETE = withAuth('DELETE /api/saved-views/[id]', async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }, principal) => {
  if (principal?.kind !== 'user') return jsonError(403, 'Only people have saved views.');
  const { id } = await params;
  const n = /^\d{1,9}$/.test(id) ? Number(id) : 0;
  if (n < 1 || !(await deleteView(await getPrisma(), principal.userId, n))) return jsonError(404, 'No such saved view of yours.');
  return new Response(null, { status: 204 });
});
