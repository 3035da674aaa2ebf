import { describe, expect, it } from 'vitest';
import { readTextWithLimit } from './upload';

function body(chunks: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (i >= chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[i++]!));
    },
  }, { highWaterMark: 0 }); // pulled only when read
}

describe('readTextWithLimit (the capped reader for small bodies)', () => {
  it('reads a body within the cap as text', async () => {
    expect(await readTextWithLimit({ headers: new Headers(), body: body(['{"a":', '"é"}']) }, 100)).toBe('{"a":"é"}');
    expect(await readTextWithLimit({ headers: new Headers(), body: null }, 100)).toBe('');
  });

  it('refuses a declared length past the cap without reading a byte', async () => {
    let pulls = 0;
    const result = await readTextWithLimit({ headers: new Headers({ 'content-length': '5000' }), body: body(['x'], () => pulls++) }, 100);
    expect(result).toBeNull();
    expect(pulls).toBe(0);
  });

  it('stops reading an endless body as soon as it passes the cap', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(64));
      },
    });
    expect(await readTextWithLimit({ headers: new Headers(), body: endless }, 1_000)).toBeNull();
    expect(pulls).toBeLessThan(40);
  });
});
