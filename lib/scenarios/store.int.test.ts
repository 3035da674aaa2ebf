import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { runImport } from '@/lib/imports/run-import';
import { loadForecastInput, provenRequest } from '@/lib/forecast/run-forecast';
import { DASHBOARD_OPTIONS, WHATIF_PARAMS } from '@/lib/forecast/dashboard-options';
import { loadModelRows } from '@/lib/forecast/load-model';
import { requestIdOf } from '@/lib/forecast/data-version';
import { dashboardInputs, dashboardRequest } from './dashboard-inputs';
import { loadDraftInput } from './draft-input';
import { deleteScenario, findScenario, listScenarios, saveScenario } from './store';

const enc = (t: string) => new TextEncoder().encode(t);

for (const kind of testDatabaseKinds()) {
  describe(`saved what-ifs on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
      const imp = (k: 'items' | 'recipes' | 'bom' | 'purchase-orders', csv: string) =>
        runImport(env.db, { kind: k, source: enc(csv), filename: `${k}.csv`, actor: 'setup' });
      await imp('items', 'sku,name,category,unit,site,gpus_online_per_unit\nGPU,GPU,gpu,ea,,0\nNODE,Node,compute,ea,S1,8\n');
      await imp('recipes', 'output_sku,output_qty,lead_time_days,max_starts_per_week\nNODE,1,2,\n');
      await imp('bom', 'output_sku,component_sku,qty_per_build\nNODE,GPU,8\n');
      await imp('purchase-orders', 'supplier,po_number,line,sku,qty,promised_date,status\nNV,PO-1,1,GPU,64,2027-01-04,open\n');
    });
    afterAll(async () => env?.dispose());

    const countRows = async (table: string) =>
      (await env.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;

    it('saves a what-if with its creator and an audit event, and changes none of the data', async () => {
      const linesBefore = await countRows('PurchaseOrderLine');
      const saved = await saveScenario(
        env.db.prisma,
        { name: 'NV slips 8 weeks', adjustments: [{ kind: 'delaySupplier', supplier: 'NV', days: 56 }], horizonDays: 120 },
        'executive@example.test',
        { replace: false },
      );
      expect(saved).toMatchObject({ outcome: 'created', scenario: { name: 'NV slips 8 weeks', createdBy: 'executive@example.test', horizonDays: 120 } });
      expect((await listScenarios(env.db.prisma)).map((s) => s.name)).toContain('NV slips 8 weeks');
      expect(await countRows('PurchaseOrderLine')).toBe(linesBefore);
      const [line] = await env.db.prisma.$queryRawUnsafe<{ d: string }[]>(`SELECT "promisedDate"::text AS d FROM "PurchaseOrderLine"`);
      expect(line!.d).toBe('2027-01-04');
      const audit = await env.db.prisma.auditEvent.findMany({ where: { entity: 'Scenario', entityId: 'NV slips 8 weeks' } });
      expect(audit.map((a) => [a.action, a.actor])).toEqual([['create', 'executive@example.test']]);
    });

    it('forecasts a draft and the scenario saved from it under one key, so saving reuses the answer', async () => {
      const adjustments = [{ kind: 'delayLine' as const, supplier: 'NV', poNumber: 'PO-1', lineNo: 1, days: 14 }];
      await saveScenario(env.db.prisma, { name: 'same key', adjustments }, 'a@example.test', { replace: false });
      const params = { planStart: '2027-01-01', horizonDays: 30, tier: 'quick' as const };
      const saved = await loadForecastInput(env.db.prisma, { ...params, scenario: 'same key' });
      const draft = await loadDraftInput(env.db.prisma, params, adjustments);
      expect(draft.key).toBe(saved.key);
      // …and under one request, so the saved one is found by the data version alone once the draft was answered.
      expect(requestIdOf(draft.request)).toBe(requestIdOf(saved.request));
    });

    it('looks the dashboard and its what-ifs up under the keys the forecast API stores them by, from one read of the rows', async () => {
      const adjustments = [{ kind: 'delaySupplier' as const, supplier: 'NV', days: 21 }];
      await saveScenario(env.db.prisma, { name: 'page key', adjustments }, 'a@example.test', { replace: false });
      const at = { planStart: '2027-01-01', horizonDays: 30 };
      const page = await dashboardInputs(env.db.prisma, await loadModelRows(env.db.prisma), at, [
        { label: 'page key', scenario: 'page key', adjustments: null },
        { label: 'draft', scenario: null, adjustments },
        { label: 'gone', scenario: 'no such scenario', adjustments: null },
      ]);
      expect(page.baseline.key).toBe((await loadForecastInput(env.db.prisma, at, DASHBOARD_OPTIONS)).key);
      const api = await loadForecastInput(env.db.prisma, { ...at, scenario: 'page key', ...WHATIF_PARAMS });
      expect(page.whatIfs.map((w) => w.input?.key ?? null)).toEqual([api.key, api.key, null]);
      expect(page.whatIfs[0]!.input!.provenKey).toBe((await loadForecastInput(env.db.prisma, { ...at, scenario: 'page key', shortages: 'none' })).key);
      // The same requests as the API's, so what the API answered is found by the page without reading the model.
      expect(requestIdOf(page.baseline.request)).toBe(requestIdOf((await loadForecastInput(env.db.prisma, at, DASHBOARD_OPTIONS)).request));
      expect(requestIdOf(dashboardRequest(at))).toBe(requestIdOf(page.baseline.request));
      expect(page.whatIfs.map((w) => (w.input ? requestIdOf(w.input.request) : null))).toEqual([requestIdOf(api.request), requestIdOf(api.request), null]);
      expect(requestIdOf(provenRequest(page.whatIfs[0]!.input!.request))).toBe(requestIdOf((await loadForecastInput(env.db.prisma, { ...at, scenario: 'page key', shortages: 'none' })).request));
    });

    it('refuses a name that exists (the API) but replaces it for the CLI', async () => {
      const input = { name: 'taken', adjustments: [{ kind: 'cancelLine' as const, supplier: 'NV', poNumber: 'PO-1', lineNo: 1 }] };
      expect((await saveScenario(env.db.prisma, input, 'a@example.test', { replace: false })).outcome).toBe('created');
      expect(await saveScenario(env.db.prisma, input, 'b@example.test', { replace: false })).toEqual({ outcome: 'exists', name: 'taken' });
      const replaced = await saveScenario(env.db.prisma, { ...input, adjustments: [] }, 'cli:me@host', { replace: true });
      expect(replaced).toMatchObject({ outcome: 'updated', scenario: { adjustments: [], createdBy: 'a@example.test' } });
    });

    it('names an adjustment whose PO line, supplier or recipe is not in the data by its index and field, saving nothing', async () => {
      const r = await saveScenario(
        env.db.prisma,
        {
          name: 'bad refs',
          adjustments: [
            { kind: 'delaySupplier', supplier: 'NV', days: 7 },
            { kind: 'cancelLine', supplier: 'NV', poNumber: 'PO-404', lineNo: 1 },
            { kind: 'setLeadTime', outputSku: 'GPU', leadTimeDays: 3 },
            { kind: 'acceptSupplierStock', supplier: 'NV' },
          ],
        },
        'x@example.test',
        { replace: false },
      );
      expect(r.outcome).toBe('invalid');
      if (r.outcome !== 'invalid') return;
      expect(r.issues).toEqual([
        { index: 1, field: 'lineNo', message: 'PO line NV/PO-404/1 does not exist' },
        { index: 2, field: 'outputSku', message: 'no recipe makes GPU' },
      ]);
      expect(await findScenario(env.db.prisma, 'bad refs')).toBeNull();
    });

    it('lets only its creator or an admin delete a what-if, and audits the deletion', async () => {
      await saveScenario(env.db.prisma, { name: 'mine', adjustments: [] }, 'owner@example.test', { replace: false });
      expect(await deleteScenario(env.db.prisma, 'mine', { actor: 'other@example.test', isAdmin: false })).toBe('forbidden');
      expect(await deleteScenario(env.db.prisma, 'mine', { actor: 'owner@example.test', isAdmin: false })).toBe('deleted');
      expect(await deleteScenario(env.db.prisma, 'mine', { actor: 'owner@example.test', isAdmin: false })).toBe('not-found');
      await saveScenario(env.db.prisma, { name: 'theirs', adjustments: [] }, 'owner@example.test', { replace: false });
      expect(await deleteScenario(env.db.prisma, 'theirs', { actor: 'admin@example.test', isAdmin: true })).toBe('deleted');
      const audit = await env.db.prisma.auditEvent.findMany({ where: { entity: 'Scenario', action: 'delete' }, orderBy: { id: 'asc' } });
      expect(audit.map((a) => [a.entityId, a.actor])).toEqual([
        ['mine', 'owner@example.test'],
        ['theirs', 'admin@example.test'],
      ]);
    });
  });
}
