import { z } from 'zod';
import { PO_STATUSES } from './purchase-order-line';

export const PO_LINE_LIST_MAX = 1_000;

/** `GET /api/purchase-order-lines` parameters: filters, then a page (`limit`, and the `cursor` a previous page returned). */
export const poLineListQuerySchema = z.object({
  supplier: z.string().trim().toUpperCase().min(1).max(64).optional(),
  poNumber: z.string().trim().min(1).max(64).optional(),
  status: z.enum(PO_STATUSES).optional(),
  sku: z.string().trim().min(1).max(64).optional(),
  /** Matches supplier, PO number or SKU, anywhere in the text, any case. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(PO_LINE_LIST_MAX).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'must be the nextCursor of a previous page')
    .transform(Number)
    .optional(),
});
export type PoLineListQuery = z.output<typeof poLineListQuerySchema>;
