// Where each table's rows come from in SQL: the FROM clause and, per column, the
// expression it selects, sorts and filters by. Pure strings (lib/tables/sql.ts turns a
// query into one parameterised statement), so the benchmark runs the very same SQL
// with `pg` directly. The parents are LEFT JOINs on their primary keys: the foreign
// keys make them equal to inner joins, and PostgreSQL drops an unused one from the count.
import { LINE_SLIP_DAYS_SQL } from '@/lib/purchase-orders/supplier-performance';
import type { TableName } from './types';

export interface ColumnSource {
  /** The value as the row shows it (decimals as trimmed text, dates as YYYY-MM-DD). */
  select: string;
  /** The expression sorted and filtered on, when not `select` (the raw column keeps its index usable). */
  raw?: string;
  /** An enum filter's value is cast to this type, so an index on the enum column serves it. */
  enumType?: string;
  /** Blanks sort after every value in both directions (PostgreSQL puts them first when descending). */
  nullsLast?: boolean;
}

export interface TableSource {
  from: string;
  id: string;
  columns: Record<string, ColumnSource>;
  /** The global search `q` as a condition on the placeholder it is given (an ILIKE pattern). */
  search: (pattern: string) => string;
}

/** Any of these expressions contains the pattern. */
const anyOf =
  (...exprs: string[]) =>
  (p: string) =>
    `(${exprs.map((e) => `${e} ILIKE ${p}`).join(' OR ')})`;

const decimal = (expr: string): ColumnSource => ({ select: `trim_scale(${expr})::text`, raw: expr });
const date = (expr: string): ColumnSource => ({ select: `to_char(${expr}, 'YYYY-MM-DD')`, raw: expr });
const plain = (expr: string): ColumnSource => ({ select: expr });

/** A PO line (aliased `l`) in the delivery record: received, with its receipt date. */
const RECEIVED = `l."status" = 'received' AND l."receivedDate" IS NOT NULL`;

