import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLargeError } from './byte-source';
import { spoolUpload, UploadIdleError } from './spool-upload';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearbuild-spool-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function stream(chunks: string[], stallAfter = Infinity): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i >= stallAfter) return new Promise(() => undefined); // never sends again
      if (i >= chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[i++]!));
    },
  });
}

async function text(source: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

describe('spoolUpload', () => {
  it('receives the whole body into a file and streams it back unchanged', async () => {
    const up = await spoolUpload(stream(['sku,name\n', 'A,', 'Ä\n']), { limit: 1_000, idleMs: 5_000, dir });
    expect(up.bytes).toBe(Buffer.byteLength('sku,name\nA,Ä\n'));
    expect(await text(up.open())).toBe('sku,name\nA,Ä\n');
    await up.remove();
    expect(fs.existsSync(up.path)).toBe(false);
  });

  it('refuses a body past the limit and leaves no file behind', async () => {
    await expect(spoolUpload(stream(['x'.repeat(600), 'x'.repeat(600)]), { limit: 1_000, idleMs: 5_000, dir })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('cuts off a client that stops sending, and leaves no file behind', async () => {
    await expect(spoolUpload(stream(['sku\n', 'A\n', 'B\n'], 2), { limit: 1_000, idleMs: 200, dir })).rejects.toBeInstanceOf(UploadIdleError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
