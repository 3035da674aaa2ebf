import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitChanges, reverseChangeSet } from '@/lib/changes/commit';
import { parseChangeRequest } from '@/lib/changes/request';
import { parseNumberedCanonicalCsv } from '@/lib/csv';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { revertBatch } from '@/lib/imports/revert';
import { runImport } from '@/lib/imports/run-import';
import { seedDemo } from '@/lib/imports/seed-demo';
import { saveScenario } from '@/lib/scenarios/store';
import { acceptSupplierStock } from '@/lib/supplier-stock/accept-report';
import { recordSupplierStockReport } from '@/lib/supplier-stock/record-report';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { inputVersionOf, type ForecastCacheHost } from './cache';
import { aliasedKey, fetchDataVersion, storedForRequest } from './data-version';
import { modelRowsAt } from './model-rows-at';
import { buildForecastInput, loadForecastInput, resolveForecastRequest, runForecast } from './run-forecast';

const enc = (s: string) => new TextEncoder().encode(s);
const TODAY = '2026-12-03';
// Explicit plan start and horizon: the request (and so its alias) does not move with the calendar.
const PARAMS = { planStart: '2027-01-04', horizonDays: 120 };

const ITEMS = `sku,name,category,unit,site,gpus_online_per_unit
DV-GPU,Data-version GPU,gpu,ea,,0
DV-NODE,Data-version node,compute,ea,DV1,8
`;

