/**
 * Rows per second of createImportRowStream on a generated 1,000,000-line purchase-order
 * file, without a mapping (canonical), with an identity mapping, and with a supplier's
 * German format (semicolons, DD.MM.YYYY, decimal commas, a unit factor). A measurement to
 * run by hand, not a test: timings depend on the machine.
 *
 *   node --import tsx lib/mapping/measure-throughput.ts [lines]
 *
 * Not `npx tsx …`: the tsx command turns on --enable-source-maps, under which zod-heavy
 * parsing ran about twice as slow (Node 20.20): a measure of the flag, not of the parser.
 * Files are generated once into the temporary folder and read back as a stream.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createImportRowStream } from './import-row-stream';
import { importMappingSchema, type ImportMapping } from './mapping';

const lines = Number(process.argv[2] ?? 1_000_000);

/** Lines written straight to disk: generating them in memory would leave the heap full of garbage for the first measurement. */
async function generate(format: 'canonical' | 'german'): Promise<string> {
  const path = join(tmpdir(), `clearbuild-po-${format}-${lines}.csv`);
  if (existsSync(path)) return path;
  const out = createWriteStream(path, { encoding: 'latin1' });
  const write = async (text: string) => {
    if (!out.write(text, 'latin1')) await once(out, 'drain');
  };
  await write(format === 'canonical' ? 'supplier,po_number,line,sku,qty,promised_date,status\r\n' : 'Lieferavis Müller GmbH;;;;;\r\n\r\nBestellnummer;Pos.;Artikelnummer;Menge;Liefertermin;Status\r\n');
  let block = '';
  for (let i = 0; i < lines; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const po = `PO-${String(Math.floor(i / 10)).padStart(7, '0')}`;
    const qty = `${i % 100_000}.5`;
    if (format === 'canonical') block += `SUP-${i % 50},${po},${(i % 10) + 1},SKU-${i % 5000}-A100,${qty},${day},open\r\n`;
    else {
      const [y, m, d] = day.split('-');
      const german = qty.replace(/\B(?=(\d{3})+(?!\d))/, '.').replace(/\.5$/, ',5');
      block += `${po}-${i % 50};${(i % 10) + 1};SKU-${i % 5000}-A100;${german};${d}.${m}.${y};open\r\n`;
    }
    if (block.length > 1 << 16) {
      await write(block);
      block = '';
    }
  }
  await write(block);
  out.end();
  await once(out, 'finish');
  return path;
}

async function measure(label: string, path: string, mapping: ImportMapping | null, checkDuplicateKeys: boolean) {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const source = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = createImportRowStream('purchase-orders', source, { mapping, checkDuplicateKeys, maxErrors: 5 });
  let rows = 0;
  for await (const batch of stream) rows += batch.length;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (stream.errorCount > 0) console.error(stream.message);
  console.log(
    `${label.padEnd(48)} ${rows} rows  ${seconds.toFixed(2)} s wall  ${cpuSeconds.toFixed(2)} s CPU  ` +
      `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s (${Math.round(rows / cpuSeconds).toLocaleString('en-US')} per CPU-second)`,
  );
}

const canonical = await generate('canonical');
const german = await generate('german');
console.log(`files: ${canonical}, ${german}`);

const identity = importMappingSchema.parse({
  columns: Object.fromEntries(['supplier', 'po_number', 'line', 'sku', 'qty', 'promised_date', 'status'].map((c) => [c, c])),
});
const supplierFormat = importMappingSchema.parse({
  columns: { Bestellnummer: 'po_number', 'Pos.': 'line', Artikelnummer: 'sku', Menge: 'qty', Liefertermin: 'promised_date', Status: 'status' },
  constants: { supplier: 'MUELLER' },
  dateFormat: 'DD.MM.YYYY',
  decimalSeparator: ',',
  thousandsSeparator: '.',
  unitFactors: { qty: '0.3048' },
});

for (const checkDuplicateKeys of [true, false]) {
  const keys = checkDuplicateKeys ? 'duplicate keys checked' : 'duplicate keys left to SQL';
  await measure(`canonical, no mapping, ${keys}`, canonical, null, checkDuplicateKeys);
  await measure(`canonical, identity mapping, ${keys}`, canonical, identity, checkDuplicateKeys);
  await measure(`German format + unit factor, ${keys}`, german, supplierFormat, checkDuplicateKeys);
}
