import { DETECT_HEAD_BYTES } from './detect';

const encoder = new TextEncoder();

/** The first `DETECT_HEAD_BYTES` of the source for detection, and the chunks read to get them (to replay). */
export async function readHead(iterator: AsyncIterator<Uint8Array | string>) {
  const chunks: (Uint8Array | string)[] = [];
  const bytes: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < DETECT_HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    const chunkBytes = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
    bytes.push(chunkBytes);
    length += chunkBytes.length;
  }
  const head = new Uint8Array(Math.min(length, DETECT_HEAD_BYTES));
  let offset = 0;
  for (const chunk of bytes) {
    if (offset >= head.length) break;
    const part = chunk.subarray(0, head.length - offset);
    head.set(part, offset);
    offset += part.length;
  }
  return { chunks, head, complete: ended && length <= DETECT_HEAD_BYTES };
}

