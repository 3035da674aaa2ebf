import { z } from 'zod';
import { supplierCodeField, textField } from './fields';

/** A supplier as people create and rename it (imports create one from an unknown code, named by the code). */
export const supplierSchema = z.object({
  code: supplierCodeField,
  name: textField({ max: 200 }),
});
export type Supplier = z.output<typeof supplierSchema>;
