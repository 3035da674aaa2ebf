import { z } from 'zod';
import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';
import { countField, decimalField, isoDateField, positiveDecimalField, skuField, supplierCodeField, textField } from '@/lib/validation/fields';
import { MAX_HORIZON_DAYS } from '@/lib/forecast/params';

/**
 * One schema for a what-if, shared by `POST /api/scenarios`, the dashboard's
 * builder and `clearbuild scenario save`: the shape of each adjustment (kinds as in
 * the README). Whether the lines, suppliers and recipes it names exist is checked
 * against the data afterwards (lib/scenarios/check-scenario.ts).
 */

// JSON numbers are accepted where a decimal is expected ("factor": 0.5) and kept as the text they were written as.
const decimalInput = z.preprocess((v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v), decimalField);
const positiveDecimalInput = z.preprocess((v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v), positiveDecimalField);

/** A delay or pull-in in days: negative pulls in. Ten years either way is more than any horizon. */
const days = z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(-3_650).max(3_650);

const line = {
  supplier: supplierCodeField,
  poNumber: textField({ max: 64 }),
  lineNo: countField({ min: 1 }),
};

export const adjustmentSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('delaySupplier'), supplier: supplierCodeField, days }),
    z.object({ kind: z.literal('delayLine'), ...line, days }),
    z.object({ kind: z.literal('scaleLine'), ...line, factor: decimalInput }),
    z.object({ kind: z.literal('cancelLine'), ...line }),
    z.object({ kind: z.literal('addLine'), ...line, sku: skuField, qty: positiveDecimalInput, promisedDate: isoDateField }),
    z.object({ kind: z.literal('setLeadTime'), outputSku: skuField, leadTimeDays: countField({ min: 0 }) }),
    z.object({ kind: z.literal('setWeeklyLimit'), outputSku: skuField, maxStartsPerWeek: countField({ min: 0 }).nullable() }),
    z.object({ kind: z.literal('setStock'), sku: skuField, location: textField({ max: 64 }), onHand: decimalInput }),
    z.object({ kind: z.literal('acceptSupplierStock'), supplier: supplierCodeField }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `kind must be one of delaySupplier, delayLine, scaleLine, cancelLine, addLine, setLeadTime, setWeeklyLimit, setStock, acceptSupplierStock`
        : undefined,
  },
);

export const ADJUSTMENT_KINDS = adjustmentSchema.options.map((o) => o.shape.kind.value);
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const MAX_ADJUSTMENTS = 500;

export const adjustmentListSchema = z
  .array(adjustmentSchema, { error: 'must be a JSON array of adjustments' })
  .max(MAX_ADJUSTMENTS, `at most ${MAX_ADJUSTMENTS} adjustments`);

/** A scenario's name: what its URL (`/dashboard?scenario=NAME`) and `--scenario NAME` carry. */
export const scenarioNameField = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\u0000-\u001f\u007f/\\]+$/, 'must not contain control characters or slashes');

export const scenarioInputSchema = z.object({
  name: scenarioNameField,
  adjustments: adjustmentListSchema,
  planStart: isoDateField.optional(),
  horizonDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(MAX_HORIZON_DAYS, `must be at most ${MAX_HORIZON_DAYS}`)
    .optional(),
});

export type ScenarioInput = z.output<typeof scenarioInputSchema>;

/** One problem with a scenario, by the place it is in: `adjustments[2].days`, `name`. */
export interface ScenarioIssue {
  /** The adjustment's index (0-based, as in the JSON array) when the problem is in one. */
  index?: number;
  field: string;
  message: string;
}

/** zod's issues as index + field + message: "adjustment #3 (index 2) days: must be a whole number of days". */
export function scenarioIssuesOf(error: z.ZodError, base: (string | number)[] = []): ScenarioIssue[] {
  return error.issues.map((i) => {
    const path = [...base, ...i.path];
    if (path[0] === 'adjustments' && typeof path[1] === 'number') {
      return { index: path[1], field: path.slice(2).map(String).join('.') || 'kind', message: i.message };
    }
    return { field: path.map(String).join('.') || 'scenario', message: i.message };
  });
}

export function describeScenarioIssue(i: ScenarioIssue): string {
  return i.index === undefined ? `${i.field}: ${i.message}` : `adjustments[${i.index}].${i.field}: ${i.message}`;
}

/** Parses a list of adjustments alone (the CLI's file, a draft in the URL). */
export function parseAdjustments(json: unknown): { ok: true; adjustments: StoredAdjustment[] } | { ok: false; issues: ScenarioIssue[] } {
  const parsed = adjustmentListSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: scenarioIssuesOf(parsed.error, ['adjustments']) };
  return { ok: true, adjustments: parsed.data as StoredAdjustment[] };
}
