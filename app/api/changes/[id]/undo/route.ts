import { after, NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { reverseChangeSet } from '@/lib/changes/commit';
import { reverseResponse } from '@/lib/changes/reverse-response';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { parseRowId } from '@/lib/validation/change-set';

export const dynamic = 'force-dynamic';

/** POST /api/changes/<id>/undo → 200 { changeSetId, applied } (a new change set, source undo), or 409 { conflicts } naming rows changed since. */
export const POST = withAuth('POST /api/changes/[id]/undo', async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }, principal) => {
  const id = parseRowId((await params).id);
  if (id === null) return jsonError(404, 'No such change set.');
  const { status, body } = reverseResponse(id, await reverseChangeSet(await getDatabase(), id, principal ? actorOf(principal) : 'unknown', 'undo'));
  if (status === 200) after(() => refreshDashboardForecast());
  return NextResponse.json(body, { status });
});
