import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvImportError } from '@/lib/csv';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { ImportMapping } from '@/lib/mapping';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { FileTooLargeError } from './byte-source';
import { fetchBatchEventRows } from './batch-events';
import { revertBatch } from './revert';
import { runImport, type ImportRequest } from './run-import';
import { ForeignRowsError } from './staged/run-staged';

const enc = (s: string) => new TextEncoder().encode(s);

const ITEMS = `sku,name,category,unit,site,gpus_online_per_unit
GPU-S,Test GPU,gpu,ea,,0
PIPE-S,Test pipe,cooling,m,,
NODE-S,Node,compute,ea,,0
ONLINE-S,Node online,compute,ea,S1,8
`;
const RECIPES = `output_sku,output_qty,lead_time_days,max_starts_per_week
NODE-S,1,2,
ONLINE-S,1,1,
`;
const BOM = `output_sku,component_sku,qty_per_build
NODE-S,GPU-S,8
NODE-S,PIPE-S,10
ONLINE-S,NODE-S,1
`;
const PO = `supplier,po_number,line,sku,qty,promised_date,status
ACME,PO-1,1,GPU-S,80,2027-01-04,open
ACME,PO-1,2,PIPE-S,100.5,2027-01-11,open
ACME,PO-2,1,GPU-S,16,2027-02-01,open
ACME,PO-2,2,PIPE-S,30.48,2027-02-01,open
`;
const TARGETS = `date,gpus_online
2027-03-01,80
`;

/** ACME's own delivery schedule: Windows-1252, semicolons, a preamble, German headers, DD.MM.YYYY, decimal commas, pipe in feet. */
const ACME_FILE = Buffer.concat([
  Buffer.from('Lieferplan ACME GmbH\r\n\r\nBestellnummer;Pos;Artikel;Menge;Liefertermin;Bemerkung\r\n', 'latin1'),
  Buffer.from('PO-2;2;PIPE-S;100;01.02.2027;pünktlich\r\nPO-1;2;PIPE-S;"1.000,0";25.01.2027;verspätet\r\nPO-3;1;PIPE-S;8;01.03.2027;neu\r\n', 'latin1'),
]);
const ACME_MAPPING: ImportMapping = {
  columns: { Bestellnummer: 'po_number', Pos: 'line', Artikel: 'sku', Menge: 'qty', Liefertermin: 'promised_date', Bemerkung: null },
  constants: { supplier: 'ACME' },
  dateFormat: 'DD.MM.YYYY',
  decimalSeparator: ',',
  thousandsSeparator: '.',
  unitFactors: { qty: '0.3048' },
};

/** Every row a batch changed, as the batch page and a revert read them. */
async function changedRows(prisma: PrismaClient, batchId: number) {
  return (await fetchBatchEventRows((sql, params) => prisma.$queryRawUnsafe(sql, ...params), batchId, 0, 10_000)).rows;
}

async function poLines(prisma: PrismaClient) {
  const lines = await prisma.purchaseOrderLine.findMany({
    include: { item: { select: { sku: true } }, purchaseOrder: { include: { supplier: { select: { code: true } } } } },
    orderBy: [{ purchaseOrderId: 'asc' }, { lineNo: 'asc' }],
  });
  return lines.map((l) => ({
    key: `${l.purchaseOrder.supplier.code}/${l.purchaseOrder.poNumber}/${l.lineNo}`,
    sku: l.item.sku,
    qty: l.qty.toString(),
    promisedDate: l.promisedDate.toISOString().slice(0, 10),
    status: l.status,
  }));
}

async function writtenCounts(prisma: PrismaClient) {
  const [lines, pos, suppliers, inventory, batches, audit] = await Promise.all([
    prisma.purchaseOrderLine.count(),
    prisma.purchaseOrder.count(),
    prisma.supplier.count(),
    prisma.inventoryBalance.count(),
    prisma.importBatch.count(),
    prisma.auditEvent.count(),
  ]);
  return { lines, pos, suppliers, inventory, batches, audit };
}

