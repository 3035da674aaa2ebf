import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError, HashingByteSource } from './byte-source';

async function* chunks(parts: string[], read: string[]) {
  for (const p of parts) {
    read.push(p);
    yield new TextEncoder().encode(p);
  }
}

describe('HashingByteSource', () => {
  it('hashes exactly the bytes sent', async () => {
    const source = new HashingByteSource(chunks(['a,b\n', '1,2\n'], []));
    for await (const chunk of source) void chunk;
    expect(source.sha256()).toBe(createHash('sha256').update('a,b\n1,2\n').digest('hex'));
    expect(source.bytes).toBe(8);
  });

  it('a reader that stops early leaves the rest for drain(), so an uploader is never left hanging', async () => {
    const read: string[] = [];
    const source = new HashingByteSource(chunks(['one', 'two', 'three'], read));
    for await (const chunk of source) {
      void chunk;
      break;
    }
    expect(read).toEqual(['one']);
    await source.drain();
    expect(read).toEqual(['one', 'two', 'three']);
  });

  it('close() releases a source left part-read', async () => {
    let released = false;
    async function* source() {
      try {
        yield new Uint8Array([1]);
        yield new Uint8Array([2]);
      } finally {
        released = true;
      }
    }
    const bytes = new HashingByteSource(source());
    for await (const chunk of bytes) {
      void chunk;
      break;
    }
    expect(released).toBe(false);
    await bytes.close();
    expect(released).toBe(true);
  });

  it('stops past the limit with an error naming it', async () => {
    const source = new HashingByteSource(chunks(['x'.repeat(700), 'y'.repeat(700)], []), 1024);
    const err = await (async () => {
      for await (const chunk of source) void chunk;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect((err as Error).message).toContain('1 KB upload limit');
  });
});
