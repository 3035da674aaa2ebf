import { z } from 'zod';
import { countField, optionalCountField, positiveDecimalField, skuField } from './fields';
import { defineImportSpec } from './import-spec';

export const recipeSchema = z.object({
  outputSku: skuField,
  outputQty: positiveDecimalField,
  leadTimeDays: countField({ min: 0 }),
  /** null = no weekly limit on builds started. */
  maxStartsPerWeek: optionalCountField({ min: 1, fallback: null }),
});
export type RecipeInput = z.input<typeof recipeSchema>;
export type Recipe = z.output<typeof recipeSchema>;

export const recipeImport = defineImportSpec({
  schema: recipeSchema,
  fields: {
    output_sku: 'outputSku',
    output_qty: 'outputQty',
    lead_time_days: 'leadTimeDays',
    max_starts_per_week: 'maxStartsPerWeek',
  },
  optional: ['max_starts_per_week'],
  key: ['output_sku'],
});