for (const db of testDatabaseKinds()) {
  describe(`supplier files on ${db.name}`, () => {
    let env: Awaited<ReturnType<typeof db.create>>;
    let prisma: PrismaClient;
    const run = (kind: ImportKind, source: string | Uint8Array, extra: Partial<ImportRequest> = {}) =>
      runImport(env.db, { kind, source: typeof source === 'string' ? enc(source) : source, filename: `${kind}.csv`, actor: 'test', ...extra });

    beforeAll(async () => {
      env = await db.create();
      prisma = env.db.prisma;
      for (const [kind, csv] of [['items', ITEMS], ['recipes', RECIPES], ['bom', BOM], ['targets', TARGETS], ['purchase-orders', PO]] as const) {
        await run(kind, csv);
      }
    });
    afterAll(async () => env?.dispose());

    it("previews a supplier's own format through a mapping: diff with the moved date first, and the forecast's change; writes nothing", async () => {
      const before = await writtenCounts(prisma);
      const preview = await run('purchase-orders', ACME_FILE, { mapping: ACME_MAPPING, supplierCode: 'ACME', dryRun: true, forecast: true });
      expect(preview).toMatchObject({ dryRun: true, batchId: null, rows: 3, created: 1, updated: 1, unchanged: 1, headline: { dates_moved: 1, dates_later: 1 } });
      expect(preview.changes[0]).toEqual({
        row: 5,
        key: 'ACME/PO-1/2',
        action: 'update',
        // An open line has no receipt (received date and quantity) before or after.
        before: { supplier: 'ACME', poNumber: 'PO-1', lineNo: 2, sku: 'PIPE-S', qty: '100.5', promisedDate: '2027-01-11', status: 'open', receivedDate: null, receivedQty: null },
        after: { supplier: 'ACME', poNumber: 'PO-1', lineNo: 2, sku: 'PIPE-S', qty: '304.8', promisedDate: '2027-01-25', status: 'open', receivedDate: null, receivedQty: null },
      });
      expect(preview.changes[1]).toMatchObject({ row: 6, key: 'ACME/PO-3/1', action: 'create', before: null });
      expect(preview.forecast).not.toBeNull();
      expect(preview.forecast!.before.nextTarget).toMatchObject({ date: '2027-03-01', target: 80 });
      // Pipe arrives two weeks later: fewer GPU-days, never more.
      expect(Number(preview.forecast!.after.gpuDays)).toBeLessThan(Number(preview.forecast!.before.gpuDays));
      expect(await writtenCounts(prisma)).toEqual(before);
    });

    it('commits it all or nothing, audits every change with its before, and the same file again changes nothing and says so', async () => {
      const committed = await run('purchase-orders', ACME_FILE, { mapping: ACME_MAPPING, supplierCode: 'ACME' });
      expect(committed).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 1, alreadyImported: false });
      const events = (await changedRows(prisma, committed.batchId!)).sort((x, y) => x.entityId.localeCompare(y.entityId));
      expect(events.map((e) => [e.entityId, e.action])).toEqual([
        ['ACME/PO-1/2', 'update'],
        ['ACME/PO-3/1', 'create'],
      ]);
      expect((await poLines(prisma)).find((l) => l.key === 'ACME/PO-1/2')).toMatchObject({ qty: '304.8', promisedDate: '2027-01-25' });
      const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: committed.batchId! } });
      expect(batch).toMatchObject({ status: 'committed', rowCount: 3, createdCount: 1, updatedCount: 1, unchangedCount: 1, sha256: committed.sha256 });

      const again = await run('purchase-orders', ACME_FILE, { mapping: ACME_MAPPING, supplierCode: 'ACME' });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, alreadyImported: true });
      expect(await prisma.auditEvent.count({ where: { batchId: again.batchId! } })).toBe(0);
    });

    it('reverts a batch to the values before it, audited, and refuses a batch whose rows changed since, naming them', async () => {
      const start = await poLines(prisma);
      const moved = PO.replace('2027-02-01', '2027-04-01') + 'ACME,PO-9,1,GPU-S,8,2027-05-03,open\n';
      const batch = await run('purchase-orders', moved);
      expect(batch.created).toBe(1);
      expect(batch.updated).toBeGreaterThanOrEqual(1);
      const later = await run('purchase-orders', 'supplier,po_number,line,sku,qty,promised_date\nACME,PO-9,1,GPU-S,9,2027-05-03\n');
      expect(later.updated).toBe(1);

      const refused = await revertBatch(env.db, batch.batchId!, 'test');
      expect(refused).toMatchObject({ outcome: 'conflict', conflicts: [expect.objectContaining({ key: 'ACME/PO-9/1', batchId: later.batchId, actor: 'test' })] });
      expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: batch.batchId! } })).toMatchObject({ status: 'committed' });

      expect(await revertBatch(env.db, later.batchId!, 'test')).toMatchObject({ outcome: 'reverted', restored: 1, deleted: 0 });
      expect(await revertBatch(env.db, batch.batchId!, 'test')).toMatchObject({ outcome: 'reverted', restored: batch.updated, deleted: 1 });
      expect(await poLines(prisma)).toEqual(start);
      expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: batch.batchId! } })).toMatchObject({ status: 'reverted', revertedBy: 'test' });
      expect(await prisma.auditEvent.count({ where: { entity: 'PurchaseOrderLine', entityId: 'ACME/PO-9/1', action: 'revert', after: { equals: Prisma.DbNull } } })).toBe(1);
      expect(await revertBatch(env.db, batch.batchId!, 'test')).toMatchObject({ outcome: 'refused' });
    });

    it('reverts master data too, but not an item that something refers to since', async () => {
      const targetsBefore = await prisma.target.findMany({ orderBy: { date: 'asc' }, select: { date: true, gpusOnline: true } });
      const targets = await run('targets', 'date,gpus_online\n2027-03-01,96\n2027-06-01,160\n');
      expect(targets).toMatchObject({ created: 1, updated: 1 });
      expect(await revertBatch(env.db, targets.batchId!, 'test')).toMatchObject({ outcome: 'reverted', restored: 1, deleted: 1 });
      expect(await prisma.target.findMany({ orderBy: { date: 'asc' }, select: { date: true, gpusOnline: true } })).toEqual(targetsBefore);

      const items = await run('items', 'sku,name,category,unit\nCABLE-S,Cable,network,ea\n');
      await run('purchase-orders', 'supplier,po_number,line,sku,qty,promised_date\nACME,PO-CAB,1,CABLE-S,4,2027-02-01\n');
      const refused = await revertBatch(env.db, items.batchId!, 'test');
      expect(refused).toMatchObject({ outcome: 'refused', message: expect.stringContaining('CABLE-S is used since') });
      expect(await prisma.item.count({ where: { sku: 'CABLE-S' } })).toBe(1);
    });

    it('names duplicate keys, unknown SKUs and another supplier’s rows by row and column, and writes nothing', async () => {
      const before = await writtenCounts(prisma);
      const dup = await run('purchase-orders', `${PO}ACME,PO-1,1,GPU-S,1,2027-01-04,open\n`).catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(CsvImportError);
      expect((dup as CsvImportError).errors).toEqual([{ row: 6, column: null, message: 'duplicate key ACME/PO-1/1 (first on row 2)' }]);

      const unknown = await run('purchase-orders', ACME_FILE.toString('latin1').replace('PO-3;1;PIPE-S', 'PO-3;1;GPU-X'), {
        mapping: ACME_MAPPING,
      }).catch((e: unknown) => e);
      expect((unknown as CsvImportError).errors).toEqual([expect.objectContaining({ row: 6, column: 'Artikel', message: expect.stringContaining('unknown SKU "GPU-X"') })]);

      const foreign = await run('purchase-orders', `${PO}OTHER,PO-1,1,GPU-S,1,2027-01-04,open\n`, { supplierCode: 'ACME' }).catch((e: unknown) => e);
      expect(foreign).toBeInstanceOf(ForeignRowsError);
      expect((foreign as CsvImportError).errors).toEqual([expect.objectContaining({ row: 6, column: 'supplier' })]);
      expect(await writtenCounts(prisma)).toEqual(before);
    });

    it('refuses a file past the size limit, naming the limit, and leaves nothing behind', async () => {
      const before = await writtenCounts(prisma);
      const big = PO + 'ACME,PO-BIG,1,GPU-S,1,2027-01-04,open\n'.repeat(5_000);
      const err = await run('purchase-orders', big, { byteLimit: 64 * 1024 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileTooLargeError);
      expect((err as Error).message).toBe('the file is over the 64 KB upload limit (CLEARBUILD_IMPORT_MAX_BYTES)');
      expect(await writtenCounts(prisma)).toEqual(before);
    });

    it('two overlapping files imported at once take turns: each diffs against what the other committed', async () => {
      const a = `supplier,po_number,line,sku,qty,promised_date\nACME,PO-C,1,GPU-S,1,2027-06-07\nACME,PO-C,2,GPU-S,2,2027-06-07\n`;
      const b = `supplier,po_number,line,sku,qty,promised_date\nACME,PO-C,2,GPU-S,3,2027-06-14\nACME,PO-C,3,GPU-S,4,2027-06-14\n`;
      const [ra, rb] = await Promise.all([run('purchase-orders', a), run('purchase-orders', b)]);
      // Whichever went second saw PO-C/2 as existing: one create and one update between them for that line.
      expect(ra.created + ra.updated + rb.created + rb.updated).toBe(4);
      expect([ra.updated, rb.updated].sort()).toEqual([0, 1]);
      // The one that went second (it found PO-C/2 and updated it) wrote last; batch ids say only who asked first.
      const second = ra.updated === 1 ? a : b;
      const line2 = (await poLines(prisma)).find((l) => l.key === 'ACME/PO-C/2');
      expect(line2?.qty).toBe(second === a ? '2' : '3');
      const events = [...(await changedRows(prisma, ra.batchId!)), ...(await changedRows(prisma, rb.batchId!))];
      expect(events.filter((e) => e.entityId.startsWith('ACME/PO-C/'))).toHaveLength(4);
    });

    it('random and mutated files never get past validation half-written: refused whole, or imported whole', async () => {
      const header = 'supplier,po_number,line,sku,qty,promised_date,status\n';
      const cell = fc.oneof(
        fc.constantFrom('ACME', 'PO-F', '1', '2', 'GPU-S', 'PIPE-S', 'GPU-X', '5', '-1', '', '2027-02-30', '2027-07-05', 'open', 'bogus', '=1+2', '"', '1e3'),
        fc.string({ maxLength: 6 }),
      );
      const row = fc.array(cell, { minLength: 5, maxLength: 8 }).map((cells) => cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','));
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.boolean(), async (rows, withHeader) => {
          const before = await poLines(prisma);
          const counts = await writtenCounts(prisma);
          const file = (withHeader ? header : '') + rows.join('\n');
          let summary;
          try {
            summary = await run('purchase-orders', file, { supplierCode: null });
          } catch (err) {
            expect(err).toBeInstanceOf(CsvImportError);
            expect(await poLines(prisma)).toEqual(before);
            expect(await writtenCounts(prisma)).toEqual(counts);
            return;
          }
          expect(summary.created + summary.updated + summary.unchanged).toBe(summary.rows);
        }),
        { numRuns: 40, seed: 20261126 },
      );
    });
  });
}
