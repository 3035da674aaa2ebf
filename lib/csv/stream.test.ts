import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { parseNumberedCanonicalCsv } from './parse';
import { createCanonicalRowStream } from './stream';

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

function inventoryCsv(rows: number): string {
  return ['sku,location,on_hand', ...Array.from({ length: rows }, (_, i) => `SKU-${i},WH,${i}`)].join('\n');
}

describe('createCanonicalRowStream', () => {
  it('yields valid rows in batches of at most the requested size, however the input is chunked', async () => {
    const whole = createCanonicalRowStream('inventory', Readable.from([inventoryCsv(12_000)]), { batchSize: 5_000 });
    expect((await collect(whole)).map((batch) => batch.length)).toEqual([5_000, 5_000, 2_000]);
    const bytes = Readable.from(Buffer.from(inventoryCsv(12_000)), { objectMode: false, highWaterMark: 4096 });
    const chunked = createCanonicalRowStream('inventory', bytes, { batchSize: 5_000 });
    const batches = await collect(chunked);
    expect(batches.map((batch) => batch.length)).toEqual([5_000, 5_000, 2_000]);
    expect(batches[2]?.at(-1)).toEqual({ row: 12_001, value: { sku: 'SKU-11999', location: 'WH', onHand: '11999' } });
    expect(chunked.errorCount).toBe(0);
    expect(chunked.rowCount).toBe(12_000);
  });

  it('decodes multi-byte characters split across byte chunks', async () => {
    const bytes = Buffer.from('sku,name,category,unit\nA,Kühlmittel 冷却,cooling,m³\n');
    const chunks = Array.from(bytes, (byte) => Uint8Array.of(byte)); // worst case: one byte per chunk
    const stream = createCanonicalRowStream('items', chunks.values() as unknown as AsyncIterable<Uint8Array>);
    expect((await collect(stream)).flat()).toMatchObject([{ row: 2, value: { name: 'Kühlmittel 冷却', unit: 'm³' } }]);
    expect(stream.errors).toEqual([]);
  });

  it('collects errors with spreadsheet row numbers while still yielding the valid rows with theirs', async () => {
    const text = 'sku,location,on_hand\nA,WH,1\n\nB,"W\nH",x\nC,WH,3\n';
    const stream = createCanonicalRowStream('inventory', Readable.from([text.slice(0, 17), text.slice(17)]), { file: 'stock.csv' });
    expect((await collect(stream)).flat().map(({ row, value }) => [row, value.sku])).toEqual([[2, 'A'], [6, 'C']]);
    expect(stream.errors).toEqual([
      { row: 4, column: 'location', message: 'must be a single line without control characters' },
      { row: 4, column: 'on_hand', message: 'must be a non-negative decimal' },
    ]);
    expect(stream.message).toMatch(/^stock\.csv: row 4, column location:/);
  });

  it('stops reading a binary file at the first NUL byte', async () => {
    let chunksRead = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        chunksRead++;
        yield i === 0 ? 'sku,location,on_hand\n' : 'A,WH\u0000,1\n';
      }
    }
    const stream = createCanonicalRowStream('inventory', source());
    await collect(stream);
    expect(chunksRead).toBe(2);
    expect(stream.errors).toEqual([{ row: 2, column: null, message: expect.stringMatching(/^not a text CSV file/) }]);
  });

  it('agrees with parseCanonicalCsv on a file with every kind of problem', async () => {
    const text = '\uFEFFsku,location,on_hand\r\nA,WH,1\r\n,,\r\nA,WH,2\r\nB,WH\r\nC,"WH""1",1e3\r\nD,"WH,2\r\n';
    const whole = parseNumberedCanonicalCsv('inventory', text);
    const stream = createCanonicalRowStream('inventory', Readable.from(text.split('')));
    expect((await collect(stream)).flat()).toEqual(whole.rows);
    expect(stream.errors).toEqual(whole.errors);
  });
});
