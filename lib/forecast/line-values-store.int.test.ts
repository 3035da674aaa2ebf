import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoLineValue } from '@/lib/capacity';
import { ENGINE_REVISION } from '@/lib/capacity/revision';
import { commitChanges } from '@/lib/changes/commit';
import { parseChangeRequest } from '@/lib/changes/request';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { runImport } from '@/lib/imports/run-import';
import { TABLES } from '@/lib/tables/definitions';
import { fetchListPage } from '@/lib/tables/list';
import type { ListQuery } from '@/lib/tables/query';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { cachedForecast } from './cache';
import { baselineLineValuesInput, fetchLineValueState, fetchStoredLineValues, refreshLineValues, writeLineValues } from './line-values-store';
import { todayIso } from './params';

// The PO list's GPU-days at stake: the baseline forecast's poLineValues stored per line and LEFT
// JOINed in the list, so a sort by them is SQL's, with lines the forecast does not value last.

const enc = (s: string) => new TextEncoder().encode(s);
const plus = (days: number) => {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const PO = TABLES['purchase-order-lines'];
const query = (sort: ListQuery['sort'], filters: Record<string, string> = {}): ListQuery => ({ filters: { poNumber: 'PO-LV-1', ...filters }, sort, format: 'json', limit: 100, cursor: 0 });

for (const kind of testDatabaseKinds()) {
  describe(`PO line values in the PO list on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    const importCsv = (k: ImportKind, csv: string) => runImport(env.db, { kind: k, source: enc(csv), filename: `${k}.csv`, actor: 'importer' });

    beforeAll(async () => {
      env = await kind.create();
      await importCsv('items', 'sku,name,category,unit,site,gpus_online_per_unit\nLV-GPU,GPU,gpu,ea,,0\nLV-NODE,Node,compute,ea,LV1,8\n');
      await importCsv('recipes', 'output_sku,output_qty,lead_time_days,max_starts_per_week\nLV-NODE,1,7,\n');
      await importCsv('bom', 'output_sku,component_sku,qty_per_build\nLV-NODE,LV-GPU,8\n');
      await importCsv(
        'purchase-orders',
        `supplier,po_number,line,sku,qty,promised_date,status
LVSUP,PO-LV-1,1,LV-GPU,64,${plus(20)},open
LVSUP,PO-LV-1,2,LV-GPU,8,${plus(90)},open
LVSUP,PO-LV-1,3,LV-GPU,16,${plus(200)},open
LVSUP,PO-LV-1,4,LV-GPU,8,${plus(30)},cancelled
`,
      );
    });
    afterAll(async () => env?.dispose());

    it('stores the baseline forecast’s line values and the list shows them, most GPU-days at stake first, unvalued lines last', async () => {
      expect(await fetchLineValueState(env.db.prisma)).toEqual({ status: 'none', openLines: true });
      await refreshLineValues(env.db);
      const state = await fetchLineValueState(env.db.prisma);
      expect(state.status).toBe('current');

      const input = await baselineLineValuesInput(env.db.prisma);
      const forecast = await cachedForecast(env.db, input.model, input.options, input.key);
      expect(state.status !== 'none' && state.inputVersion).toBe(forecast.inputVersion);
      const values = forecast.poLineValues ?? [];
      expect(values.length).toBe(3);

      const page = await fetchListPage(env.db, PO, query([{ field: 'gpuDaysPerWeekSlip', dir: 'desc' }]));
      const valued = page.rows.filter((r) => r.gpuDaysPerWeekSlip !== null);
      for (const r of valued) {
        const v = values.find((x) => x.poNumber === r.poNumber && x.lineNo === r.lineNo)!;
        expect({ gpus: r.gpusGated, slip: Number(r.gpuDaysPerWeekSlip), pull: Number(r.gpuDaysPerWeekPullIn), method: r.valueMethod }).toEqual({
          gpus: v.gatesGpus,
          slip: v.gpuDaysLostPerWeekSlip,
          pull: v.gpuDaysGainedPerWeekPullIn,
          method: v.exact ? 'exact' : v.slipExact ? 'slip exact' : 'bound',
        });
      }
      expect(valued.map((r) => r.lineNo).sort()).toEqual(values.map((v) => v.lineNo).sort());
      const slips = valued.map((r) => Number(r.gpuDaysPerWeekSlip));
      expect(slips).toEqual([...slips].sort((a, b) => b - a));
      // The cancelled line has no value: after every valued one.
      expect(page.rows.at(-1)).toMatchObject({ lineNo: 4, gpuDaysPerWeekSlip: null, gpusGated: null });

      // Read back whole in the engine's shape (what the dashboard lists when the document is not stored): the same values.
      const byLineNo = (a: PoLineValue, b: PoLineValue) => a.lineNo - b.lineNo;
      const table = await fetchStoredLineValues(env.db.prisma, forecast.inputVersion!);
      expect(table?.values.sort(byLineNo)).toEqual([...values].sort(byLineNo));
      expect(await fetchStoredLineValues(env.db.prisma, 'another-input')).toBeNull();
    });

    it('sorts and filters by the stored values in SQL, blanks last both ways; an older set never replaces a newer one; a data change makes it stale', async () => {
      const fake = (lineNo: number, slip: number, gpus: number): PoLineValue => ({
        supplier: 'LVSUP',
        poNumber: 'PO-LV-1',
        lineNo,
        sku: 'LV-GPU',
        promisedDate: '2030-01-01',
        qty: '8',
        gatesGpus: gpus,
        gpuDaysLostPerWeekSlip: slip,
        gpuDaysGainedPerWeekPullIn: slip / 2,
        exact: lineNo === 1,
        slipExact: lineNo <= 2,
      });
      const set = { inputVersion: 'test-set', engineRevision: ENGINE_REVISION, planStart: todayIso(), dataReadAt: new Date() };
      expect(await writeLineValues(env.db, set, [fake(1, 10.5, 8), fake(2, 700, 16), fake(3, 0, 0)])).toBe(true);

      const lines = async (sort: ListQuery['sort'], filters?: Record<string, string>) => (await fetchListPage(env.db, PO, query(sort, filters))).rows.map((r) => r.lineNo);
      expect(await lines([{ field: 'gpuDaysPerWeekSlip', dir: 'desc' }])).toEqual([2, 1, 3, 4]);
      expect(await lines([{ field: 'gpuDaysPerWeekSlip', dir: 'asc' }])).toEqual([3, 1, 2, 4]);
      expect(await lines([{ field: 'gpusGated', dir: 'desc' }])).toEqual([2, 1, 3, 4]);
      expect(await lines([{ field: 'gpuDaysPerWeekPullIn', dir: 'desc' }])).toEqual([2, 1, 3, 4]);
      expect(await lines([{ field: 'promisedDate', dir: 'asc' }], { gpuDaysPerWeekSlipMin: '10' })).toEqual([1, 2]);
      const row = (await fetchListPage(env.db, PO, query([{ field: 'lineNo', dir: 'asc' }]))).rows[0]!;
      expect(row).toMatchObject({ gpusGated: 8, gpuDaysPerWeekSlip: '10.5', gpuDaysPerWeekPullIn: '5.25', valueMethod: 'exact' });

      // A set read before the stored one's data is refused.
      expect(await writeLineValues(env.db, { ...set, inputVersion: 'older', dataReadAt: new Date(set.dataReadAt.getTime() - 60_000) }, [fake(1, 1, 1)])).toBe(false);
      expect(await fetchLineValueState(env.db.prisma)).toMatchObject({ status: 'current', inputVersion: 'test-set' });

      // Another day's plan start: stale. An edit after the set's data was read: stale.
      expect((await fetchLineValueState(env.db.prisma, '2099-01-01')).status).toBe('stale');
      const line = (await fetchListPage(env.db, PO, query([{ field: 'lineNo', dir: 'asc' }]))).rows[1]!;
      const p = parseChangeRequest({ changes: [{ entity: 'purchaseOrderLine', id: line.id, version: line.version, set: { qty: '9' } }], source: 'edit' });
      if (!p.ok) throw new Error(p.message);
      expect((await commitChanges(env.db, p.changes, { actor: 'lv@test', source: p.source })).outcome).toBe('committed');
      expect(await fetchLineValueState(env.db.prisma)).toMatchObject({ status: 'stale', inputVersion: 'test-set' });
    });

    it('values another engine stored for the same input are stale, never read back, and a refresh values the lines again', async () => {
      await refreshLineValues(env.db);
      const input = await baselineLineValuesInput(env.db.prisma);
      const forecast = await cachedForecast(env.db, input.model, input.options, input.key);
      const inputVersion = forecast.inputVersion!;
      const ours = await fetchStoredLineValues(env.db.prisma, inputVersion);
      expect(ours?.values.length).toBe(3);
      // The same input as an earlier engine valued it (before an upgrade), its slips doubled: stored, read the moment before.
      const earlier = ours!.values.map((v) => ({ ...v, gpuDaysLostPerWeekSlip: 2 * v.gpuDaysLostPerWeekSlip + 1 }));
      const set = { inputVersion, engineRevision: 'an-earlier-engine', planStart: todayIso(), dataReadAt: new Date() };
      expect(await writeLineValues(env.db, set, earlier)).toBe(true);
      expect(await fetchLineValueState(env.db.prisma)).toMatchObject({ status: 'stale', inputVersion, engineRevision: 'an-earlier-engine' });
      expect(await fetchStoredLineValues(env.db.prisma, inputVersion)).toBeNull();

      await refreshLineValues(env.db);
      expect(await fetchLineValueState(env.db.prisma)).toMatchObject({ status: 'current', inputVersion, engineRevision: ENGINE_REVISION });
      const byLineNo = (a: PoLineValue, b: PoLineValue) => a.lineNo - b.lineNo;
      expect((await fetchStoredLineValues(env.db.prisma, inputVersion))?.values.sort(byLineNo)).toEqual(ours!.values.sort(byLineNo));

      // Rows written before the column existed read '' (its default): another engine's too.
      await env.db.prisma.$executeRawUnsafe(`UPDATE "PoLineValue" SET "engineRevision" = DEFAULT`);
      expect(await fetchLineValueState(env.db.prisma)).toMatchObject({ status: 'stale', engineRevision: '' });
      expect(await fetchStoredLineValues(env.db.prisma, inputVersion)).toBeNull();
      await refreshLineValues(env.db);
      expect(await fetchLineValueState(env.db.prisma)).toMatchObject({ status: 'current', engineRevision: ENGINE_REVISION });
    });

    it('with no open line left, a refresh stores nothing and the state says there is nothing to value (not "computing")', async () => {
      const open = (await fetchListPage(env.db, PO, query([{ field: 'lineNo', dir: 'asc' }], { status: 'open' }))).rows;
      expect(open.length).toBeGreaterThan(0);
      const p = parseChangeRequest({ changes: open.map((l) => ({ entity: 'purchaseOrderLine', id: l.id, version: l.version, set: { status: 'cancelled' } })), source: 'bulk' });
      if (!p.ok) throw new Error(p.message);
      expect((await commitChanges(env.db, p.changes, { actor: 'lv@test', source: p.source })).outcome).toBe('committed');
      await refreshLineValues(env.db);
      expect(await fetchLineValueState(env.db.prisma)).toEqual({ status: 'none', openLines: false });
    });
  });
}
