import { after, NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { revertBatch } from '@/lib/imports/revert';
import { refreshDashboardForecast } from '@/lib/forecast/queries';

export const dynamic = 'force-dynamic';

/** POST /api/imports/batches/<id>/revert: 200 with counts, 409 naming the rows changed since, 404. */
export const POST = withAuth('POST /api/imports/batches/[id]/revert', async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }, principal) => {
  const { id } = await params;
  const batchId = Number(id);
  if (!Number.isInteger(batchId) || batchId <= 0 || batchId > 2 ** 31 - 1) return jsonError(404, 'No such import batch.');
  const result = await revertBatch(await getDatabase(), batchId, principal ? actorOf(principal) : 'unknown');
  switch (result.outcome) {
    case 'not-found':
      return jsonError(404, `No import batch #${batchId}.`);
    case 'refused':
      return jsonError(409, result.message, { conflicts: [] });
    case 'conflict':
      return jsonError(409, result.message, { conflicts: result.conflicts });
    case 'reverted':
      after(() => refreshDashboardForecast());
      return NextResponse.json({ batchId: result.batchId, restored: result.restored, deleted: result.deleted });
  }
});
