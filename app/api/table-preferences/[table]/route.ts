import { NextResponse, type NextRequest } from 'next/server';
import { jsonError, withAuth } from '@/lib/auth/guard';
import type { Principal } from '@/lib/auth/principal';
import { readJsonBody } from '@/lib/auth/json-body';
import { getPrisma } from '@/lib/db/client';
import { isTableName } from '@/lib/tables/definitions';
import { fetchTableSettings, saveTableSettings, tableSettingsSchema } from '@/lib/tables/preferences';

// Preferences and saved views are a few column names and a query string.
const MAX_BODY = 16_384;

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ table: string }> };

function userOf(principal: Principal | null): string | null {
  return principal?.kind === 'user' ? principal.userId : null;
}

/** GET /api/table-preferences/<table> → { table, settings } (null until the person changes the layout). */
export const GET = withAuth('GET /api/table-preferences/[table]', async (_request: NextRequest, { params }: Context, principal) => {
  const { table } = await params;
  const userId = userOf(principal);
  if (!userId) return jsonError(403, 'Only people have table layouts.');
  if (!isTableName(table)) return jsonError(404, `No table "${table}".`);
  return NextResponse.json({ table, settings: await fetchTableSettings(await getPrisma(), userId, table) });
});

/** PUT /api/table-preferences/<table> { columnVisibility, columnOrder, columnSizing, columnPinning } → { table, settings }. */
export const PUT = withAuth('PUT /api/table-preferences/[table]', async (request: NextRequest, { params }: Context, principal) => {
  const { table } = await params;
  const userId = userOf(principal);
  if (!userId) return jsonError(403, 'Only people have table layouts.');
  if (!isTableName(table)) return jsonError(404, `No table "${table}".`);
  const body = await readJsonBody(request, { maxBytes: MAX_BODY });
  if (!body.ok) return body.response;
  const parsed = tableSettingsSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(422, 'Bad table settings.', { issues: parsed.error.issues });
  await saveTableSettings(await getPrisma(), userId, table, parsed.data);
  return NextResponse.json({ table, settings: parsed.data });
});
