import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { revertBatch } from '@/lib/imports/revert';
import { runImport } from '@/lib/imports/run-import';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { commitChanges, previewChanges, reverseChangeSet, type CommitResult } from './commit';
import { fetchSupplierPerformance } from '@/lib/purchase-orders/supplier-performance';
import { fetchEntityHistory, fetchLineHistory, listChangeSets } from './history';
import { parseChangeRequest } from './request';

const enc = (s: string) => new TextEncoder().encode(s);
const TODAY = '2026-12-03';

const ITEMS = `sku,name,category,unit,site,gpus_online_per_unit
CS-GPU,Change-set GPU,gpu,ea,,0
CS-NODE,Change-set node,compute,ea,CS1,8
`;
const RECIPES = `output_sku,output_qty,lead_time_days,max_starts_per_week
CS-NODE,1,7,
`;
const BOM = `output_sku,component_sku,qty_per_build
CS-NODE,CS-GPU,8
`;
const INVENTORY = `sku,location,on_hand
CS-GPU,WH-CS,16
`;
const poCsv = (po: string, lines: { line: number; qty?: string; date: string; status?: string }[], supplier = 'CSUP') =>
  `supplier,po_number,line,sku,qty,promised_date,status\n${lines.map((l) => `${supplier},${po},${l.line},CS-GPU,${l.qty ?? '8'},${l.date},${l.status ?? 'open'}`).join('\n')}\n`;

function committed(r: CommitResult): Extract<CommitResult, { outcome: 'committed' }> {
  if (r.outcome !== 'committed') throw new Error(`expected a commit, got ${JSON.stringify(r)}`);
  return r;
}

