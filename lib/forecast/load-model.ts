import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The engine's input as six flat queries. Decimals travel as text (::text) so no
 * quantity ever passes through a float; dates as YYYY-MM-DD text for the same
 * reason with time zones. Plain SQL strings (no parameters) so the benchmark can
 * time exactly these statements on a bare driver.
 */
export const MODEL_QUERIES = {
  items: `SELECT i.sku, i.name, i.category::text AS category, i.unit, s.code AS site, i."gpusOnlinePerUnit" AS gpus
    FROM "Item" i LEFT JOIN "Site" s ON s.id = i."siteId" ORDER BY i.sku`,
  recipes: `SELECT r.id, i.sku, r."outputQty"::text AS qty, r."leadTimeDays" AS lead, r."maxStartsPerWeek" AS max
    FROM "Recipe" r JOIN "Item" i ON i.id = r."outputItemId" ORDER BY i.sku`,
  components: `SELECT l."recipeId", i.sku, l."qtyPerBuild"::text AS qty
    FROM "RecipeLine" l JOIN "Item" i ON i.id = l."componentItemId" ORDER BY l."recipeId", i.sku`,
  inventory: `SELECT i.sku, b.location, b."onHand"::text AS "onHand"
    FROM "InventoryBalance" b JOIN "Item" i ON i.id = b."itemId" ORDER BY i.sku, b.location`,
  // Received and cancelled lines add nothing to supply (DESIGN.md): never load them.
  poLines: `SELECT s.code AS supplier, p."poNumber", l."lineNo", i.sku, l.qty::text AS qty,
      to_char(l."promisedDate", 'YYYY-MM-DD') AS "promisedDate", l.status::text AS status
    FROM "PurchaseOrderLine" l
    JOIN "PurchaseOrder" p ON p.id = l."purchaseOrderId"
    JOIN "Supplier" s ON s.id = p."supplierId"
    JOIN "Item" i ON i.id = l."itemId"
    WHERE l.status = 'open'
    ORDER BY s.code, p."poNumber", l."lineNo"`,
  targets: `SELECT to_char(date, 'YYYY-MM-DD') AS date, "gpusOnline" FROM "Target" ORDER BY date`,
} as const;

export interface ModelRows {
  items: { sku: string; name: string; category: string; unit: string; site: string | null; gpus: number }[];
  recipes: { id: number; sku: string; qty: string; lead: number; max: number | null }[];
  components: { recipeId: number; sku: string; qty: string }[];
  inventory: { sku: string; location: string; onHand: string }[];
  poLines: { supplier: string; poNumber: string; lineNo: number; sku: string; qty: string; promisedDate: string; status: string }[];
  targets: { date: string; gpusOnline: number }[];
}

export async function loadModelRows(prisma: PrismaClient): Promise<ModelRows> {
  const q = <T>(sql: string) => prisma.$queryRawUnsafe<T[]>(sql);
  const [items, recipes, components, inventory, poLines, targets] = await Promise.all([
    q<ModelRows['items'][number]>(MODEL_QUERIES.items),
    q<ModelRows['recipes'][number]>(MODEL_QUERIES.recipes),
    q<ModelRows['components'][number]>(MODEL_QUERIES.components),
    q<ModelRows['inventory'][number]>(MODEL_QUERIES.inventory),
    q<ModelRows['poLines'][number]>(MODEL_QUERIES.poLines),
    q<ModelRows['targets'][number]>(MODEL_QUERIES.targets),
  ]);
  return { items, recipes, components, inventory, poLines, targets };
}
