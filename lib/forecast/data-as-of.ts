import type { PrismaClient } from '@/lib/generated/prisma/client';

/** The last change to the forecast's input, in words: what the dashboard was computed from. */
export interface DataChange {
  at: string;
  actor: string;
  /** "ferguson.csv imported", "import batch #7 (ferguson.csv) reverted", "PurchaseOrderLine NVIDIA/PO-1/2 edited". */
  what: string;
}

// What the engine reads: a change to any of these changes the forecast.
const INPUT_ENTITIES = ['Site', 'Item', 'Recipe', 'RecipeLine', 'InventoryBalance', 'Supplier', 'PurchaseOrderLine', 'Target', 'ImportBatch'];

const ENTITY_WORDS: Record<string, string> = {
  Item: 'item',
  Recipe: 'recipe',
  RecipeLine: 'BOM line',
  InventoryBalance: 'inventory',
  PurchaseOrderLine: 'PO line',
  Target: 'target',
  Site: 'site',
  Supplier: 'supplier',
};

/** The newest audited change to the forecast's input, or null before any. */
export async function fetchLastDataChange(prisma: Pick<PrismaClient, '$queryRawUnsafe'>): Promise<DataChange | null> {
  const [e] = await prisma.$queryRawUnsafe<
    { entity: string; entityId: string; action: string; actor: string; createdAt: Date; batchId: number | null; filename: string | null }[]
  >(
    `SELECT e.entity, e."entityId", e.action, e.actor, e."createdAt", b.id AS "batchId", b.filename
       FROM "AuditEvent" e LEFT JOIN "ImportBatch" b ON b.id = e."batchId"
      WHERE e.entity IN (${INPUT_ENTITIES.map((_, i) => `$${i + 1}`).join(', ')})
      ORDER BY e.id DESC LIMIT 1`,
    ...INPUT_ENTITIES,
  );
  if (!e) return null;
  const at = new Date(e.createdAt).toISOString();
  if (e.entity === 'ImportBatch' && e.action === 'revert') return { at, actor: e.actor, what: `import batch #${e.entityId} reverted` };
  if (e.batchId !== null && e.action === 'revert') return { at, actor: e.actor, what: `import batch #${e.batchId} (${e.filename}) reverted` };
  if (e.batchId !== null) return { at, actor: e.actor, what: `${e.filename} imported` };
  return { at, actor: e.actor, what: `${ENTITY_WORDS[e.entity] ?? e.entity} ${e.entityId} ${e.action === 'create' ? 'created' : 'edited'}` };
}
