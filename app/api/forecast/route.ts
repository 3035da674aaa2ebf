import { NextResponse, type NextRequest } from 'next/server';
import { ModelValidationError } from '@/lib/capacity';
import { getDatabase } from '@/lib/db/client';
import { EngineBusyError } from '@/lib/engine/pool';
import { cachedForecast, isComputing, storedForecast } from '@/lib/forecast/cache';
import { describeParamIssues, forecastParamsSchema } from '@/lib/forecast/params';
import { fetchDataVersion, recordAlias, storedForRequest } from '@/lib/forecast/data-version';
import { modelRowsAt } from '@/lib/forecast/model-rows-at';
import { phaseTimer } from '@/lib/forecast/server-timing';
import { buildForecastInput, provenInput, provenRequest, resolveForecastRequest, UnknownScenarioError } from '@/lib/forecast/run-forecast';
import { parseForecastFormat, seriesCsv } from '@/lib/forecast/series-csv';
import { draftRequest, parseDraftParam } from '@/lib/scenarios/draft-input';
import { describeScenarioIssue, parseAdjustments } from '@/lib/scenarios/scenario-schema';
import type { Forecast } from '@/lib/capacity';
import { jsonError, withAuth } from '@/lib/auth/guard';
import { rateLimits } from '@/lib/auth/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * GET /api/forecast?planStart=YYYY-MM-DD&horizonDays=N&scenario=NAME&tier=quick|proven&include=pegging — the same
 * JSON as `clearbuild forecast --json`: the proven tier unless `tier=quick`, pegging only when asked for.
 * `format=csv` answers the daily series as CSV instead (lib/forecast/series-csv.ts). `adjustments=<JSON array>`
 * (instead of `scenario`) forecasts a what-if not saved yet: the dashboard's draft, in the shared scenario schema.
 * The engine runs in worker threads (lib/engine): a stored forecast, or one already being computed, is served
 * as it is; a new one counts against the caller's per-minute computation limit (429), and a full engine queue
 * answers 503. Either way the server keeps answering everything else. A `tier=quick` answer starts the proven
 * forecast of the same input in the background; once stored, quick requests get it instead.
 */
export const GET = withAuth('GET /api/forecast', async (request: NextRequest, _context: unknown, principal) => {
  const q = request.nextUrl.searchParams;
  const parsed = forecastParamsSchema.safeParse({
    planStart: q.get('planStart') ?? q.get('plan-start') ?? undefined,
    horizonDays: q.get('horizonDays') ?? q.get('horizon-days') ?? undefined,
    scenario: q.get('scenario') ?? undefined,
    tier: q.get('tier') ?? undefined,
    include: q.get('include') ?? undefined,
    shortages: q.get('shortages') ?? undefined,
  });
  if (!parsed.success) {
    return NextResponse.json({ error: describeParamIssues(parsed.error, (f) => f), issues: parsed.error.issues }, { status: 400 });
  }
  const format = parseForecastFormat(q.get('format'));
  if (format === null) return jsonError(400, 'format: must be json or csv');
  const draft = parseDraftParam(q.get('adjustments'));
  if (draft && !draft.ok) return jsonError(400, draft.message);
  if (draft && parsed.data.scenario) return jsonError(400, 'adjustments: give either scenario or adjustments, not both');
  const adjustments = draft ? parseAdjustments(draft.json) : null;
  if (adjustments && !adjustments.ok) {
    return jsonError(422, `Invalid what-if: ${adjustments.issues.map(describeScenarioIssue).join('; ')}`, { issues: adjustments.issues });
  }
  const timer = phaseTimer();
  const answer = (forecast: Forecast) => {
    const res =
      format === 'csv'
        ? new NextResponse(seriesCsv(forecast), {
            headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="forecast-${forecast.planStart}.csv"` },
          })
        : NextResponse.json(forecast);
    timer.end('serialize');
    res.headers.set('Server-Timing', timer.header());
    return res;
  };
  try {
    const db = await getDatabase();
    // The data's version first, then the request: a stored answer is found by them without reading the model.
    const version = await fetchDataVersion(db);
    timer.end('version');
    const { request, scenario } = adjustments
      ? { request: draftRequest(parsed.data, adjustments.adjustments), scenario: null }
      : await resolveForecastRequest(db.prisma, parsed.data);
    // A quick request is answered by the proven forecast once it exists: the same input, a better answer.
    const provenReq = request.options.tier === 'quick' ? provenRequest(request) : null;
    const known = (provenReq && (await storedForRequest(db, version, provenReq))) || (await storedForRequest(db, version, request));
    timer.end('lookup');
    if (known) return answer(known.forecast);
    // A what-if reads no rows when the same data was read for another request (lib/forecast/model-rows-at.ts).
    const input = await buildForecastInput(db.prisma, request, scenario, modelRowsAt(db, version));
    timer.end('model');
    const proven = provenReq ? provenInput(input) : null;
    await recordAlias(db, version, input.request, input.key);
    if (proven) await recordAlias(db, version, proven.request, proven.key);
    const stored = (proven && (await storedForecast(db, proven.key))) || (await storedForecast(db, input.key));
    timer.end('stored');
    if (stored) return answer(stored.forecast);
    if (!isComputing(db, input.key) && principal?.kind === 'user') {
      const limit = await rateLimits(db.prisma).forecastComputations.hit(`user:${principal.userId}`);
      if (!limit.allowed) {
        const res = jsonError(429, 'Too many new forecasts to compute. Try again shortly, or ask for one already computed.');
        res.headers.set('Retry-After', String(limit.retryAfterSeconds));
        return res;
      }
    }
    timer.end('limit');
    // A quick answer (a what-if a person waits for) is sent as soon as it is computed; it is stored meanwhile.
    const forecast = await cachedForecast(db, input.model, input.options, input.key, undefined, proven ? 'answer-first' : 'stored-first');
    timer.end('engine');
    // The proof continues in a worker, behind anything a person waits for, and lands in the shared cache; a full
    // queue only means it waits for another ask.
    if (proven) void cachedForecast(db, proven.model, proven.options, proven.key, 'background').catch(() => undefined);
    return answer(forecast);
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
