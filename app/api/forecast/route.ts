import { NextResponse, type NextRequest } from 'next/server';
import { ModelValidationError } from '@/lib/capacity';
import { getDatabase } from '@/lib/db/client';
import { describeParamIssues, forecastParamsSchema } from '@/lib/forecast/params';
import { runForecast, UnknownScenarioError } from '@/lib/forecast/run-forecast';
import { withAuth } from '@/lib/auth/guard';
import { EngineBusyError } from '@/lib/engine/pool';

export const dynamic = 'force-dynamic';

/** GET /api/forecast?planStart=YYYY-MM-DD&horizonDays=N&scenario=NAME — the same JSON as `clearbuild forecast --json`. */
export const GET = withAuth('GET /api/forecast', async (request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const parsed = forecastParamsSchema.safeParse({
    planStart: q.get('planStart') ?? q.get('plan-start') ?? undefined,
    horizonDays: q.get('horizonDays') ?? q.get('horizon-days') ?? undefined,
    scenario: q.get('scenario') ?? undefined,
  });
  if (!parsed.success) {
    return NextResponse.json({ error: describeParamIssues(parsed.error, (f) => f), issues: parsed.error.issues }, { status: 400 });
  }
  try {
    const { forecast } = await runForecast(await getDatabase(), parsed.data);
    return NextResponse.json(forecast);
  } catch (err) {
    if (err instanceof EngineBusyError) {
      return NextResponse.json({ error: err.message }, { status: 503, headers: { 'Retry-After': String(err.retryAfterSeconds) } });
    }
    if (err instanceof UnknownScenarioError) return NextResponse.json({ error: err.message }, { status: 404 });
    if (err instanceof ModelValidationError) {
      return NextResponse.json({ error: err.message, problems: err.problems }, { status: 422 });
    }
    console.error('GET /api/forecast failed', err);
    return NextResponse.json({ error: 'internal error' }, { status: 500 });
  }
});
