import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNumberedCanonicalCsv } from '@/lib/csv';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { loadForecastInput } from '@/lib/forecast/run-forecast';
import { runImport } from '@/lib/imports/run-import';
import { acceptSupplierStock } from './accept-report';
import { recordSupplierStockReport } from './record-report';

const enc = (s: string) => new TextEncoder().encode(s);
const rows = (csv: string) => parseNumberedCanonicalCsv('inventory', `sku,location,on_hand\n${csv}`).rows;

for (const kind of testDatabaseKinds()) {
  describe(`supplier stock reports on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    let supplierId: number;
    beforeAll(async () => {
      env = await kind.create();
      const load = (k: 'items' | 'purchase-orders', csv: string) => runImport(env.db, { kind: k, source: enc(csv), filename: `${k}.csv`, actor: 'test' });
      await load('items', 'sku,name,category,unit,site,gpus_online_per_unit\nPIPE,Pipe,cooling,m,,\nGPU,GPU,gpu,ea,,\nVALVE,Valve,cooling,ea,,\n');
      await load('purchase-orders', 'supplier,po_number,line,sku,qty,promised_date,status\nPIPECO,PO-1,1,PIPE,100,2027-01-04,open\nPIPECO,PO-1,2,VALVE,4,2026-01-05,received\nGPUCO,PO-2,1,GPU,8,2027-01-04,open\n');
      supplierId = (await env.db.prisma.supplier.findUniqueOrThrow({ where: { code: 'PIPECO' } })).id;
    });
    afterAll(async () => env?.dispose());

    it('refuses, by row and column, stock of what the supplier does not supply, and writes nothing', async () => {
      const result = await recordSupplierStockReport(env.db.prisma, { supplierId, supplierCode: 'PIPECO', rows: rows('PIPE,PIPECO,10\nGPU,PIPECO,20000\nNOPE,PIPECO,1\n'), actor: 'token:PIPECO' });
      expect(result).toEqual({
        outcome: 'refused',
        errors: [
          { row: 3, column: 'sku', message: 'PIPECO does not supply GPU (no open or received PO line): it cannot report stock of it' },
          { row: 4, column: 'sku', message: 'unknown SKU "NOPE"' },
        ],
      });
      expect(await env.db.prisma.supplierStockReport.count()).toBe(0);
    });

    it('records stock of what it supplies (open or received lines) as the supplier’s, not as on-hand inventory', async () => {
      const result = await recordSupplierStockReport(env.db.prisma, { supplierId, supplierCode: 'PIPECO', rows: rows('PIPE,PIPECO-DEPOT,250.5\nVALVE,PIPECO-DEPOT,3\n'), actor: 'token:PIPECO' });
      expect(result).toEqual({ outcome: 'recorded', reported: 2 });
      expect(await env.db.prisma.inventoryBalance.count()).toBe(0);
      const reports = await env.db.prisma.supplierStockReport.findMany({ orderBy: { id: 'asc' } });
      expect(reports.map((r) => [r.location, r.onHand.toString(), r.status])).toEqual([
        ['PIPECO-DEPOT', '250.5', 'reported'],
        ['PIPECO-DEPOT', '3', 'reported'],
      ]);
      expect(await env.db.prisma.auditEvent.count({ where: { entity: 'SupplierStockReport', action: 'report', actor: 'token:PIPECO' } })).toBe(2);
    });

    it('is usable in a what-if: the scenario sees the waiting reports as accepted, and the data stays as it was', async () => {
      await env.db.prisma.scenario.create({ data: { name: 'PIPECO stock accepted', adjustments: [{ kind: 'acceptSupplierStock', supplier: 'PIPECO' }] } });
      const input = await loadForecastInput(env.db.prisma, { scenario: 'PIPECO stock accepted', planStart: '2026-12-07', horizonDays: 28 });
      expect(input.model.inventory).toEqual([]);
      expect(input.model.adjustments).toEqual([
        { kind: 'setStock', sku: 'PIPE', location: 'PIPECO-DEPOT', onHand: '250.5' },
        { kind: 'setStock', sku: 'VALVE', location: 'PIPECO-DEPOT', onHand: '3' },
      ]);
      const baseline = await loadForecastInput(env.db.prisma, { planStart: '2026-12-07', horizonDays: 28 });
      expect(input.key).not.toBe(baseline.key);
      expect(await env.db.prisma.inventoryBalance.count()).toBe(0);
    });

    it('becomes on-hand inventory when procurement accepts the quantity it saw, once, audited', async () => {
      const report = await env.db.prisma.supplierStockReport.findFirstOrThrow({ where: { item: { sku: 'PIPE' } } });
      expect(await acceptSupplierStock(env.db.prisma, report.id, '999', 'procurement@example.test')).toEqual({ outcome: 'not-pending' });
      expect(await acceptSupplierStock(env.db.prisma, report.id, '250.5', 'procurement@example.test')).toEqual({
        outcome: 'accepted',
        sku: 'PIPE',
        location: 'PIPECO-DEPOT',
        onHand: '250.5',
      });
      const balance = await env.db.prisma.inventoryBalance.findFirstOrThrow({ where: { location: 'PIPECO-DEPOT' } });
      expect(balance.onHand.toString()).toBe('250.5');
      expect(await acceptSupplierStock(env.db.prisma, report.id, '250.5', 'procurement@example.test')).toEqual({ outcome: 'not-pending' });
      expect(await env.db.prisma.auditEvent.count({ where: { entity: 'InventoryBalance', entityId: 'PIPE/PIPECO-DEPOT', action: 'create', actor: 'procurement@example.test' } })).toBe(1);
      // Accepted stock is on hand now: the what-if asks only for what still waits.
      const input = await loadForecastInput(env.db.prisma, { scenario: 'PIPECO stock accepted', planStart: '2026-12-07', horizonDays: 28 });
      expect(input.model.adjustments).toEqual([{ kind: 'setStock', sku: 'VALVE', location: 'PIPECO-DEPOT', onHand: '3' }]);
    });
  });
}
