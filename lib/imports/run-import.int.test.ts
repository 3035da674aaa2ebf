import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvImportError } from '@/lib/csv';
import { testDatabaseKinds } from '@/lib/db/test-support';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CREATED_ROWS_PER_EVENT, fetchBatchEventRows } from './batch-events';
import { revertBatch } from './revert';
import { runImport } from './run-import';
import type { ImportKind } from '@/lib/validation/import-kinds';

const enc = (s: string) => new TextEncoder().encode(s);

const ITEMS = `sku,name,category,unit,site,gpus_online_per_unit
GPU-T,Test GPU,gpu,ea,,0
NODE-T,Test node,compute,ea,,0
PIPE-T,Test pipe,cooling,m,,
ONLINE-T1,Node online at T1,compute,ea,T1,8
`;

/** Every row a batch changed, as the batch page and a revert read them. */
async function changedRows(prisma: PrismaClient, batchId: number, offset = 0, limit = 100_000) {
  return fetchBatchEventRows((sql, params) => prisma.$queryRawUnsafe(sql, ...params), batchId, offset, limit);
}

async function tableCounts(prisma: PrismaClient) {
  const [items, sites, recipes, lines, inventory, suppliers, pos, poLines, targets, batches, audit] = await Promise.all([
    prisma.item.count(),
    prisma.site.count(),
    prisma.recipe.count(),
    prisma.recipeLine.count(),
    prisma.inventoryBalance.count(),
    prisma.supplier.count(),
    prisma.purchaseOrder.count(),
    prisma.purchaseOrderLine.count(),
    prisma.target.count(),
    prisma.importBatch.count(),
    prisma.auditEvent.count(),
  ]);
  return { items, sites, recipes, lines, inventory, suppliers, pos, poLines, targets, batches, audit };
}

