import { NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { fetchEntityHistory } from '@/lib/changes/history';
import { historyQuerySchema } from '@/lib/validation/change-set';

export const dynamic = 'force-dynamic';

/** GET /api/history?entity=<entity>&id=<id> → { label, events } newest first, for any editable row. */
export const GET = withAuth('GET /api/history', async (request: NextRequest) => {
  const query = historyQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return jsonError(400, 'Bad parameters: entity and id.', { issues: query.error.issues });
  const history = await fetchEntityHistory(await getPrisma(), query.data.entity, query.data.id);
  if (!history) return jsonError(404, `No ${query.data.entity} #${query.data.id}.`);
  return NextResponse.json(history);
});
