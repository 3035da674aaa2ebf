import { after, NextResponse, type NextRequest } from 'next/server';
import { getDatabase, getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { readJsonBody } from '@/lib/auth/json-body';
import { commitChanges, previewChanges } from '@/lib/changes/commit';
import { listChangeSets } from '@/lib/changes/history';
import { parseChangeRequest } from '@/lib/changes/request';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { changeSetListQuerySchema } from '@/lib/validation/change-set';

export const dynamic = 'force-dynamic';

// 20,000 changes of a few hundred bytes each; past this, 413 without reading on.
const MAX_BODY = 8 * 1024 * 1024;

/**
 * POST /api/changes { changes, dryRun?, source? }: a dry run → 200 { errors, diff, conflicts, forecast, summary };
 * a commit → 200 { changeSetId, applied, rows }, 422 { errors } or 409 { conflicts }, nothing applied.
 */
export const POST = withAuth('POST /api/changes', async (request: NextRequest, _context: unknown, principal) => {
  const read = await readJsonBody(request, {
    maxBytes: MAX_BODY,
    tooLarge: `Request too large: send at most ${MAX_BODY / 1024 / 1024} MB (20,000 changes) at a time.`,
    notJson: 'Send a JSON object: { "changes": [ … ], "dryRun": true }.',
  });
  if (!read.ok) return read.response;
  const body = read.value;
  const parsed = parseChangeRequest(body);
  if (!parsed.ok) return jsonError(422, parsed.message, { issues: parsed.issues });
  const db = await getDatabase();
  if (parsed.dryRun) return NextResponse.json(await previewChanges(db, parsed.changes, { envelopeErrors: parsed.envelopeErrors }));

  const result = await commitChanges(db, parsed.changes, { actor: principal ? actorOf(principal) : 'unknown', source: parsed.source, envelopeErrors: parsed.envelopeErrors });
  if (result.outcome === 'invalid') return NextResponse.json({ errors: result.errors }, { status: 422 });
  if (result.outcome === 'conflict') return NextResponse.json({ conflicts: result.conflicts }, { status: 409 });
  after(() => refreshDashboardForecast());
  return NextResponse.json({
    changeSetId: result.changeSetId,
    applied: result.applied,
    rows: result.rows.map(({ index, entity, id, version }) => ({ index, entity, id, version })),
  });
});

/** GET /api/changes?mine=1&limit=20 → { changeSets } newest first: the undo/redo stack. */
export const GET = withAuth('GET /api/changes', async (request: NextRequest, _context: unknown, principal) => {
  const query = changeSetListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return jsonError(400, 'Bad parameters: mine=1, limit=1…200.', { issues: query.error.issues });
  const actor = query.data.mine === '1' && principal ? actorOf(principal) : null;
  return NextResponse.json({ changeSets: await listChangeSets(await getPrisma(), { actor, limit: query.data.limit }) });
});