for (const kind of testDatabaseKinds()) {
  describe(`CSV import on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    let prisma: PrismaClient;
    const importCsv = (k: ImportKind, csv: string, extra: { supplierCode?: string; dryRun?: boolean } = {}) =>
      runImport(env.db, { kind: k, source: enc(csv), filename: `${k}.csv`, actor: 'test', ...extra });

    beforeAll(async () => {
      env = await kind.create();
      prisma = env.db.prisma;
    });
    afterAll(async () => env?.dispose());

    it('creates items and the unknown site they name, with a batch and an audit event per row', async () => {
      const summary = await importCsv('items', ITEMS);
      expect(summary).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, alreadyImported: false });
      const online = await prisma.item.findUniqueOrThrow({ where: { sku: 'ONLINE-T1' }, include: { site: true } });
      expect(online.site?.code).toBe('T1');
      expect(online.gpusOnlinePerUnit).toBe(8);
      const { total, rows } = await changedRows(prisma, summary.batchId!);
      expect(total).toBe(4);
      expect(rows.map((a) => a.entityId).sort()).toEqual(['GPU-T', 'NODE-T', 'ONLINE-T1', 'PIPE-T']);
      expect(rows.every((a) => a.actor === 'test' && a.action === 'create')).toBe(true);
      expect(rows.find((a) => a.entityId === 'ONLINE-T1')?.after).toMatchObject({ sku: 'ONLINE-T1', site: 'T1', gpusOnlinePerUnit: 8 });
      // Stored as one grouped creation event, named after its first row.
      const stored = await prisma.auditEvent.findMany({ where: { batchId: summary.batchId! } });
      expect(stored.map((e) => [e.action, e.entityId])).toEqual([['create-rows', 'GPU-T + 3 more']]);
    });

    it('importing the same file twice changes nothing the second time and says so', async () => {
      const before = await tableCounts(prisma);
      const again = await importCsv('items', ITEMS);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, alreadyImported: true });
      const after = await tableCounts(prisma);
      expect({ ...after, batches: 0 }).toEqual({ ...before, batches: 0 });
      expect(after.batches).toBe(before.batches + 1);
    });

    it('updates only changed fields and audits them before → after', async () => {
      const summary = await importCsv('items', ITEMS.replace('Test pipe,cooling,m', 'Test pipe DN100,cooling,m'));
      expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
      const [event] = await prisma.auditEvent.findMany({ where: { batchId: summary.batchId! } });
      expect(event).toMatchObject({ entity: 'Item', entityId: 'PIPE-T', action: 'update', before: { name: 'Test pipe' }, after: { name: 'Test pipe DN100' } });
    });

    it('groups a big batch\'s creations, pages through them in file order, and reverts every one', async () => {
      const lines = 2 * CREATED_ROWS_PER_EVENT + 37;
      const csv = `sku,name,category,unit,site,gpus_online_per_unit\n${Array.from({ length: lines }, (_, i) => `BULK-${String(i).padStart(4, '0')},Bulk ${i},other,ea,,0`).join('\n')}\n`;
      const before = await tableCounts(prisma);
      const summary = await importCsv('items', csv);
      expect(summary).toMatchObject({ created: lines, updated: 0 });
      expect(summary.changes).toHaveLength(Math.min(lines, 500));
      expect(await prisma.auditEvent.count({ where: { batchId: summary.batchId!, action: 'create-rows' } })).toBe(3);
      const all = await changedRows(prisma, summary.batchId!);
      expect(all.total).toBe(lines);
      expect(all.rows.map((r) => r.entityId)).toEqual(Array.from({ length: lines }, (_, i) => `BULK-${String(i).padStart(4, '0')}`));
      // Pages that start and end inside groups read the same rows as the whole.
      for (const [offset, limit] of [[0, 100], [150, 100], [199, 2], [390, 100], [lines - 1, 100], [lines, 100]] as const) {
        const page = await changedRows(prisma, summary.batchId!, offset, limit);
        expect(page.total).toBe(lines);
        expect(page.rows.map((r) => r.entityId)).toEqual(all.rows.slice(offset, offset + limit).map((r) => r.entityId));
      }
      const reverted = await revertBatch(env.db, summary.batchId!, 'test');
      expect(reverted).toMatchObject({ outcome: 'reverted', deleted: lines, restored: 0 });
      expect(await prisma.item.count({ where: { sku: { startsWith: 'BULK-' } } })).toBe(0);
      // One revert event per row, so the key index finds what happened to each.
      expect(await prisma.auditEvent.count({ where: { batchId: summary.batchId!, action: 'revert', entityId: 'BULK-0201' } })).toBe(1);
      const after = await tableCounts(prisma);
      expect({ ...after, batches: 0, audit: 0 }).toEqual({ ...before, batches: 0, audit: 0 });
    });

    it('a bad row refuses the whole file, names row and column, and writes nothing', async () => {
      const before = await tableCounts(prisma);
      const bad = `${ITEMS}NEW-1,New,gpu,ea,,0\nNEW-2,Broken,gpu,ea,,-3\n`;
      const err = await importCsv('items', bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CsvImportError);
      expect((err as CsvImportError).errors).toEqual([expect.objectContaining({ row: 7, column: 'gpus_online_per_unit' })]);
      expect((err as CsvImportError).message).toMatch(/^items\.csv: row 7, column gpus_online_per_unit: /);
      expect(await tableCounts(prisma)).toEqual(before);
    });

    it('an unknown SKU in a later row rolls back every earlier row of the file', async () => {
      await importCsv('inventory', 'sku,location,on_hand\nGPU-T,WH-A,100\n');
      const before = await tableCounts(prisma);
      const csv = 'sku,location,on_hand\nGPU-T,WH-A,250\nPIPE-T,WH-A,12.5\nNOPE-9,WH-A,1\n';
      const err = (await importCsv('inventory', csv).catch((e: unknown) => e)) as CsvImportError;
      expect(err.errors).toEqual([{ row: 4, column: 'sku', message: expect.stringContaining('unknown SKU "NOPE-9"') }]);
      expect(await tableCounts(prisma)).toEqual(before);
      const gpu = await prisma.inventoryBalance.findFirstOrThrow({ where: { item: { sku: 'GPU-T' } } });
      expect(gpu.onHand.toString()).toBe('100');
    });

    it('recipes and BOM lines keep fractional quantities exactly', async () => {
      await importCsv('recipes', 'output_sku,output_qty,lead_time_days,max_starts_per_week\nNODE-T,1,14,60\nONLINE-T1,1,3,\n');
      await importCsv('bom', 'output_sku,component_sku,qty_per_build\nNODE-T,GPU-T,8\nONLINE-T1,NODE-T,1\nONLINE-T1,PIPE-T,12.5\n');
      const line = await prisma.recipeLine.findFirstOrThrow({ where: { componentItem: { sku: 'PIPE-T' } } });
      expect(line.qtyPerBuild.toString()).toBe('12.5');
      const recipe = await prisma.recipe.findFirstOrThrow({ where: { outputItem: { sku: 'ONLINE-T1' } } });
      expect(recipe.maxStartsPerWeek).toBeNull();
    });

    it('a BOM line for an item without a recipe is refused, naming the row', async () => {
      const err = (await importCsv('bom', 'output_sku,component_sku,qty_per_build\nGPU-T,PIPE-T,1\n').catch((e: unknown) => e)) as CsvImportError;
      expect(err.errors[0]).toMatchObject({ row: 2, column: 'output_sku' });
    });

    it('purchase orders create their supplier and PO, and a changed promised date bumps the line version', async () => {
      const csv = 'supplier,po_number,line,sku,qty,promised_date,status\nNVT,PO-1,1,GPU-T,800,2027-03-02,\nNVT,PO-1,2,GPU-T,800,2027-04-06,open\n';
      expect(await importCsv('purchase-orders', csv)).toMatchObject({ created: 2 });
      const moved = await importCsv('purchase-orders', csv.replace('2027-04-06', '2027-05-04'));
      expect(moved).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect(moved.changes.find((c) => c.action === 'update')).toMatchObject({
        key: 'NVT/PO-1/2',
        before: { promisedDate: '2027-04-06' },
        after: { promisedDate: '2027-05-04' },
      });
      const line = await prisma.purchaseOrderLine.findFirstOrThrow({ where: { lineNo: 2, purchaseOrder: { poNumber: 'PO-1' } } });
      expect(line.version).toBe(2);
      expect(line.promisedDate.toISOString().slice(0, 10)).toBe('2027-05-04');
    });

    it("a supplier's own file may not carry another supplier's lines", async () => {
      await prisma.supplier.create({ data: { code: 'OTHER', name: 'Other' } });
      const csv = 'supplier,po_number,line,sku,qty,promised_date,status\nOTHER,PO-9,1,GPU-T,1,2027-03-02,\nNVT,PO-1,1,GPU-T,5,2027-03-02,\n';
      const err = (await importCsv('purchase-orders', csv, { supplierCode: 'OTHER' }).catch((e: unknown) => e)) as CsvImportError;
      expect(err.errors).toEqual([expect.objectContaining({ row: 3, column: 'supplier' })]);
    });

    it('a received_date records when a received line arrived; a file without the column keeps it; a revert restores the line as it was', async () => {
      const header = 'supplier,po_number,line,sku,qty,promised_date,status,received_date';
      expect(await importCsv('purchase-orders', `${header}\nNVT,PO-R,1,GPU-T,800,2026-01-05,open,\nNVT,PO-R,2,GPU-T,400,2026-01-12,received,2026-01-20\n`)).toMatchObject({ created: 2 });
      const line = (lineNo: number) => prisma.purchaseOrderLine.findFirstOrThrow({ where: { lineNo, purchaseOrder: { poNumber: 'PO-R' } } });
      const receipt = async (lineNo: number) => {
        const l = await line(lineNo);
        return { status: l.status, receivedDate: l.receivedDate?.toISOString().slice(0, 10) ?? null, receivedQty: l.receivedQty?.toString() ?? null };
      };
      expect(await receipt(1)).toEqual({ status: 'open', receivedDate: null, receivedQty: null });
      expect(await receipt(2)).toEqual({ status: 'received', receivedDate: '2026-01-20', receivedQty: '400' });

      // The delivery note for line 1: received eight days after its promise.
      const received = await importCsv('purchase-orders', `${header}\nNVT,PO-R,1,GPU-T,800,2026-01-05,received,2026-01-13\n`);
      expect(received).toMatchObject({ created: 0, updated: 1 });
      expect(received.changes[0]).toMatchObject({ before: { status: 'open', receivedDate: null }, after: { status: 'received', receivedDate: '2026-01-13', receivedQty: '800' } });
      expect(await receipt(1)).toEqual({ status: 'received', receivedDate: '2026-01-13', receivedQty: '800' });

      // A file in DESIGN.md's columns only (no received_date) leaves the receipts as they are: nothing to change.
      const plain = await importCsv('purchase-orders', 'supplier,po_number,line,sku,qty,promised_date,status\nNVT,PO-R,1,GPU-T,800,2026-01-05,received\nNVT,PO-R,2,GPU-T,400,2026-01-12,received\n');
      expect(plain).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

      await revertBatch(env.db, received.batchId!, 'test');
      expect(await receipt(1)).toEqual({ status: 'open', receivedDate: null, receivedQty: null });
      expect(await receipt(2)).toEqual({ status: 'received', receivedDate: '2026-01-20', receivedQty: '400' });
    });

    it('a received_date on a line that is not received, or in the future, is refused naming row and column; nothing is written', async () => {
      const before = await tableCounts(prisma);
      const csv = 'supplier,po_number,line,sku,qty,promised_date,status,received_date\nNVT,PO-R,3,GPU-T,1,2026-02-02,received,2026-02-03\nNVT,PO-R,4,GPU-T,1,2026-02-02,open,2026-02-03\nNVT,PO-R,5,GPU-T,1,2026-02-02,received,2999-01-01\n';
      const err = (await importCsv('purchase-orders', csv).catch((e: unknown) => e)) as CsvImportError;
      expect(err).toBeInstanceOf(CsvImportError);
      expect(err.errors).toEqual([
        { row: 3, column: 'received_date', message: 'a received date is only for a received line (status is open)' },
        { row: 4, column: 'received_date', message: 'received 2999-01-01, which is in the future' },
      ]);
      expect(await tableCounts(prisma)).toEqual(before);
    });

    it('a dry run reports the diff and writes nothing', async () => {
      const before = await tableCounts(prisma);
      const summary = await importCsv('targets', 'date,gpus_online\n2027-06-30,10000\n', { dryRun: true });
      expect(summary).toMatchObject({ dryRun: true, created: 1, batchId: null });
      expect(await tableCounts(prisma)).toEqual(before);
    });
  });
}