for (const kind of testDatabaseKinds()) {
  describe(`change sets on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    let prisma: PrismaClient;
    const importCsv = (k: ImportKind, csv: string, actor = 'importer') => runImport(env.db, { kind: k, source: enc(csv), filename: `${k}.csv`, actor });
    const request = (body: unknown) => {
      const parsed = parseChangeRequest(body);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed;
    };
    const commit = (changes: unknown[], actor = 'alice@test') => {
      const p = request({ changes, source: 'edit' });
      return commitChanges(env.db, p.changes, { actor, source: p.source, envelopeErrors: p.envelopeErrors, today: TODAY });
    };
    const line = async (po: string, lineNo = 1) => {
      const l = await prisma.purchaseOrderLine.findFirstOrThrow({ where: { lineNo, purchaseOrder: { poNumber: po } } });
      return { id: l.id, version: l.version, promisedDate: l.promisedDate.toISOString().slice(0, 10), qty: l.qty.toString(), status: l.status };
    };

    beforeAll(async () => {
      env = await kind.create();
      prisma = env.db.prisma;
      await importCsv('items', ITEMS);
      await importCsv('recipes', RECIPES);
      await importCsv('bom', BOM);
      await importCsv('inventory', INVENTORY);
      await importCsv('purchase-orders', poCsv('PO-CS-1', [{ line: 1, date: '2027-03-01' }, { line: 2, date: '2027-03-02' }, { line: 3, date: '2027-03-03' }]));
    });
    afterAll(async () => env?.dispose());

    it('a dry run names each bad field by row, diffs the good ones and forecasts the change, writing nothing', async () => {
      const l1 = await line('PO-CS-1', 1);
      const p = request({
        changes: [
          { entity: 'purchaseOrderLine', id: l1.id, version: l1.version, set: { promisedDate: '2027-03-08' } },
          { entity: 'purchaseOrderLine', id: l1.id, version: l1.version, set: { qty: '-1' } },
          { entity: 'item', op: 'frobnicate' },
        ],
        dryRun: true,
      });
      const preview = await previewChanges(env.db, p.changes, { envelopeErrors: p.envelopeErrors, today: TODAY });
      expect(preview.errors).toEqual([
        expect.objectContaining({ index: 1, entity: 'purchaseOrderLine', id: l1.id, label: 'CSUP/PO-CS-1/1', field: 'qty', message: 'must be a non-negative decimal' }),
        expect.objectContaining({ index: 2, entity: 'item', field: 'op' }),
      ]);
      expect(preview.diff[0]).toEqual({ index: 0, entity: 'purchaseOrderLine', id: l1.id, label: 'CSUP/PO-CS-1/1', op: 'update', fields: [{ field: 'promisedDate', before: '2027-03-01', after: '2027-03-08' }] });
      expect(preview.forecast?.before).toEqual(expect.objectContaining({ gpuDays: expect.any(Number) }));
      expect(preview.forecast?.after).toBeNull();
      expect(await line('PO-CS-1', 1)).toEqual(l1);
      // Committed, the same request is refused whole, naming the same rows.
      const refused = await commitChanges(env.db, p.changes, { actor: 'alice@test', source: 'edit', envelopeErrors: p.envelopeErrors, today: TODAY });
      expect(refused).toEqual({ outcome: 'invalid', errors: preview.errors });
      expect(await line('PO-CS-1', 1)).toEqual(l1);

      const good = request({ changes: [{ entity: 'purchaseOrderLine', id: l1.id, version: l1.version, set: { promisedDate: '2027-03-08' } }] });
      const ok = await previewChanges(env.db, good.changes, { today: TODAY });
      expect(ok.errors).toEqual([]);
      expect(ok.forecast?.after).toEqual(expect.objectContaining({ gpuDays: expect.any(Number) }));
      expect(ok.summary).toMatch(/^Moving 1 line's promised date (costs|gains|leaves)/);
      // Before and after are the same tier: a change that changes nothing costs nothing.
      const same = await previewChanges(env.db, request({ changes: [{ entity: 'purchaseOrderLine', id: l1.id, version: l1.version, set: { promisedDate: l1.promisedDate } }] }).changes, { today: TODAY });
      expect(same.diff).toEqual([]);
      expect(same.forecast?.after?.gpuDays).toBe(same.forecast?.before?.gpuDays);
    });

    it('a conflict applies nothing and names both values and who changed the row', async () => {
      const l1 = await line('PO-CS-1', 1);
      const l2 = await line('PO-CS-1', 2);
      committed(await commit([{ entity: 'purchaseOrderLine', id: l1.id, version: l1.version, set: { promisedDate: '2027-03-15' } }], 'bob@test'));
      const stale = await commit([
        { entity: 'purchaseOrderLine', id: l2.id, version: l2.version, set: { qty: '9' } },
        { entity: 'purchaseOrderLine', id: l1.id, version: l1.version, set: { promisedDate: '2027-03-08' } },
      ]);
      expect(stale).toEqual({
        outcome: 'conflict',
        conflicts: [
          expect.objectContaining({
            index: 1,
            id: l1.id,
            label: 'CSUP/PO-CS-1/1',
            baseVersion: l1.version,
            currentVersion: l1.version + 1,
            fields: [{ field: 'promisedDate', yours: '2027-03-08', theirs: '2027-03-15' }],
            changedBy: 'bob@test',
          }),
        ],
      });
      expect((await line('PO-CS-1', 2)).qty).toBe('8');
    });

    it('a bulk change of many rows is one transaction: a bad row refuses them all, a good set commits them all', async () => {
      const csv = poCsv('PO-CS-BULK', Array.from({ length: 300 }, (_, i) => ({ line: i + 1, date: '2027-05-01' })));
      await importCsv('purchase-orders', csv);
      const lines = await prisma.purchaseOrderLine.findMany({ where: { purchaseOrder: { poNumber: 'PO-CS-BULK' } }, orderBy: { lineNo: 'asc' } });
      const shift = lines.map((l) => ({ entity: 'purchaseOrderLine', id: l.id, version: l.version, set: { promisedDate: '2027-05-08' } }));
      const bad = await commit([...shift.slice(0, 299), { ...shift[299], set: { promisedDate: '2027-02-30' } }]);
      expect(bad).toEqual({ outcome: 'invalid', errors: [expect.objectContaining({ index: 299, field: 'promisedDate', message: '2027-02-30 is not a real calendar date' })] });
      expect(await prisma.purchaseOrderLine.count({ where: { purchaseOrder: { poNumber: 'PO-CS-BULK' }, promisedDate: new Date('2027-05-08') } })).toBe(0);
      const ok = committed(await commit(shift));
      expect(ok.applied).toBe(300);
      expect(ok.rows.every((r) => r.version === 2)).toBe(true);
      expect(await prisma.purchaseOrderLine.count({ where: { purchaseOrder: { poNumber: 'PO-CS-BULK' }, promisedDate: new Date('2027-05-08'), version: 2 } })).toBe(300);
      expect(await prisma.auditEvent.count({ where: { changeSetId: ok.changeSetId } })).toBe(300);
      const cs = await prisma.changeSet.findUniqueOrThrow({ where: { id: ok.changeSetId } });
      expect(cs).toMatchObject({ source: 'edit', actor: 'alice@test', rowCount: 300, summary: "Moved 300 lines' promised dates." });
    });

    it('undo restores the values, and conflicts naming the row when it changed since; redo re-applies', async () => {
      const l3 = await line('PO-CS-1', 3);
      const edit = committed(await commit([{ entity: 'purchaseOrderLine', id: l3.id, version: l3.version, set: { qty: '12', status: 'cancelled' } }]));
      const undo = await reverseChangeSet(env.db, edit.changeSetId, 'alice@test', 'undo', TODAY);
      expect(undo).toMatchObject({ outcome: 'committed', applied: 1 });
      expect(await line('PO-CS-1', 3)).toMatchObject({ qty: '8', status: 'open', version: l3.version + 2 });
      expect(await reverseChangeSet(env.db, edit.changeSetId, 'alice@test', 'undo', TODAY)).toMatchObject({ outcome: 'refused' });

      const redo = committed((await reverseChangeSet(env.db, edit.changeSetId, 'alice@test', 'redo', TODAY)) as CommitResult);
      expect(await line('PO-CS-1', 3)).toMatchObject({ qty: '12', status: 'cancelled', version: l3.version + 3 });
      const sets = await listChangeSets(prisma, { actor: 'alice@test', limit: 3 });
      expect(sets.map((s) => [s.id, s.source, s.undoes, s.undoneBy])).toEqual([
        [redo.changeSetId, 'redo', (undo as { changeSetId: number }).changeSetId, null],
        [(undo as { changeSetId: number }).changeSetId, 'undo', edit.changeSetId, redo.changeSetId],
        [edit.changeSetId, 'edit', null, null],
      ]);

      // Someone edits the line after the redo: undoing the redone edit now conflicts, naming both values.
      const now = await line('PO-CS-1', 3);
      committed(await commit([{ entity: 'purchaseOrderLine', id: now.id, version: now.version, set: { qty: '20' } }], 'bob@test'));
      const refused = await reverseChangeSet(env.db, edit.changeSetId, 'alice@test', 'undo', TODAY);
      expect(refused).toEqual({
        outcome: 'conflict',
        conflicts: [expect.objectContaining({ id: now.id, currentVersion: now.version + 1, changedBy: 'bob@test', fields: expect.arrayContaining([{ field: 'qty', yours: '8', theirs: '20' }]) })],
      });
      expect((await line('PO-CS-1', 3)).qty).toBe('20');
    });

    it('an edit read before an import of the same row conflicts: imports bump the version', async () => {
      const l2 = await line('PO-CS-1', 2);
      await importCsv('purchase-orders', poCsv('PO-CS-1', [{ line: 2, date: '2027-04-02' }]), 'supplier-file');
      const stale = await commit([{ entity: 'purchaseOrderLine', id: l2.id, version: l2.version, set: { promisedDate: '2027-03-09' } }]);
      expect(stale).toMatchObject({
        outcome: 'conflict',
        conflicts: [{ id: l2.id, currentVersion: l2.version + 1, fields: [{ field: 'promisedDate', yours: '2027-03-09', theirs: '2027-04-02' }], changedBy: 'supplier-file' }],
      });
      // Every editable entity's import bumps its version too.
      const before = await prisma.item.findUniqueOrThrow({ where: { sku: 'CS-GPU' } });
      await importCsv('items', ITEMS.replace('Change-set GPU', 'Renamed GPU'));
      expect((await prisma.item.findUniqueOrThrow({ where: { sku: 'CS-GPU' } })).version).toBe(before.version + 1);
    });

    it('keeps the promise history through import, revert, edit and undo, with the first promise kept', async () => {
      await importCsv('purchase-orders', poCsv('PO-CS-PROM', [{ line: 1, date: '2027-06-01' }]));
      const batch = await importCsv('purchase-orders', poCsv('PO-CS-PROM', [{ line: 1, date: '2027-07-01' }]), 'supplier-file');
      // An import that leaves the date alone writes no re-promise.
      const qtyOnly = await importCsv('purchase-orders', poCsv('PO-CS-PROM', [{ line: 1, date: '2027-07-01', qty: '10' }]), 'supplier-file');
      expect(await revertBatch(env.db, qtyOnly.batchId!, 'alice@test')).toMatchObject({ outcome: 'reverted' });
      expect(await revertBatch(env.db, batch.batchId!, 'alice@test')).toMatchObject({ outcome: 'reverted' });
      let l = await line('PO-CS-PROM');
      expect(l.promisedDate).toBe('2027-06-01');
      const edit = committed(await commit([{ entity: 'purchaseOrderLine', id: l.id, version: l.version, set: { promisedDate: '2027-06-15' } }]));
      expect(await reverseChangeSet(env.db, edit.changeSetId, 'alice@test', 'undo', TODAY)).toMatchObject({ outcome: 'committed' });
      l = await line('PO-CS-PROM');

      const history = await fetchLineHistory(prisma, l.id);
      expect(history?.line).toMatchObject({ label: 'CSUP/PO-CS-PROM/1', promisedDate: '2027-06-01', firstPromisedDate: '2027-06-01', slipDays: 0 });
      expect(history?.promises.map((p) => [p.promisedDate, p.source])).toEqual([
        ['2027-06-01', 'undo'],
        ['2027-06-15', 'edit'],
        ['2027-06-01', 'revert'],
        ['2027-07-01', 'import'],
        ['2027-06-01', 'create'],
      ]);
      expect(history?.promises[4]).toMatchObject({ actor: 'importer', batchId: expect.any(Number), changeSetId: expect.any(Number) });
      expect(history?.promises[3]).toMatchObject({ batchId: batch.batchId, actor: 'supplier-file' });
      expect(history?.promises[1]).toMatchObject({ changeSetId: edit.changeSetId, actor: 'alice@test' });
      expect(history?.events[0]).toMatchObject({ source: 'undo', fields: [{ field: 'promisedDate', before: '2027-06-15', after: '2027-06-01' }] });
      // The import and its revert are change sets too, linked to the batch and to each other.
      const importSet = await prisma.changeSet.findFirstOrThrow({ where: { importBatchId: batch.batchId!, source: 'import' } });
      const revertSet = await prisma.changeSet.findFirstOrThrow({ where: { importBatchId: batch.batchId!, source: 'revert' } });
      expect(importSet.undoneById).toBe(revertSet.id);
      expect(history?.events.map((e) => [e.source, e.changeSetId])).toEqual(expect.arrayContaining([['import', importSet.id], ['revert', revertSet.id]]));
    });

    it('receive moves the quantity into stock in the same change set, and undo takes it back', async () => {
      await importCsv('purchase-orders', poCsv('PO-CS-RECV', [{ line: 1, date: '2027-01-10', qty: '8' }]));
      const l = await line('PO-CS-RECV');
      const stock = async () => (await prisma.inventoryBalance.findFirst({ where: { location: 'WH-CS', item: { sku: 'CS-GPU' } } }))?.onHand.toString();
      expect(await stock()).toBe('16');
      const recv = committed(await commit([{ entity: 'purchaseOrderLine', id: l.id, version: l.version, op: 'receive', set: { location: 'WH-CS', receivedDate: '2027-01-12' } }]));
      expect(await stock()).toBe('24');
      const after = await prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id: l.id } });
      expect(after).toMatchObject({ status: 'received' });
      expect(after.receivedQty?.toString()).toBe('8');
      expect((await fetchLineHistory(prisma, l.id))?.line.slipDays).toBe(2);
      expect(await prisma.auditEvent.count({ where: { changeSetId: recv.changeSetId } })).toBe(2);
      // A second receive of the same line is refused by name.
      const again = await commit([{ entity: 'purchaseOrderLine', id: l.id, version: after.version, op: 'receive', set: { location: 'WH-CS' } }]);
      expect(again).toMatchObject({ outcome: 'invalid', errors: [{ field: 'status' }] });

      expect(await reverseChangeSet(env.db, recv.changeSetId, 'alice@test', 'undo', TODAY)).toMatchObject({ outcome: 'committed' });
      expect(await stock()).toBe('16');
      expect(await line('PO-CS-RECV')).toMatchObject({ status: 'open' });
      // Into a new location: the balance is created, and undo deletes it.
      const l2 = await line('PO-CS-RECV');
      const recv2 = committed(await commit([{ entity: 'purchaseOrderLine', id: l2.id, version: l2.version, op: 'receive', set: { location: 'WH-NEW', receivedQty: '5' } }]));
      expect((await prisma.inventoryBalance.findFirstOrThrow({ where: { location: 'WH-NEW' } })).onHand.toString()).toBe('5');
      expect(await reverseChangeSet(env.db, recv2.changeSetId, 'alice@test', 'undo', TODAY)).toMatchObject({ outcome: 'committed' });
      expect(await prisma.inventoryBalance.count({ where: { location: 'WH-NEW' } })).toBe(0);
    });

    it("measures each supplier's on-time rate and mean slip from the delivery record", async () => {
      await importCsv('purchase-orders', poCsv('PO-PERF', [{ line: 1, date: '2027-02-01' }, { line: 2, date: '2027-02-01' }, { line: 3, date: '2027-02-01' }], 'PERF'));
      const [l1, l2, l3] = [await line('PO-PERF', 1), await line('PO-PERF', 2), await line('PO-PERF', 3)];
      committed(
        await commit([
          { entity: 'purchaseOrderLine', id: l1.id, version: l1.version, op: 'receive', set: { location: 'WH-CS', receivedDate: '2027-02-05' } },
          { entity: 'purchaseOrderLine', id: l2.id, version: l2.version, op: 'receive', set: { location: 'WH-CS', receivedDate: '2027-01-31' } },
          { entity: 'purchaseOrderLine', id: l3.id, version: l3.version, set: { promisedDate: '2027-02-08' } },
        ]),
      );
      expect(await fetchSupplierPerformance(prisma, { suppliers: ['PERF'] })).toEqual([
        { supplier: 'PERF', receivedLines: 2, onTimeLines: 1, onTimeRate: 0.5, meanSlipDays: 1.5, openLines: 1, meanOpenSlipDays: 7 },
      ]);
      expect((await fetchLineHistory(prisma, l1.id))?.line).toMatchObject({ receivedDate: '2027-02-05', receivedQty: '8', slipDays: 4 });
    });

    it('creates a PO with its line, refuses a delete while rows refer to it, and every change is audited', async () => {
      const created = committed(
        await commit([
          { entity: 'supplier', op: 'create', set: { code: 'csnew', name: 'New supplier' } },
          { entity: 'purchaseOrderLine', op: 'create', set: { supplier: 'CSNEW', poNumber: 'PO-CS-NEW', lineNo: 1, sku: 'CS-GPU', qty: '4', promisedDate: '2027-08-01' } },
          { entity: 'item', id: (await prisma.item.findUniqueOrThrow({ where: { sku: 'CS-GPU' } })).id, version: (await prisma.item.findUniqueOrThrow({ where: { sku: 'CS-GPU' } })).version, set: { site: null, name: 'GPU again' } },
        ]),
      );
      const events = await prisma.auditEvent.findMany({ where: { changeSetId: created.changeSetId }, orderBy: { id: 'asc' } });
      expect(events.map((e) => [e.entity, e.entityId, e.action])).toEqual(
        expect.arrayContaining([
          ['Supplier', 'CSNEW', 'create'],
          ['PurchaseOrder', 'CSNEW/PO-CS-NEW', 'create'],
          ['PurchaseOrderLine', 'CSNEW/PO-CS-NEW/1', 'create'],
          ['Item', 'CS-GPU', 'update'],
        ]),
      );
      const newLine = created.rows.find((r) => r.index === 1)!;
      expect((await prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id: newLine.id } })).firstPromisedDate?.toISOString().slice(0, 10)).toBe('2027-08-01');
      const supplier = await prisma.supplier.findUniqueOrThrow({ where: { code: 'CSNEW' } });
      const refused = await commit([{ entity: 'supplier', id: supplier.id, version: supplier.version, op: 'delete' }]);
      expect(refused).toMatchObject({ outcome: 'invalid', errors: [{ index: 0, label: 'CSNEW', message: expect.stringContaining('purchase orders') }] });
      // Undo takes all three back: the line, its new PO and the supplier go; the item's name returns.
      expect(await reverseChangeSet(env.db, created.changeSetId, 'alice@test', 'undo', TODAY)).toMatchObject({ outcome: 'committed' });
      expect(await prisma.supplier.count({ where: { code: 'CSNEW' } })).toBe(0);
      expect((await prisma.item.findUniqueOrThrow({ where: { sku: 'CS-GPU' } })).name).toBe('Renamed GPU');
      const history = await fetchEntityHistory(prisma, 'item', supplier.id === 0 ? 0 : (await prisma.item.findUniqueOrThrow({ where: { sku: 'CS-GPU' } })).id);
      expect(history?.events.slice(0, 2).map((e) => e.source)).toEqual(['undo', 'edit']);
    });
  });
}
