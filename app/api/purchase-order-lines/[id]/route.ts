import { after, NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { readJsonBody } from '@/lib/auth/json-body';
import { commitChanges } from '@/lib/changes/commit';
import { ENTITY_DEFS } from '@/lib/changes/entities';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { parseRowId } from '@/lib/validation/change-set';
import { poLineEditSchema } from '@/lib/validation/purchase-order-line-edit';

export const dynamic = 'force-dynamic';

const MAX_BODY = 4_096;

/**
 * PATCH /api/purchase-order-lines/<id> { version, promisedDate?, qty?, status? } → 200 { id, key, version,
 * promisedDate, qty, status } or 409 { currentVersion } when stale. A change set of one row (POST /api/changes).
 */
export const PATCH = withAuth('PATCH /api/purchase-order-lines/[id]', async (request: NextRequest, { params }: { params: Promise<{ id: string }> }, principal) => {
  const id = parseRowId((await params).id);
  if (id === null) return jsonError(404, 'No such purchase-order line.');
  const read = await readJsonBody(request, { maxBytes: MAX_BODY, notJson: 'Send a JSON object: { "version": N, "promisedDate": "YYYY-MM-DD" }.' });
  if (!read.ok) return read.response;
  const body = read.value;
  const parsed = poLineEditSchema.safeParse(body);
  if (!parsed.success) return jsonError(422, 'Invalid edit.', { issues: parsed.error.issues });
  const { version, ...set } = parsed.data;

  const result = await commitChanges(await getDatabase(), [{ index: 0, entity: 'purchaseOrderLine', op: 'update', id, version, set }], {
    actor: principal ? actorOf(principal) : 'unknown',
    source: 'edit',
  });
  if (result.outcome === 'invalid') return jsonError(422, 'Invalid edit.', { issues: result.errors.map((e) => ({ path: [e.field], message: e.message })) });
  if (result.outcome === 'conflict') {
    const [conflict] = result.conflicts;
    if (!conflict || conflict.currentVersion === null) return jsonError(404, 'No such purchase-order line.');
    return jsonError(409, 'Someone else changed this line since you read it. Reload and try again.', { currentVersion: conflict.currentVersion });
  }
  after(() => refreshDashboardForecast());
  const [row] = result.rows;
  const line = row?.values ?? {};
  return NextResponse.json({ id, key: ENTITY_DEFS.purchaseOrderLine.auditKey(line), version: row?.version, promisedDate: line.promisedDate, qty: line.qty, status: line.status });
});