export const SOURCES: Record<TableName, TableSource> = {
  'purchase-order-lines': {
    from: `"PurchaseOrderLine" l
      LEFT JOIN "PurchaseOrder" po ON po."id" = l."purchaseOrderId"
      LEFT JOIN "Supplier" s ON s."id" = po."supplierId"
      LEFT JOIN "Item" i ON i."id" = l."itemId"
      LEFT JOIN "PoLineValue" v ON v."purchaseOrderLineId" = l."id"`,
    id: 'l."id"',
    columns: {
      supplier: plain('s."code"'),
      poNumber: plain('po."poNumber"'),
      lineNo: plain('l."lineNo"'),
      sku: plain('i."sku"'),
      itemName: plain('i."name"'),
      qty: decimal('l."qty"'),
      unit: plain('i."unit"'),
      promisedDate: date('l."promisedDate"'),
      status: { select: 'l."status"::text', raw: 'l."status"', enumType: '"PoLineStatus"' },
      version: plain('l."version"'),
      // A line written around ClearBuild's write paths has no first promise: its current one stands in.
      firstPromisedDate: date('coalesce(l."firstPromisedDate", l."promisedDate")'),
      slipDays: plain(LINE_SLIP_DAYS_SQL),
      receivedDate: date('l."receivedDate"'),
      receivedQty: decimal('l."receivedQty"'),
      // What the line is worth in the newest baseline forecast with line values (lib/forecast/line-values-store.ts);
      // blank until it is computed, and for lines it does not value (not open). Blanks sort last either way.
      gpusGated: { select: 'v."gpusGated"', nullsLast: true },
      gpuDaysPerWeekSlip: { ...decimal('v."gpuDaysPerWeekSlip"'), nullsLast: true },
      gpuDaysPerWeekPullIn: { ...decimal('v."gpuDaysPerWeekPullIn"'), nullsLast: true },
      valueMethod: plain('v."method"'),
    },
    // Searched in the small tables first, then the lines found through their indexes: never a scan of every
    // line joined to its parents (200,000 lines: milliseconds instead of seconds).
    search: (p) => `(l."purchaseOrderId" IN (SELECT po2."id" FROM "PurchaseOrder" po2 JOIN "Supplier" s2 ON s2."id" = po2."supplierId"
        WHERE po2."poNumber" ILIKE ${p} OR s2."code" ILIKE ${p})
      OR l."itemId" IN (SELECT i2."id" FROM "Item" i2 WHERE i2."sku" ILIKE ${p}))`,
  },
  items: {
    from: `"Item" i
      LEFT JOIN "Site" st ON st."id" = i."siteId"
      LEFT JOIN "Recipe" r ON r."outputItemId" = i."id"`,
    id: 'i."id"',
    columns: {
      sku: plain('i."sku"'),
      name: plain('i."name"'),
      category: { select: 'i."category"::text', raw: 'i."category"', enumType: '"ItemCategory"' },
      unit: plain('i."unit"'),
      site: plain('st."code"'),
      gpusOnlinePerUnit: plain('i."gpusOnlinePerUnit"'),
      hasRecipe: plain('(r."id" IS NOT NULL)'),
      version: plain('i."version"'),
    },
    search: anyOf('i."sku"', 'i."name"'),
  },
  inventory: {
    from: `"InventoryBalance" b
      LEFT JOIN "Item" i ON i."id" = b."itemId"`,
    id: 'b."id"',
    columns: {
      sku: plain('i."sku"'),
      location: plain('b."location"'),
      name: plain('i."name"'),
      onHand: decimal('b."onHand"'),
      unit: plain('i."unit"'),
      version: plain('b."version"'),
    },
    search: anyOf('i."sku"', 'i."name"', 'b."location"'),
  },
  suppliers: {
    from: `"Supplier" s
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE l."status" = 'open')::int AS "openLines",
          sum(l."qty") FILTER (WHERE l."status" = 'open') AS "openQty",
          min(l."promisedDate") FILTER (WHERE l."status" = 'open') AS "nextPromised",
          -- The delivery record (lib/purchase-orders/supplier-performance.ts): received lines against their first promise.
          round(100.0 * count(*) FILTER (WHERE ${RECEIVED} AND ${LINE_SLIP_DAYS_SQL} <= 0) / nullif(count(*) FILTER (WHERE ${RECEIVED}), 0), 1) AS "onTimePercent",
          round(avg(${LINE_SLIP_DAYS_SQL}) FILTER (WHERE ${RECEIVED}), 1) AS "meanSlipDays"
        FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" po ON po."id" = l."purchaseOrderId"
        WHERE po."supplierId" = s."id"
      ) o ON true`,
    id: 's."id"',
    columns: {
      code: plain('s."code"'),
      name: plain('s."name"'),
      openLines: plain('o."openLines"'),
      openQty: { select: `trim_scale(coalesce(o."openQty", 0))::text`, raw: 'coalesce(o."openQty", 0)' },
      nextPromisedDate: date('o."nextPromised"'),
      onTimePercent: decimal('o."onTimePercent"'),
      meanSlipDays: decimal('o."meanSlipDays"'),
      version: plain('s."version"'),
    },
    search: anyOf('s."code"', 's."name"'),
  },
  'bom-lines': {
    from: `"RecipeLine" rl
      LEFT JOIN "Recipe" r ON r."id" = rl."recipeId"
      LEFT JOIN "Item" o ON o."id" = r."outputItemId"
      LEFT JOIN "Item" c ON c."id" = rl."componentItemId"`,
    id: 'rl."id"',
    columns: {
      outputSku: plain('o."sku"'),
      componentSku: plain('c."sku"'),
      componentName: plain('c."name"'),
      qtyPerBuild: decimal('rl."qtyPerBuild"'),
      unit: plain('c."unit"'),
      outputQty: decimal('r."outputQty"'),
      leadTimeDays: plain('r."leadTimeDays"'),
      maxStartsPerWeek: plain('r."maxStartsPerWeek"'),
      recipeId: plain('r."id"'),
      version: plain('rl."version"'),
      // A BOM line's lead time, output and weekly limit are its recipe's: edits of them name the recipe's version.
      recipeVersion: plain('r."version"'),
    },
    search: anyOf('o."sku"', 'c."sku"'),
  },
};
