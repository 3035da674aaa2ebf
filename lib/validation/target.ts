import { z } from 'zod';
import { countField, isoDateField } from './fields';
import { defineImportSpec } from './import-spec';

export const targetSchema = z.object({
  date: isoDateField,
  gpusOnline: countField({ min: 0 }),
});
export type TargetInput = z.input<typeof targetSchema>;
export type Target = z.output<typeof targetSchema>;

export const targetImport = defineImportSpec({
  schema: targetSchema,
  fields: { date: 'date', gpus_online: 'gpusOnline' },
  key: ['date'],
});
