import { after, NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/lib/db/client';
import { jsonError } from '@/lib/auth/guard';
import { actorOf, type Principal } from '@/lib/auth/principal';
import { reverseChangeSet } from '@/lib/changes/commit';
import { reverseResponse } from '@/lib/changes/reverse-response';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { parseRowId } from '@/lib/validation/change-set';

/** Undo or redo change set <id>: 200 { changeSetId, applied } (a new change set of that source), or 409 { conflicts }. Wrapped by each route's guard. */
export function reverseHandler(mode: 'undo' | 'redo') {
  return async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }, principal: Principal | null): Promise<Response> => {
    const id = parseRowId((await params).id);
    if (id === null) return jsonError(404, 'No such change set.');
    const { status, body } = reverseResponse(id, await reverseChangeSet(await getDatabase(), id, principal ? actorOf(principal) : 'unknown', mode));
    if (status === 200) after(() => refreshDashboardForecast());
    return NextResponse.json(body, { status });
  };
}
