import type { PoLineValue } from '@/lib/capacity';
import { ENGINE_REVISION } from '@/lib/capacity/revision';
import type { DatabaseHandle } from '@/lib/db/open';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { cachedForecast, inputVersionOfKey } from './cache';
import { runCoalesced } from './coalesced';
import { DASHBOARD_OPTIONS } from './dashboard-options';
import { fetchLastDataChange } from './data-as-of';
import { todayIso } from './params';
import { loadForecastInput } from './run-forecast';

/**
 * What each open PO line is worth (GPUs it gates, GPU-days per week of slip and of pull-in), from the
 * baseline forecast with line values: the same forecast `GET /api/forecast?include=lineValues` serves
 * (same options, so the same cache entry). Kept in table PoLineValue, one row per line for the newest
 * such forecast only, so the PO list joins it on the line and sorts by it in SQL.
 */
export interface LineValueSet {
  inputVersion: string;
  /**
   * The engine that computed the set (ENGINE_REVISION). Another engine's set is stale even for the same
   * input: after an upgrade its values may differ from what this engine gives (the forecast caches key on it too).
   */
  engineRevision: string;
  planStart: string;
  /** When the forecast's input was read: a data change after it makes the set stale. */
  dataReadAt: Date;
}

/** The baseline forecast's input with line values: `include=lineValues` and nothing else, as the API asks. */
export function baselineLineValuesInput(prisma: PrismaClient) {
  return loadForecastInput(prisma, { include: ['lineValues'] }, DASHBOARD_OPTIONS);
}

/**
 * Replaces the stored values with these (one transaction), unless a set read from newer data is stored
 * already. Lines are found by their key (supplier, PO, line); a line deleted meanwhile is left out.
 */
export async function writeLineValues(db: DatabaseHandle, set: LineValueSet, values: readonly PoLineValue[]): Promise<boolean> {
  return db.bulk.transaction(async (conn) => {
    await conn.query(`LOCK TABLE "PoLineValue" IN EXCLUSIVE MODE`);
    // One set is stored at a time, so any row says which: no scan of every line for it.
    const [current] = await conn.query(`SELECT "dataReadAt" FROM "PoLineValue" LIMIT 1`);
    if (current && new Date(current.dataReadAt as string | Date).getTime() > set.dataReadAt.getTime()) return false;
    await conn.query(`DELETE FROM "PoLineValue"`);
    if (values.length === 0) return true;
    await conn.query(
      `INSERT INTO "PoLineValue" ("purchaseOrderLineId", "inputVersion", "engineRevision", "planStart", "dataReadAt", "gpusGated", "gpuDaysPerWeekSlip", "gpuDaysPerWeekPullIn", method)
       SELECT l.id, $1, $11, $2::date, $3, v.gpus, v.slip, v.pull, v.method
         FROM unnest($4::text[], $5::text[], $6::int[], $7::int[], $8::numeric[], $9::numeric[], $10::text[]) AS v(supplier, po, line_no, gpus, slip, pull, method)
         JOIN "Supplier" s ON s.code = v.supplier
         JOIN "PurchaseOrder" p ON p."supplierId" = s.id AND p."poNumber" = v.po
         JOIN "PurchaseOrderLine" l ON l."purchaseOrderId" = p.id AND l."lineNo" = v.line_no
       ON CONFLICT ("purchaseOrderLineId") DO NOTHING`,
      [
        set.inputVersion,
        set.planStart,
        set.dataReadAt,
        values.map((v) => v.supplier),
        values.map((v) => v.poNumber),
        values.map((v) => v.lineNo),
        values.map((v) => v.gatesGpus),
        values.map((v) => String(v.gpuDaysLostPerWeekSlip)),
        values.map((v) => String(v.gpuDaysGainedPerWeekPullIn)),
        values.map(methodOf),
        set.engineRevision,
      ],
    );
    return true;
  });
}

const SLIP_EXACT = 'slip exact';

/** How a line's values were found, as stored and shown: both exact, the slip's alone, or LP estimates ('bound'). */
function methodOf(v: PoLineValue): string {
  return v.exact ? 'exact' : v.slipExact ? SLIP_EXACT : 'bound';
}

/** Whether this engine computed the set (ENGINE_REVISION): another engine's is stale even for the same input. */
export function computedByThisEngine(set: Pick<LineValueSet, 'engineRevision'>): boolean {
  return set.engineRevision === ENGINE_REVISION;
}

/** The stored set, or null before any. */
export async function fetchLineValueSet(prisma: Pick<PrismaClient, '$queryRawUnsafe'>): Promise<LineValueSet | null> {
  const [row] = await prisma.$queryRawUnsafe<{ inputVersion: string; engineRevision: string; planStart: string; dataReadAt: Date }[]>(
    // One set at a time (writeLineValues replaces it whole): any row names it, without sorting every line on each view.
    `SELECT "inputVersion", "engineRevision", to_char("planStart", 'YYYY-MM-DD') AS "planStart", "dataReadAt" FROM "PoLineValue" LIMIT 1`,
  );
  return row ? { inputVersion: row.inputVersion, engineRevision: row.engineRevision, planStart: row.planStart, dataReadAt: new Date(row.dataReadAt) } : null;
}

