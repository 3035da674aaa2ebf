import { z } from 'zod';
import './browser-zod';

/** The entities a change set can write (CONTRACT: camelCase names, stable). */
export const CHANGE_ENTITIES = ['purchaseOrderLine', 'purchaseOrder', 'item', 'supplier', 'inventoryBalance', 'recipe', 'recipeLine'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

export const CHANGE_OPS = ['update', 'create', 'delete', 'receive'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** Where a person's change set came from (undo, redo, import and revert are recorded by the server itself). */
export const CHANGE_SOURCES = ['edit', 'bulk', 'paste', 'form'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

export const MAX_CHANGES_PER_REQUEST = 20_000;

const rowId = z.number().int().min(1).max(2_147_483_647);
// Field values are checked field by field later (lib/changes/entities.ts), so that each error names its row and field.
const fieldValue = z.union([z.string().max(1_000), z.number(), z.null()]);

/**
 * One change as sent: the envelope only. Unknown entities and ops, a missing id or version
 * for a row that exists, are refused here; the values in `set` are validated per field.
 */
export const changeSchema = z
  .object({
    entity: z.enum(CHANGE_ENTITIES),
    op: z.enum(CHANGE_OPS).default('update'),
    id: rowId.optional(),
    version: rowId.optional(),
    set: z.record(z.string().max(64), fieldValue).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.op === 'create') {
      if (c.id !== undefined || c.version !== undefined) ctx.addIssue({ code: 'custom', path: ['id'], message: 'a create names no id or version' });
      if (!c.set) ctx.addIssue({ code: 'custom', path: ['set'], message: 'required' });
      return;
    }
    if (c.id === undefined) ctx.addIssue({ code: 'custom', path: ['id'], message: 'required' });
    if (c.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'required (the version you read)' });
    if (c.op === 'update' && (!c.set || Object.keys(c.set).length === 0)) ctx.addIssue({ code: 'custom', path: ['set'], message: 'set at least one field' });
    if (c.op === 'receive' && c.entity !== 'purchaseOrderLine') ctx.addIssue({ code: 'custom', path: ['op'], message: 'only a PO line can be received' });
  });
export type ChangeInput = z.input<typeof changeSchema>;
export type Change = z.output<typeof changeSchema>;

export const changeRequestSchema = z
  .object({
    changes: z.array(z.unknown()).min(1, 'send at least one change').max(MAX_CHANGES_PER_REQUEST, `at most ${MAX_CHANGES_PER_REQUEST} changes per request`),
    dryRun: z.boolean().optional(),
    source: z.enum(CHANGE_SOURCES).default('edit'),
  })
  .strict();

/** A row id from a route segment ("17"), or null (answer 404). */
export function parseRowId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

/** GET /api/changes: `mine=1` for the caller's own change sets, newest first, at most `limit` (default 20, up to 200). */
export const changeSetListQuerySchema = z.object({
  mine: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** GET /api/history: any row's history by entity and id. */
export const historyQuerySchema = z.object({
  entity: z.enum(CHANGE_ENTITIES, { error: `must be one of: ${CHANGE_ENTITIES.join(', ')}` }),
  id: z.string().transform((s, ctx) => {
    const n = parseRowId(s);
    if (n === null) ctx.addIssue({ code: 'custom', message: 'must be a row id' });
    return n ?? 0;
  }),
});