for (const kind of testDatabaseKinds()) {
  describe(`the data version on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    let serverA: ForecastCacheHost;
    let serverB: ForecastCacheHost;
    const importCsv = (k: ImportKind, csv: string) => runImport(env.db, { kind: k, source: enc(csv), filename: `${k}.csv`, actor: 'importer' });
    const version = async () => BigInt(await fetchDataVersion(env.db));
    const request = async () => (await resolveForecastRequest(env.db.prisma, PARAMS)).request;
    /** The input version of the data as it is now, read the slow way (every model row, hashed). */
    const currentInputVersion = async () => inputVersionOf((await loadForecastInput(env.db.prisma, PARAMS)).model);

    /**
     * A forecast read before `write` is found by the data version alone; after `write` the version has moved,
     * the old answer is found by nothing, and the next read (on either server) is the forecast of the new data.
     */
    async function expectWriteMovesVersion(write: () => Promise<unknown>, { changesForecast = true } = {}) {
      const before = await runForecast(serverA, PARAMS);
      const v0 = await version();
      expect((await storedForRequest(serverB, String(v0), await request()))?.forecast).toEqual(before.forecast);
      await write();
      const v1 = await version();
      expect(v1).toBeGreaterThan(v0);
      expect(await aliasedKey(serverA, String(v1), await request())).toBeNull();
      expect(await aliasedKey(serverB, String(v1), await request())).toBeNull();
      const after = await runForecast(serverB, PARAMS);
      expect(after.forecast.inputVersion).toBe(await currentInputVersion());
      if (changesForecast) expect(after.forecast.inputVersion).not.toBe(before.forecast.inputVersion);
      // …and the new answer is now found by the new version, on the other server too.
      expect((await storedForRequest(serverA, String(v1), await request()))?.forecast).toEqual(after.forecast);
      return { before: before.forecast, after: after.forecast };
    }

    beforeAll(async () => {
      env = await kind.create();
      serverA = { prisma: env.db.prisma, locals: new Map() };
      serverB = { prisma: env.db.prisma, locals: new Map() };
      await importCsv('items', ITEMS);
      await importCsv('recipes', 'output_sku,output_qty,lead_time_days,max_starts_per_week\nDV-NODE,1,7,\n');
      await importCsv('bom', 'output_sku,component_sku,qty_per_build\nDV-NODE,DV-GPU,8\n');
      await importCsv('inventory', 'sku,location,on_hand\nDV-GPU,WH-DV,16\n');
      await importCsv('purchase-orders', 'supplier,po_number,line,sku,qty,promised_date,status\nDVSUP,PO-DV-1,1,DV-GPU,16,2027-02-01,open\n');
    });
    afterAll(async () => env?.dispose());

    it('finds on another server the forecast one server read, by the data version and the request alone', async () => {
      const first = await runForecast(serverA, PARAMS);
      const v = await fetchDataVersion(env.db);
      const found = await storedForRequest(serverB, v, await request());
      expect(found?.forecast).toEqual(first.forecast);
      expect(found?.key.startsWith(first.forecast.inputVersion!)).toBe(true);
      // Another request (another horizon) at the same version is another alias: not known until read.
      expect(await aliasedKey(serverB, v, { ...(await request()), horizonDays: 121 })).toBeNull();
    });

    it('reads the model rows once per data version: a what-if after another reuses them, a write makes the next one read anew', async () => {
      const server: ForecastCacheHost = { prisma: env.db.prisma, locals: new Map() };
      const v0 = await fetchDataVersion(env.db);
      const first = modelRowsAt(server, v0);
      expect(modelRowsAt(server, v0)).toBe(first);
      const draft = { ...(await request()), adjustments: [{ kind: 'delaySupplier' as const, supplier: 'DVSUP', days: 14 }], options: { tier: 'quick' as const } };
      // Built from the rows held, the what-if has the model (and so the key) it has when every row is read now.
      const held = await buildForecastInput(env.db.prisma, draft, null, modelRowsAt(server, v0));
      expect(held.key).toBe((await buildForecastInput(env.db.prisma, draft)).key);
      await importCsv('inventory', 'sku,location,on_hand\nDV-GPU,WH-DV,24\n');
      const v1 = await fetchDataVersion(env.db);
      expect(v1).not.toBe(v0);
      const after = modelRowsAt(server, v1);
      expect(after).not.toBe(first);
      expect((await after).inventory.find((r) => r.sku === 'DV-GPU')?.onHand).toMatch(/^24(\.0+)?$/);
      expect((await buildForecastInput(env.db.prisma, draft, null, after)).key).not.toBe(held.key);
      await importCsv('inventory', 'sku,location,on_hand\nDV-GPU,WH-DV,16\n');
    });

    it('a committed change set moves the version, and so does its undo', async () => {
      const line = await env.db.prisma.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrder: { poNumber: 'PO-DV-1' }, lineNo: 1 } });
      let changeSetId = 0;
      const moved = await expectWriteMovesVersion(async () => {
        const parsed = parseChangeRequest({ changes: [{ entity: 'purchaseOrderLine', id: line.id, version: line.version, set: { promisedDate: '2027-03-01' } }], source: 'edit' });
        if (!parsed.ok) throw new Error(parsed.message);
        const r = await commitChanges(env.db, parsed.changes, { actor: 'alice@test', source: parsed.source, envelopeErrors: parsed.envelopeErrors, today: TODAY });
        if (r.outcome !== 'committed') throw new Error(JSON.stringify(r));
        changeSetId = r.changeSetId;
      });
      // The line came four weeks later: fewer GPU-days, never the stored answer of before.
      expect(moved.after.gpuDays).toBeLessThan(moved.before.gpuDays);
      const undone = await expectWriteMovesVersion(async () => {
        const r = await reverseChangeSet(env.db, changeSetId, 'alice@test', 'undo', TODAY);
        if (r.outcome !== 'committed') throw new Error(JSON.stringify(r));
      });
      expect(undone.after.gpuDays).toBe(moved.before.gpuDays);
    });

    it('an import moves the version, and so does its revert', async () => {
      let batchId = 0;
      const imported = await expectWriteMovesVersion(async () => {
        const s = await importCsv('inventory', 'sku,location,on_hand\nDV-GPU,WH-DV,32\n');
        batchId = s.batchId!;
      });
      expect(imported.after.gpuDays).toBeGreaterThan(imported.before.gpuDays);
      const reverted = await expectWriteMovesVersion(async () => {
        const r = await revertBatch(env.db, batchId, 'importer');
        if (r.outcome !== 'reverted') throw new Error(JSON.stringify(r));
      });
      expect(reverted.after.gpuDays).toBe(imported.before.gpuDays);
    });

    it('accepting a supplier’s stock report moves the version, and so does the report itself (a what-if reads it)', async () => {
      const supplierId = (await env.db.prisma.supplier.findUniqueOrThrow({ where: { code: 'DVSUP' } })).id;
      const rows = parseNumberedCanonicalCsv('inventory', 'sku,location,on_hand\nDV-GPU,DVSUP-DEPOT,8\n').rows;
      await expectWriteMovesVersion(
        async () => {
          const r = await recordSupplierStockReport(env.db.prisma, { supplierId, supplierCode: 'DVSUP', rows, actor: 'token:DVSUP' });
          if (r.outcome !== 'recorded') throw new Error(JSON.stringify(r));
        },
        { changesForecast: false },
      );
      const report = await env.db.prisma.supplierStockReport.findFirstOrThrow({ where: { supplierId } });
      const accepted = await expectWriteMovesVersion(async () => {
        const r = await acceptSupplierStock(env.db.prisma, report.id, null, 'buyer@test');
        if (r.outcome !== 'accepted') throw new Error(JSON.stringify(r));
      });
      expect(accepted.after.gpuDays).toBeGreaterThan(accepted.before.gpuDays);
    });

    it('any other write to an input table (a script’s SQL) moves the version too', async () => {
      await expectWriteMovesVersion(() => env.db.prisma.$executeRawUnsafe(`UPDATE "InventoryBalance" SET "onHand" = "onHand" + 8 WHERE location = 'WH-DV'`));
    });

    it('a saved scenario, a rolled-back write and a read leave the version as it was', async () => {
      const v0 = await version();
      const saved = await saveScenario(env.db.prisma, { name: 'dv what-if', adjustments: [{ kind: 'delaySupplier', supplier: 'DVSUP', days: 14 }] }, 'exec@test', { replace: false });
      expect(saved.outcome).toBe('created');
      await expect(
        env.db.prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`UPDATE "Target" SET "gpusOnline" = "gpusOnline" + 1`);
          await tx.$executeRawUnsafe(`INSERT INTO "Site" (code, name) VALUES ('DV-ROLLBACK', 'x')`);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await runForecast(serverA, PARAMS);
      expect(await version()).toBe(v0);
    });
  });

  describe(`the data version of a fresh database on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
    });
    afterAll(async () => env?.dispose());

    it('moves when the demo is seeded', async () => {
      const v0 = BigInt(await fetchDataVersion(env.db));
      expect((await seedDemo(env.db)).seeded).toBe(true);
      expect(BigInt(await fetchDataVersion(env.db))).toBeGreaterThan(v0);
    });
  });
}
