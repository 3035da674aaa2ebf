import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Reads the capacity engine's input from the database in a handful of flat
 * queries. Decimals travel as text (::text) so no quantity ever passes through
 * a float; dates as YYYY-MM-DD text for the same reason with time zones.
 */
export async function loadModelRows(prisma: PrismaClient) {
  const [items, recipes, components, inventory, poLines, targets] = await Promise.all([
    prisma.$queryRaw<{ sku: string; name: string; category: string; unit: string; site: string | null; gpus: number }[]>`
      SELECT i.sku, i.name, i.category::text AS category, i.unit, s.code AS site, i."gpusOnlinePerUnit" AS gpus
      FROM "Item" i LEFT JOIN "Site" s ON s.id = i."siteId" ORDER BY i.sku`,
    prisma.$queryRaw<{ id: number; sku: string; qty: string; lead: number; max: number | null }[]>`
      SELECT r.id, i.sku, r."outputQty"::text AS qty, r."leadTimeDays" AS lead, r."maxStartsPerWeek" AS max
      FROM "Recipe" r JOIN "Item" i ON i.id = r."outputItemId" ORDER BY i.sku`,
    prisma.$queryRaw<{ recipeId: number; sku: string; qty: string }[]>`
      SELECT l."recipeId", i.sku, l."qtyPerBuild"::text AS qty
      FROM "RecipeLine" l JOIN "Item" i ON i.id = l."componentItemId" ORDER BY l."recipeId", i.sku`,
    prisma.$queryRaw<{ sku: string; location: string; onHand: string }[]>`
      SELECT i.sku, b.location, b."onHand"::text AS "onHand"
      FROM "InventoryBalance" b JOIN "Item" i ON i.id = b."itemId" ORDER BY i.sku, b.location`,
    prisma.$queryRaw<{ supplier: string; poNumber: string; lineNo: number; sku: string; qty: string; promisedDate: string; status: string }[]>`
      SELECT s.code AS supplier, p."poNumber", l."lineNo", i.sku, l.qty::text AS qty,
             to_char(l."promisedDate", 'YYYY-MM-DD') AS "promisedDate", l.status::text AS status
      FROM "PurchaseOrderLine" l
      JOIN "PurchaseOrder" p ON p.id = l."purchaseOrderId"
      JOIN "Supplier" s ON s.id = p."supplierId"
      JOIN "Item" i ON i.id = l."itemId"
      WHERE l.status = 'open'
      ORDER BY s.code, p."poNumber", l."lineNo"`,
    prisma.$queryRaw<{ date: string; gpusOnline: number }[]>`
      SELECT to_char(date, 'YYYY-MM-DD') AS date, "gpusOnline" FROM "Target" ORDER BY date`,
  ]);
  return { items, recipes, components, inventory, poLines, targets };
}

export type ModelRows = Awaited<ReturnType<typeof loadModelRows>>;
