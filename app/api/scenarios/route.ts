import { NextResponse, type NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { actorOf } from '@/lib/auth/principal';
import { readJsonBody } from '@/lib/auth/json-body';
import { describeScenarioIssue, scenarioInputSchema, scenarioIssuesOf } from '@/lib/scenarios/scenario-schema';
import { listScenarios, saveScenario } from '@/lib/scenarios/store';

export const dynamic = 'force-dynamic';

// 500 adjustments of a few hundred bytes each, with room to spare.
const MAX_BODY = 256 * 1024;

/** GET /api/scenarios → { scenarios: [{ name, adjustments, planStart, horizonDays, createdBy, createdAt, updatedAt }] }. */
export const GET = withAuth('GET /api/scenarios', async () => {
  return NextResponse.json({ scenarios: await listScenarios(await getPrisma()) });
});

/**
 * POST /api/scenarios { name, adjustments, planStart?, horizonDays? } → 201 { scenario, url }: saves a
 * what-if (any signed-in role: a what-if never changes the data). 422 names each offending adjustment
 * by its index and field; 409 when the name is taken.
 */
export const POST = withAuth('POST /api/scenarios', async (request: NextRequest, _context: unknown, principal) => {
  const read = await readJsonBody(request, { maxBytes: MAX_BODY, notJson: 'Send a JSON object: { "name": "…", "adjustments": [ … ] }.' });
  if (!read.ok) return read.response;
  const body = read.value;
  const parsed = scenarioInputSchema.safeParse(body);
  if (!parsed.success) {
    const issues = scenarioIssuesOf(parsed.error);
    return jsonError(422, `Invalid scenario: ${issues.map(describeScenarioIssue).join('; ')}`, { issues });
  }
  const saved = await saveScenario(await getPrisma(), parsed.data, principal ? actorOf(principal) : 'unknown', { replace: false });
  if (saved.outcome === 'exists') return jsonError(409, `A scenario named "${saved.name}" exists already. Pick another name, or delete it first.`);
  if (saved.outcome === 'invalid') {
    return jsonError(422, `Invalid scenario: ${saved.issues.map(describeScenarioIssue).join('; ')}`, { issues: saved.issues });
  }
  return NextResponse.json({ scenario: saved.scenario, url: `/dashboard?scenario=${encodeURIComponent(saved.scenario.name)}` }, { status: 201 });
});
