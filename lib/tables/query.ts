// The list query language every table endpoint speaks, parsed from URL parameters:
// per-column filters named as the API names them, a global search `q`, a sort on up
// to four columns (`sort=promisedDate:asc,qty:desc`), then a page (`limit`, `cursor`)
// or `format=csv`. The grid keeps the same parameters in its URL.
import { z } from 'zod';
import { isoDateField } from '@/lib/validation/fields';
import type { FilterDef, SortKey, TableDef } from './types';

export const LIST_LIMIT_MAX = 1_000;
export const MAX_SORT_KEYS = 4;
/** Rows a grid fetches per request: many screenfuls, small enough to come back at once. */
export const GRID_PAGE_ROWS = 200;

export interface ListQuery {
  /** Filter values by parameter name (`supplier`, `promisedFrom`, `qtyMin`, …), already checked. */
  filters: Record<string, string>;
  q?: string;
  sort: SortKey[];
  format: 'json' | 'csv';
  limit: number;
  /** Rows to skip: the `nextCursor` of the previous page. */
  cursor: number;
}

/** The query parameters one filter owns. */
export function filterParams(f: FilterDef): string[] {
  switch (f.kind) {
    case 'number':
      return [`${f.param}Min`, `${f.param}Max`];
    case 'date':
      return [`${f.param}From`, `${f.param}To`];
    default:
      return [f.param];
  }
}

/** Every parameter a table's query may carry (filters, search and sort; not the page). */
export function stateParams(def: TableDef): string[] {
  return [...def.columns.flatMap((c) => (c.filter ? filterParams(c.filter) : [])), 'q', 'sort'];
}

const SIGNED_DECIMAL_RE = /^-?\d{1,12}(\.\d{1,6})?$/;

/** `sort=a:asc,b:desc` against a table's sortable columns: each once, at most four, direction defaults to ascending. */
export function sortField(sortable: readonly string[]) {
  return z.string().transform((raw, ctx): SortKey[] => {
    const keys: SortKey[] = [];
    for (const part of raw.split(',')) {
      const [field = '', dir = 'asc', extra] = part.trim().split(':');
      if (extra !== undefined || !sortable.includes(field) || (dir !== 'asc' && dir !== 'desc')) {
        ctx.addIssue({ code: 'custom', message: `"${part.trim()}" is not field:asc or field:desc (fields: ${sortable.join(', ')})` });
        return z.NEVER;
      }
      if (keys.some((k) => k.field === field)) {
        ctx.addIssue({ code: 'custom', message: `${field} is sorted by twice` });
        return z.NEVER;
      }
      keys.push({ field, dir });
    }
    if (keys.length > MAX_SORT_KEYS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_SORT_KEYS} sort columns` });
      return z.NEVER;
    }
    return keys;
  });
}

function filterShape(def: TableDef): Record<string, z.ZodType<string | undefined>> {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const col of def.columns) {
    const f = col.filter;
    if (!f) continue;
    if (f.kind === 'text') {
      const text = z.string().trim().min(1).max(100);
      shape[f.param] = (f.upper ? text.toUpperCase() : text).optional();
    } else if (f.kind === 'enum') {
      const options = col.options ?? [];
      shape[f.param] = z
        .string()
        .refine((s) => options.includes(s), { message: `must be one of ${options.join(', ')}` })
        .optional();
    } else if (f.kind === 'number') {
      for (const p of filterParams(f)) shape[p] = z.string().trim().regex(SIGNED_DECIMAL_RE, 'must be a number such as 12 or 12.5').optional();
    } else {
      for (const p of filterParams(f)) shape[p] = isoDateField.optional();
    }
  }
  return shape;
}

/** The zod schema of one table's query; `parseListQuery` is the usual way in. */
export function listQuerySchema(def: TableDef) {
  const sortable = def.columns.filter((c) => c.sortable).map((c) => c.key);
  const ranges = def.columns.flatMap((c) => (c.filter && (c.filter.kind === 'number' || c.filter.kind === 'date') ? [{ kind: c.filter.kind, params: filterParams(c.filter) }] : []));
  return z
    .object({
      ...filterShape(def),
      /** Matches the table's key columns anywhere in the text, any case. */
      q: z.string().trim().min(1).max(100).optional(),
      sort: sortField(sortable).optional(),
      format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
      limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(100),
      cursor: z
        .string()
        .regex(/^\d{1,9}$/, 'must be the nextCursor of a previous page')
        .transform(Number)
        .optional(),
    })
    .superRefine((q, ctx) => {
      const values = q as Record<string, unknown>;
      for (const r of ranges) {
        const [lo, hi] = r.params as [string, string];
        const a = values[lo];
        const b = values[hi];
        if (typeof a !== 'string' || typeof b !== 'string') continue;
        const backwards = r.kind === 'date' ? a > b : Number(a) > Number(b);
        if (backwards) ctx.addIssue({ code: 'custom', message: `${lo} is after ${hi}`, path: [lo] });
      }
    });
}

export type ListQueryResult = { ok: true; query: ListQuery } | { ok: false; issues: z.core.$ZodIssue[] };

// Built once per table definition: building a zod object schema and its first parse (zod compiles a
// fast path for each new object schema) took 1.4 ms of CPU per list request; parsing with it takes 0.03 ms.
const schemas = new WeakMap<TableDef, ReturnType<typeof listQuerySchema>>();

function cachedSchema(def: TableDef): ReturnType<typeof listQuerySchema> {
  let schema = schemas.get(def);
  if (!schema) {
    schema = listQuerySchema(def);
    schemas.set(def, schema);
  }
  return schema;
}

/** A table's query from URL parameters (unknown parameters are ignored, as browsers add their own). */
export function parseListQuery(def: TableDef, params: URLSearchParams): ListQueryResult {
  const parsed = cachedSchema(def).safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  const data = parsed.data as Record<string, unknown> & { q?: string; sort?: SortKey[]; format: 'json' | 'csv'; limit: number; cursor?: number };
  const filters: Record<string, string> = {};
  for (const col of def.columns) {
    if (!col.filter) continue;
    for (const p of filterParams(col.filter)) if (typeof data[p] === 'string') filters[p] = data[p] as string;
  }
  return {
    ok: true,
    query: {
      filters,
      ...(data.q ? { q: data.q } : {}),
      sort: data.sort && data.sort.length > 0 ? data.sort : [...def.defaultSort],
      format: data.format,
      limit: data.limit,
      cursor: data.cursor ?? 0,
    },
  };
}
