import { after, NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { readTextWithLimit } from '@/lib/auth/upload';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { poLineEditSchema, updatePoLine } from './update-line';

export const dynamic = 'force-dynamic';

const MAX_BODY = 4_096;

/** PATCH /api/purchase-order-lines/<id> { version, promisedDate?, qty?, status? } → 200 { version } or 409 when stale. */
export const PATCH = withAuth('PATCH /api/purchase-order-lines/[id]', async (request: NextRequest, { params }: { params: Promise<{ id: string }> }, principal) => {
  const { id: rawId } = await params;
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) return jsonError(404, 'No such purchase-order line.');
  const text = await readTextWithLimit(request, MAX_BODY);
  if (text === null) return jsonError(413, 'Request too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, 'Send a JSON object: { "version": N, "promisedDate": "YYYY-MM-DD" }.');
  }
  const parsed = poLineEditSchema.safeParse(body);
  if (!parsed.success) return jsonError(422, 'Invalid edit.', { issues: parsed.error.issues });

  const result = await updatePoLine(await getPrisma(), id, parsed.data, principal ? actorOf(principal) : 'unknown');
  if (result.outcome === 'not-found') return jsonError(404, 'No such purchase-order line.');
  if (result.outcome === 'conflict') {
    return jsonError(409, 'Someone else changed this line since you read it. Reload and try again.', { currentVersion: result.currentVersion });
  }
  after(() => refreshDashboardForecast());
  return NextResponse.json({ id, key: result.key, version: result.version, ...result.line });
});
