import { z } from 'zod';
import { isoDateField } from '@/lib/validation/fields';

export const DEFAULT_HORIZON_DAYS = 365;
export const MAX_HORIZON_DAYS = 1_461;

/** What a forecast document can add when asked (`include=`), in a fixed order. */
export const FORECAST_INCLUDES = ['pegging', 'lineValues'] as const;
export type ForecastInclude = (typeof FORECAST_INCLUDES)[number];

/** Forecast parameters as the CLI flags and the API's query string spell them. */
export const forecastParamsSchema = z.object({
  planStart: isoDateField.optional(),
  horizonDays: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(MAX_HORIZON_DAYS, `must be at most ${MAX_HORIZON_DAYS}`)
    .optional(),
  scenario: z.string().trim().min(1).max(100).optional(),
  /** 'proven' (default): the optimum or the best within the proven work budget; 'quick': bounded work, for what-ifs. */
  tier: z.enum(['quick', 'proven'], { error: 'must be quick or proven' }).optional(),
  /**
   * The expedite plans per missed target: 'verified' (the proven tier's default), 'estimate' (the quick tier's),
   * or 'none' — the dashboard's what-ifs draw the ramp and its deltas only, and skip the plans' cost.
   */
  shortages: z.enum(['verified', 'estimate', 'none'], { error: 'must be verified, estimate or none' }).optional(),
  /**
   * A comma list: 'pegging' adds every build batch with the supplies it consumed (large; otherwise a
   * summary); 'lineValues' (the CLI spells it line-values) adds what each open PO line is worth.
   */
  include: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0).map((x) => (x === 'line-values' ? 'lineValues' : x)))
    .pipe(z.array(z.enum(FORECAST_INCLUDES, { error: 'can only be pegging or lineValues (a comma list)' })))
    .transform((list) => FORECAST_INCLUDES.filter((x) => list.includes(x)))
    .optional(),
});

export type ForecastParams = z.infer<typeof forecastParamsSchema>;

/** Where a parameter came from in messages: `--plan-start` for the CLI, `planStart` for the API. */
export function describeParamIssues(error: z.ZodError, nameOf: (field: string) => string): string {
  return error.issues.map((i) => `${nameOf(String(i.path[0] ?? 'parameters'))}: ${i.message}`).join('; ');
}

/** Today's calendar date where the server runs: the default plan start. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
