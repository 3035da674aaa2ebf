import { z } from 'zod';
import { isoDateField } from './fields';
import { PO_STATUSES } from './purchase-order-line';

export const PO_LINE_LIST_MAX = 1_000;

/** The columns a PO-line list can be sorted by, as the API names them. */
export const PO_LINE_SORT_FIELDS = ['supplier', 'poNumber', 'lineNo', 'sku', 'qty', 'promisedDate', 'status'] as const;
export type PoLineSortField = (typeof PO_LINE_SORT_FIELDS)[number];
export interface PoLineSortKey {
  field: PoLineSortField;
  dir: 'asc' | 'desc';
}

const MAX_SORT_KEYS = 4;

/** `sort=promisedDate:asc,qty:desc`: up to four columns, each once; the direction defaults to ascending. */
export const poLineSortField = z.string().transform((raw, ctx): PoLineSortKey[] => {
  const keys: PoLineSortKey[] = [];
  for (const part of raw.split(',')) {
    const [field, dir = 'asc', extra] = part.trim().split(':');
    if (extra !== undefined || !(PO_LINE_SORT_FIELDS as readonly string[]).includes(field ?? '') || (dir !== 'asc' && dir !== 'desc')) {
      ctx.addIssue({ code: 'custom', message: `"${part.trim()}" is not field:asc or field:desc (fields: ${PO_LINE_SORT_FIELDS.join(', ')})` });
      return z.NEVER;
    }
    if (keys.some((k) => k.field === field)) {
      ctx.addIssue({ code: 'custom', message: `${field} is sorted by twice` });
      return z.NEVER;
    }
    keys.push({ field: field as PoLineSortField, dir });
  }
  if (keys.length > MAX_SORT_KEYS) {
    ctx.addIssue({ code: 'custom', message: `at most ${MAX_SORT_KEYS} sort columns` });
    return z.NEVER;
  }
  return keys;
});

/** `GET /api/purchase-order-lines` parameters: filters, a sort, then a page (`limit`, and the `cursor` a previous page returned) or `format=csv`. */
export const poLineListQuerySchema = z
  .object({
    supplier: z.string().trim().toUpperCase().min(1).max(64).optional(),
    poNumber: z.string().trim().min(1).max(64).optional(),
    status: z.enum(PO_STATUSES).optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    /** Matches supplier, PO number or SKU, anywhere in the text, any case. */
    q: z.string().trim().min(1).max(100).optional(),
    /** Promised on or after / on or before (YYYY-MM-DD). */
    promisedFrom: isoDateField.optional(),
    promisedTo: isoDateField.optional(),
    sort: poLineSortField.optional(),
    format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
    limit: z.coerce.number().int().min(1).max(PO_LINE_LIST_MAX).default(100),
    cursor: z
      .string()
      .regex(/^\d{1,9}$/, 'must be the nextCursor of a previous page')
      .transform(Number)
      .optional(),
  })
  .refine((q) => !q.promisedFrom || !q.promisedTo || q.promisedFrom <= q.promisedTo, { message: 'promisedFrom is after promisedTo', path: ['promisedFrom'] });
export type PoLineListQuery = z.output<typeof poLineListQuerySchema>;
