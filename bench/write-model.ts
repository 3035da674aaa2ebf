import type pg from 'pg';
import type { CapacityModel } from '@/lib/capacity';

/**
 * Writes a synthetic capacity model into a migrated, empty ClearBuild database
 * with set-based INSERT … SELECT FROM unnest(…) statements, so 200,000 PO lines
 * load in seconds. Quantities go in as text and are cast to numeric by PostgreSQL.
 */
export async function writeModel(client: pg.Client, model: CapacityModel): Promise<void> {
  await client.query('BEGIN');
  try {
    const sites = [...new Set(model.items.map((i) => i.site).filter((s): s is string => !!s))];
    await client.query(`INSERT INTO "Site"(code, name) SELECT c, c FROM unnest($1::text[]) c`, [sites]);
    await client.query(
      `INSERT INTO "Item"(sku, name, category, unit, "siteId", "gpusOnlinePerUnit", "updatedAt")
       SELECT x.sku, x.name, x.category::"ItemCategory", x.unit, s.id, x.gpus, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS x(sku, name, category, unit, site, gpus)
       LEFT JOIN "Site" s ON s.code = x.site`,
      [
        model.items.map((i) => i.sku),
        model.items.map((i) => i.name ?? i.sku),
        model.items.map((i) => i.category),
        model.items.map((i) => i.unit),
        model.items.map((i) => i.site),
        model.items.map((i) => i.gpusOnlinePerUnit),
      ],
    );
    await client.query(
      `INSERT INTO "Recipe"("outputItemId", "outputQty", "leadTimeDays", "maxStartsPerWeek", "updatedAt")
       SELECT i.id, x.qty::numeric, x.lead, x.max, now()
       FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS x(sku, qty, lead, max) JOIN "Item" i ON i.sku = x.sku`,
      [
        model.recipes.map((r) => r.outputSku),
        model.recipes.map((r) => r.outputQty),
        model.recipes.map((r) => r.leadTimeDays),
        model.recipes.map((r) => r.maxStartsPerWeek),
      ],
    );
    const lines = model.recipes.flatMap((r) => r.components.map((c) => [r.outputSku, c.sku, c.qtyPerBuild] as const));
    await client.query(
      `INSERT INTO "RecipeLine"("recipeId", "componentItemId", "qtyPerBuild")
       SELECT r.id, c.id, x.qty::numeric
       FROM unnest($1::text[], $2::text[], $3::text[]) AS x(out, comp, qty)
       JOIN "Item" o ON o.sku = x.out JOIN "Recipe" r ON r."outputItemId" = o.id JOIN "Item" c ON c.sku = x.comp`,
      [lines.map((l) => l[0]), lines.map((l) => l[1]), lines.map((l) => l[2])],
    );
    await client.query(
      `INSERT INTO "InventoryBalance"("itemId", location, "onHand", "updatedAt")
       SELECT i.id, x.loc, x.qty::numeric, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(sku, loc, qty) JOIN "Item" i ON i.sku = x.sku`,
      [model.inventory.map((b) => b.sku), model.inventory.map((b) => b.location), model.inventory.map((b) => b.onHand)],
    );
    const suppliers = [...new Set(model.poLines.map((l) => l.supplier))];
    await client.query(`INSERT INTO "Supplier"(code, name) SELECT c, c FROM unnest($1::text[]) c`, [suppliers]);
    const pos = [...new Set(model.poLines.map((l) => `${l.supplier}\u0000${l.poNumber}`))].map((k) => k.split('\u0000'));
    await client.query(
      `INSERT INTO "PurchaseOrder"("supplierId", "poNumber")
       SELECT s.id, x.po FROM unnest($1::text[], $2::text[]) AS x(sup, po) JOIN "Supplier" s ON s.code = x.sup`,
      [pos.map((p) => p[0]), pos.map((p) => p[1])],
    );
    for (let i = 0; i < model.poLines.length; i += 50_000) {
      const chunk = model.poLines.slice(i, i + 50_000);
      await client.query(
        `INSERT INTO "PurchaseOrderLine"("purchaseOrderId", "lineNo", "itemId", qty, "promisedDate", status, "updatedAt")
         SELECT p.id, x.line, it.id, x.qty::numeric, x.due::date, x.status::"PoLineStatus", now()
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(sup, po, line, sku, qty, due, status)
         JOIN "Supplier" s ON s.code = x.sup JOIN "PurchaseOrder" p ON p."supplierId" = s.id AND p."poNumber" = x.po
         JOIN "Item" it ON it.sku = x.sku`,
        [
          chunk.map((l) => l.supplier),
          chunk.map((l) => l.poNumber),
          chunk.map((l) => l.lineNo),
          chunk.map((l) => l.sku),
          chunk.map((l) => l.qty),
          chunk.map((l) => l.promisedDate),
          chunk.map((l) => l.status),
        ],
      );
    }
    await client.query(
      `INSERT INTO "Target"(date, "gpusOnline") SELECT d::date, g FROM unnest($1::text[], $2::int[]) AS x(d, g)`,
      [model.targets.map((t) => t.date), model.targets.map((t) => t.gpusOnline)],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
