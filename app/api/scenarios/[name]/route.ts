import { NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { deleteScenario } from '@/lib/scenarios/store';

export const dynamic = 'force-dynamic';

/** DELETE /api/scenarios/<name> → 200 { deleted }: its creator or an admin; 403 for anyone else, 404 when unknown. */
export const DELETE = withAuth('DELETE /api/scenarios/[name]', async (_request: NextRequest, { params }: { params: Promise<{ name: string }> }, principal) => {
  const { name } = await params;
  if (!principal || principal.kind !== 'user') return jsonError(403, 'Your role does not allow this.');
  const outcome = await deleteScenario(await getPrisma(), name, { actor: actorOf(principal), isAdmin: principal.role === 'admin' });
  if (outcome === 'not-found') return jsonError(404, `No scenario named "${name}".`);
  if (outcome === 'forbidden') return jsonError(403, 'Only the person who saved this scenario, or an admin, may delete it.');
  return NextResponse.json({ deleted: name });
});