/**
 * Every stored line value of the forecast of `inputVersion`, in the engine's shape, read from the per-line table
 * (null when the stored set is another input's). The dashboard's list of lines most at stake reads this when the
 * forecast's own document is not stored: the large model's (200,000 valued lines) is over the cache's size cap, and
 * a document in one process's memory is not on the other app servers. Another engine's set is never read back as
 * this one's (ENGINE_REVISION). One statement: the set is replaced whole in one transaction, so the rows it reads
 * are all of one set, whatever another app server writes meanwhile.
 */
export async function fetchStoredLineValues(
  prisma: Pick<PrismaClient, '$queryRawUnsafe'>,
  inputVersion: string,
): Promise<{ values: PoLineValue[]; dataReadAt: Date } | null> {
  const rows = await prisma.$queryRawUnsafe<
    (Pick<PoLineValue, 'supplier' | 'poNumber' | 'lineNo' | 'sku' | 'promisedDate' | 'qty'> & { gpus: number; slip: number; pull: number; method: string; dataReadAt: Date })[]
  >(
    `SELECT s.code AS supplier, p."poNumber", l."lineNo", i.sku, to_char(l."promisedDate", 'YYYY-MM-DD') AS "promisedDate",
        trim_scale(l.qty)::text AS qty, v."gpusGated" AS gpus, v."gpuDaysPerWeekSlip"::float8 AS slip,
        v."gpuDaysPerWeekPullIn"::float8 AS pull, v.method, v."dataReadAt"
       FROM "PoLineValue" v
       JOIN "PurchaseOrderLine" l ON l.id = v."purchaseOrderLineId"
       JOIN "PurchaseOrder" p ON p.id = l."purchaseOrderId"
       JOIN "Supplier" s ON s.id = p."supplierId"
       JOIN "Item" i ON i.id = l."itemId"
      WHERE v."inputVersion" = $1 AND v."engineRevision" = $2`,
    inputVersion,
    ENGINE_REVISION,
  );
  // No row of this input by this engine: none stored (a set of no lines stores no rows either).
  if (rows.length === 0) return null;
  const values = rows.map((r) => ({
    supplier: r.supplier,
    poNumber: r.poNumber,
    lineNo: Number(r.lineNo),
    sku: r.sku,
    promisedDate: r.promisedDate,
    qty: r.qty,
    gatesGpus: Number(r.gpus),
    gpuDaysLostPerWeekSlip: Number(r.slip),
    gpuDaysGainedPerWeekPullIn: Number(r.pull),
    exact: r.method === 'exact',
    slipExact: r.method === 'exact' || r.method === SLIP_EXACT,
  }));
  return { values, dataReadAt: new Date(rows[0]!.dataReadAt) };
}

/** `none`: no values stored; `openLines` says whether there is anything to value (else nothing ever will be). */
export type LineValueState = { status: 'none'; openLines: boolean } | ({ status: 'current' | 'stale' } & LineValueSet);

/**
 * Whether the stored values are of the data as it is now, without reading the model: stale when the plan
 * start has moved on (a new day), the forecast's input changed after it was read, or another engine computed them.
 */
export async function fetchLineValueState(prisma: Pick<PrismaClient, '$queryRawUnsafe'>, today = todayIso()): Promise<LineValueState> {
  const [set, last] = await Promise.all([fetchLineValueSet(prisma), fetchLastDataChange(prisma)]);
  // Every open line gets a value, so a forecast of data with none stores no rows: say so, not "computing".
  if (!set) return { status: 'none', openLines: await hasOpenLines(prisma) };
  const stale = set.planStart !== today || !computedByThisEngine(set) || (last !== null && Date.parse(last.at) > set.dataReadAt.getTime());
  return { status: stale ? 'stale' : 'current', ...set };
}

async function hasOpenLines(prisma: Pick<PrismaClient, '$queryRawUnsafe'>): Promise<boolean> {
  const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "PurchaseOrderLine" WHERE status = 'open' LIMIT 1`);
  return rows.length > 0;
}

/**
 * Computes the baseline forecast with line values (in the background: it re-runs the engine per line)
 * unless stored, and stores its values for the PO list. The dashboard's background refresher runs it
 * after the dashboard's own forecast.
 */
export async function refreshLineValues(db: DatabaseHandle): Promise<void> {
  const dataReadAt = new Date();
  const input = await baselineLineValuesInput(db.prisma);
  const stored = await fetchLineValueSet(db.prisma);
  const inputVersion = inputVersionOfKey(input.key);
  // The same input valued by this engine: nothing to do. By another engine (before an upgrade): value it again.
  // While servers of two engine revisions share one database (a rolling upgrade), each replaces the other's set
  // on its refreshes; that ends when the last older server stops.
  if (stored?.inputVersion === inputVersion && computedByThisEngine(stored)) return;
  const forecast = await cachedForecast(db, input.model, input.options, input.key, 'background');
  await writeLineValues(db, { inputVersion, engineRevision: ENGINE_REVISION, planStart: input.model.planStart, dataReadAt }, forecast.poLineValues ?? []);
}

/**
 * refreshLineValues off the dashboard's own refresher, coalesced the same way (one computation at a
 * time, once more when data changed while it ran). Never awaited by the dashboard's refresher, so a
 * change reaches the dashboard's forecast without waiting for the lines' values of the last one.
 */
export function refreshLineValuesInBackground(db: DatabaseHandle): Promise<void> {
  return runCoalesced(db.locals, 'line-values:refresher', () =>
    refreshLineValues(db).catch((err: unknown) => console.error("ClearBuild: computing the PO lines' values in the background failed:", err)),
  );
}
