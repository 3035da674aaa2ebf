import { z } from 'zod';
import { decimalField, isoDateField } from './fields';
import { PO_STATUSES } from './purchase-order-line';

/** PATCH /api/purchase-order-lines/<id>: an edit names the version it was read at; a stale version conflicts. */
export const poLineEditSchema = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    promisedDate: isoDateField.optional(),
    qty: decimalField.optional(),
    status: z.enum(PO_STATUSES).optional(),
  })
  .strict()
  .refine((e) => e.promisedDate !== undefined || e.qty !== undefined || e.status !== undefined, 'change at least one of promisedDate, qty, status');
export type PoLineEdit = z.output<typeof poLineEditSchema>;
