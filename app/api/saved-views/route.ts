import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { getPrisma } from '@/lib/db/client';
import { isTableName } from '@/lib/tables/definitions';
import { fetchSavedViews, normalizeViewQuery, savedViewInputSchema, saveView } from '@/lib/tables/preferences';
import { readJsonBody } from '@/lib/auth/json-body';

// Preferences and saved views are a few column names and a query string.
const MAX_BODY = 16_384;

export const dynamic = 'force-dynamic';

/** GET /api/saved-views?table=<table> → { views: [{ id, name, query, updatedAt }] }, the person's own, by name. */
export const GET = withAuth('GET /api/saved-views', async (request: NextRequest, _context: unknown, principal) => {
  if (principal?.kind !== 'user') return jsonError(403, 'Only people have saved views.');
  const table = request.nextUrl.searchParams.get('table') ?? '';
  if (!isTableName(table)) return jsonError(400, 'Name a table: ?table=purchase-order-lines, items, inventory, suppliers or bom-lines.');
  return NextResponse.json({ views: await fetchSavedViews(await getPrisma(), principal.userId, table) });
});

/** POST /api/saved-views { table, name, query } → 200 the view (saving under an existing name replaces its query). */
export const POST = withAuth('POST /api/saved-views', async (request: NextRequest, _context: unknown, principal) => {
  if (principal?.kind !== 'user') return jsonError(403, 'Only people have saved views.');
  const body = await readJsonBody(request, { maxBytes: MAX_BODY });
  if (!body.ok) return body.response;
  const parsed = savedViewInputSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(422, 'Bad saved view.', { issues: parsed.error.issues });
  const table = parsed.data.table;
  if (!isTableName(table)) return jsonError(422, 'Bad saved view.');
  const query = normalizeViewQuery(table, parsed.data.query);
  if (!query.ok) return jsonError(422, `The view's query is not one the table accepts: ${query.message}`, { issues: [{ path: ['query'], message: query.message }] });
  return NextResponse.json(await saveView(await getPrisma(), principal.userId, table, parsed.data.name, query.query));
});
